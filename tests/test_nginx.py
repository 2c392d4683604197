"""deploy/nginx/hall.conf served by Debian's nginx (a process of the test's own, on
127.0.0.1) over the built sample hall: compression, caching per kind of file, the 404 page
per language, /en → /en/ and the charset of text."""

from __future__ import annotations

import gzip
import http.client
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.support.sites import REPO

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
IMMUTABLE = "public, max-age=31536000, immutable"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def nginx(site: Path, tmp_path_factory):
    if not Path(NGINX).exists():
        pytest.fail("nginx not found: install Debian's nginx package (make system-deps, .ci/run)")
    prefix = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    user = "user root;\n" if os.geteuid() == 0 else ""  # root's workers would run as nobody, who cannot read /tmp/pytest-*
    (prefix / "nginx.conf").write_text(f"""{user}worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {prefix}/body; proxy_temp_path {prefix}/proxy; fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi; scgi_temp_path {prefix}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {site};
        include {REPO / 'deploy/nginx/hall.conf'};
    }}
}}
""", encoding="utf-8")
    process = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"nginx did not start: {process.stdout.read().decode()}")
            time.sleep(0.05)
    yield port
    process.terminate()
    process.wait(timeout=10)


def get(port: int, path: str, gzip_ok: bool = True) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    response = connection.getresponse()
    body = response.read()
    headers = {k.lower(): v for k, v in response.getheaders()}
    connection.close()
    if headers.get("content-encoding") == "gzip":
        body = gzip.decompress(body)
    return response.status, headers, body


def test_pages_are_compressed_revalidated_and_utf8(nginx, site):
    status, headers, body = get(nginx, "/")
    assert status == 200 and body == (site / "index.html").read_bytes()
    assert headers["content-encoding"] == "gzip"
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert headers["cache-control"] == "no-cache"
    assert headers["x-content-type-options"] == "nosniff"
    status, headers, body = get(nginx, "/en/")
    assert status == 200 and body == (site / "en/index.html").read_bytes() and headers["cache-control"] == "no-cache"


def test_fingerprinted_css_and_js_are_immutable_and_compressed(nginx, site):
    css = next((site / "assets").glob("hall.*.css"))
    status, headers, body = get(nginx, f"/assets/{css.name}")
    assert status == 200 and body == css.read_bytes()
    assert headers["cache-control"] == IMMUTABLE and headers["content-encoding"] == "gzip"
    assert headers["content-type"] == "text/css; charset=utf-8"
    js = next((site / "en/assets").glob("hall-search.*.js"))
    status, headers, _ = get(nginx, f"/en/assets/{js.name}")
    assert status == 200 and headers["cache-control"] == IMMUTABLE and "charset=utf-8" in headers["content-type"]
    status, headers, _ = get(nginx, "/assets/hall.css")  # the unhashed original: revalidated
    assert status == 200 and headers["cache-control"] == "no-cache"


def test_photos_and_search_chunks_are_immutable_and_search_entries_are_not(nginx, site):
    photo = next(p for p in (site / "media").rglob("*.webp"))
    status, headers, body = get(nginx, "/" + photo.relative_to(site).as_posix())
    assert status == 200 and body == photo.read_bytes()
    assert headers["cache-control"] == IMMUTABLE and headers["content-type"] == "image/webp"
    assert "content-encoding" not in headers  # already compressed
    fragment = next((site / "en/pagefind/fragment").iterdir())
    assert get(nginx, "/" + fragment.relative_to(site).as_posix())[1]["cache-control"] == IMMUTABLE
    for entry in ("/pagefind/pagefind-entry.json", "/pagefind/pagefind.js", "/en/pagefind/pagefind-entry.json"):
        status, headers, _ = get(nginx, entry)
        assert status == 200 and headers["cache-control"] == "no-cache", entry
    status, headers, _ = get(nginx, "/sitemap.xml")
    assert status == 200 and headers["cache-control"] == "no-cache" and "charset=utf-8" in headers["content-type"]


def test_a_missing_page_gets_the_404_page_of_its_language(nginx, site):
    status, headers, body = get(nginx, "/no-such-page/")
    assert status == 404 and body == (site / "404.html").read_bytes()
    assert headers["content-type"] == "text/html; charset=utf-8"
    status, _, body = get(nginx, "/en/no-such-page/")
    assert status == 404 and body == (site / "en/404.html").read_bytes()
    assert (site / "404.html").read_bytes() != (site / "en/404.html").read_bytes()
    status, _, body = get(nginx, "/media/0123456789abcdef/missing.webp")
    assert status == 404 and body == (site / "404.html").read_bytes()


def test_en_without_a_slash_goes_to_the_english_home(nginx):
    status, headers, _ = get(nginx, "/en")
    assert status == 301 and headers["location"] == "/en/"
