"""Publishing the audio guide's recordings: a copy without tags, under its content hash.

The content stage has already checked each recording (hall/content/audio.py: format, length,
size). Here every tag block that may carry personal data is dropped from a copy: ID3v1/v2
and APEv2 in MP3 (title, comments, TXXX, pictures, the recorder's name), the ``ilst``
metadata atoms of M4A, the Vorbis comments of Ogg. The copy lives in a cache of its own
(``.cache/hall-audio/``, beside the photos' ``.cache/hall-media/``, whose pruning knows only
photos), keyed by the SHA-256 of the original's bytes, so a warm
build copies nothing and reads one small JSON per recording. It is published as
``media/audio/<hash of the copy>.<ext>``: a new recording is a new URL, so a phone never
plays a stale one from its cache, and the name says nothing about the exhibit.

The files join ``MediaPlan.copies``: ``write_media`` links them into the site with the photos,
and the other languages' builds get them with the rest of the plan (hall/mkdocs/languages.py).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from ..content.audio import AudioFile
from .cache import file_digest
from .model import MEDIA_DIR, MediaPlan

if TYPE_CHECKING:
    from ..content.model import Hall

#: Bump when the cleaned copies change for the same input (remakes every copy).
AUDIO_VERSION = 1
AUDIO_CACHE_DIR = ".cache/hall-audio"


@dataclass(frozen=True)
class AudioTrack:
    """One published recording."""

    source: str  # repository-relative path of the original
    url: str  # relative to the site root: "media/audio/3f2a….mp3"
    mime: str
    language: str
    seconds: float
    size: int  # bytes of the published copy


def plan_audio(plan: MediaPlan, root: Path, recordings: Iterable[AudioFile], cache_dir: Path | None = None) -> MediaPlan:
    """``plan`` with every recording cleaned (or found cleaned in the cache) and planned for publishing."""
    cache = Path(cache_dir) if cache_dir else Path(root) / AUDIO_CACHE_DIR
    tracks = dict(plan.audio)
    copies = dict(plan.copies)
    for recording in recordings:
        clean = cleaned_copy(Path(root) / recording.file, recording.format, cache)
        url = f"{MEDIA_DIR}/audio/{clean.name}"
        copies[url] = clean
        tracks[recording.file] = AudioTrack(recording.file, url, recording.mime, recording.language,
                                            recording.seconds, clean.stat().st_size)
    return replace(plan, audio=tracks, copies=copies)


def cleaned_copy(source: Path, ext: str, cache: Path) -> Path:
    """The cached copy of ``source`` without tags, named by its own hash; made once per content."""
    digest = file_digest(source)
    record = cache / f"{digest}-v{AUDIO_VERSION}.json"
    try:
        known = cache / json.loads(record.read_text(encoding="utf-8"))["file"]
        if known.is_file():
            return known
    except (OSError, ValueError, KeyError):
        pass
    cache.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(suffix="." + ext, dir=cache)
    os.close(handle)
    try:
        shutil.copyfile(source, temporary)
        strip_tags(Path(temporary), ext)
        name = f"{file_digest(Path(temporary))[:20]}.{ext}"
        os.replace(temporary, cache / name)  # whole or not at all
    finally:
        Path(temporary).unlink(missing_ok=True)
    record.write_text(json.dumps({"file": name}), encoding="utf-8")
    return cache / name


def strip_tags(path: Path, ext: str) -> None:
    """Drop every tag block mutagen knows for the format, in place."""
    if ext == "mp3":
        from mutagen import apev2, id3

        id3.delete(path, delete_v1=True, delete_v2=True)
        try:
            apev2.delete(path)
        except apev2.APENoHeaderError:
            pass
        return
    from mutagen import File

    audio = File(path)
    if audio is not None and audio.tags is not None:
        audio.delete()
    if ext == "m4a":
        blank_mp4_user_data(path)


#: MP4 boxes that hold user data rather than sound: a phone's recorder writes the place it was
#: recorded (``©xyz``, ``com.apple.quicktime.location.ISO6709``) there, outside the ``ilst``
#: tags that mutagen deletes.
_USER_DATA_BOXES = (b"udta", b"meta")


def blank_mp4_user_data(path: Path) -> None:
    """Turn every ``udta``/``meta`` box of the movie and its tracks into a zero-filled ``free``
    box of the same size: players skip it, and no offset in the file moves."""
    from mutagen.mp4 import Atoms

    with open(path, "r+b") as stream:
        boxes = []
        for top in Atoms(stream).atoms:
            if top.name != b"moov":
                continue
            for child in top.children or ():
                if child.name in _USER_DATA_BOXES:
                    boxes.append(child)
                elif child.name == b"trak":
                    boxes.extend(c for c in child.children or () if c.name in _USER_DATA_BOXES)
        for box in boxes:
            stream.seek(box.offset + 4)
            stream.write(b"free")
            start = box._dataoffset  # after the size and the name (16 bytes for a 64-bit size)
            stream.seek(start)
            stream.write(bytes(box.offset + box.length - start))


def recordings_of(hall: "Hall") -> list[AudioFile]:
    """Every recording of the hall's exhibits (after ``Hall.for_audience``: no draft's)."""
    return [recording for exhibit in hall.exhibits.values() for recording in exhibit.audio]
