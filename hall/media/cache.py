"""The media cache under ``.cache/hall-media/``: entries keyed by the SHA-256 of a photo's
bytes and the settings, one manifest so a warm build reads no photo, folders written whole
or not at all, and pruning of what no photo uses any more."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .model import CACHE_DIR, MediaSettings
from .verdicts import verdict_key

MANIFEST = "manifest.json"


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()



def cache_key(digest: str, fingerprint: str) -> str:
    """A cache entry's name: the photo's bytes (``digest``) made with these settings."""
    return hashlib.sha256(f"{digest}:{fingerprint}".encode()).hexdigest()[:32]


def cache_root(root: Path) -> Path:
    return Path(root) / CACHE_DIR



def original_meta(cache: Path, key: str, settings: MediaSettings) -> dict[str, Any] | None:
    """The cached full-size download of entry ``key`` (its meta.json), if it was made."""
    try:
        path = cache / key[:2] / key / settings.original_folder() / "meta.json"
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None



def crop_folder_name(focus: tuple[float, float], settings: MediaSettings) -> str:
    """The cache sub-folder of one focal point's crops (beside the photo's renditions)."""
    spec = json.dumps({"focus": [round(focus[0], 3), round(focus[1], 3)], "crops": settings.crops,
                       "q": [settings.webp_quality, settings.jpeg_quality]})
    return "crop-" + hashlib.sha256(spec.encode()).hexdigest()[:12]



def write_cache_folder(folder: Path, write: Callable[[Path], dict[str, Any]]) -> dict[str, Any]:
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



def prune_cache(root: Path, keep: Iterable[str], settings: MediaSettings | None = None,
                *, downloads: Iterable[str] = (), crops: Iterable[tuple[str, tuple[float, float]]] | None = None,
                cache_dir: Path | None = None, also: Iterable[tuple[Iterable[str], MediaSettings]] = ()) -> int:
    """Delete cache entries that none of the photos in ``keep`` (repository-relative paths,
    as given to ``plan_media``) uses with these settings, full-size downloads that no
    photo in ``downloads`` asks for any more and, when ``crops`` is given (photo, focal
    point pairs, as given to ``plan_crops``), crops of focal points no photo has any
    more. ``also`` lists other photos with the settings they are made with (the panoramas),
    whose entries stay too. Returns the number removed."""
    settings = settings or MediaSettings()
    root = Path(root)
    cache = Path(cache_dir) if cache_dir else cache_root(root)
    if not cache.is_dir():
        return 0
    manifest = Manifest.load(cache)
    fingerprint = settings.fingerprint()
    downloads = set(downloads)
    wanted: set[str] = set()
    wanted_verdicts: set[str] = set()
    wanted_originals: set[str] = set()
    focus_of: dict[str, set[tuple[float, float]]] = {}
    for source, focus in crops or ():
        focus_of.setdefault(source, set()).add(focus)
    wanted_crops: dict[str, set[str]] = {}  # cache key -> crop folders still used
    keep = set(keep)
    groups = [(keep, settings, fingerprint), *((set(files), other, other.fingerprint()) for files, other in also)]
    digests = {source: _current_digest(root, source, manifest) for sources, _, _ in groups for source in sources}
    for sources, made_with, made_fingerprint in groups:
        for source in sources:
            if digests[source]:
                wanted.add(cache_key(digests[source], made_fingerprint))
                wanted_verdicts.add(verdict_key(digests[source], made_with))
    for source in keep:
        if not digests[source]:
            continue
        key = cache_key(digests[source], fingerprint)
        if source in downloads:
            wanted_originals.add(key)
        wanted_crops.setdefault(key, set()).update(crop_folder_name(f, settings) for f in focus_of.get(source, ()))
    removed = 0
    for bucket in cache.iterdir():
        if not bucket.is_dir() or bucket.name == "cards":  # share cards (cards.py), keyed by title
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
    kept_files = set().union(*(sources for sources, _, _ in groups))
    manifest.files = {k: v for k, v in manifest.files.items() if k in kept_files}
    manifest.verdicts = {k: v for k, v in manifest.verdicts.items() if k in wanted_verdicts}
    manifest.dirty = True
    manifest.save()
    return removed



def _current_digest(root: Path, source: str, manifest: "Manifest") -> str | None:
    """The photo's content hash, from the manifest while its size and time match; None if gone."""
    path = root / source
    try:
        stat = path.stat()
    except OSError:
        return None
    return manifest.digest(source, stat) or file_digest(path)


def safe_stem(stem: str) -> str:
    cleaned = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in stem).strip("-")
    return cleaned.lower()[:60] or "photo"



@dataclass
class Manifest:
    """One JSON file so a warm build knows every photo's hash and derivatives without
    reading the photos: ``files`` maps path -> [size, mtime_ns, sha256], ``entries`` maps
    cache key -> derivative metadata, ``verdicts`` maps verdict key -> what verifying the
    photo found (hall/media/verdicts.py), so a warm ``hall check`` decodes nothing either."""

    folder: Path
    files: dict[str, list] = field(default_factory=dict)
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    verdicts: dict[str, dict[str, Any]] = field(default_factory=dict)
    dirty: bool = False

    @classmethod
    def load(cls, folder: Path) -> "Manifest":
        try:
            data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            return cls(folder, dict(data.get("files", {})), dict(data.get("entries", {})),
                       dict(data.get("verdicts", {})))
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

    def add_verdict(self, key: str, verdict: dict[str, Any]) -> None:
        if self.verdicts.get(key) != verdict:
            self.verdicts[key] = verdict
            self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / f"{MANIFEST}.{os.getpid()}.{uuid.uuid4().hex[:6]}"
        data = {"files": self.files, "entries": self.entries, "verdicts": self.verdicts}
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.folder / MANIFEST)
        self.dirty = False
