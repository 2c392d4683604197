"""The audio guide's recordings: checked by their headers (bilingual problems naming the file),
published without tags under their content hash, and on the sample exhibits' pages."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from mutagen.apev2 import APEv2, APENoHeaderError
from mutagen.id3 import COMM, ID3, TIT2, TXXX, ID3NoHeaderError
from mutagen.mp3 import MP3

from hall.content import ProblemLog, load_hall
from hall.content.audio import read_audio_files
from hall.media import MediaPlan
from hall.media.audio import plan_audio, recordings_of
from tests.support.sites import copy_sample_hall, run_hall, run_mkdocs

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "exhibits/prologue/one-family/audio.zh.mp3"
#: One MPEG-1 Layer III frame (32 kbit/s, 44.1 kHz, mono) of silence: 104 bytes, 1152 samples.
SILENT_FRAME = b"\xff\xfb\x10\xc0" + bytes(100)


def silent_mp3(seconds: float) -> bytes:
    return SILENT_FRAME * int(seconds * 44100 / 1152 + 1)


def _check(tmp_path: Path, name: str, data: bytes | None = None, size: int | None = None):
    folder = tmp_path / "exhibits" / "history" / "x"
    folder.mkdir(parents=True)
    path = folder / name
    if size is not None:
        with path.open("wb") as handle:
            handle.truncate(size)  # sparse: costs nothing, the size check comes before any read
    else:
        path.write_bytes(data or b"")
    log = ProblemLog(tmp_path)
    return read_audio_files(log, folder, ("zh", "en")), log


def _only(log: ProblemLog, code: str, level: str = "error"):
    assert [p.code for p in log.problems] == [code], log.format()
    problem = log.problems[0]
    assert problem.level == level
    assert problem.file.startswith("exhibits/history/x/audio.")
    assert re.search(r"[\u4e00-\u9fff]", problem.zh) and re.search(r"[A-Za-z]{4}", problem.en)
    assert Path(problem.file).name in problem.zh and Path(problem.file).name in problem.en
    assert problem.hint_zh and problem.hint_en
    return problem


def test_a_good_recording_is_read_with_its_length_and_type(tmp_path):
    found, log = _check(tmp_path, "audio.zh.mp3", SAMPLE.read_bytes())
    assert not log.problems
    [audio] = found
    assert (audio.language, audio.format, audio.mime) == ("zh", "mp3", "audio/mpeg")
    assert 2 < audio.seconds < 30 and audio.size == SAMPLE.stat().st_size


def test_a_corrupt_recording_is_a_bilingual_error_naming_the_file(tmp_path):
    found, log = _check(tmp_path, "audio.zh.mp3", b"\xff\xfb\x10" + b"this is not audio at all" * 50)
    assert found == ()
    _only(log, "audio.unreadable")


def test_text_named_mp3_is_unreadable(tmp_path):
    found, log = _check(tmp_path, "audio.en.mp3", "录音稿：这不是音频。".encode() * 40)
    assert found == ()
    _only(log, "audio.unreadable")


def test_an_mp3_named_m4a_is_mislabelled_and_the_fix_names_mp3(tmp_path):
    found, log = _check(tmp_path, "audio.zh.m4a", SAMPLE.read_bytes())
    assert found == ()
    problem = _only(log, "audio.mislabelled")
    assert "MP3" in problem.en and "audio.zh.mp3" in problem.hint_en


def test_a_recording_over_10_mb_is_an_error(tmp_path):
    found, log = _check(tmp_path, "audio.zh.mp3", size=11 * 1024 * 1024)
    assert found == ()
    assert "11.0 MB" in _only(log, "audio.too_large").en


def test_a_recording_over_10_minutes_is_an_error(tmp_path):
    found, log = _check(tmp_path, "audio.zh.mp3", silent_mp3(11 * 60))
    assert found == ()
    assert "10-minute" in _only(log, "audio.too_long").en


def test_a_recording_over_5_minutes_is_a_warning_and_still_published(tmp_path):
    found, log = _check(tmp_path, "audio.zh.mp3", silent_mp3(6 * 60))
    assert len(found) == 1 and 350 < found[0].seconds < 365  # mutagen estimates from the size
    _only(log, "audio.long", level="warning")


def test_a_recording_for_a_language_the_site_lacks_is_an_error(tmp_path):
    found, log = _check(tmp_path, "audio.fr.mp3", SAMPLE.read_bytes())
    assert found == ()
    assert "fr" in _only(log, "audio.language").en


def test_a_wav_recording_is_refused_with_how_to_export_mp3(tmp_path):
    found, log = _check(tmp_path, "audio.zh.wav", b"RIFF\x00\x00\x00\x00WAVEfmt " + bytes(64))
    assert found == ()
    assert "MP3" in _only(log, "audio.format").hint_en


def test_the_sample_hall_has_its_recordings_and_no_stray_or_audio_problem():
    hall, log = load_hall(REPO)
    assert not [p for p in log.problems if p.code.startswith("audio.") or
                (p.code == "exhibit.stray_file" and "audio." in p.file)], log.format()
    languages = {e.id: sorted(a.language for a in e.audio) for e in hall.exhibits.values() if e.audio}
    assert languages == {"prologue/exhibition-hall": ["en", "zh"], "prologue/one-family": ["zh"]}


def _tagged_copy(target: Path) -> Path:
    shutil.copy(SAMPLE, target)
    tags = ID3()
    tags.add(TIT2(encoding=3, text="张三的录音"))
    tags.add(COMM(encoding=3, lang="chi", desc="", text="录音人 张三 13800138000"))
    tags.add(TXXX(encoding=3, desc="GPS", text="30.67,104.06"))
    tags.save(target)
    ape = APEv2()
    ape["Artist"] = "Zhang San"
    ape.save(target)
    assert "TIT2" in ID3(target) and "Artist" in APEv2(target)
    return target


def test_tags_are_stripped_from_the_published_copy_named_by_its_content_hash(tmp_path):
    exhibit = tmp_path / "exhibits/history/x"
    exhibit.mkdir(parents=True)
    _tagged_copy(exhibit / "audio.zh.mp3")
    log = ProblemLog(tmp_path)
    recordings = read_audio_files(log, exhibit, ("zh", "en"))
    plan = plan_audio(MediaPlan(images={}, copies={}), tmp_path, recordings)
    [track] = plan.audio.values()
    published = plan.copies[track.url]
    data = published.read_bytes()
    assert re.fullmatch(r"media/audio/[0-9a-f]{20}\.mp3", track.url)
    assert track.url.endswith(hashlib.sha256(data).hexdigest()[:20] + ".mp3")
    with pytest.raises(ID3NoHeaderError):
        ID3(published)
    with pytest.raises(APENoHeaderError):
        APEv2(published)
    assert "张三".encode("utf-8") not in data and b"Zhang San" not in data and "张三".encode("utf-16-le") not in data
    assert MP3(published).info.length == pytest.approx(recordings[0].seconds, abs=0.1)  # still the same audio
    assert (exhibit / "audio.zh.mp3").read_bytes()[:3] == b"ID3"  # the staff's file is left as it was
    again = plan_audio(MediaPlan(images={}, copies={}), tmp_path, recordings)  # warm: from the cache
    assert again.copies == plan.copies


def _box(name: bytes, *parts: bytes) -> bytes:
    body = b"".join(parts)
    return (8 + len(body)).to_bytes(4, "big") + name + body


def phone_m4a(place: bytes) -> bytes:
    """The boxes of an M4A from a phone's recorder: one sound track, an ``ilst`` title tag, and
    the place of the recording in ``moov/udta/©xyz`` and in the track's ``udta`` too."""
    mdhd = _box(b"mdhd", bytes(4), bytes(8), (44100).to_bytes(4, "big"), (44100 * 3).to_bytes(4, "big"), bytes(4))
    hdlr = _box(b"hdlr", bytes(8), b"soun", bytes(12), b"SoundHandler\0")
    where = _box(b"\xa9xyz", len(place).to_bytes(2, "big"), bytes(2), place)
    trak = _box(b"trak", _box(b"mdia", mdhd, hdlr), _box(b"udta", where))
    title = _box(b"\xa9nam", _box(b"data", (1).to_bytes(4, "big"), bytes(4), "张三的录音".encode()))
    meta = _box(b"meta", bytes(4), _box(b"hdlr", bytes(8), b"mdir", b"appl", bytes(9)), _box(b"ilst", title))
    moov = _box(b"moov", _box(b"mvhd", bytes(100)), trak, _box(b"udta", where, meta))
    return _box(b"ftyp", b"M4A ", bytes(4), b"M4A isomiso2") + moov + _box(b"mdat", bytes(64))


