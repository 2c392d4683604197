"""`hall check` verifies every photo as the build does (issue 18): a photo it passes is one
the build accepts, in the same words, and each photo is decoded once per content."""

from __future__ import annotations

import io
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from hall.cli.app import main
from hall.media import MediaSettings, cache_root, plan_media, prune_cache
from hall.media import plan as media_plan
from hall.media import verify as media_verify
from hall.media import workers as media_workers
from hall.media.cache import Manifest
from hall.media.verify import verify_photos
from tests.conftest import copy_sample_hall, run_hall
from tests.support.photos import png_claiming

SMALL = MediaSettings(widths=(200, 400, 600))
MOSQUE = "exhibits/history/ming-mosque"


def _jpeg(width: int = 600, height: int = 400) -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise((width, height), 60).convert("RGB").save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


#: Each kind of bad photo: its bytes (from a good JPEG's), its code, and what staff must read.
BAD = {
    "truncated": (lambda good: good[: len(good) * 2 // 3], "image.truncated",
                  ["照片文件不完整", "The photo file is incomplete", "重新导出为 JPEG", "export it again as JPEG"]),
    "empty": (lambda good: b"", "image.empty",
              ["图片只有 0 字节", "the file is empty", "重新导出为 JPEG", "export it again as JPEG"]),
    "pdf": (lambda good: b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n", "image.pdf",
            ["这是 PDF 文件，不是图片", "This is a PDF, not a photo", "导出为 JPEG", "as JPEG"]),
    "bomb": (lambda good: png_claiming(20000, 20000), "image.bomb",
             ["图片过大", "too large: at most 89 megapixels", "缩小到 89 百万像素以内", "at most 89 megapixels"]),
    "over-limit": (lambda good: png_claiming(10000, 10000), "image.bomb",  # 100 Mpx: past the limit, under 2×
                   ["图片过大（约 100 百万像素）", "too large: at most 89 megapixels (it has about 100 megapixels)",
                    "缩小到 89 百万像素以内", "export it again as JPEG"]),
}
#: Where each kind is planted in the sample hall, in place of a published exhibit's photo.
PLACES = {
    "truncated": f"{MOSQUE}/mosque-detail.jpg",
    "empty": "exhibits/prologue/one-family/theme-wall.jpg",
    "pdf": "exhibits/customs/cultural-performance/performance-stage.jpg",
    "bomb": f"{MOSQUE}/mosque-exterior.jpg",
    "over-limit": f"{MOSQUE}/mosque-courtyard.jpg",
}


def _plant(project: Path, kind: str) -> str:
    place = PLACES[kind]
    path = project / place
    path.write_bytes(BAD[kind][0](path.read_bytes()))
    return place


def _error_blocks(output: str) -> list[str]:
    """Each error as printed (location, Chinese, fix, English, fix), without progress lines before it."""
    chunks = output.split("\n\n")
    return [chunk[chunk.index("[错误 error]"):].strip() for chunk in chunks if "[错误 error]" in chunk]


@pytest.mark.parametrize("kind", list(BAD))
def test_each_bad_photo_makes_check_fail_naming_the_file_in_both_languages_with_the_fix(tmp_path: Path, kind: str):
    project = copy_sample_hall(tmp_path)
    place = _plant(project, kind)
    result = run_hall(project, "check")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    blocks = _error_blocks(result.stderr)
    assert len(blocks) == 1 and blocks[0].startswith(f"[错误 error] {place}\n"), output
    for text in BAD[kind][2]:
        assert text in blocks[0]


def test_the_build_refuses_the_same_photos_in_the_same_words(tmp_path: Path):
    project = copy_sample_hall(tmp_path)
    places = [_plant(project, kind) for kind in BAD]
    checked = run_hall(project, "check")
    assert checked.returncode == 1
    blocks = _error_blocks(checked.stderr)
    assert sorted(block.splitlines()[0] for block in blocks) == sorted(f"[错误 error] {p}" for p in places)
    shutil.rmtree(project / ".cache")  # the build decodes each photo itself, knowing nothing of the check
    built = run_hall(project, "build")
    assert built.returncode == 1 and "Traceback" not in built.stdout + built.stderr
    for block in blocks:
        assert block in built.stderr
    assert not list(project.glob("site/**/index.html"))  # nothing published


def _counting_decodes(monkeypatch) -> list[str]:
    """Every photo ``hall check`` decodes, in this process (one worker) so it can be counted."""
    decoded: list[str] = []
    verify_photo = media_verify.verify_photo

    def counted(path: str, settings: MediaSettings) -> dict:
        decoded.append(path)
        return verify_photo(path, settings)

    monkeypatch.setattr(media_verify, "verify_photo", counted)
    monkeypatch.setattr(media_verify, "run_jobs",
                        lambda function, jobs, workers, progress: media_workers.run_jobs(function, jobs, 1, progress))
    return decoded


def test_a_second_check_decodes_no_photo(tmp_path: Path, monkeypatch, capsys):
    project = copy_sample_hall(tmp_path)
    decoded = _counting_decodes(monkeypatch)
    config = str(project / "mkdocs.yml")
    assert main(["-f", config, "check"]) == 0
    first = len(decoded)
    assert first >= 15  # the sample hall's photos (some share bytes: decoded once)
    assert main(["-f", config, "check"]) == 0
    assert len(decoded) == first  # the warm check decoded nothing
    assert "Check passed" in capsys.readouterr().out


def test_a_photo_replaced_by_a_broken_one_under_the_same_name_is_caught(tmp_path: Path, monkeypatch, capsys):
    project = copy_sample_hall(tmp_path)
    decoded = _counting_decodes(monkeypatch)
    config = str(project / "mkdocs.yml")
    assert main(["-f", config, "check"]) == 0
    place = _plant(project, "truncated")
    before = len(decoded)
    capsys.readouterr()
    assert main(["-f", config, "check"]) == 1
    assert decoded[before:] == [str(project / place)]  # only the changed photo, by its new bytes
    assert f"[错误 error] {place}" in capsys.readouterr().err


def test_a_photo_only_drafts_use_is_a_warning_that_says_it_will_stop_publishing(tmp_path: Path, capsys):
    project = copy_sample_hall(tmp_path)
    yml = project / "exhibits/achievements/assistance/exhibit.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("status: published", "status: draft"), encoding="utf-8")
    (project / "exhibits/achievements/assistance/service-desk.jpg").write_bytes(b"")
    assert main(["-f", str(project / "mkdocs.yml"), "check"]) == 0
    err = capsys.readouterr().err
    assert "[警告 warning] exhibits/achievements/assistance/service-desk.jpg" in err
    assert "it stops a publishing build" in err


def test_the_build_reports_a_photo_check_found_bad_without_decoding_it_again(tmp_path: Path, monkeypatch):
    (tmp_path / "good.jpg").write_bytes(_jpeg())
    (tmp_path / "bad.jpg").write_bytes(_jpeg()[:3000])
    checked = verify_photos(tmp_path, ["good.jpg", "bad.jpg"], SMALL, workers=1)
    assert [(p.file, p.code) for p in checked.problems.errors] == [("bad.jpg", "image.truncated")]
    rendered: list[str] = []
    render_photo = media_plan.render_photo

    def spy(path: str, *args, **kwargs) -> dict:
        rendered.append(Path(path).name)
        return render_photo(path, *args, **kwargs)

    monkeypatch.setattr(media_plan, "render_photo", spy)
    plan = plan_media(tmp_path, ["good.jpg", "bad.jpg"], SMALL, workers=1)
    assert rendered == ["good.jpg"]  # the bad photo's verdict came from the check
    assert plan.problems.errors == checked.problems.errors  # the same problem, word for word
    assert list(plan.images) == ["good.jpg"]


def test_a_check_after_a_build_decodes_nothing(tmp_path: Path, monkeypatch):
    for name in ("a.jpg", "b.jpg"):
        (tmp_path / name).write_bytes(_jpeg())
    (tmp_path / "c.jpg").write_bytes(_jpeg()[:3000])
    built = plan_media(tmp_path, ["a.jpg", "b.jpg", "c.jpg"], SMALL, workers=1)
    assert built.decoded == 3

    def forbidden(*args, **kwargs):
        raise AssertionError("a photo the build decoded was decoded again")

    monkeypatch.setattr(media_verify, "verify_photo", forbidden)
    checked = verify_photos(tmp_path, ["a.jpg", "b.jpg", "c.jpg"], SMALL, workers=1)
    assert checked.decoded == 0
    assert checked.problems.errors == built.problems.errors and [p.file for p in checked.problems.errors] == ["c.jpg"]


def test_an_animated_photo_is_the_same_warning_in_check_and_build(tmp_path: Path):
    frames = [Image.new("RGB", (600, 400), colour) for colour in ((200, 30, 30), (30, 200, 30), (30, 30, 200))]
    frames[0].save(tmp_path / "dance.gif", save_all=True, append_images=frames[1:], duration=100, loop=0)
    checked = verify_photos(tmp_path, ["dance.gif"], SMALL, workers=1)
    built = plan_media(tmp_path, ["dance.gif"], SMALL, workers=1)
    assert [p.code for p in checked.problems] == ["image.animated"] and not checked.problems.errors
    assert "3 frames" in checked.problems.warnings[0].en
    assert checked.problems.problems == built.problems.problems


def test_a_lower_configured_pixel_limit_is_checked_again_and_named_in_the_message(tmp_path: Path):
    (tmp_path / "p.jpg").write_bytes(_jpeg(600, 400))  # 0.24 megapixels
    assert not verify_photos(tmp_path, ["p.jpg"], SMALL, workers=1).problems.errors
    strict = replace(SMALL, max_pixels=200_000)
    checked = verify_photos(tmp_path, ["p.jpg"], strict, workers=1)
    assert checked.decoded == 1 and [p.code for p in checked.problems.errors] == ["image.bomb"]
    assert "too large: at most 0.2 megapixels" in checked.problems.errors[0].en
    built = plan_media(tmp_path, ["p.jpg"], strict, workers=1)
    assert built.problems.errors == checked.problems.errors


def test_pruning_the_cache_keeps_only_the_verdicts_of_photos_still_used(tmp_path: Path):
    (tmp_path / "kept.jpg").write_bytes(_jpeg())
    (tmp_path / "gone.jpg").write_bytes(_jpeg()[:3000])
    verify_photos(tmp_path, ["kept.jpg", "gone.jpg"], SMALL, workers=1)
    prune_cache(tmp_path, ["kept.jpg"], SMALL)
    assert len(Manifest.load(cache_root(tmp_path)).verdicts) == 1
    assert verify_photos(tmp_path, ["kept.jpg"], SMALL, workers=1).decoded == 0
