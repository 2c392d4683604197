"""The "cite this page" box on an exhibit, in headless Chromium: the copy button copies the
GB/T 7714 citation with the reader's own date as the access date, the English one reads
Chicago's way, and without JS the box shows placeholders and no dead button."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.browser
EXHIBIT = "exhibits/history/ming-mosque/"


def _today_in(page) -> str:
    return page.evaluate("(() => { const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'); })()")


def test_the_copy_button_copies_the_gbt_citation_with_today_s_date(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(site_url + EXHIBIT)
        today = _today_in(page)
        assert today == dt.date.today().isoformat()
        box = page.locator(".hall-cite")
        assert box.locator("h2").inner_text() == "引用本页"
        button = box.locator('button[data-hall-copy="hall-cite-gbt"]')
        button.click()
        expected = f"X县民族团结文化展厅. 古建筑清真寺[EB/OL]. [{today}]. https://hall.example.cn/{EXHIBIT}"
        assert page.evaluate("navigator.clipboard.readText()") == expected
        assert box.locator(".hall-visit__status").first.inner_text() == "已复制到剪贴板。"
        english = box.locator("#hall-cite-chicago").inner_text()
        day = dt.date.today()
        assert english == f"“古建筑清真寺.” X县民族团结文化展厅. Accessed {day:%B} {day.day}, {day.year}. https://hall.example.cn/{EXHIBIT}."
        page.locator('button[data-hall-copy="hall-cite-chicago"]').click()
        assert page.evaluate("navigator.clipboard.readText()") == english
    finally:
        context.close()


def test_the_english_page_cites_in_english_and_the_buttons_are_keyboard_reachable(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(site_url + "en/" + EXHIBIT)
        button = page.locator('button[data-hall-copy="hall-cite-gbt"]')
        button.focus()
        page.keyboard.press("Enter")
        text = page.evaluate("navigator.clipboard.readText()")
        assert text.startswith("X County Ethnic Unity Cultural Exhibition Hall. The Historic Mosque[EB/OL]. [")
        assert text.endswith(f"]. https://hall.example.cn/en/{EXHIBIT}") and "accessed date" not in text
        box = button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44  # a touch target
        page.locator(".hall-cite").screenshot(path="/tmp/hall-cite-phone.png")
    finally:
        context.close()


def test_without_javascript_the_box_shows_placeholders_and_no_dead_button(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + EXHIBIT)
        assert "[引用日期]" in page.locator("#hall-cite-gbt").inner_text()
        assert "Accessed [accessed date]." in page.locator("#hall-cite-chicago").inner_text()
        assert page.locator(".hall-cite button:visible").count() == 0
    finally:
        context.close()


@pytest.mark.parametrize("high", [False, True], ids=["normal", "high"])
@pytest.mark.parametrize("path", ["data/", "en/data/", EXHIBIT, "en/" + EXHIBIT], ids=["data-zh", "data-en", "cite-zh", "cite-en"])
def test_axe_finds_no_wcag_violations_on_the_data_page_and_the_cite_box(browser, site_url, path, high):
    from tests.test_a11y_browser import _axe, _contrast, _report

    # As tests/test_a11y_browser.py: axe is injected inline, which the page's policy blocks.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce", bypass_csp=True)
    _contrast(context, high)
    page = context.new_page()
    try:
        page.goto(site_url + path)
        page.wait_for_timeout(300)
        violations = _axe(page)
        assert violations == [], _report(violations)
    finally:
        context.close()


@pytest.mark.parametrize("path", ["data/", "en/" + EXHIBIT])
def test_the_data_page_and_the_cite_box_run_under_the_content_security_policy(browser, site_url, path):
    from tests.test_csp_browser import LISTEN

    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(LISTEN)
    page = context.new_page()
    seen = []
    page.on("console", lambda message: seen.append(message.text))
    try:
        page.goto(site_url + path)
        if "exhibits" in path:
            page.locator('button[data-hall-copy="hall-cite-chicago"]').click()
            assert "Accessed [" not in page.evaluate("navigator.clipboard.readText()")  # hall-cite.js ran
        page.wait_for_timeout(300)
        assert page.evaluate("window.__violations") == [] and not [m for m in seen if "Content Security Policy" in m]
    finally:
        context.close()
