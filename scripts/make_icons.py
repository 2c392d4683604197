"""Make the site's PNG icons from its logo, ``theme/.icons/hall/logo.svg``.

Why PNG: a page's SVG icon is drawn in an SVG document of its own on the page's main
thread. Chromium fetches the tab icon after the load event, just when a visitor may be
typing a search, and drawing the SVG took 17 ms there (the header's logo is inlined in
the page instead: Material's ``theme.icon.logo``). iOS also takes the icon of a site
added to the home screen from ``apple-touch-icon``, a PNG; the site had none.

    python scripts/make_icons.py    # after changing logo.svg; commit the PNGs it writes

Draws with Debian's Chromium (Playwright), the browser the tests use;
tests/test_icons.py checks that the committed PNGs still match the logo.
"""

from __future__ import annotations

import base64
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOGO = ROOT / "theme" / ".icons" / "hall" / "logo.svg"
ASSETS = ROOT / "theme" / "assets"
CHROMIUM = os.environ.get("HALL_CHROMIUM", "/usr/bin/chromium")

# file → (size in px, background, logo size): the tab icon is the logo alone; the
# home-screen icon is opaque (iOS turns transparency black and rounds the corners itself),
# the logo on the site's paper colour with a margin.
ICONS = {
    "favicon-32.png": (32, "transparent", 32),
    "apple-touch-icon.png": (180, "#faf6ef", 140),
}


def render_icons(browser, logo: Path = LOGO) -> dict[str, bytes]:
    """Each of ``ICONS``, drawn from ``logo`` by ``browser`` (a Playwright Chromium): name → PNG."""
    source = "data:image/svg+xml;base64," + base64.b64encode(logo.read_bytes()).decode()
    out = {}
    for name, (size, background, logo_size) in ICONS.items():
        page = browser.new_page(viewport={"width": size, "height": size}, device_scale_factor=1)
        page.set_content(
            f'<html style="margin:0;background:{background}"><body style="margin:0;display:grid;'
            f'place-items:center;width:{size}px;height:{size}px">'
            f'<img src="{source}" width="{logo_size}" height="{logo_size}"></body></html>')
        page.wait_for_function("document.images[0].complete")
        out[name] = page.screenshot(omit_background=background == "transparent")
        page.close()
    return out


def main() -> int:
    from playwright.sync_api import sync_playwright

    from PIL import Image

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            icons = render_icons(browser)
        finally:
            browser.close()
    for name, png in icons.items():
        # Re-saved by Pillow, optimised: Chromium's screenshots are not.
        with Image.open(io.BytesIO(png)) as image:
            image.save(ASSETS / name, optimize=True)
        print(f"wrote theme/assets/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
