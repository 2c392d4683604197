"""The exhibit gallery's lightbox (PhotoSwipe via theme/assets/hall-lightbox.js) in Chromium."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

EXHIBIT = "exhibits/history/ming-mosque/"  # three photos in the sample hall


def _open_first(page, url: str):
    page.goto(url)
    links = page.locator(".hall-gallery a.hall-figure__zoom")
    assert links.count() >= 3
    links.first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".pswp.pswp--open", timeout=5000)
    page.wait_for_selector("[data-hall-lightbox-state=open]", timeout=5000)  # opening animation over
    page.wait_for_function("() => document.querySelector('.pswp__hall-caption') && document.querySelector('.pswp__hall-caption').textContent.trim().length > 0")
    return links


def _caption(page) -> str:
    return " ".join(page.locator(".pswp__hall-caption").inner_text().split())


def _figcaption(page, index: int) -> str:
    """A figure's caption as read (a thumbnail's is visually hidden, so its lines break differently)."""
    return " ".join(page.locator(".hall-gallery figure").nth(index).locator("figcaption").inner_text().split())


def test_lightbox_opens_moves_and_closes(page, site_url):
    _open_first(page, site_url + EXHIBIT)
    dialog = page.locator(".pswp")
    assert dialog.get_attribute("role") == "dialog" and dialog.get_attribute("aria-modal") == "true"
    assert page.locator(".pswp__counter").inner_text().replace(" ", "") == "1/3"
    assert _caption(page) == _figcaption(page, 0)
    assert "图片来源" in _caption(page)  # the credit, in the page's language
    assert page.locator(".pswp__button--close").get_attribute("title") == "关闭（Esc）"

    # keyboard: next photo
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.pswp__counter').textContent.replace(/\\s/g, '') === '2/3'")
    assert _caption(page) == _figcaption(page, 1)
    page.wait_for_function("() => [...document.querySelectorAll('img.pswp__img')].some(i => i.complete && i.currentSrc)")
    shown = page.evaluate("[...document.querySelectorAll('img.pswp__img')].map(i => i.currentSrc).filter(Boolean)")
    assert shown and all("/media/" in src and src.endswith((".webp", ".jpg")) for src in shown)  # derivatives only

    # Escape closes, and focus goes back to the photo that opened the lightbox
    page.keyboard.press("Escape")
    page.wait_for_selector(".pswp", state="detached", timeout=5000)
    assert page.locator("[data-hall-lightbox-state=closed]").count() == 1
    focused = page.evaluate("document.activeElement && document.activeElement.getAttribute('href')")
    assert focused == page.locator(".hall-gallery a.hall-figure__zoom").first.get_attribute("href")


def test_lightbox_swipes_on_a_phone(phone, site_url):
    phone.goto(site_url + EXHIBIT)
    phone.locator(".hall-gallery a.hall-figure__zoom").first.tap()
    phone.wait_for_selector(".pswp.pswp--open", timeout=5000)
    phone.wait_for_selector("[data-hall-lightbox-state=open]", timeout=5000)  # gestures count after the opening animation
    cdp = phone.context.new_cdp_session(phone)

    def touch(kind: str, x: int) -> None:
        points = [] if kind == "touchEnd" else [{"x": x, "y": 400}]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", 340)
    for step in range(1, 21):
        touch("touchMove", 340 - 13 * step)
        phone.wait_for_timeout(16)
    touch("touchEnd", 80)
    # A function, not an expression: Playwright polls an expression with eval(), which the site's policy blocks.
    phone.wait_for_function("() => document.querySelector('.pswp__counter').textContent.replace(/\\s/g, '') === '2/3'")
    assert _caption(phone) == _figcaption(phone, 1)


def test_lightbox_speaks_english_on_english_pages(page, site_url):
    _open_first(page, site_url + "en/" + EXHIBIT)
    assert page.locator(".pswp__button--close").get_attribute("title") == "Close (Esc)"
    assert page.locator(".pswp__counter").inner_text().replace(" ", "") == "1of3"
    assert _caption(page) == _figcaption(page, 0)
    page.keyboard.press("Escape")
    page.wait_for_selector(".pswp", state="detached", timeout=5000)


def test_gallery_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 800, "height": 900})
    try:
        page = context.new_page()
        page.goto(site_url + EXHIBIT)
        href = page.locator(".hall-gallery a.hall-figure__zoom").first.get_attribute("href")
        response = page.goto(site_url + EXHIBIT + href)
        assert response.ok and response.headers["content-type"] == "image/jpeg"
    finally:
        context.close()


def test_lightbox_offers_the_download_only_where_the_figure_does(page, site_url):
    _open_first(page, site_url + EXHIBIT)
    button = page.locator(".pswp__button--hall-download")
    assert not button.is_visible()  # the first photo offers no download
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.pswp__counter').textContent.replace(/\\s/g, '') === '3/3'")
    assert button.is_visible()
    link = page.locator(".hall-gallery figure").nth(2).locator("a.hall-figure__download")
    assert button.get_attribute("href").endswith("/mosque-courtyard-original.jpg")
    assert button.get_attribute("href") == link.evaluate("a => a.href")
    assert button.get_attribute("download") is not None
    assert button.get_attribute("aria-label") == link.inner_text() and "下载原图" in button.get_attribute("aria-label")
    assert "下载原图" not in _caption(page) and "图片来源" in _caption(page)  # in the toolbar, not twice
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("() => document.querySelector('.pswp__counter').textContent.replace(/\\s/g, '') === '2/3'")
    assert not button.is_visible()
