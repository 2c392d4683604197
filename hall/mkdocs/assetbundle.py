"""One file where a page names several of our style sheets, or several of our scripts, in a row.

Every page names nine to twelve of our style sheets (``extra_css`` and a page kind's own), one
after the other in its head, and five scripts (``extra_javascript``) at the end of its body. Over
HTTP/1.1 a phone fetches six at a time, and nothing is drawn until every style sheet has arrived.
The scripts are worse: the page's Content-Security-Policy is a ``<meta>`` (hall/outputs/csp.py),
and a meta policy stops Chromium's preload scanner (crbug.com/1458493), so each script is only
requested once the one before it has run, a round trip each (docs/benchmarks/page-load.md).

After the build, each run of consecutive ``<link rel="stylesheet">`` to our own
``assets/hall*.css``, and each run of consecutive plain ``<script src>`` to our own
``assets/hall*.js``, becomes one tag naming their concatenation, in the same order: the cascade,
and the order scripts run in, are unchanged. Scripts are joined with ``;`` so that one ending in
``})()`` is not called by the next one's opening parenthesis; each is its own function scope
already, and ``document.currentScript`` still names a file in the same folder. The file is named
after the list (``hall-styles-<8 hex>.css``, ``hall-scripts-<8 hex>.js``), so pages naming the same
list share one cached file; fingerprint.py writes it under a content-hashed name only, in the same
pass over the pages as its own renaming (``Bundler``), so each page is read and written once. Our
style sheets contain no relative ``url()`` or ``@import``, and the bundle sits in the same folder.
The 404 page keeps the plain names (``keep``: fingerprint.NOT_FOUND), and ``mkdocs serve``
previews are not bundled (this runs only for ``build``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable


@dataclass(frozen=True)
class Kind:
    tag: str  # the tag, with {prefix} and {name}
    name: str  # the bundle's name, with {digest}
    joiner: str  # between two files' text
    one: re.Pattern[str]  # one tag: (prefix, name)
    run: re.Pattern[str]  # two or more, one after the other (whitespace between them)


def _kind(tag: str, name: str, joiner: str) -> Kind:
    suffix = name.rsplit(".", 1)[1]
    one = tag.format(prefix=r"([^\"<>]*?)", name=rf"(hall[\w-]*\.{suffix})")
    return Kind(tag, name, joiner, re.compile(one), re.compile(rf"(?:{one}\s*){{2,}}"))


STYLES = _kind('<link rel="stylesheet" href="{prefix}assets/{name}">', "hall-styles-{digest}.css", "\n")
SCRIPTS = _kind('<script src="{prefix}assets/{name}"></script>', "hall-scripts-{digest}.js", "\n;\n")


def bundle_name(names: tuple[str, ...], kind: Kind = STYLES) -> str:
    """The bundle of ``names``: the same list, the same file."""
    return kind.name.format(digest=hashlib.sha256(chr(10).join(names).encode("utf-8")).hexdigest()[:8])


class Bundler:
    """Bundles the runs of one site's pages, writing each bundle once, the first time a page
    names its list; ``finish(folder, name, text)`` writes it and returns the name pages give it
    (fingerprint.py writes the hashed copy only, in the same pass as its page rewrite)."""

    def __init__(self, finish: Callable[[Path, str, str], str] | None = None) -> None:
        self.finish = finish or _write_plain
        self.written: dict[tuple[Path, tuple[str, ...]], str] = {}

    def page(self, page: Path, text: str) -> str:
        """``text`` of ``page`` with each run of ours replaced by its bundle."""
        for kind in (STYLES, SCRIPTS):
            text = kind.run.sub(lambda match: self._bundle(page, match, kind), text)
        return text

    def _bundle(self, page: Path, match: re.Match[str], kind: Kind) -> str:
        links = kind.one.findall(match[0])
        if len({prefix for prefix, _ in links}) != 1:
            return match[0]
        prefix = links[0][0]
        folder = (page.parent / prefix / "assets").resolve()
        names = tuple(name for _, name in links)
        key = (folder, names)
        if key not in self.written:  # the files are looked at once per list, not once per page
            if not all((folder / name).is_file() for name in names):
                return match[0]
            text = kind.joiner.join(f"/* {part} */\n{(folder / part).read_text(encoding='utf-8')}" for part in names)
            self.written[key] = self.finish(folder, bundle_name(names, kind), text)
        trailing = match[0][len(match[0].rstrip()):]
        return kind.tag.format(prefix=prefix, name=self.written[key]) + trailing


def _write_plain(folder: Path, name: str, text: str) -> str:
    (folder / name).write_text(text, encoding="utf-8")
    return name


def bundle_assets(site_dir: Path, *, keep: str = "") -> int:
    """Replace each run of our style sheets, and of our scripts, in every page (but pages named
    ``keep``) with one bundle; returns the bundles written."""
    bundler = Bundler()
    for page in site_dir.rglob("*.html"):
        if page.name == keep:
            continue
        text = page.read_text(encoding="utf-8")
        new = bundler.page(page, text)
        if new != text:
            page.write_text(new, encoding="utf-8")
    return len(bundler.written)
