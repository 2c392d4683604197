"""`hall serve`: MkDocs' live preview that keeps answering whatever the content holds.

``mkdocs serve`` stops at start-up when its first build raises, and after a failed rebuild
it keeps the browser waiting ("the server will appear stuck until build errors are
resolved"). Content errors never get that far (the plugin shows them on the preview's home
page, hall/pages/problems.py); this loop is for the rest: a photo that cannot be decoded, a
broken mkdocs.yml, a full disk, a bug of ours. The failed build is replaced by one plain
page saying what went wrong in both languages, the browser reloads to it, and the next save
rebuilds as usual, so the preview recovers the moment the file is fixed.
"""

from __future__ import annotations

import html
import logging
import os
import shutil
import socket
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.livereload import LiveReloadServer, _serve_url

from ..content.system_problems import system_problem
from ..i18n import strings

log = logging.getLogger("mkdocs.plugins.hall")


def check_port(host: str, port: int) -> None:
    """Raise the OSError of listening on ``host:port`` now, before a first build of several
    seconds (MkDocs binds only after it)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        if os.name != "nt":  # as the server will; on Windows the option would steal the port
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))


class _Errors(logging.Handler):
    """The errors a build logs (the plugin's problem list among them), for the failure page."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage().strip()
        if message and not message.startswith(("Aborted with", "Error building page", "Error reading page")):
            self.messages.append(message)


def explain_failure(err: BaseException, root: Path, output: Path) -> str:
    """What a failed preview build says beyond what it logged, both languages (empty for a
    build error, whose message is already logged)."""
    if isinstance(err, Abort):
        return ""
    if isinstance(err, OSError):
        return system_problem(err, root, "serve", output).format()
    if isinstance(err, ConfigurationError):  # MkDocs logged the error itself, unless it says it here
        detail = "" if str(err).startswith("Aborted with") else f"\n{err}"
        return f"站点配置 mkdocs.yml 有错误，请按提示修改。  The site settings, mkdocs.yml, have an error: fix it as shown.{detail}"
    return (f"内部错误：{err}（加 --verbose 运行 hall serve 查看详情，并报告给技术人员）。\n"
            f"Internal error: {err} (run `hall serve --verbose` for details and tell the developers).")


def failure_page(messages: list[str]) -> str:
    """A plain page standing in for the whole preview while it cannot be built."""
    words = {language: strings("problems", language) for language in ("zh", "en")}
    body = "\n".join(f"<pre>{html.escape(message)}</pre>" for message in messages)
    return (
        '<!doctype html>\n<html lang="zh-Hans"><head><meta charset="utf-8">'
        f"<title>{html.escape(words['zh']['failed_title'])}</title>"
        "<style>body{font:16px/1.6 system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em}"
        "pre{white-space:pre-wrap;background:#fdecea;border-left:4px solid #c62828;padding:.8em}</style></head>\n"
        f"<body><h1>{html.escape(words['zh']['failed_title'])}</h1>"
        f"<p>{html.escape(words['zh']['failed_intro'])}</p>"
        f'<h2 lang="en">{html.escape(words["en"]["failed_title"])}</h2>'
        f'<p lang="en">{html.escape(words["en"]["failed_intro"])}</p>\n{body}\n</body></html>\n'
    )


def show_failure(site_dir: Path, messages: list[str]) -> None:
    """Replace the preview by the failure page: at / and, through the 404 page, at every
    address a browser may be on. A disk too full for it leaves the terminal message only."""
    try:
        for path in site_dir.iterdir():
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        page = failure_page(messages).encode("utf-8")
        (site_dir / "index.html").write_bytes(page)
        (site_dir / "404.html").write_bytes(page)
    except OSError:
        pass


def serve_preview(config_file: str, host: str = "127.0.0.1", port: int = 8000, verbose: bool = False) -> None:
    """Preview ``config_file`` at http://host:port/, rebuilt on every save, until Ctrl+C.
    Raises OSError when the port cannot be listened on, ConfigurationError when mkdocs.yml
    cannot be read at start; after that, no build failure stops it."""
    check_port(host, port)
    site_dir = tempfile.mkdtemp(prefix="hall-preview-")
    root = Path(config_file).resolve().parent

    def get_config() -> MkDocsConfig:
        config = load_config(config_file=config_file, site_dir=site_dir, dev_addr=f"{host}:{port}")
        config.site_url = serve_url
        return config

    config = load_config(config_file=config_file, site_dir=site_dir, dev_addr=f"{host}:{port}")
    config.plugins.on_startup(command="serve", dirty=False)
    mount_path = urlsplit(config.site_url or "/").path
    config.site_url = serve_url = _serve_url(host, port, mount_path)

    def builder(config: MkDocsConfig | None = None) -> None:
        errors = _Errors()
        logging.getLogger("mkdocs").addHandler(errors)
        try:
            build(config or get_config(), serve_url=serve_url)
        except Exception as err:  # the preview goes on: say what failed, on the page and here
            if verbose and not isinstance(err, (Abort, OSError, ConfigurationError)):
                log.exception("hall serve")
            explanation = explain_failure(err, root, Path(site_dir))
            if explanation:
                log.error(explanation)
            show_failure(Path(site_dir), errors.messages + ([explanation] if explanation else []))
        finally:
            logging.getLogger("mkdocs").removeHandler(errors)

    server = LiveReloadServer(builder=builder, host=host, port=port, root=site_dir, mount_path=mount_path)
    server.error_handler = lambda code: _error_page(Path(site_dir), code)
    try:
        builder(config)
        for path in (config.docs_dir, config.config_file_path, *config.watch,
                     *(str(root / name) for name in ("exhibits", "content") if (root / name).is_dir())):
            server.watch(path)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)


def _error_page(site_dir: Path, code: int) -> Any:
    page = site_dir / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None
