"""A real kiosk session: Xvfb, the project's own launcher (`python -m hall.cli.kiosk browser`)
and its managed policy, keys sent with xdotool as a visitor with a USB keyboard would.

Chromium reads managed policies only from /etc/chromium/policies/managed; the test gives
its Chromium a private mount namespace (``unshare -m``) in which /etc/chromium is a copy
with the repository's policy (port changed to the test server's), so no other Chromium on
the machine is affected. Takes about a minute: marked ``session``.
"""

from __future__ import annotations

import re
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from hall.cli.kiosk import DEFAULT_PORT, make_server


REPO = Path(__file__).resolve().parent.parent
POLICY = REPO / "scripts" / "kiosk" / "chromium-policy.json"
CHROMIUM = os.environ.get("HALL_CHROMIUM", "/usr/bin/chromium")

#: Shortcuts a page may cancel (hall-kiosk.js does) or the policy disables: the kiosk window
#: must stay the only window, on the hall's page, after each one.
PAGE_KEYS = ["ctrl+h", "ctrl+j", "ctrl+shift+b", "ctrl+shift+o", "ctrl+shift+Delete", "ctrl+u", "ctrl+o", "ctrl+p",
             "ctrl+s", "F12", "ctrl+shift+i", "ctrl+shift+j", "ctrl+shift+c", "shift+Escape", "ctrl+shift+m", "ctrl+l",
             "alt+f", "alt+e", "F6", "F10", "F11", "alt+Left", "alt+Home"]
#: Shortcuts Chromium keeps for itself (no page can cancel them): a new tab or a normal
#: window opens. It may only ever show the hall's page or the policy's "blocked" page, and
#: the launcher must be back to one window on the hall's page soon after.
RESERVED_KEYS = ["ctrl+t", "ctrl+n", "ctrl+h", "ctrl+j", "ctrl+shift+n", "ctrl+u", "ctrl+shift+t", "ctrl+Tab", "ctrl+w"]
#: What the policy's blocked page shows as its title: the address it refused. A browser page
#: that loaded would be titled "History", "设置" and so on.
BLOCKED = re.compile(r"^(chrome|chrome-untrusted|devtools|view-source):\S* - Chromium$")


def _need(*tools: str) -> None:
    missing = [tool for tool in tools if not shutil.which(tool)]
    if missing:
        pytest.fail(f"{', '.join(missing)} not installed: run `make system-deps` (Debian packages xvfb, xdotool)")


@pytest.fixture
def x_display():
    _need("Xvfb", "xdotool", "unshare")
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not start"
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


def _windows(display: str) -> list[str]:
    """Names (titles) of every visible top-level Chromium window."""
    env = {**os.environ, "DISPLAY": display}
    ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--class", "chromium"], env=env,
                         capture_output=True, text=True).stdout.split()
    names = []
    for window in ids:
        name = subprocess.run(["xdotool", "getwindowname", window], env=env, capture_output=True, text=True).stdout.strip()
        if name:
            names.append(name)
    return names


@pytest.mark.session
@pytest.mark.browser
def test_reserved_shortcuts_never_show_anything_but_the_halls_pages(x_display, kiosk_project, tmp_path) -> None:  # noqa: F811
    site = kiosk_project / "site-kiosk"
    server = make_server(site, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    etc = tmp_path / "etc-chromium"
    shutil.copytree("/etc/chromium", etc, dirs_exist_ok=True) if Path("/etc/chromium").is_dir() else etc.mkdir()
    (etc / "policies" / "managed").mkdir(parents=True, exist_ok=True)
    policy = POLICY.read_text(encoding="utf-8").replace(str(DEFAULT_PORT), str(port))
    (etc / "policies" / "managed" / "hall-kiosk.json").write_text(policy, encoding="utf-8")
    wrapper = tmp_path / "chromium"
    root = os.geteuid() == 0 if hasattr(os, "geteuid") else False
    wrapper.write_text(f"#!/bin/sh\nexec {CHROMIUM}{' --no-sandbox' if root else ''} --disable-gpu \"$@\"\n", encoding="utf-8")
    wrapper.chmod(0o755)
    launcher = (f"mount --bind {etc} /etc/chromium && exec {sys.executable} -m hall.cli.kiosk browser "
                f"--port {port} --wait 30 --profile {tmp_path / 'profile'} --browser {wrapper}")
    env = {**os.environ, "DISPLAY": x_display, "PYTHONPATH": str(REPO)}
    log = tmp_path / "launcher.log"  # a file, not a pipe: Chromium's chatter would fill a pipe and block it
    process = subprocess.Popen(["unshare", "-m", "sh", "-c", launcher], env=env,
                               stdout=log.open("w"), stderr=subprocess.STDOUT)
    title = None
    try:
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline and (server.heartbeat.age() is None):
            time.sleep(0.5)
        assert server.heartbeat.age() is not None, "the kiosk page never reported alive"
        home = (site / "index.html").read_text(encoding="utf-8")
        site_name = home.split("<title>")[1].split("</title>")[0].split(" - ")[-1].strip()
        first = _windows(x_display)
        assert len(first) == 1 and site_name in first[0], first
        for keys in PAGE_KEYS:
            subprocess.run(["xdotool", "key", "--clearmodifiers", keys], env=env, check=True)
            time.sleep(0.8)
            names = _windows(x_display)
            assert len(names) == 1 and site_name in names[0], (keys, names)
        foreign: dict[str, list[str]] = {}
        for keys in RESERVED_KEYS:
            subprocess.run(["xdotool", "key", "--clearmodifiers", keys], env=env, check=False)
            time.sleep(0.8)
            names = _windows(x_display)
            bad = [n for n in names if site_name not in n and not BLOCKED.match(n) and n != "Untitled - Chromium"]
            if bad:
                foreign[keys] = bad
        assert not foreign, f"a browser page loaded after these keys: {foreign}"
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline:
            names = _windows(x_display)
            if len(names) == 1 and site_name in names[0]:
                break
            time.sleep(1)
        assert len(names) == 1 and site_name in names[0], f"the kiosk did not come back to one hall window: {names}"
        assert process.poll() is None, "the launcher exited"
        title = first[0]
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        out = log.read_text(encoding="utf-8", errors="replace")
        server.shutdown()
        server.server_close()
    print(title, "| launcher:", [line for line in out.splitlines() if "browser" in line and "ERROR" not in line][-4:])
