"""Run the kiosk build on a hall touch screen: a local web server and a locked-down Chromium.

Engine-agnostic (no MkDocs). The kiosk variant of the site is built by the plugin when
the environment has ``HALL_KIOSK=1`` (``hall build --kiosk``); it lands in ``site-kiosk/``.

    python -m hall.kiosk launch  --site site-kiosk        # server + browser (or print the command)
    python -m hall.kiosk serve   --site site-kiosk        # the server only (systemd unit 1)
    python -m hall.kiosk browser                          # the browser only (systemd unit 2)
    python -m hall.kiosk command                          # print the browser command line
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shlex
import shutil
import sys
import threading
from pathlib import Path
from typing import Sequence

from hall.cli.kioskbrowser import (BOOT_WAIT_SECONDS, Heartbeat, KioskProfileError, answer_heartbeat,
                                   default_profile_dir, supervise)

DEFAULT_PORT = 8765
DEFAULT_SITE_DIR = "site-kiosk"
BROWSERS = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")

# What a public, unattended display needs from Chromium. The managed policy in
# scripts/kiosk/ adds what flags cannot enforce (allow-list of URLs, no dev tools, no printing).
CHROMIUM_FLAGS: tuple[str, ...] = (
    "--kiosk",                                  # full screen, no address bar, tabs or menus
    "--noerrdialogs",                           # no crash/error dialogs over the exhibit
    "--disable-infobars",
    "--disable-session-crashed-bubble",         # no "restore pages?" after a power cut
    "--disable-pinch",                          # no pinch zoom
    "--overscroll-history-navigation=0",        # no swipe back/forward out of the page
    "--disable-features=Translate,TranslateUI,OverscrollHistoryNavigation,TouchpadOverscrollHistoryNavigation,MediaRouter",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-translate",
    "--disable-sync",
    "--disable-background-networking",          # no update or safe-browsing calls: the hall is offline
    "--disable-component-update",
    "--check-for-update-interval=31536000",
    "--disable-print-preview",
    "--disable-pull-to-refresh-effect",
    "--password-store=basic",                   # no keyring prompt at boot
    "--autoplay-policy=no-user-gesture-required",
    "--touch-events=enabled",
    "--lang=zh-CN",
    "--enable-speech-dispatcher",               # read-aloud: without it Chromium on Linux has 0 voices
    "--ozone-platform-hint=auto",               # Wayland under cage (hall-kiosk-session), X11 elsewhere
)


def start_url(port: int = DEFAULT_PORT, idle_seconds: int | None = None) -> str:
    """The page the browser opens: the default language's home, showing the attract screen."""
    url = f"http://127.0.0.1:{port}/?attract"
    return url + (f"&idle={int(idle_seconds)}" if idle_seconds else "")


def find_browser() -> str:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return "chromium"


def chromium_command(
    url: str,
    *,
    browser: str | None = None,
    user_data_dir: str | None = None,
    extra: Sequence[str] = (),
) -> list[str]:
    """The full Chromium command line for a locked-down kiosk showing ``url``."""
    command = [browser or find_browser(), *CHROMIUM_FLAGS]
    if user_data_dir:
        command.append(f"--user-data-dir={user_data_dir}")
    command.extend(extra)
    command.append(url)
    return command


class KioskRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Static files of the kiosk build; a missing page goes back home instead of an error."""

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - quiet under systemd
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")  # a rebuilt site shows at the next page
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def do_GET(self) -> None:  # the page's "I am alive" beat (hall/cli/kioskbrowser.py), else a file
        if not answer_heartbeat(self, self.server.heartbeat):
            super().do_GET()

    def do_POST(self) -> None:
        if not answer_heartbeat(self, self.server.heartbeat):
            self.send_error(405)

    def list_directory(self, path):  # never show a folder listing on a public screen
        self.send_error(404)
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code == 404 and self.command == "GET":
            self.send_response(302)
            self.send_header("Location", "/?attract")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        super().send_error(code, message, explain)


class KioskServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.heartbeat = Heartbeat()  # per server: when the kiosk page last said it is alive


def make_server(site_dir: Path | str, port: int = DEFAULT_PORT) -> KioskServer:
    """A server for ``site_dir`` on 127.0.0.1 only (never reachable from the hall's network)."""
    handler = functools.partial(KioskRequestHandler, directory=str(Path(site_dir).resolve()))
    return KioskServer(("127.0.0.1", port), handler)


def check_site(site_dir: Path | str) -> str | None:
    """A bilingual message if ``site_dir`` is not a built kiosk site, else None."""
    index = Path(site_dir) / "index.html"
    if not index.is_file():
        return (f"找不到触摸屏版站点 {site_dir}/index.html：请先运行 hall build --kiosk。\n"
                f"No kiosk site at {site_dir}/index.html: run `hall build --kiosk` first.")
    if 'id="hall-kiosk-config"' not in index.read_text(encoding="utf-8", errors="replace"):
        return (f"{site_dir} 是普通网站版本，不是触摸屏版本：请运行 hall build --kiosk。\n"
                f"{site_dir} is the public site, not the kiosk build: run `hall build --kiosk`.")
    return None


def launch(
    site_dir: Path | str = DEFAULT_SITE_DIR,
    port: int = DEFAULT_PORT,
    idle_seconds: int | None = None,
    display: str | None = None,
    *,
    browser: str | None = None,
) -> int:
    """Serve ``site_dir`` on 127.0.0.1:``port`` and show it in kiosk Chromium.

    Without a display (``display`` empty and no ``DISPLAY``/``WAYLAND_DISPLAY``), print the
    browser command to run on the screen and keep serving until Ctrl+C. With one, return
    when the browser exits, so a supervisor (systemd) restarts both.
    """
    problem = check_site(site_dir)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    server = make_server(site_dir, port)
    port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    display = display if display is not None else (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or "")
    profile = default_profile_dir()
    command = chromium_command(start_url(port, idle_seconds), browser=browser, user_data_dir=str(profile))
    try:
        print(f"触摸屏站点已在 http://127.0.0.1:{port}/ 运行。  Kiosk site served at http://127.0.0.1:{port}/", flush=True)
        if not display:
            print("没有检测到显示器（DISPLAY 未设置）；请在触摸屏的图形会话中运行以下命令：\n"
                  "No display found (DISPLAY is not set); run this in the touch screen's graphical session:", flush=True)
            print(shlex.join(command), flush=True)
            thread.join()
            return 0
        env = {**os.environ}
        if display.startswith("wayland"):
            env["WAYLAND_DISPLAY"] = display
        else:
            env["DISPLAY"] = display
        return supervise(command, origin=f"http://127.0.0.1:{port}/", profile=profile, env=env)
    except KioskProfileError as error:
        print(error, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0
    finally:
        server.shutdown()
        server.server_close()
        shutil.rmtree(profile, ignore_errors=True)


def serve(site_dir: Path | str = DEFAULT_SITE_DIR, port: int = DEFAULT_PORT) -> int:
    """Serve only (the systemd server unit); blocks until stopped."""
    problem = check_site(site_dir)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    server = make_server(site_dir, port)
    print(f"触摸屏站点：http://127.0.0.1:{server.server_address[1]}/  Kiosk site served.", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def run_browser(port: int = DEFAULT_PORT, idle_seconds: int | None = None, browser: str | None = None,
                wait: float = BOOT_WAIT_SECONDS, profile: str | None = None, watchdog: bool = True) -> int:
    """Kiosk Chromium for the systemd browser unit: waits for the server, restarts a stuck screen
    (hall/cli/kioskbrowser.py), one profile folder wiped at each start."""
    folder = Path(profile) if profile else default_profile_dir()
    command = chromium_command(start_url(port, idle_seconds), browser=browser, user_data_dir=str(folder))
    try:
        return supervise(command, origin=f"http://127.0.0.1:{port}/", profile=folder, boot_wait=wait, watchdog=watchdog)
    except KioskProfileError as error:
        print(error, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hall.kiosk", description="展厅触摸屏 The hall's touch-screen kiosk")
    sub = parser.add_subparsers(dest="action", required=True)
    for name in ("launch", "serve", "browser", "command"):
        p = sub.add_parser(name)
        p.add_argument("--port", type=int, default=DEFAULT_PORT)
        if name in ("launch", "serve"):
            p.add_argument("--site", default=DEFAULT_SITE_DIR, help="触摸屏版站点目录 kiosk build folder")
        if name != "serve":
            p.add_argument("--idle", type=int, default=None, help="无操作多少秒后返回待机画面 idle seconds")
            p.add_argument("--browser", default=None, help="Chromium 路径 path to Chromium")
        if name == "launch":
            p.add_argument("--display", default=None)
        if name == "browser":
            p.add_argument("--wait", type=float, default=BOOT_WAIT_SECONDS, help="等待网站服务的秒数 seconds to wait for the server")
            p.add_argument("--profile", default=None, help="浏览器配置文件夹（每次启动清空） profile folder, wiped at each start")
            p.add_argument("--no-watchdog", dest="watchdog", action="store_false", help="不自动重启卡住的屏幕 no restart of a stuck screen")
    args = parser.parse_args(argv)
    if args.action == "launch":
        return launch(args.site, args.port, args.idle, args.display, browser=args.browser)
    if args.action == "serve":
        return serve(args.site, args.port)
    if args.action == "browser":
        return run_browser(args.port, args.idle, args.browser, args.wait, args.profile, args.watchdog)
    print(shlex.join(chromium_command(start_url(args.port, args.idle), browser=args.browser)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
