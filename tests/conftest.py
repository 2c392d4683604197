"""Shared fixtures: a built copy of the sample hall, a local web server, headless Chromium.

The sample hall is copied to a temporary folder and built once per test session, so
tests read real HTML without touching the repository's own ``site/``.
"""

from __future__ import annotations

import os
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

from hall.cli.kiosk import make_server
from tests.support.sites import REPO, copy_sample_hall, run_hall, run_mkdocs  # noqa: F401  (tests import them from here)
from tests.support.static_server import serve

CHROMIUM = os.environ.get("HALL_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def built_hall(tmp_path_factory) -> Path:
    """The sample hall built by `mkdocs build`; returns the project folder (site in ./site)."""
    project = copy_sample_hall(tmp_path_factory.mktemp("hall"))
    run_mkdocs(project, "build")
    return project


@pytest.fixture(scope="session")
def site(built_hall: Path) -> Path:
    return built_hall / "site"


def search_site(folder: Path, pages: dict[str, tuple[str, str]]) -> Path:
    """A bare site of ``pages`` (folder name → (title, article HTML)) with its Pagefind index
    and the search modules (hall-search.js and the hall-pagefind.js and hall-segment.js it
    imports): search tested on crafted text, away from the sample hall."""
    from hall.outputs.search import SearchPage, build_index

    for name, (_, article) in pages.items():
        (folder / name).mkdir(parents=True)
        (folder / name / "index.html").write_text(
            f'<html><body><article class="md-content__inner md-typeset">{article}</article></body></html>',
            encoding="utf-8")
    (folder / "assets").mkdir()
    for module in ("hall-search.js", "hall-pagefind.js", "hall-segment.js"):
        shutil.copy(REPO / "theme/assets" / module, folder / "assets" / module)
    build_index(folder, [SearchPage(f"{name}/index.html", title, "page") for name, (title, _) in pages.items()], "zh")
    return folder


@pytest.fixture(scope="session")
def site_url(site: Path):
    """The built sample hall served on 127.0.0.1 by a static file server."""
    server, url = serve(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def playwright():
    """One Playwright for the session: a second ``sync_playwright()`` would refuse to start
    inside the first one's event loop."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package (see .ci/run)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="session")
def browser(playwright):
    """Headless Debian Chromium driven by Playwright (never a downloaded browser)."""
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
    )
    yield browser
    browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


#: A phone as most visitors hold one: 390 × 844, touch, and the mobile layout (a page
#: wider than the screen widens the layout, as in WeChat's browser).
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}


@pytest.fixture
def phone(browser):
    """A page on a phone (``PHONE``)."""
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


# -- the kiosk build, shared by every kiosk test module (one build per session) ------------

EXTERNAL = "https://www.gov.cn/"
LANDSCAPE = {"width": 1920, "height": 1080}


@pytest.fixture(scope="session")
def kiosk_project(tmp_path_factory) -> Path:
    project = copy_sample_hall(tmp_path_factory.mktemp("kiosk-hall"))
    about = project / "content" / "pages" / "about.zh.md"
    about.write_text(about.read_text(encoding="utf-8") + f"\n\n参见[中国政府网]({EXTERNAL})。\n", encoding="utf-8")
    result = run_hall(project, "build", "--kiosk")
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@contextmanager
def kiosk_server(folder: Path):
    """The kiosk's own server (hall.cli.kiosk.make_server) on a free port, for a ``with``."""
    server = make_server(folder, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def kiosk_url(kiosk_project: Path):
    with kiosk_server(kiosk_project / "site-kiosk") as url:
        yield url


@pytest.fixture
def touch_page(browser):
    context = browser.new_context(viewport=LANDSCAPE, has_touch=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors
