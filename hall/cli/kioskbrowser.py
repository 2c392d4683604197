"""Keep the kiosk's browser on the hall's pages: boot wait, one wiped profile, a watchdog.

Why a watchdog of our own: on a real kiosk session (issue 23) Chromium stayed alive on its
connection-refused page after a server crash (120 s and counting), on "Aw, Snap!" after a
renderer crash (103 s), and on the policy's "blocked" page. The browser process never
exits, so systemd's ``Restart=always`` does nothing. Only the page knows it is the hall's
working page: hall-kiosk.js POSTs ``/__hall-kiosk/alive`` every 15 s, the kiosk server
records it (``Heartbeat``), and ``supervise`` restarts Chromium on the attract screen when
no beat has arrived for three minutes (an error page, a sad tab, a hung renderer, a dead end).

Why one profile folder, wiped at each start: a fresh ``mkdtemp`` per start left 104
``hall-kiosk-profile-*`` folders (76 MB) behind in one test run; ``exec`` never cleans up.

Portable (pathlib, subprocess; no POSIX-only calls): staff PCs are often Windows.
"""

from __future__ import annotations

import getpass
import json
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Callable, Mapping, Sequence

ALIVE_PATH = "/__hall-kiosk/alive"
#: The page beats every 15 s (hall-kiosk.js); 180 s is twelve missed beats, long enough
#: for a slow boot or a rebuild, short enough that a stuck screen is back within ~3 min.
STALE_SECONDS = 180.0
POLL_SECONDS = 5.0
BOOT_WAIT_SECONDS = 120.0
PROFILE_MARKER = ".hall-kiosk-profile"


class KioskProfileError(Exception):
    """The profile folder given is not one the kiosk made: never wipe someone's files."""


@dataclass
class Heartbeat:
    """When the kiosk page last said it is alive (monotonic seconds), shared by server threads."""

    _last: float | None = None
    _stray: float | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def beat(self, now: float | None = None, *, stray: bool = False) -> None:
        """A beat; ``stray`` from a tab or window the kiosk never opens (Ctrl+T, Ctrl+N)."""
        with self._lock:
            if stray:
                self._stray = time.monotonic() if now is None else now
            else:
                self._last = time.monotonic() if now is None else now

    def stray_age(self, now: float | None = None) -> float | None:
        """Seconds since a stray tab or window last beat, or None if none ever did."""
        with self._lock:
            if self._stray is None:
                return None
            return (time.monotonic() if now is None else now) - self._stray

    def age(self, now: float | None = None) -> float | None:
        """Seconds since the last beat, or None if the page never beat since the server started."""
        with self._lock:
            if self._last is None:
                return None
            return (time.monotonic() if now is None else now) - self._last


def answer_heartbeat(handler: BaseHTTPRequestHandler, heartbeat: Heartbeat) -> bool:
    """Answer ``POST /__hall-kiosk/alive`` (a beat) and ``GET`` (its age, JSON); False for any other path."""
    if handler.path.split("?")[0] != ALIVE_PATH:
        return False
    if handler.command == "POST":
        heartbeat.beat(stray="stray" in handler.path.partition("?")[2].split("&"))
        handler.send_response(204)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
        return True
    body = json.dumps({"age": heartbeat.age(), "stray": heartbeat.stray_age()}).encode("utf-8")
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    if handler.command != "HEAD":
        handler.wfile.write(body)
    return True


def default_profile_dir() -> Path:
    """One folder per user in the system's temporary folder (tmpfs on Debian: gone at reboot)."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name (a bare container): one shared name is fine
        user = "kiosk"
    return Path(tempfile.gettempdir()) / f"hall-kiosk-profile-{user}"


def fresh_profile(folder: Path | str | None = None) -> Path:
    """Empty ``folder`` (made by the kiosk before, or new) and mark it as the kiosk's."""
    path = Path(folder) if folder else default_profile_dir()
    if path.exists():
        ours = (path / PROFILE_MARKER).is_file() or (path.is_dir() and not any(path.iterdir()))
        if not ours:
            raise KioskProfileError(
                f"{path} 不是触摸屏浏览器的配置文件夹（里面没有 {PROFILE_MARKER}），为了不删除其他文件，已停止。"
                f"请换一个空文件夹或不指定 --profile。\n"
                f"{path} is not a kiosk profile folder (no {PROFILE_MARKER} in it); stopped so as not to delete "
                f"other files. Give an empty folder, or leave out --profile.")
        shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True, exist_ok=True)
    (path / PROFILE_MARKER).write_text("hall kiosk: wiped at every browser start\n", encoding="utf-8")
    return path


