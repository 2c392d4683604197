"""The chrome as a visitor meets it in a browser: the timeline's "#" links only on hover or
keyboard focus, the hall's name whole in a 390 px phone header, a working search on the 404 page."""

from __future__ import annotations

import pytest

from tests.conftest import PHONE

pytestmark = pytest.mark.browser

ANCHOR = ".hall-event__anchor"


def _opacity(page, selector: str) -> float:
    return float(page.locator(selector).first.evaluate("e => getComputedStyle(e).opacity"))


def test_timeline_event_links_show_only_on_hover_or_keyboard_focus(page, site_url):
    page.goto(site_url + "timeline/")
    assert _opacity(page, ANCHOR) == 0
    page.locator(".hall-event").first.hover()
    page.wait_for_timeout(300)  # past the fade
    assert _opacity(page, ANCHOR) == 1
    page.mouse.move(0, 0)
    page.wait_for_timeout(300)
    assert _opacity(page, ANCHOR) == 0
    page.locator(".hall-event time").first.evaluate("e => { e.tabIndex = -1; e.focus(); }")
    page.keyboard.press("Tab")  # from the event's date to its link, as a keyboard visitor moves
    assert page.evaluate("document.activeElement.classList.contains('hall-event__anchor')")
    page.wait_for_timeout(300)
    assert _opacity(page, ANCHOR) == 1


def test_timeline_event_links_take_no_room_on_a_touch_screen(browser, site_url):
    context = browser.new_context(**PHONE)
    phone = context.new_page()
    try:
        phone.goto(site_url + "timeline/")
        box = phone.locator(ANCHOR).first.bounding_box()
        assert box is not None and box["width"] <= 1 and box["height"] <= 1
    finally:
        context.close()


@pytest.mark.parametrize("root, words", [("", "X县民族团结文化展厅"), ("en/", "Ethnic Unity Hall")])
def test_the_halls_name_is_not_cut_short_in_a_phone_header(browser, site_url, root, words):
    context = browser.new_context(**PHONE)
    phone = context.new_page()
    try:
        phone.goto(site_url + root)
        name = phone.locator(".hall-site-name .md-ellipsis")
        size = name.evaluate("""e => ({sw: e.scrollWidth, cw: e.clientWidth, sh: e.scrollHeight, ch: e.clientHeight,
                                       top: e.getBoundingClientRect().top, bottom: e.getBoundingClientRect().bottom,
                                       header: document.querySelector('.md-header__inner').getBoundingClientRect().bottom})""")
        assert size["sw"] <= size["cw"] and size["sh"] <= size["ch"], size
        assert size["top"] >= 0 and size["bottom"] <= size["header"], size  # inside the header, not under it
        assert name.inner_text().replace("\n", " ").strip() == words
    finally:
        context.close()


def test_the_404_search_box_opens_the_sites_search_with_its_words(page, site_url):
    page.goto(site_url + "404.html")
    box = page.locator("#hall-404-query")
    box.fill("清真寺")
    box.press("Enter")
    results = page.locator("#hall-search-results a.md-search-result__link")
    results.first.wait_for(timeout=15000)
    assert page.locator("#hall-search-input").input_value() == "清真寺"
    assert any("mosque" in (link.get_attribute("href") or "") for link in results.all())
