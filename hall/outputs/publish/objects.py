"""What each file of a built site is, for a server or bucket: its upload stage, Content-Type
and Cache-Control.

Content-hashed files never change under their name, so a CDN and every browser may keep them
a year (``immutable``): photo derivatives (``media/<16 hex of the photo and settings>/``),
share cards (``assets/cards/<24 hex>.png``), Pagefind's fragments, index and filter chunks
and ``*.pf_meta``, Material's ``bundle.<hash>.min.js`` and our fingerprinted CSS/JS
(hall/mkdocs/fingerprint.py). Everything else is revalidated on each use (``no-cache``: a
cheap 304 when unchanged): pages, feeds, sitemaps, Pagefind's entry files (which name the
current chunks) and the few unhashed assets (favicons, vendored files, the unhashed originals).
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"

#: Upload stages, in order: nothing a page names is missing when the page arrives.
HASHED, ASSET, ENTRY = 1, 2, 3
STAGE_NAMES = {HASHED: ("内容哈希文件", "content-hashed files"), ASSET: ("其他资源", "other assets"),
               ENTRY: ("页面、订阅、站点地图和搜索入口", "pages, feeds, sitemaps and search entry files")}

_MEDIA = re.compile(r"(^|/)media/[0-9a-f]{16}/")
_CARDS = re.compile(r"(^|/)assets/cards/[0-9a-f]{16,}\.\w+$")
_PAGEFIND_CHUNK = re.compile(r"(^|/)pagefind/(fragment|index|filter)/[^/]+$|(^|/)pagefind/[^/]*\.pf_meta$")
_HASHED_NAME = re.compile(r"\.[0-9a-f]{8,}\.(min\.)?(css|js)$")
_ENTRY_SUFFIXES = (".html", ".xml", ".xml.gz", ".txt", ".json")
_ENTRY_NAMES = re.compile(r"(^|/)pagefind/(pagefind\.js|pagefind-worker\.js|wasm\.[\w-]+\.pagefind|[^/]+\.json)$")

#: Types Python's table lacks or gets wrong on some systems (Windows reads them from the registry).
_TYPES = {
    ".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".mjs": "text/javascript",
    ".json": "application/json", ".xml": "application/xml", ".txt": "text/plain", ".svg": "image/svg+xml",
    ".webp": "image/webp", ".avif": "image/avif", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
    ".png": "image/png", ".ico": "image/x-icon", ".woff2": "font/woff2", ".woff": "font/woff",
    ".wasm": "application/wasm", ".map": "application/json", ".pdf": "application/pdf",
    ".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".webmanifest": "application/manifest+json",
    ".zip": "application/zip", ".csv": "text/csv",
}
_PAGEFIND_BINARY = "application/octet-stream"  # pf_fragment, pf_index, pf_meta, .pagefind: gzipped CBOR/wasm


def content_type(key: str) -> str:
    """Content-Type of the object ``key``, with ``charset=utf-8`` for text."""
    name = PurePosixPath(key).name
    if name.endswith(".xml.gz"):
        return "application/gzip"
    suffix = PurePosixPath(name).suffix.lower()
    found = _TYPES.get(suffix) or mimetypes.guess_type(name)[0] or _PAGEFIND_BINARY
    if found.startswith("text/") or found in ("application/json", "application/xml", "image/svg+xml",
                                              "application/manifest+json"):
        return f"{found}; charset=utf-8"
    return found


def stage_of(key: str) -> int:
    """HASHED, ASSET or ENTRY for the site-relative path ``key``."""
    if _MEDIA.search(key) or _CARDS.search(key) or _PAGEFIND_CHUNK.search(key) or _HASHED_NAME.search(key):
        return HASHED
    if _ENTRY_NAMES.search(key) or key.endswith(_ENTRY_SUFFIXES):
        return ENTRY
    return ASSET


def cache_control(key: str) -> str:
    return IMMUTABLE if stage_of(key) == HASHED else REVALIDATE


@dataclass(frozen=True)
class SiteFile:
    """One file of the built site, as it will be stored."""

    key: str  # path inside the site, with / (the object key without the target's prefix)
    path: Path
    size: int
    md5: str  # what S3-compatible stores report as ETag for a single-part upload
    sha256: str

    @property
    def stage(self) -> int:
        return stage_of(self.key)

    @property
    def content_type(self) -> str:
        return content_type(self.key)

    @property
    def cache_control(self) -> str:
        return cache_control(self.key)


def site_files(site_dir: Path) -> list[SiteFile]:
    """Every file of ``site_dir`` (dot-files skipped), hashed once. 2,900 files of the sample
    hall: 0.1 s; 26,000 at 1000 exhibits: about 2 s."""
    found = []
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir)
        if not path.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        data = path.read_bytes()
        found.append(SiteFile(relative.as_posix(), path, len(data), hashlib.md5(data).hexdigest(),
                              hashlib.sha256(data).hexdigest()))
    return found
