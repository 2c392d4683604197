"""Planning the photos of a build: find each in the cache or decode it (in parallel
processes), add crops around focal points, report bad photos in both languages, and link
the files into a site folder."""

from __future__ import annotations

import json
import os
import posixpath
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Iterable

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
from .verdicts import report_missing, report_verdict, verdict_key, verdict_of_meta
from .workers import run_jobs


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
    decoded once more, for that file only. A photo that ``hall check`` (or an earlier
    build) found bad is reported from its recorded verdict without decoding it again; each
    decode here records its verdict for the next check. Problems land in
    ``plan.problems``; an error there means the build must stop (nothing was published).
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
    verdicts: dict[str, str] = {}  # cache key -> verdict key
    for source in sorted(set(sources)):
        path = root / source
        try:
            stat = path.stat()
        except OSError:
            report_missing(problems, source)
            continue
        digest = manifest.digest(source, stat) or file_digest(path)
        manifest.remember(source, stat, digest)
        known = manifest.verdicts.get(verdict_key(digest, settings))
        if known and known.get("error"):  # found bad before: no need to decode it again to say so
            report_verdict(problems, source, known, settings)
            continue
        key = cache_key(digest, fingerprint)
        paths[key] = path
        verdicts[key] = verdict_key(digest, settings)
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
        results = run_jobs(render_photo, jobs, workers, progress)
        for key, outcome in results.items():
            decoded += 1
            if outcome.get("error"):
                if not outcome.get("transient"):
                    manifest.add_verdict(verdicts[key], outcome)
                for source in todo.get(key) or [s for s, (k, _) in ready.items() if k == key]:
                    report_verdict(problems, source, outcome, settings)
                    ready.pop(source, None)
                continue
            if key in todo:
                manifest.add_entry(key, outcome)
                manifest.add_verdict(verdicts[key], verdict_of_meta(outcome))
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
        report_verdict(problems, source, verdict_of_meta(meta), settings)  # animated, too small
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
