"""Cross-entry checks done once the whole hall is loaded: body links and identifiers.

Every link in a staff body (inline, reference-style or raw ``<a href>``, see
``bodylinks.py``) is resolved as the site will have it, by the same function the MkDocs
adapter rewrites it with (``linkmap.py``): a link that would be a 404 on the site is an error
naming file, line and column, with the closest existing page written as the link to use.
Two entries that would share an address are reported too. Pure functions over the model;
nothing here knows MkDocs.
"""

from __future__ import annotations

import difflib
import posixpath
from typing import Iterable

from .bodylinks import BodyLink, body_links
from .linkmap import LinkTable, Resolved, Target, is_photo
from .model import Body, Hall
from .problems import ProblemLog

#: Top-level addresses the site generates itself; a free page may not take one of them.
RESERVED_PAGE_SLUGS = frozenset({
    "exhibits", "news", "timeline", "achievements", "browse", "search", "media", "assets",
    "about-this-site", "en", "feed", "404",
})


def check_hall_links(hall: Hall, log: ProblemLog) -> None:
    """Report body links that lead nowhere on the site, and entries sharing an identifier."""
    table = LinkTable(hall)
    for folder, body, draft in hall_bodies(hall):
        for link in body_links(body.text):
            if link.image:
                continue  # photos shown in a body are checked by the media step
            resolved = table.resolve(link.url, body.file, folder, photos=link.kind != "reference")
            _check_link(table, body, folder, draft, link, resolved, log)
    check_identifiers(hall, log)


def hall_bodies(hall: Hall) -> Iterable[tuple[str, Body, bool]]:
    """Each body with the site folder of its page (relative links resolve from there) and
    whether it is a draft's (a draft may link to other drafts)."""
    for exhibit in hall.exhibits.values():
        for body in exhibit.bodies.values():
            yield f"exhibits/{exhibit.id}", body, exhibit.status == "draft"
    for item in hall.news:
        for body in item.bodies.values():
            yield f"news/{item.id}", body, item.status == "draft"
    for page in hall.pages:
        for body in page.bodies.values():
            yield page.slug, body, False


def _check_link(table: LinkTable, body: Body, folder: str, draft: bool, link: BodyLink, resolved: Resolved,
                log: ProblemLog) -> None:
    line, column = link.place(body.text)
    url = link.url
    if resolved.kind == "photo" and resolved.photo in table.draft_photos and not draft:
        owner = posixpath.dirname(resolved.photo)
        target = Target(next((t.identifier for t in table.sites.values() if t.disk and t.disk.startswith(owner + "/")),
                             owner), None, True)
    elif resolved.kind == "page" and resolved.folder is not None:
        target = table.sites[resolved.folder]
    else:
        target = None
    if target is not None:
        if target.draft and not draft:
            log.report(
                "link.draft", body.file,
                f"链接“{url}”指向的“{target.identifier}”还是草稿，发布的网站上没有这个页面。",
                f"The link “{url}” points at “{target.identifier}”, which is still a draft: "
                "the published site has no such page.",
                f"先把“{target.identifier}”的 status 改为 published，或者等它发布后再加这个链接。",
                f"Publish “{target.identifier}” first (status: published), or add this link once it is published.",
                line=line, column=column,
            )
        return
    if resolved.kind != "dead":
        return
    if any(log.is_unparsed(path) for path in resolved.tried):
        return  # an entry that exists but did not parse: its own error is the one to fix
    on_disk = [path for path in resolved.tried if not path.startswith("..") and (table.root / path).is_file()]
    if on_disk and link.kind == "reference" and on_disk[0] in table.photos:
        log.report(
            "link.unpublished", body.file,
            f"照片链接“{url}”用了引用式写法，网站无法把它指向发布的照片。",
            f"The photo link “{url}” is written reference-style; the site cannot point it at the published photo.",
            f"改写为行内链接：[文字]({url})。", f"Write it inline instead: [text]({url}).",
            line=line, column=column,
        )
    elif on_disk:
        photo = is_photo(on_disk[0])
        log.report(
            "link.unpublished", body.file,
            f"链接“{url}”指向的文件不会发布到网站上，访客点开会找不到页面。",
            f"The link “{url}” points at a file that is not published on the site: visitors would find nothing.",
            "把照片加进这个条目的 images: 列表（并写好 alt），链接就会指向网站上的照片。" if photo
            else "网站只发布照片和正文；PDF 等其他文件不会发布。把内容写进正文，或删掉这个链接。",
            "List the photo under this entry's images: (with its alt text) and the link will open it on the site."
            if photo else "The site publishes photos and bodies only, not PDFs or other files. "
            "Put the content in the body, or remove the link.",
            line=line, column=column,
        )
    else:
        _report_missing(table, body, folder, link, resolved, log)


def _report_missing(table: LinkTable, body: Body, folder: str, link: BodyLink, resolved: Resolved,
                    log: ProblemLog) -> None:
    line, column = link.place(body.text)
    url = link.url
    guess = _closest(table, resolved.tried)
    if guess is not None:
        written = _written(guess, url, body.file, folder) + resolved.fragment
        fix_zh = f"你是不是想链接“{guess[1].identifier}”？写作 {written}。"
        fix_en = f"Did you mean “{guess[1].identifier}”? Write {written}."
    else:
        fix_zh = ("检查链接的路径。链接其他条目可以写它在磁盘上相对于这个文件的路径（如 ../ming-mosque/zh.md），"
                  "或它在网站上的地址（如 /exhibits/history/ming-mosque/）。")
        fix_en = ("Check the link's path. Link to another entry by its path on disk relative to this file "
                  "(e.g. ../ming-mosque/zh.md) or by its address on the site (e.g. /exhibits/history/ming-mosque/).")
    log.report(
        "link.missing", body.file,
        f"链接“{url}”指向的条目不存在。",
        f"The link “{url}” points at an entry that does not exist.",
        fix_zh, fix_en, line=line, column=column,
    )


def _closest(table: LinkTable, tried: Iterable[str]) -> tuple[str, Target] | None:
    """The site folder and target whose address is nearest to where the link was looked for."""
    best: tuple[float, str] | None = None
    addresses = {**{path: folder for path, folder in table.disk.items()}, **{f: f for f in table.sites}}
    for path in tried:
        for address, folder in addresses.items():
            score = difflib.SequenceMatcher(None, path, address).ratio()
            if score >= 0.6 and (best is None or score > best[0]):
                best = (score, folder)
    return (best[1], table.sites[best[1]]) if best else None


def _written(guess: tuple[str, Target], url: str, body_file: str, folder: str) -> str:
    """The closest page written the way the staff wrote theirs: a site address or a disk path."""
    site_folder, target = guess
    if url.startswith("/") or target.disk is None:
        if url.startswith("/"):
            return f"/{site_folder}/" if site_folder else "/"
        relative = posixpath.relpath(site_folder or ".", folder or ".")
        return "./" if relative == "." else relative + "/"
    relative = posixpath.relpath(target.disk, posixpath.dirname(body_file) or ".")
    return relative + ("/" if "." not in posixpath.basename(target.disk) else "")


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
