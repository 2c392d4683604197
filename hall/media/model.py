"""The media stage's types and settings: how derivatives are made, and what a photo
becomes on the site (renditions, crops, a full-size download). No Pillow here."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Mapping

from ..content.problems import ProblemLog

MEDIA_DIR = "media"
CACHE_DIR = ".cache/hall-media"
#: Bump when the pipeline's output changes for the same settings (invalidates the cache).
PIPELINE_VERSION = 1
#: Bump when the full-size downloads change for the same settings (remakes only those).
ORIGINAL_VERSION = 1
#: Pillow's default decompression-bomb limit (``Image.MAX_IMAGE_PIXELS``), in pixels.
PILLOW_MAX_PIXELS = 89_478_485


@dataclass(frozen=True)
class MediaSettings:
    """How derivatives are made. Everything here is part of the cache key."""

    widths: tuple[int, ...] = (480, 960, 1600)
    formats: tuple[str, ...] = ("webp", "jpeg")  # the last one is the universal fallback
    webp_quality: int = 80
    webp_method: int = 2  # 0 fastest … 6 smallest; 2 is the measured sweet spot (docs/benchmarks/media.md)
    jpeg_quality: int = 82
    avif_quality: int = 60
    resample: str = "bicubic"  # from a draft decode at most ~2x larger: as sharp as Lanczos, measured
    placeholder_width: int = 16
    #: Pillow's decompression-bomb limit in pixels; a photo beyond it stops the build.
    max_pixels: int = PILLOW_MAX_PIXELS
    #: A photo narrower than this share of the largest width is reported as too small.
    small_ratio: float = 0.5
    #: Fixed-ratio crops around each cover photo's focal point: name, ratio w, ratio h, widths.
    crops: tuple[tuple[str, int, int, tuple[int, ...]], ...] = (
        ("card", 3, 2, (480, 960)),  # exhibit and news cards
        ("wide", 16, 9, (1600,)),  # the kiosk's attract screen
    )
    #: JPEG quality of full-size downloads (``download: true``); kept out of ``fingerprint``
    #: so that changing it remakes only the downloads, not every derivative.
    download_quality: int = 92

    def fingerprint(self) -> str:
        skip = ("max_pixels", "small_ratio", "crops", "download_quality")
        fields = {k: v for k, v in asdict(self).items() if k not in skip}
        text = json.dumps({"v": PIPELINE_VERSION, **fields}, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def original_key(self) -> str:
        """A fingerprint of how full-size downloads are made (version, quality)."""
        text = json.dumps({"v": ORIGINAL_VERSION, "q": self.download_quality})
        return hashlib.sha256(text.encode()).hexdigest()[:12]

    def original_folder(self) -> str:
        """Name of the sub-folder of a cache entry holding its full-size download."""
        return "original-" + self.original_key()

    def widths_for(self, width: int) -> tuple[int, ...]:
        """The widths made for a photo ``width`` pixels wide: never upscaled, no near-duplicates."""
        largest = max(self.widths)
        chosen = [w for w in sorted(self.widths) if w < largest and w <= width * 0.85]
        chosen.append(min(width, largest))
        return tuple(dict.fromkeys(chosen))



@dataclass(frozen=True)
class Rendition:
    """One published file of a photo."""

    url: str  # relative to the site root, e.g. "media/3f2a…/main-hall-960.webp"
    width: int
    height: int
    mime: str



@dataclass(frozen=True)
class Original:
    """The full-size download of a photo whose content asks for one."""

    url: str  # e.g. "media/3f2a…/main-hall-original.jpg"
    width: int
    height: int
    mime: str
    size: int  # bytes



@dataclass(frozen=True)
class ImageSet:
    """Every published rendition of one source photo; the largest fallback-format file last."""

    source: str  # repository-relative path
    width: int  # of the largest rendition (what <img width/height> and the lightbox use)
    height: int
    renditions: tuple[Rendition, ...]
    placeholder: str | None = None  # a tiny blurred data: URI shown while loading
    source_width: int = 0  # of the original, after EXIF orientation
    source_height: int = 0
    #: Per focal point, the fixed-ratio crops by name ("card", "wide"), largest fallback last.
    crops: Mapping[tuple[float, float], Mapping[str, tuple[Rendition, ...]]] = field(default_factory=dict)
    original: Original | None = None  # only for photos asked for with ``download: true``

    @property
    def fallback(self) -> Rendition:
        return self.renditions[-1]

    @property
    def mimes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.mime for r in self.renditions))

    def srcset(self, mime: str, prefix: str = "") -> str:
        return ", ".join(f"{prefix}{r.url} {r.width}w" for r in self.renditions if r.mime == mime)

    def largest(self, mime: str) -> Rendition | None:
        matching = [r for r in self.renditions if r.mime == mime]
        return matching[-1] if matching else None



@dataclass(frozen=True)
class MediaPlan:
    images: Mapping[str, ImageSet]
    copies: Mapping[str, Path]  # site-relative destination -> cached file
    problems: ProblemLog | None = None
    decoded: int = 0  # photos decoded in this run (0 on a warm build)
    audio: Mapping[str, Any] = field(default_factory=dict)  # recording path -> AudioTrack (media/audio.py)
