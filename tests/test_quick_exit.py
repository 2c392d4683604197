"""A finished build's process ends without interpreter teardown, keeping its exit code."""

from __future__ import annotations

import atexit
import subprocess
import sys

import pytest

from hall.mkdocs import quick_exit
from tests.support.sites import finished_sample_hall


def test_never_inside_another_program(monkeypatch):
    registered = []
    monkeypatch.setattr(atexit, "register", lambda *args: registered.append(args))
    quick_exit.after_mkdocs_build()  # pytest is not the mkdocs command line
    assert registered == []


def test_only_after_a_build_that_raised_nothing(monkeypatch):
    registered = []
    monkeypatch.setattr(atexit, "register", lambda *args: registered.append(args))
    monkeypatch.setattr(quick_exit, "_is_mkdocs_command_line", lambda: True)
    try:
        raise RuntimeError("the build failed")
    except RuntimeError:
        quick_exit.after_mkdocs_build()  # MkDocs calls on_shutdown from a `finally`
    assert registered == []
    quick_exit.after_mkdocs_build()
    assert registered == [(quick_exit.exit_now, 0)]


def test_exit_now_flushes_output_and_keeps_the_code():
    code = "import sys; from hall.mkdocs.quick_exit import exit_now; print('written', end=''); exit_now(7)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 7 and result.stdout == "written"


@pytest.mark.slow
def test_mkdocs_command_line_exit_codes(tmp_path):
    project = finished_sample_hall(tmp_path / "hall")  # --strict fails on notes for staff left in
    ok = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert (project / "site" / "en" / "index.html").exists()
    (project / "exhibits" / "history" / "ming-mosque" / "exhibit.yml").write_text("title: [\n", encoding="utf-8")
    failed = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, capture_output=True, text=True)
    assert failed.returncode == 1 and "exhibit.yml" in failed.stdout + failed.stderr
