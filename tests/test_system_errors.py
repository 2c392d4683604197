"""The computer's refusals told to staff (issue 18): a port in use, a full disk, a folder that
may not be written, in both languages with the fix and without the staff PC's paths; a
preview that keeps answering through them; ``--verbose`` on every subcommand.

Tests run as root here, where chmod does not stop a write, so read-only folders and full
disks are simulated by raising the OSError (EACCES, ENOSPC) at the write step itself."""

from __future__ import annotations

import argparse
import errno
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from hall.cli.app import build_parser, main
from hall.content.system_problems import port_problem, shown_path, system_problem
from hall.mkdocs.publish import swap_in
from tests.support.sites import REPO, copy_sample_hall

#: Runs ``hall`` with the disk "full" (ENOSPC from MkDocs' page writer) while a file named
#: DISK-FULL is in the hall's folder, and the published site "locked" (EACCES when the
#: finished build is renamed into place) while one named LOCKED is.
INJECT = """
import errno, os, pathlib, sys
import mkdocs.utils
from hall.cli.app import main

write_file = mkdocs.utils.write_file
def full_disk(content, output_path):
    if os.path.exists("DISK-FULL"):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), output_path)
    return write_file(content, output_path)
mkdocs.utils.write_file = full_disk

rename = pathlib.Path.rename
def locked(self, target):
    if os.path.exists("LOCKED") and ".building-" in self.name:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(target))
    return rename(self, target)
pathlib.Path.rename = locked
sys.exit(main(sys.argv[1:]))
"""


def hall_with_faults(project: Path, *args: str, **popen: object) -> subprocess.Popen:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-c", INJECT, *args], cwd=project, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen)  # type: ignore[call-overload]


def run_with_faults(project: Path, *args: str) -> tuple[int, str]:
    process = hall_with_faults(project, *args)
    out, err = process.communicate(timeout=300)
    return process.returncode, out + err


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def assert_told_plainly(output: str, project: Path) -> None:
    assert "Traceback" not in output and "[Errno" not in output and "内部错误" not in output, output
    assert str(project) not in output and ".building-" not in output, output


# -- --verbose everywhere -----------------------------------------------------------------

SUBCOMMANDS = {"build": [], "serve": [], "check": [], "kiosk": [], "new": ["exhibit", "history/old-well"],
               "translated": ["en.md"], "prune-media": [], "fix-encoding": ["a.yml"], "placards": [], "publish": []}


def test_verbose_is_accepted_before_and_after_every_subcommand():
    parser = build_parser()
    choices = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    assert set(SUBCOMMANDS) == set(choices)  # a new subcommand gets a line here
    for name, rest in SUBCOMMANDS.items():
        assert parser.parse_args([name, *rest]).verbose is False, name
        assert parser.parse_args([name, *rest, "--verbose"]).verbose is True, name
        assert parser.parse_args(["--verbose", name, *rest]).verbose is True, name
        assert parser.parse_args(["-v", name, *rest]).verbose is True, name


def test_an_internal_error_suggests_the_very_command_to_run_with_verbose(monkeypatch, capsys):
    def bug(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("hall.cli.app.load_hall", bug)
    config = str(REPO / "mkdocs.yml")
    assert main(["-f", config, "check", "--translations"]) == 3
    err = capsys.readouterr().err
    assert "内部错误：a bug" in err and "Internal error: a bug" in err
    assert f"hall -f {config} check --translations --verbose" in err
    with pytest.raises(RuntimeError):  # --verbose shows the traceback, for the developers
        main(["-f", config, "check", "--verbose"])


# -- explanations -------------------------------------------------------------------------

def test_a_staging_folder_is_named_as_the_site_it_becomes(tmp_path):
    staged = tmp_path / ".site.building-0123abcd" / "en" / "index.html"
    assert shown_path(staged, tmp_path) == "site/en/index.html"
    assert shown_path(tmp_path / ".site.old-89abcdef", tmp_path) == "site"
    assert shown_path("/elsewhere/site", tmp_path) == "/elsewhere/site"  # outside the hall: the one path that matters


@pytest.mark.parametrize("code, zh, en, fix", [
    (errno.ENOSPC, "磁盘空间已满", "The disk is full", "empty the recycle bin"),
    (errno.EACCES, "没有权限写入", "may not be written", "close programs"),
    (errno.EPERM, "没有权限写入", "may not be written", "Check the folder's permissions"),
    (errno.EROFS, "磁盘是只读的", "read-only", "hall build -d"),
])
def test_a_refused_write_is_explained_with_its_fix(tmp_path, code, zh, en, fix):
    err = OSError(code, os.strerror(code), str(tmp_path / ".site.building-0123abcd" / "index.html"))
    problem = system_problem(err, tmp_path, "build")
    assert problem.file == "site/index.html"
    assert zh in problem.zh and en in problem.en and fix in problem.hint_en
    assert "原有站点未被改动" in problem.hint_zh and "previous site is untouched" in problem.hint_en


def test_a_full_disk_that_names_no_file_names_the_output_folder(tmp_path):
    problem = system_problem(OSError(errno.ENOSPC, "No space left on device"), tmp_path, "build", tmp_path / "site")
    assert problem.file == "site" and problem.code == "system.disk_full"


def test_a_port_in_use_suggests_the_next_port():
    problem = port_problem(OSError(errno.EADDRINUSE, "Address already in use"), "serve", "127.0.0.1", 8000)
    assert problem is not None and problem.where == "127.0.0.1:8000"
    assert "端口 8000 已被占用" in problem.zh and "hall serve --port 8001" in problem.hint_zh
    assert "hall serve --port 8001" in problem.hint_en


def test_a_refused_swap_puts_the_previous_site_back(tmp_path, monkeypatch):
    site, staging = tmp_path / "site", tmp_path / ".site.building-0123abcd"
    for folder, name in ((site, "old"), (staging, "new")):
        folder.mkdir()
        (folder / f"{name}.html").write_text(name)
    rename = Path.rename

    def refuse_staging(self: Path, target: Path) -> Path:
        if self == staging:
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", refuse_staging)
    with pytest.raises(PermissionError):
        swap_in(staging, site)
    assert (site / "old.html").read_text() == "old"
    assert [p.name for p in tmp_path.iterdir() if ".old-" in p.name] == []


# -- as staff meet them -------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("command, extra, next_port", [("serve", [], "hall serve --port {next}"),
                                                       ("kiosk", ["--site", "site-kiosk"], "hall kiosk --port {next}")])
