"""Shared fixtures: a built copy of the sample hall, a local web server, headless Chromium.

The sample hall is copied to a temporary folder and built once per test session, so
tests read real HTML without touching the repository's own ``site/``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

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
def browser():
    """Headless Debian Chromium driven by Playwright (never a downloaded browser)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package (see .ci/run)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
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
