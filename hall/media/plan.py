"""Planning the photos of a build: find each in the cache or decode it (in parallel
processes), add crops around focal points, report bad photos in both languages, and link
the files into a site folder."""

from __future__ import annotations

import json
import os
import posixpath
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from ..content.problems import ProblemLog
from .cache import (
    Manifest,
    cache_key,
    cache_root,
    crop_folder_name,
    file_digest,
    original_meta,
    safe_stem,
)
from .imaging import cut_crops, render_photo
from .model import MEDIA_DIR, ImageSet, MediaPlan, MediaSettings, Original, Rendition


def plan_media(
    root: Path,
    sources: Iterable[str],
    settings: MediaSettings | None = None,
    *,
    downloads: Iterable[str] = (),
    cache_dir: Path | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> MediaPlan:
    """Make (or find in the cache) the derivatives of every photo in ``sources``.

    ``sources`` are repository-relative paths; those also in ``downloads`` get a full-size
    download (``ImageSet.original``). Photos whose bytes and settings are already cached
    are not opened at all; the others are decoded once each, spread over ``workers``
    processes (default: every core). A cached photo newly asked for as a download is
    decoded once more, for that file only. Problems land in ``plan.problems``; an error
    there means the build must stop (nothing was published).
    """
    settings = settings or MediaSettings()
    root = Path(root)
    cache = Path(cache_dir) if cache_dir else cache_root(root)
    problems = ProblemLog(root)
    manifest = Manifest.load(cache)
    fingerprint = settings.fingerprint()
    downloads = set(downloads)

    ready: dict[str, tuple[str, dict[str, Any]]] = {}
    todo: dict[str, list[str]] = {}  # cache key -> sources with those bytes
    originals: set[str] = set()  # cache keys that need (or already have) a full-size download
    paths: dict[str, Path] = {}
    for source in sorted(set(sources)):
        path = root / source
        try:
            stat = path.stat()
        except OSError:
            problems.report(
                "image.missing", source, f"找不到图片文件“{source}”。", f"The photo “{source}” does not exist.",
                "把照片放回原处，或在 exhibit.yml 中改正文件名。", "Put the photo back, or correct its name in exhibit.yml.",
            )
            continue
        digest = manifest.digest(source, stat) or file_digest(path)
        manifest.remember(source, stat, digest)
        key = cache_key(digest, fingerprint)
        paths[key] = path
        if source in downloads:
            originals.add(key)
        meta = manifest.entry(key)
        if meta is not None:
            ready[source] = (key, meta)
        else:
            todo.setdefault(key, []).append(source)

    # Jobs: new photos (derivatives, plus the download if asked), and cached photos whose
    # download is missing (that file only). A key is in one kind or the other, never both.
    jobs = [(str(paths[key]), key, str(cache), settings, key in originals) for key in todo]
    missing = sorted({key for key, _ in ready.values() if key in originals and not original_meta(cache, key, settings)})
    jobs += [(str(paths[key]), key, str(cache), settings, True, False) for key in missing]
    decoded = 0
    if jobs:
        results = _run_jobs(jobs, workers, progress)
        for key, outcome in results.items():
            decoded += 1
            if outcome.get("error"):
                for source in todo.get(key) or [s for s, (k, _) in ready.items() if k == key]:
                    _report_bad_photo(problems, source, outcome)
                    ready.pop(source, None)
                continue
            if key in todo:
                manifest.add_entry(key, outcome)
                for source in todo[key]:
                    ready[source] = (key, outcome)
    manifest.save()

    images: dict[str, ImageSet] = {}
    copies: dict[str, Path] = {}
    for source, (key, meta) in sorted(ready.items()):
        stem = safe_stem(Path(source).stem)
        folder = f"{MEDIA_DIR}/{key[:16]}"
        entry = cache / key[:2] / key
        renditions = []
        for item in meta["renditions"]:
            url = f"{folder}/{stem}-{item['file']}"
            copies[url] = entry / item["file"]
            renditions.append(Rendition(url, item["width"], item["height"], item["mime"]))
        original = None
        found = original_meta(cache, key, settings) if source in downloads else None
        if found:
            # The download's own sub-folder names its settings (download_quality), so that
            # a changed download gets a new address and no cache serves the old file; the
            # file keeps the photo's name for the visitor who saves it.
            url = f"{folder}/{settings.original_key()[:8]}/{stem}-{found['file']}"
            copies[url] = entry / settings.original_folder() / found["file"]
            original = Original(url, found["width"], found["height"], found["mime"], found["size"])
        images[source] = ImageSet(
            source, meta["width"], meta["height"], tuple(renditions), meta.get("placeholder"),
            meta.get("source_width", 0), meta.get("source_height", 0), original=original,
        )
        if meta.get("frames", 1) > 1:
            problems.report(
                "image.animated", source,
                f"这是一张动图（{meta['frames']} 帧），网站上只显示第一帧。",
                f"This is an animated image ({meta['frames']} frames); the site shows only its first frame.",
                "换成一张最能代表内容的静态照片；动态内容请用视频或多张照片。",
                "Use the one still photo that shows it best; for motion, use a video or several photos.",
                level="warning",
            )
        if meta.get("source_width", 0) < max(settings.widths) * settings.small_ratio:
            problems.report(
                "image.small", source,
                f"照片只有 {meta['source_width']}×{meta['source_height']} 像素，在大屏幕上会显得模糊。",
                f"The photo is only {meta['source_width']}×{meta['source_height']} pixels and will look blurred on large screens.",
                f"如有原图，请换成宽度至少 {max(settings.widths)} 像素的版本。",
                f"If you have the original, use a version at least {max(settings.widths)} pixels wide.",
                level="warning",
            )
    return MediaPlan(images, copies, problems, decoded)



def plan_crops(
    plan: MediaPlan,
    wanted: Iterable[tuple[str, tuple[float, float]]],
    settings: MediaSettings | None = None,
) -> MediaPlan:
    """Add fixed-ratio crops (cards, attract screen) around focal points to ``plan``.

    ``wanted`` pairs a photo (as given to ``plan_media``) with its focal point, as the
    content sets it (``focus: [0.5, 0.3]``). Crops are cut from the photo's largest cached
    rendition, never from the original, and cached beside it per focal point: a warm
    build opens no image at all, and moving the focal point re-cuts only the crops.
    """
    settings = settings or MediaSettings()
    images = dict(plan.images)
    copies = dict(plan.copies)
    for source, focus in sorted(set(wanted)):
        image = images.get(source)
        largest = image.largest("image/jpeg") if image else None
        if image is None or largest is None:
            continue
        base = copies[largest.url]
        name = crop_folder_name(focus, settings)
        folder = base.parent / name
        if not (folder / "meta.json").exists():
            cut_crops(base, folder, focus, settings)
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        url_folder = posixpath.dirname(largest.url)
        stem = safe_stem(Path(source).stem)
        variants: dict[str, tuple[Rendition, ...]] = {}
        for crop, items in meta.items():
            renditions = []
            for item in items:
                url = f"{url_folder}/{stem}-{name}-{item['file']}"
                copies[url] = folder / item["file"]
                renditions.append(Rendition(url, item["width"], item["height"], item["mime"]))
            variants[crop] = tuple(renditions)
        images[source] = replace(image, crops={**image.crops, focus: variants})
    return replace(plan, images=images, copies=copies)



def write_media(plan: MediaPlan, site_dir: Path) -> None:
    """Put every planned file into ``site_dir`` (hard links to the cache where possible)."""
    for url, source in plan.copies.items():
        target = Path(site_dir) / url
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)



def _report_bad_photo(problems: ProblemLog, source: str, outcome: Mapping[str, Any]) -> None:
    code, detail = outcome["error"], outcome.get("detail", "")
    texts = {
        "image.bomb": (
            "照片像素过多（超过安全上限），可能是损坏或恶意文件，已拒绝处理。",
            f"The photo has too many pixels (beyond the safety limit): it may be damaged or malicious. {detail}",
            "请用图片软件把照片缩小到 8000 像素宽以内后再放入。",
            "Reduce the photo to at most 8000 pixels wide in an image editor, then put it back.",
        ),
        "image.truncated": (
            "照片文件不完整（可能复制或下载时中断了）。",
            f"The photo file is incomplete (probably cut off while copying or downloading). {detail}",
            "请从相机或手机重新复制这张照片。", "Copy the photo again from the camera or phone.",
        ),
        "image.unreadable": (
            "无法识别这个文件的图片格式，或文件已损坏。",
            f"This file's image format cannot be recognised, or the file is damaged. {detail}",
            "请用图片软件打开后另存为 JPEG 再放入。", "Open it in an image editor, save it as JPEG and put it back.",
        ),
        "image.corrupt": (
            "照片文件已损坏，无法解码。",
            f"The photo file is damaged and cannot be decoded. {detail}",
            "请从相机或手机重新复制这张照片，或另存为 JPEG。",
            "Copy the photo again from the camera or phone, or save it again as JPEG.",
        ),
    }
    zh, en, hint_zh, hint_en = texts.get(code, texts["image.corrupt"])
    problems.report(code, source, zh, en.strip(), hint_zh, hint_en)



def _run_jobs(jobs: list[tuple], workers: int | None, progress) -> dict[str, dict[str, Any]]:
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    progress = progress or (_stderr_progress if len(jobs) > 8 else None)
    results: dict[str, dict[str, Any]] = {}
    if workers == 1:
        for index, job in enumerate(jobs, 1):
            results[job[1]] = render_photo(*job)
            if progress:
                progress(index, len(jobs))
        return results
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(render_photo, *job): job[1] for job in jobs}
        for index, future in enumerate(as_completed(futures), 1):
            key = futures[future]
            try:
                results[key] = future.result()
            except Exception as err:  # a worker died (out of memory…): report, don't crash
                results[key] = {"error": "image.corrupt", "detail": f"({type(err).__name__}: {err})"}
            if progress:
                progress(index, len(jobs))
    return results



def _stderr_progress(done: int, total: int) -> None:
    width = 30
    filled = width * done // total
    line = f"照片 photos [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
    if sys.stderr.isatty():
        print("\r" + line, end="\n" if done == total else "", file=sys.stderr, flush=True)
    elif done == total or done % max(1, total // 4) == 0:
        print(line, file=sys.stderr, flush=True)
