"""Recordings of the audio guide: ``audio.<language>.<ext>`` files in an exhibit's folder.

Checked while the hall loads (so ``hall check``, a build and a preview all report them, like a
missing photo) by reading each file's header with mutagen: no audio is decoded, about a
millisecond per file. The checks, each a Chinese and English problem naming the file:

- the name: a language the site does not have is an error (nobody would ever hear it);
- the format: MP3 and M4A (AAC) play on every phone, WeChat on iOS included; Ogg Vorbis and
  Opus do not play on iOS before 17, so they are a warning unless the same language also has
  an MP3 or M4A; anything else (WAV, FLAC, WMA, AMR …) is an error: WAV is ten times the size
  of an MP3 and its INFO tags are beyond what the media stage strips;
- the content: a file whose bytes are not the format its extension says (an MP3 named .m4a),
  that mutagen cannot read, or that holds no audio, is an error;
- the size: over 10 MB is an error (a phone on a county network, 2 Mbit/s, waits 40 s), and
  longer than 10 minutes is an error, over 5 minutes a warning (visitors stand while they listen).

The media stage (hall/media/audio.py) strips the tags and publishes a copy under its content hash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .problems import ProblemLog

#: ``audio.zh.mp3``, ``audio.en.m4a``: the language code, then the format.
AUDIO_NAME = re.compile(r"^audio\.([A-Za-z][A-Za-z_-]*)\.([A-Za-z0-9]+)$")
#: Formats every phone plays (the type browsers see in ``<source type>``).
SAFE_FORMATS = {"mp3": "audio/mpeg", "m4a": "audio/mp4"}
#: Formats some phones do not play (iOS before 17, WeChat on those): a warning.
RISKY_FORMATS = {"ogg": "audio/ogg", "opus": "audio/ogg"}
AUDIO_MIME = {**SAFE_FORMATS, **RISKY_FORMATS}
MAX_BYTES = 10 * 1024 * 1024
MAX_SECONDS = 10 * 60
LONG_SECONDS = 5 * 60
#: What each extension may hold (an Ogg file holds Vorbis or Opus).
ACCEPTED_KINDS = {"mp3": {"mp3"}, "m4a": {"m4a"}, "ogg": {"ogg", "opus"}, "opus": {"opus"}}
KIND_NAMES = {"mp3": "MP3", "m4a": "M4A (AAC)", "ogg": "Ogg Vorbis", "opus": "Opus", "wav": "WAV",
              "flac": "FLAC", "aac": "AAC (ADTS)"}


@dataclass(frozen=True)
class AudioFile:
    """One checked recording of an exhibit, in one language."""

    file: str  # repository-relative, e.g. "exhibits/history/ming-mosque/audio.zh.mp3"
    language: str
    format: str  # the extension, lower case: "mp3", "m4a", "ogg", "opus"
    mime: str
    seconds: float
    size: int  # bytes


def is_audio_name(name: str) -> bool:
    """Whether a file in an exhibit folder is (meant as) a recording: it is this module's to report."""
    return AUDIO_NAME.match(name) is not None


def read_audio_files(log: ProblemLog, folder: Path, languages: tuple[str, ...]) -> tuple[AudioFile, ...]:
    """The exhibit folder's good recordings, in language then format order; problems go to ``log``."""
    found: list[AudioFile] = []
    for path in sorted(folder.iterdir()):
        match = AUDIO_NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        language, ext = match.group(1), match.group(2).lower()
        if language not in languages:
            log.report(
                "audio.language", path, f"录音“{path.name}”的语言代码“{language}”不是本站的语言（{'、'.join(languages)}）。",
                f"The recording “{path.name}” has the language code “{language}”, which is not one of this site's "
                f"languages ({', '.join(languages)}).",
                f"把文件改名为 audio.{languages[0]}.{ext}（中文）或 audio.<语言代码>.{ext}。",
                f"Rename it to audio.{languages[-1]}.{ext} (or another of the site's language codes).",
            )
            continue
        if ext not in AUDIO_MIME:
            log.report(
                "audio.format", path, f"录音“{path.name}”的格式 .{ext} 在很多手机上无法播放或文件过大。",
                f"The recording “{path.name}” is in a format (.{ext}) that many phones cannot play, or that is too large.",
                f"用录音软件导出为 MP3（128 kbps 即可），命名为 audio.{language}.mp3。",
                f"Export it as MP3 (128 kbps is plenty) named audio.{language}.mp3.",
            )
            continue
        facts = _inspect(log, path, ext)
        if facts is not None:
            found.append(AudioFile(log.rel(path), language, ext, AUDIO_MIME[ext], *facts))
    for audio in found:
        if audio.format in RISKY_FORMATS and not any(
                a.language == audio.language and a.format in SAFE_FORMATS for a in found):
            log.report(
                "audio.risky_format", audio.file, f"录音“{Path(audio.file).name}”是 Ogg/Opus 格式，较旧的苹果手机（含微信）无法播放。",
                f"The recording “{Path(audio.file).name}” is Ogg/Opus, which older iPhones (WeChat included) cannot play.",
                f"另存一份 MP3（audio.{audio.language}.mp3）放在同一文件夹，两份都会发布，手机自选能播放的那份。",
                f"Add an MP3 copy (audio.{audio.language}.mp3) beside it: both are published and each phone plays the one it can.",
                level="warning",
            )
    return tuple(found)