def test_a_port_in_use_is_told_with_the_next_one(tmp_path, command, extra, next_port):
    project = copy_sample_hall(tmp_path / "hall")
    (project / "site-kiosk").mkdir()
    (project / "site-kiosk/index.html").write_text('<script id="hall-kiosk-config"></script>', encoding="utf-8")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.monotonic()
        code, output = run_with_faults(project, command, "--port", str(port), *extra)
    assert code == 1, output
    assert time.monotonic() - started < 60  # told at once, not after a first build
    assert f"端口 {port} 已被占用" in output and f"Port {port} is already in use" in output
    assert next_port.format(next=port + 1) in output
    assert_told_plainly(output, project)


def _previous_site(project: Path) -> Path:
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("the published site", encoding="utf-8")
    return site


@pytest.mark.slow
@pytest.mark.parametrize("fault, zh, en, fix", [
    ("DISK-FULL", "磁盘空间已满", "The disk is full", "Free space on the disk"),
    ("LOCKED", "没有权限写入或替换", "may not be written or replaced", "close programs holding files in it"),
])
def test_a_failed_write_leaves_the_published_site_and_says_what_to_do(tmp_path, fault, zh, en, fix):
    project = copy_sample_hall(tmp_path / "hall")
    site = _previous_site(project)
    (project / fault).touch()
    code, output = run_with_faults(project, "build")
    assert code == 1, output
    assert zh in output and en in output and fix in output
    assert "site/" in output or "[错误 error] site\n" in output
    assert "原有站点未被改动" in output and "previous site is untouched" in output
    assert_told_plainly(output, project)
    assert (site / "index.html").read_text(encoding="utf-8") == "the published site"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:  # the failure page is the preview's 404 page too
        return err.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _wait_for(url: str, texts: tuple[str, ...], process: subprocess.Popen, timeout: float = 120) -> str:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        page = _fetch(url)
        if all(text in page for text in texts):
            return page
        assert process.poll() is None, f"hall serve stopped:\n{process.communicate()}"
        time.sleep(0.3)
    raise AssertionError(f"{texts} not served at {url} within {timeout} s; last page:\n{page[:3000]}")


@pytest.mark.slow
def test_serve_keeps_answering_through_an_impossible_date_and_a_full_disk(tmp_path):
    project = copy_sample_hall(tmp_path / "hall")
    yml = project / "exhibits/history/ming-mosque/exhibit.yml"
    good = yml.read_text(encoding="utf-8")
    yml.write_text(good.replace("date: 1373\n", "date: 2021-02-30\n"), encoding="utf-8")
    port = free_port()
    home = f"http://127.0.0.1:{port}/"
    process = hall_with_faults(project, "serve", "--port", str(port))
    try:
        page = _wait_for(home, ("2月没有30日", "February has no 30th"), process)  # the preview's problem list
        assert "exhibits/history/ming-mosque/exhibit.yml:6" in page
        yml.write_text(good, encoding="utf-8")
        _wait_for(home, ("hall-hero",), process)  # fixed: the real home page is back

        (project / "DISK-FULL").touch()
        yml.write_text(good + "\n", encoding="utf-8")
        page = _wait_for(home, ("磁盘空间已满", "The disk is full", "预览暂时无法生成"), process)
        assert "Traceback" not in page and "[Errno" not in page
        _wait_for(f"{home}zones/", ("磁盘空间已满",), process)  # every address tells it, not a stale page
        (project / "DISK-FULL").unlink()
        yml.write_text(good, encoding="utf-8")
        _wait_for(home, ("hall-hero",), process)
        assert process.poll() is None
    finally:
        process.terminate()
        process.communicate(timeout=30)


def test_a_full_disk_in_another_languages_build_is_explained_not_a_traceback(monkeypatch, capsys, tmp_path):
    from hall.mkdocs import languages

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / ".hall-en-x" / "index.html"))

    monkeypatch.setattr(languages, "run_build", full_disk)
    assert languages._main([str(tmp_path / "mkdocs.yml"), str(tmp_path / ".hall-en-x")]) == 1
    err = capsys.readouterr().err
    assert "磁盘空间已满" in err and "The disk is full" in err and "Traceback" not in err
