"""One style sheet where a page names several of ours in a row.

Every page names nine to twelve of our style sheets (``extra_css`` and a page kind's own), one
after the other in its head. Over HTTP/1.1 a phone fetches six at a time, and nothing is drawn
until all have arrived: on the 720° tour's scene page the viewer's own script queued behind them
(docs/benchmarks/panorama.md). After the build, each run of consecutive ``<link rel="stylesheet">``
to our own ``assets/hall*.css`` becomes one link to their concatenation, in the same order, so
the cascade is unchanged; the file is named after the list (``hall-styles-<8 hex>.css``), so
pages naming the same list share one cached file, and fingerprint.py then gives it a content
hash like any other. Our files contain no relative ``url()`` or ``@import``, and the bundle
sits in the same folder. The 404 page keeps the plain names (``keep``: fingerprint.NOT_FOUND),
and ``mkdocs serve`` previews are not bundled (this runs only for ``build``).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

_LINK = r'<link rel="stylesheet" href="([^"<>]*?)assets/(hall[\w-]*\.css)">'
#: Two or more of our style sheets, one after the other (whitespace between them).
_RUN = re.compile(rf"(?:{_LINK}\s*){{2,}}")
_ONE = re.compile(_LINK)


def bundle_name(names: tuple[str, ...]) -> str:
    """``hall-styles-<8 hex of the list>.css``: the same list, the same file."""
    return f"hall-styles-{hashlib.sha256(chr(10).join(names).encode('utf-8')).hexdigest()[:8]}.css"


def bundle_styles(site_dir: Path, *, keep: str = "") -> int:
    """Replace each run of our style sheets in every page (but pages named ``keep``) with one
    bundle; returns the bundles written."""
    written: dict[tuple[Path, tuple[str, ...]], str] = {}

    def bundle(page: Path, match: re.Match[str]) -> str:
        links = _ONE.findall(match[0])
        prefixes = {prefix for prefix, _ in links}
        if len(prefixes) != 1:
            return match[0]
        prefix = links[0][0]
        folder = (page.parent / prefix / "assets").resolve()
        names = tuple(name for _, name in links)
        key = (folder, names)
        if key not in written:  # the files are looked at once per list, not once per page
            if not all((folder / name).is_file() for name in names):
                return match[0]
            name = bundle_name(names)
            text = "\n".join(f"/* {part} */\n{(folder / part).read_text(encoding='utf-8')}" for part in names)
            (folder / name).write_text(text, encoding="utf-8")
            written[key] = name
        trailing = match[0][len(match[0].rstrip()):]
        return f'<link rel="stylesheet" href="{prefix}assets/{written[key]}">{trailing}'

    for page in site_dir.rglob("*.html"):
        if page.name == keep:
            continue
        text = page.read_text(encoding="utf-8")
        new = _RUN.sub(lambda match: bundle(page, match), text)
        if new != text:
            page.write_text(new, encoding="utf-8")
    return len(written)