def server_is_up(url: str, timeout: float = 2.0) -> bool:
    """True when ``url`` answers with a page (the kiosk server redirects anything missing home)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return 200 <= response.status < 400
    except (OSError, urllib.error.URLError, ValueError):
        return False


def wait_for_server(url: str, timeout: float = BOOT_WAIT_SECONDS, *, poll: float = 1.0,
                    clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep) -> bool:
    """Wait up to ``timeout`` s for ``url``; False if it never answered (the caller fails properly)."""
    deadline = clock() + timeout
    while True:
        if server_is_up(url):
            return True
        if clock() >= deadline:
            return False
        sleep(poll)


def beat_ages(origin: str, timeout: float = 2.0) -> tuple[float | None, float | None]:
    """Seconds since the kiosk page and since a stray tab last beat, as the kiosk server at
    ``origin`` saw them; None where unknown."""
    try:
        with urllib.request.urlopen(origin.rstrip("/") + ALIVE_PATH, timeout=timeout) as response:
            answer = json.loads(response.read().decode("utf-8"))
    except (OSError, urllib.error.URLError, ValueError):
        return None, None
    if not isinstance(answer, dict):
        return None, None
    return tuple(float(v) if isinstance(v, (int, float)) else None  # type: ignore[return-value]
                 for v in (answer.get("age"), answer.get("stray")))


def beat_age(origin: str, timeout: float = 2.0) -> float | None:
    """Seconds since the kiosk page last beat; None if unknown."""
    return beat_ages(origin, timeout)[0]


@dataclass
class Watchdog:
    """Pure decision: has the screen gone ``stale_seconds`` without a fresh beat from the page?"""

    started: float
    stale_seconds: float = STALE_SECONDS
    last_alive: float | None = None

    def observe(self, now: float, age: float | None, stray: float | None = None) -> bool:
        """Record what the server said; True when the browser must be restarted: no beat for
        ``stale_seconds``, or at once when a stray tab or window (Ctrl+T, Ctrl+N: a page cannot
        prevent them) beat since this browser started."""
        if stray is not None and now - stray >= self.started:
            return True
        if age is not None:
            beat_at = now - age
            if beat_at >= self.started and (self.last_alive is None or beat_at > self.last_alive):
                self.last_alive = beat_at
        since = self.last_alive if self.last_alive is not None else self.started
        return now - since > self.stale_seconds


def _say(message: str) -> None:
    print(message, flush=True)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def supervise(
    command: Sequence[str],
    *,
    origin: str,
    profile: Path,
    env: Mapping[str, str] | None = None,
    stale_seconds: float = STALE_SECONDS,
    poll_seconds: float = POLL_SECONDS,
    boot_wait: float = BOOT_WAIT_SECONDS,
    watchdog: bool = True,
    max_starts: int | None = None,
    say: Callable[[str], None] = _say,
) -> int:
    """Run ``command`` (Chromium, its profile at ``profile``) and keep it on the hall's pages.

    Before every start: wait for the server (return 3 if it does not answer within
    ``boot_wait`` at boot, so systemd retries instead of Chromium showing an error page) and
    wipe the profile. Restart when Chromium exits or, with ``watchdog``, when the page has not
    beaten for ``stale_seconds``. ``max_starts`` bounds the loop (tests); None = for ever.
    """
    starts = 0
    process: subprocess.Popen | None = None
    try:
        while max_starts is None or starts < max_starts:
            if not wait_for_server(origin, boot_wait):
                say(f"网站服务 {origin} 在 {int(boot_wait)} 秒内没有响应，浏览器未启动（将由 systemd 重试）。\n"
                    f"The kiosk server at {origin} did not answer within {int(boot_wait)} s; "
                    f"the browser was not started (systemd retries).")
                return 3
            fresh_profile(profile)
            process = subprocess.Popen(list(command), env=dict(env) if env is not None else None)
            starts += 1
            dog = Watchdog(started=time.monotonic(), stale_seconds=stale_seconds)
            while process.poll() is None:
                time.sleep(poll_seconds)
                if watchdog and dog.observe(time.monotonic(), *beat_ages(origin)):
                    say(f"触摸屏页面已 {int(stale_seconds)} 秒没有响应，或打开了多余的窗口，重新启动浏览器。\n"
                        f"The kiosk page has not reported alive for {int(stale_seconds)} s, or a second tab or "
                        "window was opened: restarting the browser.")
                    _stop(process)
                    break
            else:
                say(f"浏览器已退出（代码 {process.returncode}），重新启动。  The browser exited "
                    f"(code {process.returncode}); starting it again.")
                time.sleep(min(2.0, poll_seconds))
        return 0
    finally:
        if process is not None:
            _stop(process)
