"""The site's icons: PNG tab and home-screen icons made from the logo, and the logo drawn
inline in the header, so that no page draws an SVG image of its own (scripts/make_icons.py)."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image, ImageChops, ImageStat

from scripts.make_icons import ASSETS, ICONS, render_icons


@pytest.mark.slow
@pytest.mark.parametrize("path", ["index.html", "exhibits/index.html", "en/index.html", "en/news/index.html"])
def test_pages_link_png_icons_and_draw_the_logo_inline(site, path):
    page = (site / path).read_text(encoding="utf-8")
    icon = re.search(r'<link rel="icon" href="([^"]+)">', page).group(1)
    touch = re.search(r'<link rel="apple-touch-icon" href="([^"]+)">', page).group(1)
    with Image.open((site / path).parent / icon) as image:
        assert image.format == "PNG" and image.size == (32, 32)
    with Image.open((site / path).parent / touch) as image:
        # Opaque: iOS shows transparent parts of a home-screen icon as black.
        assert image.size == (180, 180) and image.convert("RGBA").getextrema()[3] == (255, 255)
    logo = re.search(r'class="md-header__button md-logo"[^>]*>(.*?)</a>', page, re.S).group(1)
    assert "<svg" in logo and "<img" not in logo
    assert not re.search(r'<img[^>]+\.svg"', page)


@pytest.mark.browser
def test_committed_icons_match_the_logo(browser):
    """Fails when logo.svg changed and the PNGs were not made again."""
    for name, png in render_icons(browser).items():
        with Image.open(io.BytesIO(png)) as fresh, Image.open(ASSETS / name) as committed:
            assert committed.size == fresh.size == (ICONS[name][0],) * 2
            difference = ImageChops.difference(fresh.convert("RGBA"), committed.convert("RGBA"))
            assert max(ImageStat.Stat(difference).mean) < 3, f"run scripts/make_icons.py: {name} differs from logo.svg"


@pytest.mark.browser
def test_a_page_and_its_tab_icon_fetch_no_svg(page, site_url):
    """Chromium fetches the tab icon after the load event and draws an SVG one on the page's
    main thread (17 ms at 1000 exhibits, while a visitor may be typing a search)."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url, wait_until="load")
    page.wait_for_timeout(1000)
    assert any(url.endswith("/assets/favicon-32.png") for url in requested)
    assert not [url for url in requested if url.split("?")[0].endswith(".svg")]
