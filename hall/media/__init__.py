"""The media stage: photos → cached derivatives (widths, WebP and JPEG, placeholders, crops,
full-size downloads), engine-agnostic.

``plan_media`` turns every referenced photo into a small set of published files (a few
widths, WebP and a JPEG fallback, never upscaled, EXIF orientation applied, every metadata
block dropped, colour converted to sRGB) and a tiny blurred placeholder. A photo whose
content asks for a download (``download: true``) also gets a full-size copy: every pixel of
the original, re-encoded like the rest, never the original's own bytes. Work is cached
outside ``site/`` under ``.cache/hall-media/``, keyed by the SHA-256 of the photo's bytes
and the derivative settings, so an unchanged photo is never decoded again wherever it
moves; a warm build reads one manifest and decodes nothing. ``write_media`` links the
cached files into a site folder; ``prune_cache`` drops entries no photo uses any more.

Bad photos (missing, empty, PDFs, corrupt, truncated, undecodable, decompression bombs)
are reported in a ``ProblemLog`` with a Chinese and an English message; nothing
half-written ever lands in the cache (each entry is written to a temporary folder and
renamed). ``hall check`` verifies the same photos by the same rules (``check_photos``),
once per content: a photo it passes is one the build accepts.

Modules: ``model`` (settings and types), ``cache``, ``imaging`` (the only one that touches
Pillow), ``verdicts`` (what verifying a photo found, and every message about it),
``verify`` (``hall check``'s photo step), ``plan``, ``workers`` (photos over processes),
``markup`` (photos in Markdown bodies), ``selection`` (which of the hall's photos the site
publishes).
"""

from .cache import cache_root, crop_folder_name, file_digest, prune_cache
from .imaging import crop_box, photo_has_gps, render_photo
from .markup import body_images, picture_html, rewrite_body_images
from .model import (
    CACHE_DIR,
    MEDIA_DIR,
    ImageSet,
    MediaPlan,
    MediaSettings,
    Original,
    Rendition,
)
from .plan import plan_crops, plan_media, write_media
from .selection import cover_photos, download_photo_files, published_photo_files
from .verify import PhotoCheck, check_photos, verify_photos

__all__ = [
    "CACHE_DIR",
    "MEDIA_DIR",
    "ImageSet",
    "MediaPlan",
    "MediaSettings",
    "Original",
    "PhotoCheck",
    "Rendition",
    "body_images",
    "cache_root",
    "check_photos",
    "cover_photos",
    "crop_box",
    "crop_folder_name",
    "download_photo_files",
    "file_digest",
    "photo_has_gps",
    "picture_html",
    "plan_crops",
    "plan_media",
    "prune_cache",
    "published_photo_files",
    "render_photo",
    "rewrite_body_images",
    "verify_photos",
    "write_media",
]
