"""Photos as the site serves them: where each lands, its size, and the files to write.

Engine-agnostic. ``plan_media`` decides the published files for every referenced photo
(content-addressed, so a photo moved between exhibits keeps its URL and cache entry);
``write_media`` copies them into a site folder.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from PIL import Image, ImageOps

MEDIA_DIR = "media"


@dataclass(frozen=True)
class Rendition:
    """One published file of a photo."""

    url: str  # relative to the site root, e.g. "media/3f2a…/main-hall.jpg"
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class ImageSet:
    """Every published rendition of one source photo, largest last."""

    source: str  # repository-relative path
    width: int
    height: int
    renditions: tuple[Rendition, ...]
    placeholder: str | None = None  # a tiny data: URI shown while loading

    @property
    def fallback(self) -> Rendition:
        return self.renditions[-1]

    def srcset(self, mime: str) -> str:
        return ", ".join(f"{r.url} {r.width}w" for r in self.renditions if r.mime == mime)


@dataclass(frozen=True)
class MediaPlan:
    images: Mapping[str, ImageSet]
    copies: Mapping[str, Path]  # site-relative destination -> source file


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def plan_media(root: Path, sources: Iterable[str]) -> MediaPlan:
    """Publish each photo as it is, under a content-addressed folder (until derivatives land)."""
    images: dict[str, ImageSet] = {}
    copies: dict[str, Path] = {}
    for source in sorted(set(sources)):
        path = root / source
        with Image.open(path) as image:
            width, height = ImageOps.exif_transpose(image).size if _rotated(image) else image.size
            mime = Image.MIME.get(image.format or "", "image/jpeg")
        url = f"{MEDIA_DIR}/{file_digest(path)[:16]}/{path.name}"
        copies[url] = path
        images[source] = ImageSet(source, width, height, (Rendition(url, width, height, mime),))
    return MediaPlan(images, copies)


def _rotated(image: Image.Image) -> bool:
    return image.getexif().get(0x0112, 1) in (5, 6, 7, 8)


def write_media(plan: MediaPlan, site_dir: Path) -> None:
    for url, source in plan.copies.items():
        target = site_dir / url
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
