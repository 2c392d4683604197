"""Cross-entry checks done once the whole hall is loaded: body links and identifiers.

Staff link from one body (``zh.md``/``en.md``) to another entry by the relative path of
its folder, or of its ``zh.md``/``en.md``/``exhibit.yml``/``news.yml`` (the MkDocs adapter
points such links at the generated page). A link to an entry that does not exist is
reported with the closest identifier, and two entries that would share an address are
reported too. Pure functions over the model; nothing here knows MkDocs.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from pathlib import PurePosixPath
from typing import Iterable

from .model import Body, Hall
from .problems import ProblemLog

#: ``[text](target)`` or ``![alt](target)``, target without spaces, optional "title".
MARKDOWN_LINK = re.compile(r"(!?)\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#|/)", re.I)
ENTRY_FILES = ("zh.md", "en.md", "exhibit.yml", "news.yml", "index.md")
#: Top-level addresses the site generates itself; a free page may not take one of them.
RESERVED_PAGE_SLUGS = frozenset({
    "exhibits", "news", "timeline", "achievements", "browse", "search", "media", "assets",
    "about-this-site", "en", "feed", "404",
})


def check_hall_links(hall: Hall, log: ProblemLog) -> None:
    """Report body links to entries that do not exist, and entries sharing an identifier."""
    targets = _Targets(hall)
    for virtual_dir, body in _bodies(hall):
        _check_body(body, virtual_dir, targets, log)
    check_identifiers(hall, log)


def _bodies(hall: Hall) -> Iterable[tuple[str, Body]]:
    """Each body with the folder its page stands in on the site (links resolve from there)."""
    for exhibit in hall.exhibits.values():
        for body in exhibit.bodies.values():
            yield f"exhibits/{exhibit.id}", body
    for item in hall.news:
        for body in getattr(item, "bodies", {}).values():
            yield f"news/{item.id}", body
    for page in hall.pages:
        for body in page.bodies.values():
            yield page.slug, body


class _Targets:
    """Every address a body link may point at, on disk and on the site."""

    def __init__(self, hall: Hall):
        self.root = hall.root
        self.entries: dict[str, str] = {}  # site folder -> identifier shown to staff
        for exhibit in hall.exhibits.values():
            self.entries[f"exhibits/{exhibit.id}"] = exhibit.id
            self.entries[exhibit.folder] = exhibit.id
        for zone in hall.zones:
            self.entries[f"exhibits/{zone.id}"] = zone.id
        for item in hall.news:
            self.entries[f"news/{item.id}"] = item.id
            self.entries[item.folder] = item.id
        for page in hall.pages:
            self.entries[page.slug] = page.slug
        self.identifiers = sorted(set(self.entries.values()))

    def exists(self, path: str) -> bool:
        """``path`` is repository-relative and normalised (may start with ``..``)."""
        if path.startswith(".."):
            return False
        if path in ("", "."):
            return True
        if path in self.entries:
            return True
        parent, name = posixpath.split(path)
        if name in ENTRY_FILES and parent in self.entries:
            return True
        # content/pages/about.zh.md and the like: an existing staff file
        candidate = self.root / path
        return candidate.exists()


def _check_body(body: Body, virtual_dir: str, targets: _Targets, log: ProblemLog) -> None:
    disk_dir = posixpath.dirname(body.file)
    for match in MARKDOWN_LINK.finditer(body.text):
        image, target = match.group(1), match.group(2)
        if image or _EXTERNAL.match(target):
            continue  # photos in bodies are checked by the media step; web links are not ours
        path = target.split("#", 1)[0].split("?", 1)[0]
        if not path:
            continue
        suffix = PurePosixPath(path).suffix.lower()
        if suffix and suffix not in (".md", ".yml"):
            continue  # a document or photo file: not an entry
        on_disk = posixpath.normpath(posixpath.join(disk_dir, path)).rstrip("/")
        on_site = posixpath.normpath(posixpath.join(virtual_dir, path)).rstrip("/")
        if targets.exists(on_disk) or targets.exists(on_site):
            continue
        line = body.text.count("\n", 0, match.start()) + 1
        column = match.start() - (body.text.rfind("\n", 0, match.start()) + 1) + 1
        guess = _closest_entry(targets, on_site, on_disk)
        log.report(
            "link.missing", body.file,
            f"链接“{target}”指向的条目不存在。",
            f"The link “{target}” points at an entry that does not exist.",
            (f"你是不是想链接“{guess}”？" if guess else "检查链接的路径。")
            + "链接其他展品请写它的文件夹相对路径，例如 ../ming-mosque/zh.md。",
            (f"Did you mean “{guess}”? " if guess else "Check the link's path. ")
            + "Link to another exhibit by the relative path of its folder, e.g. ../ming-mosque/zh.md.",
            line=line, column=column,
        )


def _closest_entry(targets: _Targets, *paths: str) -> str | None:
    """The identifier of the entry whose address is nearest to what the link gives."""
    best: tuple[float, str] | None = None
    for path in paths:
        if posixpath.basename(path) in ENTRY_FILES:
            path = posixpath.dirname(path)
        for address, identifier in targets.entries.items():
            score = difflib.SequenceMatcher(None, path, address).ratio()
            if score >= 0.6 and (best is None or score > best[0]):
                best = (score, identifier)
    return best[1] if best else None


def check_identifiers(hall: Hall, log: ProblemLog) -> None:
    """Two entries that would share one address (or differ only in letter case)."""
    seen: dict[str, str] = {}

    def claim(identifier: str, file: str, kind_zh: str, kind_en: str) -> None:
        key = identifier.lower()
        if key in seen and seen[key] != file:
            log.report(
                "id.duplicate", file,
                f"{kind_zh}的标识“{identifier}”与 {seen[key]} 相同（不区分大小写），两者会占用同一个网址。",
                f"The {kind_en} identifier “{identifier}” is the same as that of {seen[key]} "
                "(ignoring letter case); both would take the same address.",
                "给其中一个改名（文件夹名或文件名），并更新指向它的链接。",
                "Rename one of them (folder or file name) and update links to it.",
            )
            return
        seen.setdefault(key, file)

    for zone in hall.zones:
        claim(f"exhibits/{zone.id}", f"exhibits/{zone.id}", "展区", "zone")
    for exhibit in hall.exhibits.values():
        claim(f"exhibits/{exhibit.id}", exhibit.folder, "展品", "exhibit")
    for item in hall.news:
        claim(f"news/{item.id}", item.folder, "动态", "news item")
    for page in hall.pages:
        file = next(iter(page.bodies.values())).file
        if page.slug in RESERVED_PAGE_SLUGS:
            log.report(
                "id.reserved", file,
                f"页面名“{page.slug}”已被网站自身的栏目占用，两者会占用同一个网址。",
                f"The page name “{page.slug}” is already used by a section the site makes itself; "
                "both would take the same address.",
                f"把文件改名，例如 {page.slug}-info.zh.md。",
                f"Rename the file, e.g. {page.slug}-info.zh.md.",
            )
            continue
        claim(page.slug, file, "页面", "page")
