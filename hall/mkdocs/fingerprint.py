"""Content-hashed names for our own CSS and JS, so that a web server or CDN may cache them for
a year (``immutable``) and a new build is still seen at once.

MkDocs copies ``extra_css``/``extra_javascript`` and theme files as they are (mkdocs#1979),
so ``assets/hall.css`` would have to be revalidated on every page view. After every language
is built (before the finished site is swapped in), each ``assets/hall*.css|js`` gets a copy
named ``hall.<10 hex of its SHA-256>.css`` and every ``href``/``src`` attribute of every page
that names it is pointed at the copy. ES modules are hashed after the modules they import
(their import lines name the hashed copies), so a change in hall-segment.js renames
hall-pagefind.js and hall-search.js too. The originals stay beside the copies: a page an old
CDN edge still holds, and code that imports ``/assets/hall-segment.js`` by name, keep
working; so does the 404 page, which names them (NOT_FOUND). Only attribute values are
rewritten, never inline scripts: their CSP hashes hold. ``mkdocs serve`` previews are not
fingerprinted (this runs only for ``build``). Done here, in the build, and not only in
`hall publish`, so a site served by nginx straight from ``hall build`` caches them too.
Cost on the sample hall (18 files × 2 languages, 120 pages): 0.15 s.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

from .assetbundle import Bundler

#: Our own front-end files (theme/assets/hall*.css|js); vendored and Material's are not ours.
OWN_ASSET = re.compile(r"^hall[\w-]*\.(css|js)$")
#: A name that already carries a content hash (ours, Material's bundle.<hash>.min.js …).
HASHED_NAME = re.compile(r"\.[0-9a-f]{8,}\.(?:min\.)?(?:css|js)$")
_IMPORT = re.compile(r"""(\bfrom\s*|\bimport\s*\(?\s*)(["'])\./(hall[\w-]*\.js)\2""")
_ATTRIBUTE = re.compile(r"""(\b(?:href|src)=)(["'])([^"'<>]*?/)?(hall[\w-]*\.(?:css|js))\2""")
#: The list of every file of a kiosk build with its SHA-256 (`hall kiosk update` checks it).
MANIFEST = "hall-manifest.json"
DIGITS = 10
#: The 404 page keeps the plain names (which stay in the site, revalidated on each use): a
#: server sends it for any missing address, so it is small, seldom seen and never cached long.
NOT_FOUND = "404.html"


def fingerprinted_name(name: str, content: bytes) -> str:
    """``hall-search.js`` → ``hall-search.<hash>.js``."""
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}.{hashlib.sha256(content).hexdigest()[:DIGITS]}{dot}{suffix}"


def _asset_folders(site_dir: Path) -> list[Path]:
    """``assets/`` of the default language and of each other language's root (``en/assets``)."""
    return [folder for folder in (site_dir / "assets", *site_dir.glob("*/assets")) if folder.is_dir()]


def fingerprint_folder(folder: Path) -> dict[str, str]:
    """Write the hashed copies of ``folder``'s own assets; return original → hashed name."""
    sources = {p.name: p.read_bytes() for p in folder.iterdir()
               if p.is_file() and OWN_ASSET.match(p.name) and not HASHED_NAME.search(p.name)}
    names: dict[str, str] = {}

    def resolve(name: str, seen: tuple[str, ...]) -> str:
        if name in names:
            return names[name]
        content = sources[name]
        if name.endswith(".js"):  # its imports first: they are part of what it is
            text = content.decode("utf-8")
            text = _IMPORT.sub(lambda m: (f"{m[1]}{m[2]}./{resolve(m[3], (*seen, name))}{m[2]}"
                                          if m[3] in sources and m[3] not in seen else m[0]), text)
            content = text.encode("utf-8")
        hashed = fingerprinted_name(name, content)
        (folder / hashed).write_bytes(content)
        names[name] = hashed
        return hashed

    for name in sorted(sources):
        resolve(name, ())
    return names


def _rewrite_pages(site_dir: Path, names: dict[str, str]) -> int:
    """Bundle each page's runs of our assets (assetbundle.py) and point its ``href``/``src`` at
    the hashed copies, reading and writing each page once; returns the pages changed."""
    changed = 0

    def swap(match: re.Match[str]) -> str:
        hashed = names.get(match[4])
        if hashed is None or "assets/" not in (match[3] or ""):
            return match[0]
        return f"{match[1]}{match[2]}{match[3]}{hashed}{match[2]}"

    def hashed_bundle(folder: Path, name: str, text: str) -> str:
        content = text.encode("utf-8")
        hashed = fingerprinted_name(name, content)
        (folder / hashed).write_bytes(content)  # no plain copy: no page ever named one
        return hashed

    bundler = Bundler(hashed_bundle)
    for path in site_dir.rglob("*.html"):
        if path.name == NOT_FOUND:
            continue
        text = path.read_text(encoding="utf-8")
        new = _ATTRIBUTE.sub(swap, bundler.page(path, text))
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed += 1
    return changed


def fingerprint_site(site_dir: Path) -> dict[str, str]:
    """Fingerprint every language's own assets in the finished ``site_dir``, bundle and rewrite
    its pages. A name whose file differs between languages' folders is left unhashed (every
    language copies the same theme, so this does not happen unless a build is broken)."""
    mappings = [fingerprint_folder(folder) for folder in _asset_folders(site_dir)]
    names: dict[str, str] = {}
    conflicting: set[str] = set()
    for mapping in mappings:
        for name, hashed in mapping.items():
            if names.setdefault(name, hashed) != hashed:
                conflicting.add(name)
    for name in conflicting:
        names.pop(name)
    _rewrite_pages(site_dir, names)
    return names


def write_manifest(site_dir: Path) -> Path:
    """``hall-manifest.json``: every file of the site with its size and SHA-256, so a copy
    (a USB stick, a download) can be checked whole before it replaces a kiosk's site."""
    files = {}
    for path in sorted(site_dir.rglob("*")):
        if path.is_file() and path.name != MANIFEST:
            data = path.read_bytes()
            files[path.relative_to(site_dir).as_posix()] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    target = site_dir / MANIFEST
    partial = target.with_suffix(".partial")
    partial.write_text(json.dumps({"version": 1, "files": files}, ensure_ascii=False, indent=0), encoding="utf-8")
    os.replace(partial, target)
    return target


def finish_site(site_dir: Path, *, kiosk: bool) -> None:
    """The build's last step before the swap: style sheets and scripts bundled (assetbundle.py)
    and fingerprinted, in one pass over the pages; a kiosk build also gets its manifest."""
    fingerprint_site(site_dir)
    if kiosk:
        write_manifest(site_dir)
