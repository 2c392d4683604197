"""A quiet static file server on 127.0.0.1, for the browser tests and the benchmarks."""

from __future__ import annotations

import functools
import http.server
import socketserver
import threading
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Prints nothing: no request log, and no traceback when the browser closes a page
    whose files are still being sent (tests and benchmarks close pages early)."""

    def log_message(self, *args) -> None:
        pass

    def handle(self) -> None:
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass


def serve(folder: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler):
    """Serve ``folder`` in a background thread: (server, base URL); stop with server.shutdown()."""
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