def _inspect(log: ProblemLog, path: Path, ext: str) -> tuple[float, int] | None:
    """(seconds, bytes) of a good recording; ``None`` after reporting a bad one."""
    size = path.stat().st_size
    name = path.name
    if size > MAX_BYTES:
        log.report(
            "audio.too_large", path, f"录音“{name}”有 {size / 1048576:.1f} MB，超过 10 MB 的上限，手机下载太慢。",
            f"The recording “{name}” is {size / 1048576:.1f} MB, over the 10 MB limit: too slow to load on a phone.",
            "用 64–128 kbps 的 MP3 重新导出，或把讲解剪短。", "Export it again as a 64–128 kbps MP3, or shorten it.",
        )
        return None
    with path.open("rb") as stream:
        head = stream.read(64)
    kind = sniff_audio(head)
    if kind is not None and kind not in ACCEPTED_KINDS[ext]:
        real = "m4a" if kind == "m4a" else "mp3" if kind == "mp3" else kind
        log.report(
            "audio.mislabelled", path, f"录音“{name}”的扩展名是 .{ext}，但内容其实是 {KIND_NAMES.get(kind, kind)} 音频。",
            f"The recording “{name}” is named .{ext} but is really {KIND_NAMES.get(kind, kind)} audio.",
            f"把文件改名为 {path.stem}.{real}，或用录音软件导出为 MP3。" if real in AUDIO_MIME else "用录音软件导出为 MP3。",
            f"Rename it to {path.stem}.{real}, or export it as MP3." if real in AUDIO_MIME else "Export it as MP3.",
        )
        return None
    seconds = _duration(path, ext) if kind is not None else None
    if not seconds:
        log.report(
            "audio.unreadable", path, f"录音“{name}”无法读取：文件已损坏、不完整，或不是 {KIND_NAMES[ext]} 音频。",
            f"The recording “{name}” cannot be read: it is damaged, incomplete, or not {KIND_NAMES[ext]} audio.",
            "在电脑上播放试试；重新从录音软件导出或重新复制一次。",
            "Try playing it on a computer; export or copy it again from the recording software.",
        )
        return None
    if seconds > MAX_SECONDS:
        log.report(
            "audio.too_long", path, f"录音“{name}”长 {seconds / 60:.1f} 分钟，超过 10 分钟的上限。",
            f"The recording “{name}” is {seconds / 60:.1f} minutes long, over the 10-minute limit.",
            "把讲解剪到 10 分钟以内（3 分钟左右最合适）。", "Cut it to under 10 minutes (about 3 is best).",
        )
        return None
    if seconds > LONG_SECONDS:
        log.report(
            "audio.long", path, f"录音“{name}”长 {seconds / 60:.1f} 分钟；观众站着听，5 分钟以内更合适。",
            f"The recording “{name}” is {seconds / 60:.1f} minutes long; visitors listen standing, so under 5 is better.",
            "考虑剪短。", "Consider shortening it.", level="warning",
        )
    return seconds, size


def sniff_audio(head: bytes) -> str | None:
    """The format the first bytes of a file show ("mp3", "m4a", "ogg", "opus", "wav" …), or None."""
    if head[4:8] == b"ftyp":
        return "m4a"
    if head.startswith(b"OggS"):
        return "opus" if b"OpusHead" in head else "ogg"
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "wav"
    if head.startswith(b"fLaC"):
        return "flac"
    if head.startswith(b"ID3"):
        return "mp3"
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        return "aac" if (head[1] >> 1) & 3 == 0 else "mp3"  # ADTS has layer bits 00
    return None


def _duration(path: Path, ext: str) -> float | None:
    """The length mutagen reads from the headers; None when it cannot read the file."""
    from mutagen import MutagenError
    from mutagen.mp3 import MP3
    from mutagen.mp4 import MP4
    from mutagen.oggopus import OggOpus
    from mutagen.oggvorbis import OggVorbis

    readers: dict[str, tuple[Any, ...]] = {"mp3": (MP3,), "m4a": (MP4,), "ogg": (OggVorbis, OggOpus), "opus": (OggOpus,)}
    for reader in readers[ext]:
        try:
            length = float(reader(path).info.length)
        except (MutagenError, ValueError, OSError, EOFError, IndexError, KeyError, ZeroDivisionError):
            continue
        return length if length > 0 else None
    return None


def with_recordings(log: ProblemLog, zones: list[Any], languages: tuple[str, ...]) -> list[Any]:
    """``zones`` with each exhibit's ``audio`` read from its folder (the loader's step after the zones)."""
    root = Path(log.root)
    result = []
    for zone in zones:
        exhibits = []
        for exhibit in zone.exhibits:
            folder = root / exhibit.folder
            audio = read_audio_files(log, folder, languages) if folder.is_dir() else ()
            exhibits.append(replace(exhibit, audio=audio) if audio else exhibit)
        result.append(replace(zone, exhibits=tuple(exhibits)) if any(
            a is not b for a, b in zip(exhibits, zone.exhibits)) else zone)
    return result
