"""Photos as the site serves them: derivatives, placeholders, a content-hash cache.

Engine-agnostic. ``plan_media`` turns every referenced photo into a small set of
published files (a few widths, WebP and a JPEG fallback, never upscaled, EXIF
orientation applied, every metadata block dropped, colour converted to sRGB) and a
tiny blurred placeholder. A photo whose content asks for a download (``download: true``)
also gets a full-size copy: every pixel of the original, re-encoded like the rest
(oriented, sRGB, no metadata), never the original's own bytes. Work is cached outside
``site/`` under ``.cache/hall-media/``, keyed by the SHA-256 of the photo's bytes and
the derivative settings, so an unchanged photo is never decoded again wherever it moves;
a warm build reads one manifest and decodes nothing. ``write_media`` links the cached
files into a site folder. ``prune_cache`` drops cache entries no photo uses any more.

Bad photos (missing, corrupt, truncated, undecodable, decompression bombs) are reported
in a ``ProblemLog`` with a Chinese and an English message; nothing half-written ever
lands in the cache (each entry is written to a temporary folder and renamed).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import math
import os
import posixpath
import re
import shutil
import sys
import uuid
import warnings
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, NamedTuple

from PIL import Image, ImageCms, ImageFile, ImageFilter, ImageOps, JpegImagePlugin

from .content.problems import ProblemLog

MEDIA_DIR = "media"
CACHE_DIR = ".cache/hall-media"
#: Bump when the pipeline's output changes for the same settings (invalidates the cache).
PIPELINE_VERSION = 1
#: Bump when the full-size downloads change for the same settings (remakes only those).
ORIGINAL_VERSION = 1
MANIFEST = "manifest.json"

_MIME = {"webp": "image/webp", "jpeg": "image/jpeg", "avif": "image/avif", "png": "image/png"}
_EXT = {"webp": "webp", "jpeg": "jpg", "avif": "avif", "png": "png"}
_RESAMPLE = {"lanczos": Image.Resampling.LANCZOS, "bicubic": Image.Resampling.BICUBIC,
             "bilinear": Image.Resampling.BILINEAR}


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
    max_pixels: int = Image.MAX_IMAGE_PIXELS or 89_478_485
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


# ---------------------------------------------------------------------------- planning


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def cache_root(root: Path) -> Path:
    return Path(root) / CACHE_DIR


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
    manifest = _Manifest.load(cache)
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
        key = hashlib.sha256(f"{digest}:{fingerprint}".encode()).hexdigest()[:32]
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
    missing = sorted({key for key, _ in ready.values() if key in originals and not _original_meta(cache, key, settings)})
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
        stem = _safe_stem(Path(source).stem)
        folder = f"{MEDIA_DIR}/{key[:16]}"
        entry = cache / key[:2] / key
        renditions = []
        for item in meta["renditions"]:
            url = f"{folder}/{stem}-{item['file']}"
            copies[url] = entry / item["file"]
            renditions.append(Rendition(url, item["width"], item["height"], item["mime"]))
        original = None
        found = _original_meta(cache, key, settings) if source in downloads else None
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


def _original_meta(cache: Path, key: str, settings: MediaSettings) -> dict[str, Any] | None:
    """The cached full-size download of entry ``key`` (its meta.json), if it was made."""
    try:
        path = cache / key[:2] / key / settings.original_folder() / "meta.json"
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


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
            _cut_crops(base, folder, focus, settings)
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        url_folder = posixpath.dirname(largest.url)
        stem = _safe_stem(Path(source).stem)
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


def crop_folder_name(focus: tuple[float, float], settings: MediaSettings) -> str:
    """The cache sub-folder of one focal point's crops (beside the photo's renditions)."""
    spec = json.dumps({"focus": [round(focus[0], 3), round(focus[1], 3)], "crops": settings.crops,
                       "q": [settings.webp_quality, settings.jpeg_quality]})
    return "crop-" + hashlib.sha256(spec.encode()).hexdigest()[:12]


def crop_box(width: int, height: int, ratio: float, focus: tuple[float, float]) -> tuple[int, int, int, int]:
    """The largest box of ``ratio`` (w/h) inside the image, centred on ``focus`` as far as it can be."""
    if width / height > ratio:
        crop_w, crop_h = round(height * ratio), height
    else:
        crop_w, crop_h = width, round(width / ratio)
    left = min(max(round(focus[0] * width - crop_w / 2), 0), width - crop_w)
    top = min(max(round(focus[1] * height - crop_h / 2), 0), height - crop_h)
    return left, top, left + crop_w, top + crop_h


def _cut_crops(base: Path, folder: Path, focus: tuple[float, float], settings: MediaSettings) -> None:
    def write(tmp: Path) -> dict[str, Any]:
        meta: dict[str, list[dict[str, Any]]] = {}
        with Image.open(base) as opened:
            image = opened.convert("RGB")
        resample = _RESAMPLE.get(settings.resample, Image.Resampling.LANCZOS)
        for crop, ratio_w, ratio_h, widths in settings.crops:
            cut = image.crop(crop_box(image.width, image.height, ratio_w / ratio_h, focus))
            sizes = sorted({min(w, cut.width) for w in widths})
            meta[crop] = []
            for fmt in settings.formats:
                for width in sizes:
                    frame = cut if width == cut.width else cut.resize((width, round(width * ratio_h / ratio_w)), resample)
                    file = f"{crop}-{width}.{_EXT[fmt]}"
                    _save(frame, tmp / file, fmt, settings)
                    meta[crop].append({"file": file, "width": frame.width, "height": frame.height, "mime": _MIME[fmt]})
        return meta

    _write_cache_folder(folder, write)


def _write_cache_folder(folder: Path, write: Callable[[Path], dict[str, Any]]) -> dict[str, Any]:
    """Fill a cache folder beside ``folder``, add its meta.json, then rename it into place,
    so no reader ever sees half an entry. If another build wrote the same entry meanwhile,
    theirs is kept (the content is the same)."""
    tmp = folder.with_name(f"{folder.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:6]}")
    tmp.mkdir(parents=True)
    try:
        meta = write(tmp)
        (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        try:
            tmp.rename(folder)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return meta


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


def prune_cache(root: Path, keep: Iterable[str], settings: MediaSettings | None = None,
                *, downloads: Iterable[str] = (), crops: Iterable[tuple[str, tuple[float, float]]] | None = None,
                cache_dir: Path | None = None) -> int:
    """Delete cache entries that none of the photos in ``keep`` (repository-relative paths,
    as given to ``plan_media``) uses with these settings, full-size downloads that no
    photo in ``downloads`` asks for any more and, when ``crops`` is given (photo, focal
    point pairs, as given to ``plan_crops``), crops of focal points no photo has any
    more. Returns the number removed."""
    settings = settings or MediaSettings()
    root = Path(root)
    cache = Path(cache_dir) if cache_dir else cache_root(root)
    if not cache.is_dir():
        return 0
    manifest = _Manifest.load(cache)
    fingerprint = settings.fingerprint()
    downloads = set(downloads)
    wanted: set[str] = set()
    wanted_originals: set[str] = set()
    focus_of: dict[str, set[tuple[float, float]]] = {}
    for source, focus in crops or ():
        focus_of.setdefault(source, set()).add(focus)
    wanted_crops: dict[str, set[str]] = {}  # cache key -> crop folders still used
    for source in set(keep):
        path = root / source
        try:
            stat = path.stat()
        except OSError:
            continue
        digest = manifest.digest(source, stat) or file_digest(path)
        key = hashlib.sha256(f"{digest}:{fingerprint}".encode()).hexdigest()[:32]
        wanted.add(key)
        if source in downloads:
            wanted_originals.add(key)
        wanted_crops.setdefault(key, set()).update(crop_folder_name(f, settings) for f in focus_of.get(source, ()))
    removed = 0
    for bucket in cache.iterdir():
        if not bucket.is_dir():
            continue
        for entry in bucket.iterdir():
            if entry.name not in wanted:
                shutil.rmtree(entry, ignore_errors=True)
                removed += 0 if ".tmp-" in entry.name else 1
                continue
            keep_original = settings.original_folder() if entry.name in wanted_originals else None
            for original in entry.glob("original-*"):
                if original.name != keep_original:
                    shutil.rmtree(original, ignore_errors=True)
                    removed += 0 if ".tmp-" in original.name else 1
            for crop in entry.glob("crop-*") if crops is not None else ():
                if crop.name not in wanted_crops.get(entry.name, ()):
                    shutil.rmtree(crop, ignore_errors=True)
                    removed += 0 if ".tmp-" in crop.name else 1
        if not any(bucket.iterdir()):
            bucket.rmdir()
    manifest.entries = {k: v for k, v in manifest.entries.items() if k in wanted}
    manifest.files = {k: v for k, v in manifest.files.items() if k in set(keep)}
    manifest.dirty = True
    manifest.save()
    return removed


def _safe_stem(stem: str) -> str:
    cleaned = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in stem).strip("-")
    return cleaned.lower()[:60] or "photo"


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


# ---------------------------------------------------------------------------- the cache


@dataclass
class _Manifest:
    """One JSON file so a warm build knows every photo's hash and derivatives without
    reading the photos: ``files`` maps path -> [size, mtime_ns, sha256], ``entries`` maps
    cache key -> derivative metadata."""

    folder: Path
    files: dict[str, list] = field(default_factory=dict)
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    dirty: bool = False

    @classmethod
    def load(cls, folder: Path) -> "_Manifest":
        try:
            data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            return cls(folder, dict(data.get("files", {})), dict(data.get("entries", {})))
        except (OSError, ValueError):
            return cls(folder)

    def digest(self, source: str, stat: os.stat_result) -> str | None:
        known = self.files.get(source)
        if known and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
            return known[2]
        return None

    def remember(self, source: str, stat: os.stat_result, digest: str) -> None:
        value = [stat.st_size, stat.st_mtime_ns, digest]
        if self.files.get(source) != value:
            self.files[source] = value
            self.dirty = True

    def entry(self, key: str) -> dict[str, Any] | None:
        """The entry's metadata if its files are on disk (checked by its meta.json)."""
        folder = self.folder / key[:2] / key
        meta = self.entries.get(key)
        if meta is not None and folder.is_dir():
            return meta
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        self.add_entry(key, meta)
        return meta

    def add_entry(self, key: str, meta: dict[str, Any]) -> None:
        self.entries[key] = meta
        self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / f"{MANIFEST}.{os.getpid()}.{uuid.uuid4().hex[:6]}"
        tmp.write_text(json.dumps({"files": self.files, "entries": self.entries}, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.folder / MANIFEST)
        self.dirty = False


# ---------------------------------------------------------------------------- processing


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


def render_photo(path: str, key: str, cache: str, settings: MediaSettings,
                 download: bool = False, derivatives: bool = True) -> dict[str, Any]:
    """Decode one photo once and write all its derivatives into its cache entry.

    With ``download``, the photo is decoded at full size and its full-size download is
    written too, into a sub-folder of the entry; with ``derivatives=False`` (the entry is
    already cached) only that. Returns the entry's metadata (``{}`` without derivatives),
    or ``{"error": code, "detail": text}``. Runs in a worker process; never raises for a
    bad photo.
    """
    _register_heif()
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    Image.MAX_IMAGE_PIXELS = settings.max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            decoded = _decode(path, settings, full=download)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as err:
        return {"error": "image.bomb", "detail": f"({err})"}
    except Image.UnidentifiedImageError:
        return {"error": "image.unreadable"}
    except OSError as err:
        code = "image.truncated" if "truncat" in str(err).lower() else "image.corrupt"
        return {"error": code, "detail": f"({err})"}
    except (SyntaxError, ValueError, EOFError, TypeError, IndexError, KeyError, MemoryError) as err:
        return {"error": "image.corrupt", "detail": f"({type(err).__name__}: {err})"}

    image, icc = decoded.image, decoded.icc
    if download:  # one sRGB conversion at full size, shared by the download and the derivatives
        image, icc = _to_srgb(_opaque(image), icc), None
    entry = Path(cache) / key[:2] / key
    meta: dict[str, Any] = {}
    if derivatives:
        meta = _write_cache_folder(entry, lambda tmp: _write_derivatives(image, decoded.oriented, icc, tmp, settings))
    if download:
        _write_cache_folder(entry / settings.original_folder(),
                            lambda tmp: _write_original(image, decoded, tmp, settings))
    return meta


def _register_heif() -> None:
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError:  # pragma: no cover - pillow-heif is a dependency
        pass


class _Decoded(NamedTuple):
    image: Image.Image  # oriented
    oriented: tuple[int, int]  # the original's size after orientation
    icc: bytes | None
    format: str | None  # the source's, e.g. "JPEG", "PNG"
    sampling: int  # the source JPEG's chroma subsampling (0 = 4:4:4, 2 = 4:2:0), -1 if none


def _decode(path: str, settings: MediaSettings, full: bool = False) -> _Decoded:
    """Open, decode at the smallest DCT scale the largest width allows (every pixel with
    ``full``), orient."""
    with Image.open(path) as opened:
        orientation = opened.getexif().get(0x0112, 1)
        icc = opened.info.get("icc_profile")
        width, height = opened.size
        swapped = orientation in (5, 6, 7, 8)
        oriented = (height, width) if swapped else (width, height)
        target = min(oriented[0], max(settings.widths))
        scale = target / oriented[0]
        needed = (math.ceil(width * scale), math.ceil(height * scale))
        if opened.format == "JPEG" and scale < 1 and not full:
            mode = opened.mode if opened.mode in ("L", "CMYK") else "RGB"
            opened.draft(mode, needed)
        source_format = opened.format
        sampling = JpegImagePlugin.get_sampling(opened)
        opened.load()
        image = ImageOps.exif_transpose(opened)
        if image is opened:
            image = opened.copy()
    image.info = {k: v for k, v in image.info.items() if k == "transparency"}
    return _Decoded(image, oriented, icc, source_format, sampling)


def _normalize_mode(image: Image.Image) -> Image.Image:
    """To L, RGB or RGBA (CMYK stays for the ICC step); 16-bit scaled, palette expanded."""
    mode = image.mode
    if mode.startswith("I;16") or mode == "I":
        image = image.convert("I") if mode != "I" else image
        low, high = image.getextrema()
        divisor = 256 if high > 255 else 1
        return image.point(lambda value: value / divisor).convert("L")
    if mode == "F":
        return image.convert("L")
    if mode == "1":
        return image.convert("L")
    if mode == "P":
        return image.convert("RGBA" if "transparency" in image.info or image.palette.mode == "RGBA" else "RGB")
    if mode in ("LA", "PA", "La", "RGBa"):
        return image.convert("RGBA")
    if mode in ("L", "RGB", "RGBA", "CMYK"):
        return image
    return image.convert("RGB")


_SRGB = None


def _to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """Convert to sRGB through the embedded ICC profile, if any; CMYK always ends as RGB."""
    global _SRGB
    if icc and image.mode in ("RGB", "RGBA", "CMYK"):
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            description = ImageCms.getProfileDescription(profile) or ""
            if "srgb" not in description.lower().replace(" ", "") or image.mode == "CMYK":
                if _SRGB is None:
                    _SRGB = ImageCms.createProfile("sRGB")
                out_mode = "RGBA" if image.mode == "RGBA" else "RGB"
                return ImageCms.profileToProfile(image, profile, _SRGB, outputMode=out_mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: fall back to the plain conversion below
    if image.mode == "CMYK":
        return image.convert("RGB")
    return image


def _write_derivatives(
    image: Image.Image, oriented: tuple[int, int], icc: bytes | None, folder: Path, settings: MediaSettings
) -> dict[str, Any]:
    image = _opaque(image)
    resample = _RESAMPLE.get(settings.resample, Image.Resampling.LANCZOS)
    src_w, src_h = oriented
    widths = settings.widths_for(src_w)
    renditions: list[dict[str, Any]] = []
    current = image
    made: list[tuple[int, Image.Image]] = []
    for index, width in enumerate(sorted(widths, reverse=True)):
        height = max(1, round(src_h * width / src_w))
        if current.size != (width, height):
            current = current.resize((width, height), resample)
        if index == 0:
            current = _to_srgb(current, icc)
        current.info = {}
        made.append((width, current))
    made.reverse()
    for fmt in settings.formats:
        for width, frame in made:
            name = f"{width}.{_EXT[fmt]}"
            _save(frame, folder / name, fmt, settings)
            renditions.append({"file": name, "width": frame.width, "height": frame.height, "mime": _MIME[fmt]})
    largest = made[-1][1]
    return {
        "width": largest.width,
        "height": largest.height,
        "source_width": src_w,
        "source_height": src_h,
        "renditions": renditions,
        "placeholder": _placeholder(made[0][1], settings),
    }


def _opaque(image: Image.Image) -> Image.Image:
    """To L, RGB or RGBA (see ``_normalize_mode``), dropping an alpha channel that hides nothing."""
    image = _normalize_mode(image)
    if image.mode == "RGBA" and image.getchannel("A").getextrema() == (255, 255):
        image = image.convert("RGB")
    return image


def _write_original(image: Image.Image, decoded: _Decoded, folder: Path, settings: MediaSettings) -> dict[str, Any]:
    """The full-size download: every pixel, already oriented and in sRGB, with no metadata.

    PNG when the photo has transparency (JPEG would lose it) or came as PNG (a scan or a
    drawing saved losslessly stays lossless, at about its own size); JPEG for everything
    else, since a photo re-encoded as PNG grows several times for no visible gain. The JPEG
    keeps full-resolution colour (4:4:4) unless the source JPEG had already halved it
    (4:2:0), where 4:4:4 would only add bytes."""
    image.info = {}  # no comment, DPI, ICC or transparency key rides along into the file
    if image.mode == "RGBA" or decoded.format == "PNG":
        fmt, name = "png", "original.png"
        image.save(folder / name, "PNG")
    else:
        fmt, name = "jpeg", "original.jpg"
        image.save(folder / name, "JPEG", quality=settings.download_quality, optimize=True,
                   subsampling=2 if decoded.sampling == 2 else 0)
    return {"file": name, "width": image.width, "height": image.height, "mime": _MIME[fmt],
            "size": (folder / name).stat().st_size}


def _flatten(image: Image.Image) -> Image.Image:
    if image.mode == "RGBA":
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image if image.mode in ("RGB", "L") else image.convert("RGB")


def _save(image: Image.Image, path: Path, fmt: str, settings: MediaSettings) -> None:
    """Encode with no metadata at all (no EXIF, XMP, ICC, comments)."""
    if fmt == "jpeg":
        _flatten(image).save(path, "JPEG", quality=settings.jpeg_quality, optimize=True)
    elif fmt == "webp":
        frame = image if image.mode in ("RGB", "RGBA") else image.convert("RGB")
        frame.save(path, "WEBP", quality=settings.webp_quality, method=settings.webp_method)
    elif fmt == "avif":
        frame = image if image.mode in ("RGB", "RGBA") else image.convert("RGB")
        frame.save(path, "AVIF", quality=settings.avif_quality, speed=8)
    elif fmt == "png":
        image.save(path, "PNG")
    else:
        raise ValueError(f"unknown format {fmt}")


def _placeholder(image: Image.Image, settings: MediaSettings) -> str:
    """A ~16 px wide, blurred WebP as a data: URI (a few hundred bytes)."""
    width = settings.placeholder_width
    height = max(1, round(image.height * width / image.width))
    tiny = _flatten(image).convert("RGB").resize((width, height), Image.Resampling.BOX)
    tiny = tiny.filter(ImageFilter.GaussianBlur(0.6))
    buffer = io.BytesIO()
    tiny.save(buffer, "WEBP", quality=40, method=4)
    return "data:image/webp;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


# ---------------------------------------------------------------------------- HTML


def picture_html(image: ImageSet, alt: str, prefix: str = "", sizes: str = "(min-width: 76em) 48rem, 100vw",
                 lazy: bool = True) -> str:
    """A ``<picture>`` for an image inside a Markdown body (templates use hall-picture.html)."""
    from html import escape

    parts = ['<picture class="hall-picture hall-picture--body">']
    for mime in image.mimes:
        if mime != image.fallback.mime:
            parts.append(f'<source type="{mime}" srcset="{escape(image.srcset(mime, prefix))}" sizes="{escape(sizes)}">')
    fallback = image.fallback
    style = f' style="background-image:url({image.placeholder})"' if image.placeholder else ""
    parts.append(
        f'<img src="{escape(prefix + fallback.url)}" srcset="{escape(image.srcset(fallback.mime, prefix))}"'
        f' sizes="{escape(sizes)}" alt="{escape(alt)}" width="{image.width}" height="{image.height}"'
        f' loading="{"lazy" if lazy else "eager"}" decoding="async"{style}>'
    )
    parts.append("</picture>")
    return "".join(parts)


# ---------------------------------------------------------------------------- Markdown bodies

_BODY_IMAGE = re.compile(r'!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+"(?P<title>[^"]*)")?\)')
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".tif", ".tiff", ".avif")


def _body_source(src: str, body_file: str) -> str | None:
    """The repository-relative photo a body's ``![…](src)`` points at, if it is a local photo."""
    if "://" in src or src.startswith(("/", "#", "data:")) or not src.lower().endswith(IMAGE_SUFFIXES):
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(body_file), src))
    return None if joined.startswith("../") else joined


def body_images(markdown: str, body_file: str) -> list[str]:
    """Repository-relative photos referenced as ``![alt](photo.jpg)`` in a Markdown body."""
    found = (_body_source(m.group("src"), body_file) for m in _BODY_IMAGE.finditer(markdown))
    return [source for source in found if source]


def rewrite_body_images(markdown: str, body_file: str, images: Mapping[str, ImageSet], prefix: str) -> str:
    """Replace each local ``![alt](photo.jpg)`` by a ``<picture>`` of its derivatives
    (``prefix`` leads from the page to the site root holding ``media/``)."""

    def replace(match: re.Match) -> str:
        source = _body_source(match.group("src"), body_file)
        image = images.get(source) if source else None
        if image is None:
            return match.group(0)
        return picture_html(image, match.group("alt"), prefix)

    return _BODY_IMAGE.sub(replace, markdown)
