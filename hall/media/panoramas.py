"""The tour's panoramas through the photo pipeline: the same decode (EXIF orientation, sRGB,
every metadata block and GPS dropped), the same content-hash cache and the same bad-photo
messages as photos, with widths of their own.

What a phone gets, measured (docs/benchmarks/panorama.md): an equirectangular JPEG at most
4096 px wide, because phones cap WebGL textures at 4096 px (Pannellum #683); 2048 px on a
narrow screen, where the budget of 600 KB before the first view is the limit; 1024 px as the
preview of the first paint and of the no-WebGL view, and a blurred 16 px placeholder. Cube
faces would spend about a quarter fewer pixels for the same sharpness at the horizon, but
cutting them needs Pillow outside hall/media/imaging.py (the layering rule): a follow-up.

A panorama that is not 2:1 or is narrower than 2048 px is an error at the ``file:`` line of
content/tour.yml; it stops the build before anything is written, like a bad photo.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from ..content.problems import ProblemLog
from .model import ImageSet, MediaPlan, MediaSettings
from .plan import plan_media

#: Widths made of each panorama: preview, narrow screens, everything else.
PANORAMA_SETTINGS = MediaSettings(widths=(1024, 2048, 4096), formats=("jpeg",), jpeg_quality=80, small_ratio=0.5)
#: Narrower than this, a panorama is a blur on a phone held at a 100° field of view.
MIN_WIDTH = 2048
#: How far from 2:1 a panorama may be (a phone's stitched panorama is often off by a pixel).
RATIO_TOLERANCE = 0.01
#: The key of a panorama in ``MediaPlan.images`` (a photo may be the same file with other widths).
PREFIX = "panorama:"


def panorama_key(source: str) -> str:
    return PREFIX + source


def with_panoramas(media: MediaPlan, root: Path, tour: Any, cache_dir: Path | None = None) -> MediaPlan:
    """``media`` with the derivatives of every panorama of ``tour`` (hall/content/tour.py)
    added under ``panorama_key(file)``, and their problems in ``media.problems``."""
    if tour is None or not tour.scenes:
        return media
    plan = plan_media(root, tour.files, PANORAMA_SETTINGS, cache_dir=cache_dir)
    problems = media.problems or ProblemLog(Path(root))
    for problem in plan.problems or ():
        problems.add(problem)
    for scene in tour.scenes:
        image = plan.images.get(scene.file)
        if image is not None:
            _check_shape(problems, tour.file, scene.file_line, scene.file, image)
    images = {**media.images, **{panorama_key(source): image for source, image in plan.images.items()}}
    return replace(media, images=images, copies={**media.copies, **plan.copies}, problems=problems,
                   decoded=media.decoded + plan.decoded)


def _check_shape(problems: ProblemLog, tour_file: str, line: int | None, source: str, image: ImageSet) -> None:
    width, height = image.source_width or image.width, image.source_height or image.height
    if height and abs(width / height - 2) > 2 * RATIO_TOLERANCE:
        problems.report(
            "tour.panorama_ratio", tour_file,
            f"全景照片 {source} 是 {width} × {height} 像素，宽高比不是 2:1。",
            f"The panorama {source} is {width} × {height} pixels: it is not 2:1 (width twice the height).",
            "用手机全景模式或 360° 相机导出“等距柱状投影”（equirectangular）照片，宽度是高度的 2 倍。",
            "Export an equirectangular photo from the phone's panorama mode or the 360° camera: twice as wide as high.",
            line=line)
    elif width < MIN_WIDTH:
        problems.report(
            "tour.panorama_small", tour_file,
            f"全景照片 {source} 只有 {width} 像素宽，在手机上会很模糊。",
            f"The panorama {source} is only {width} pixels wide: it would be a blur on a phone.",
            f"换一张至少 {MIN_WIDTH} 像素宽（最好 4096 像素以上）的全景照片。",
            f"Use a panorama at least {MIN_WIDTH} pixels wide (4096 or more is best).",
            line=line)


def panorama_view(image: ImageSet | None, prefix: str = "") -> dict[str, Any] | None:
    """What the tour page needs of one panorama: the widths for the viewer, the preview, the
    placeholder."""
    if image is None:
        return None
    renditions = [r for r in image.renditions if r.mime == "image/jpeg"]
    preview = renditions[0]
    return {
        "preview": {"src": prefix + preview.url, "width": preview.width, "height": preview.height},
        "widths": [{"src": prefix + r.url, "width": r.width} for r in renditions],
        "placeholder": image.placeholder,
    }
