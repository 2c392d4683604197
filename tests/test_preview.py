"""`hall serve`: keeps running when the content has errors at start, shows them, recovers."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import copy_sample_hall

pytestmark = pytest.mark.slow


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except Exception:
        return ""


def wait_for(url: str, text: str, process: subprocess.Popen, timeout: float = 120) -> str:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        page = fetch(url)
        if text in page:
            return page
        assert process.poll() is None, "hall serve exited"
        time.sleep(0.2)
    raise AssertionError(f"{text!r} not served at {url} within {timeout} s")


def test_serve_survives_errors_at_start_and_rebuilds_when_fixed(tmp_path):
    import socket

    project = copy_sample_hall(tmp_path / "hall")
    yml = project / "exhibits/history/ming-mosque/exhibit.yml"
    good = yml.read_text(encoding="utf-8")
    yml.write_text(good.replace("title:", "titel:"), encoding="utf-8")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen([sys.executable, "-m", "hall.cli", "serve", "--port", str(port)], cwd=project,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        home = wait_for(f"http://127.0.0.1:{port}/", "内容有错误", process)
        assert "exhibits/history/ming-mosque/exhibit.yml:" in home
        assert "你是不是想写“title”" in home and "Did you mean “title”?" in home
        yml.write_text(good, encoding="utf-8")
        wait_for(f"http://127.0.0.1:{port}/exhibits/history/ming-mosque/", "古建筑清真寺", process)
        wait_for(f"http://127.0.0.1:{port}/", "hall-hero", process)  # the real home page is back
        assert "内容有错误" not in fetch(f"http://127.0.0.1:{port}/")
        wait_for(f"http://127.0.0.1:{port}/en/exhibits/history/ming-mosque/", "The Historic Mosque", process)
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    assert "Traceback" not in output, output
    assert "titel" in output  # the problems are printed in the terminal too
