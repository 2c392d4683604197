"""The `hall` command (hall/cli/), run as staff run it: in the hall's folder, in a subprocess."""

from __future__ import annotations

import pytest

from tests.support.sites import copy_sample_hall, run_hall, run_mkdocs

pytestmark = pytest.mark.slow


def test_hall_check_and_new(tmp_path):
    project = copy_sample_hall(tmp_path / "hall")
    result = run_hall(project, "check")
    assert result.returncode == 0, result.stderr
    assert "检查通过" in result.stdout and "Check passed" in result.stdout
    result = run_hall(project, "new", "exhibit", "history/old-well")
    assert result.returncode == 0, result.stderr
    assert (project / "exhibits/history/old-well/exhibit.yml").exists()
    assert run_hall(project, "check").returncode == 0  # the scaffold is valid as it is (a draft)
    result = run_hall(project, "new", "exhibit", "histroy/x")
    assert result.returncode == 2 and "history" in result.stderr


def test_hall_build_is_quiet_and_says_what_it_did(tmp_path):
    project = copy_sample_hall(tmp_path / "hall")
    result = run_hall(project, "build")
    assert result.returncode == 0, result.stderr
    assert "INFO" not in result.stdout + result.stderr
    assert "完成" in result.stdout and "Done" in result.stdout
    assert (project / "site/en/index.html").exists()


def test_prune_media_removes_only_unused_derivatives(tmp_path):
    from PIL import Image

    project = copy_sample_hall(tmp_path / "hall")
    run_mkdocs(project, "build")
    cache = project / ".cache" / "hall-media"
    entries = lambda: {p.name for bucket in cache.iterdir() if bucket.is_dir() for p in bucket.iterdir() if p.is_dir()}  # noqa: E731
    before = entries()
    photo = project / "exhibits/history/ming-mosque/mosque-detail.jpg"
    Image.new("RGB", (1200, 800), "navy").save(photo)  # staff replace a photo in place
    run_mkdocs(project, "build")
    assert len(entries()) == len(before) + 1
    result = run_hall(project, "prune-media")
    assert result.returncode == 0, result.stderr
    assert "Removed 1 unused photo cache entries" in result.stdout
    after = entries()
    assert len(after) == len(before) and after != before
    run_mkdocs(project, "build")  # still warm: nothing it needs was removed
    assert entries() == after


def _run_main(capsys, *argv: str) -> tuple[int, str]:
    from hall.cli.app import main

    with pytest.raises(SystemExit) as exit_:
        main(list(argv))
    return exit_.value.code, capsys.readouterr().err


@pytest.mark.parametrize("argv,zh,en", [
    (("biuld",), "你是不是想写“build”", "Did you mean “build”?"),
    (("serve", "--port", "abc"), "--port 后面应写整数", "--port takes a whole number"),
    (("serve", "--port"), "--port 后面缺少值", "--port needs a value"),
    (("build", "--nope"), "不认识这些参数：--nope", "Unknown arguments: --nope"),
    (("new", "exhibit"), "缺少必填的参数：name", "Missing: name"),
    (("new", "thing", "x"), "可用：exhibit、news、zone", "choices: exhibit, news, zone"),
])
def test_a_mistyped_command_is_explained_in_both_languages_with_the_fix(capsys, argv, zh, en):
    code, err = _run_main(capsys, *argv)
    assert code == 2
    assert zh in err and en in err
    assert "invalid choice" not in err and "unrecognized arguments" not in err


def test_hall_alone_lists_what_it_can_do(capsys):
    code, err = _run_main(capsys)
    assert code == 2
    for command in ("build", "serve", "check", "new", "translated", "prune-media", "fix-encoding", "kiosk"):
        assert command in err
    assert "请写出要做什么" in err and "Say what to do" in err


def test_a_wild_guess_gets_no_misleading_suggestion(capsys):
    _, err = _run_main(capsys, "frobnicate")
    assert "你是不是想写" not in err and "可用：build" in err


def test_hall_build_strict_stops_on_a_photo_warning_before_writing(tmp_path):
    from PIL import Image

    project = copy_sample_hall(tmp_path / "hall")
    Image.new("RGB", (120, 90), "navy").save(project / "exhibits/history/ming-mosque/mosque-detail.jpg")  # too small
    assert run_hall(project, "build").returncode == 0  # a warning only
    before = {p: p.stat().st_mtime_ns for p in (project / "site").rglob("*")}
    result = run_hall(project, "build", "--strict")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "exhibits/history/ming-mosque/mosque-detail.jpg" in result.stderr and "严格模式" in result.stderr
    assert {p: p.stat().st_mtime_ns for p in (project / "site").rglob("*")} == before