def test_the_place_a_phone_wrote_into_an_m4a_is_blanked_and_the_file_still_reads(tmp_path):
    from mutagen.mp4 import MP4

    from hall.media.audio import strip_tags

    recording = tmp_path / "audio.zh.m4a"
    recording.write_bytes(phone_m4a(b"+39.9042+116.4074+043.000/"))
    size = recording.stat().st_size
    assert MP4(recording).tags  # the title tag is there before
    strip_tags(recording, "m4a")
    data = recording.read_bytes()
    assert b"+39.9042" not in data and "张三".encode() not in data and b"\xa9xyz" not in data
    assert len(data) <= size  # nothing grew: no sample offset had to move
    assert not MP4(recording).tags and MP4(recording).info.length == pytest.approx(3)


# ---------------------------------------------------------------- the built sample hall

def _audio_tags(html: str) -> list[str]:
    return re.findall(r"<audio\b[^>]*>.*?</audio>", html, re.S)


@pytest.mark.parametrize("page", ["exhibits/prologue/exhibition-hall/index.html",
                                  "en/exhibits/prologue/exhibition-hall/index.html",
                                  "en/exhibits/prologue/one-family/index.html"])
def test_sample_pages_have_a_preload_none_player_whose_sources_exist(site, page):
    html = (site / page).read_text(encoding="utf-8")
    [audio] = _audio_tags(html)
    assert 'preload="none"' in audio and " controls" in audio
    sources = re.findall(r'<source src="([^"]+)" type="(audio/[a-z0-9]+)"', audio)
    assert sources
    for src, _ in sources:
        published = (site / page).parent / src
        assert published.resolve().is_file(), src
        assert re.search(r"media/audio/[0-9a-f]{20}\.mp3$", src)
        with pytest.raises(ID3NoHeaderError):
            ID3(published)


