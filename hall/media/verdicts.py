"""What a photo's verification found (a *verdict*), and what staff read about it.

A verdict is a small JSON-able mapping, the same whether ``hall check`` or a build made it
(``imaging.verify_photo`` and ``imaging.render_photo`` share one checked decode):
``{"ok": True, "frames": n, "width": w, "height": h}`` (size after EXIF orientation), or
``{"error": code, "detail": text}`` (``"pixels"`` too for a decompression bomb). Verdicts
are kept in the media manifest under a key of the photo's bytes and the rules' version,
so a photo is verified once per content, and a photo replaced under the same name is
verified again. Every message about a photo, from check or build, is written here once.
No Pillow here.
"""

from __future__ import annotations

import hashlib
import math
import re
from typing import Any, Mapping

from ..content.problems import ProblemLog
from .model import MediaSettings

#: Bump when the verification rules change (sniffing, decoding, the codes): every photo is
#: verified again.
VERIFY_VERSION = 1

_PDF = b"%PDF"


def verdict_key(digest: str, settings: MediaSettings) -> str:
    """A verdict's name: the photo's bytes (``digest``), the rules' version and the pixel
    limit (the one setting a verdict depends on)."""
    return hashlib.sha256(f"{digest}:verify-{VERIFY_VERSION}:{settings.max_pixels}".encode()).hexdigest()[:32]


def sniff(head: bytes) -> dict[str, Any] | None:
    """The verdict on a file known from its first bytes alone: empty, or a PDF under a photo's
    name (what staff most often save by mistake); ``None`` when only decoding can tell."""
    if not head:
        return {"error": "image.empty"}
    if head.startswith(_PDF):
        return {"error": "image.pdf"}
    return None


def bomb_pixels(message: str) -> int | None:
    """The pixel count in Pillow's decompression-bomb message ("Image size (N pixels) …")."""
    found = re.search(r"\((\d+) pixels\)", message)
    return int(found.group(1)) if found else None


def verdict_of_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """The verdict that a cached entry's metadata (a successful decode) stands for."""
    return {"ok": True, "frames": meta.get("frames", 1), "width": meta.get("source_width", 0),
            "height": meta.get("source_height", 0)}


def report_missing(problems: ProblemLog, source: str) -> None:
    """A photo named in the content that is not on disk."""
    problems.report(
        "image.missing", source, f"找不到图片文件“{source}”。", f"The photo “{source}” does not exist.",
        "把照片放回原处，或在 exhibit.yml 中改正文件名。",
        "Put the photo back, or correct its name in exhibit.yml.",
    )


def report_verdict(problems: ProblemLog, source: str, verdict: Mapping[str, Any], settings: MediaSettings,
                   *, draft: bool = False) -> None:
    """Everything staff read about one photo, from check and build alike: the error that
    stops a build, or the warnings (animated, too small). In ``draft`` (a photo only drafts
    use), an error is a warning that says it will stop publishing."""
    if verdict.get("error"):
        zh, en, hint_zh, hint_en = _error_texts(verdict, settings)
        if draft:
            zh = zh.rstrip("。") + "（仅草稿使用，暂为警告；发布时会阻止构建）。"
            en += " (only drafts use it, so a warning for now; it stops a publishing build)"
        problems.report(verdict["error"], source, zh, en, hint_zh, hint_en, level="warning" if draft else "error")
        return
    frames = verdict.get("frames", 1)
    if frames > 1:
        problems.report(
            "image.animated", source,
            f"这是一张动图（{frames} 帧），网站上只显示第一帧。",
            f"This is an animated image ({frames} frames); the site shows only its first frame.",
            "换成一张最能代表内容的静态照片；动态内容请用视频或多张照片。",
            "Use the one still photo that shows it best; for motion, use a video or several photos.",
            level="warning",
        )
    width, height = verdict.get("width", 0), verdict.get("height", 0)
    if width < max(settings.widths) * settings.small_ratio:
        problems.report(
            "image.small", source,
            f"照片只有 {width}×{height} 像素，在大屏幕上会显得模糊。",
            f"The photo is only {width}×{height} pixels and will look blurred on large screens.",
            f"如有原图，请换成宽度至少 {max(settings.widths)} 像素的版本。",
            f"If you have the original, use a version at least {max(settings.widths)} pixels wide.",
            level="warning",
        )


def _error_texts(verdict: Mapping[str, Any], settings: MediaSettings) -> tuple[str, str, str, str]:
    code, detail = verdict["error"], verdict.get("detail", "")
    again_zh = "用图片软件打开后重新导出为 JPEG，再放回原处。"
    again_en = "Open it in an image editor, export it again as JPEG and put it back."
    recopy_zh = "请从相机或手机重新复制这张照片，或" + again_zh
    recopy_en = "Copy the photo again from the camera or phone, or " + again_en[0].lower() + again_en[1:]
    if code == "image.bomb":
        limit = _megapixels(settings.max_pixels)
        pixels = verdict.get("pixels")
        size_zh = f"（约 {math.ceil(pixels / 1_000_000)} 百万像素）" if pixels else ""
        size_en = f" (it has about {math.ceil(pixels / 1_000_000)} megapixels)" if pixels else ""
        width = int(math.sqrt(settings.max_pixels * 4 / 3)) // 100 * 100  # a 4:3 photo within the limit
        example = f"{width}×{width * 3 // 4}"
        return (
            f"图片过大{size_zh}：最多 {limit} 百万像素。这样的文件可能已损坏或是恶意文件，已拒绝处理。",
            (f"The photo is too large: at most {limit} megapixels{size_en}. Such a file may be damaged or "
             "malicious, so it was refused."),
            f"用图片软件把照片缩小到 {limit} 百万像素以内（例如 {example} 像素）后重新导出为 JPEG。",
            (f"Reduce the photo to at most {limit} megapixels (for example {example} pixels) in an image "
             "editor and export it again as JPEG."),
        )
    texts = {
        "image.empty": (
            "图片只有 0 字节（文件是空的），可能复制或下载时出错了。",
            "This photo has 0 bytes: the file is empty (probably a failed copy or download).",
            recopy_zh, recopy_en,
        ),
        "image.pdf": (
            "这是 PDF 文件，不是图片，只是文件名以图片结尾。",
            "This is a PDF, not a photo: only its name ends like a photo's.",
            "用 PDF 阅读器或图片软件把需要的页面导出为 JPEG，用那个文件替换它。",
            "Export the page you need as JPEG from a PDF reader or image editor, and use that file instead.",
        ),
        "image.truncated": (
            "照片文件不完整（可能复制或下载时中断了）。",
            f"The photo file is incomplete (probably cut off while copying or downloading). {detail}",
            recopy_zh, recopy_en,
        ),
        "image.unreadable": (
            "无法识别这个文件的图片格式，或文件已损坏。",
            f"This file's image format cannot be recognised, or the file is damaged. {detail}",
            again_zh, again_en,
        ),
        "image.corrupt": (
            "照片文件已损坏，无法解码。",
            f"The photo file is damaged and cannot be decoded. {detail}",
            recopy_zh, recopy_en,
        ),
    }
    zh, en, hint_zh, hint_en = texts.get(code, texts["image.corrupt"])
    return zh, en.strip(), hint_zh, hint_en


def _megapixels(pixels: int) -> str:
    """A pixel limit as staff read it, rounded down so that "at most" stays true."""
    if pixels >= 1_000_000:
        return str(pixels // 1_000_000)
    return f"{math.floor(pixels / 10_000) / 100:g}"