def test_the_english_page_without_an_english_recording_offers_the_chinese_one(site):
    html = (site / "en/exhibits/prologue/one-family/index.html").read_text(encoding="utf-8")
    assert "this plays the Chinese one" in html
    assert re.search(r'<audio [^>]*lang="zh', html)


def test_an_exhibit_without_a_recording_keeps_the_read_aloud_control(site):
    html = (site / "exhibits/history/ming-mosque/index.html").read_text(encoding="utf-8")
    assert not _audio_tags(html)
    assert "data-hall-read-aloud" in html and 'data-mode="speech"' in html and "data-rate=\"1.5\"" in html


def test_every_published_recording_is_a_recording_of_the_hall(site):
    published = sorted(p.name for p in (site / "media/audio").iterdir())
    hall, _ = load_hall(REPO)
    plan = plan_audio(MediaPlan(images={}, copies={}), REPO, recordings_of(hall))
    assert published == sorted({Path(url).name for url in plan.copies})


# ---------------------------------------------------------------- bad input stops the build

def test_a_corrupt_recording_stops_check_and_build_and_nothing_is_published(tmp_path):
    project = copy_sample_hall(tmp_path / "hall")
    bad = project / "exhibits/history/ming-mosque/audio.zh.mp3"
    bad.write_bytes(b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\x00" * 300)
    check = run_hall(project, "check")
    assert check.returncode == 1
    assert "exhibits/history/ming-mosque/audio.zh.mp3" in check.stderr
    assert "无法读取" in check.stderr and "cannot be read" in check.stderr
    build = run_mkdocs(project, "build", check=False)
    assert build.returncode != 0
    assert "exhibits/history/ming-mosque/audio.zh.mp3" in build.stderr + build.stdout
    assert "Traceback" not in build.stderr
    assert not (project / "site").exists()
