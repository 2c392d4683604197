"""The keypad and the guided route in headless Chromium: keying a guide number (on the
on-screen pad, on a keyboard) opens the exhibit; an unknown number is said so; without JS
the list works; the route saves its stop on the device and the visit page resumes it;
next / previous cross zone boundaries; the kiosk's bar opens the keypad."""

from __future__ import annotations

import re

import pytest

from tests.test_csp_browser import _violations, hostile_url, watched  # noqa: F401  (fixtures)

MOSQUE = "exhibits/history/ming-mosque/"


@pytest.fixture
def errors(page):
    found: list[str] = []
    page.on("pageerror", lambda error: found.append(str(error)))
    yield found
    assert not found, found


def _tap(page, selector: str) -> None:
    target = page.locator(selector).first
    target.scroll_into_view_if_needed()
    box = target.bounding_box()
    assert box, f"{selector} is not visible"
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_the_on_screen_pad_takes_a_phone_to_the_exhibit(phone, site_url):
    phone.goto(site_url + "visit/number/")
    form = phone.locator("form.hall-keypad")
    assert form.is_visible()
    for key in ("2", "0", "delete", "0", "1"):  # a slip, deleted
        _tap(phone, f'[data-hall-key="{key}"]')
    assert phone.input_value("#hall-keypad-input") == "201"
    for key in phone.locator(".hall-keypad__key").all():  # touch targets
        box = key.bounding_box()
        assert box["width"] >= 48 and box["height"] >= 48, box
    with phone.expect_navigation():
        _tap(phone, ".hall-keypad__key--go")
    assert phone.url == site_url + MOSQUE
    assert phone.locator(".hall-guide-number").inner_text().split()[-1] == "201"


@pytest.mark.parametrize("root, title", [("", "古建筑清真寺"), ("en/", "The Historic Mosque")])
def test_typing_a_number_and_enter_opens_the_exhibit(page, errors, site_url, root, title):
    page.goto(site_url + root + "visit/number/")
    page.fill("#hall-keypad-input", "２01")  # a full-width digit from a Chinese keyboard counts too
    assert page.input_value("#hall-keypad-input") == "201"
    with page.expect_navigation():
        page.press("#hall-keypad-input", "Enter")
    assert page.url == site_url + root + MOSQUE
    assert title in page.locator("h1").inner_text()


def test_an_unknown_number_is_said_so_with_the_nearest_numbers(page, errors, site_url):
    page.goto(site_url + "visit/number/")
    page.fill("#hall-keypad-input", "999")
    page.click(".hall-keypad__key--go")
    status = page.locator("#hall-keypad-status")
    assert status.get_attribute("role") == "status"
    assert "没有编号为 999 的展品。" in status.inner_text()
    nearest = status.locator("a")
    assert nearest.count() == 3 and nearest.first.inner_text().startswith("405")
    assert page.url == site_url + "visit/number/"
    page.fill("#hall-keypad-input", "")
    page.click(".hall-keypad__key--go")
    assert status.inner_text().strip() == "请先输入编号。"
    page.fill("#hall-keypad-input", "999")
    page.click(".hall-keypad__key--go")
    with page.expect_navigation():
        status.locator("a").first.click()
    assert page.url == site_url + "exhibits/achievements/assistance/"


def test_without_javascript_the_list_of_numbers_is_the_way_in(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "en/visit/number/")
    assert not page.locator("form.hall-keypad").is_visible()  # a pad that cannot work is not shown
    link = page.locator(".hall-keypad-list__items a", has_text="201")
    assert link.count() == 1
    link.click()
    page.wait_for_url(site_url + "en/" + MOSQUE)
    context.close()


def test_the_visit_page_resumes_where_the_visitor_left_off(page, errors, site_url):
    page.goto(site_url + "visit/")
    resume = page.locator("[data-hall-route-resume]")
    assert not resume.is_visible()  # nothing saved yet: only "start the visit"
    start = page.locator(".hall-route-start__start")
    assert start.get_attribute("href") == "../exhibits/prologue/exhibition-hall/"
    page.goto(site_url + MOSQUE)
    assert "第 3 站，共 11 站" in page.locator(".hall-route__progress").inner_text()
    page.goto(site_url + "visit/")
    assert resume.is_visible()
    assert resume.inner_text() == "继续参观：第 3 站，古建筑清真寺"
    assert page.locator("[data-hall-route-note]").is_visible()  # kept on this device only
    with page.expect_navigation():
        resume.click()
    assert page.url == site_url + MOSQUE
    # the English visit page offers the same place, in English, naming the title in its language
    page.goto(site_url + "en/visit/")
    assert resume.inner_text() == "Resume: stop 3, 古建筑清真寺"
    assert resume.locator("span span").get_attribute("lang") == "zh-CN"
    with page.expect_navigation():
        resume.click()
    assert page.url == site_url + "en/" + MOSQUE
    page.goto(site_url + "en/visit/")
    assert resume.inner_text() == "Resume: stop 3, The Historic Mosque"  # saved again, in English


def test_next_and_previous_cross_zone_boundaries_to_the_end(page, errors, site_url):
    page.goto(site_url + "exhibits/prologue/one-family/")
    nxt = page.locator("a.hall-route__next")
    assert "下一展区：历史印记" in nxt.inner_text()
    with page.expect_navigation():
        nxt.click()
    assert page.url == site_url + MOSQUE
    with page.expect_navigation():
        page.click("a.hall-route__prev")
    assert page.url == site_url + "exhibits/prologue/one-family/"
    page.goto(site_url + "en/exhibits/achievements/assistance/")
    assert page.locator(".hall-route__progress").inner_text().strip() == "Stop 11 of 11"
    end = page.locator("a.hall-route__end")
    assert "End of the visit" in end.inner_text()
    with page.expect_navigation():
        end.click()
    assert page.url == site_url + "en/visit/"


def test_the_kiosk_bar_opens_the_keypad(touch_page, kiosk_url):  # noqa: F811
    touch_page.goto(kiosk_url + "en/" + MOSQUE)
    button = touch_page.locator('.hall-kiosk-bar [data-hall-kiosk="keypad"]')
    box = button.bounding_box()
    assert box["width"] >= 48 and box["height"] >= 48
    with touch_page.expect_navigation():
        _tap(touch_page, '.hall-kiosk-bar [data-hall-kiosk="keypad"]')
    assert touch_page.url == kiosk_url + "en/visit/number/"
    for key in ("4", "0", "2"):
        _tap(touch_page, f'[data-hall-key="{key}"]')
    with touch_page.expect_navigation():
        _tap(touch_page, ".hall-keypad__key--go")
    assert re.search(r"en/exhibits/achievements/activity-room/$", touch_page.url)


def _show_unknown(page) -> None:
    page.fill("#hall-keypad-input", "999")
    page.click(".hall-keypad__key--go")


def _show_resume(page) -> None:
    page.evaluate("localStorage.setItem('hall-route', JSON.stringify({id: 'history/ming-mosque', stop: 3,"
                  " title: '古建筑清真寺', lang: 'zh-CN'}))")
    page.reload()
    page.locator("[data-hall-route-resume]").wait_for(state="visible")


@pytest.mark.parametrize("contrast", ["normal", "high"])
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("path, action", [("visit/number/", _show_unknown), ("visit/", _show_resume),
                                          ("en/" + MOSQUE, None), ("en/exhibits/achievements/assistance/", None)],
                         ids=["keypad-unknown", "visit-resume", "exhibit", "last-stop"])
def test_axe_finds_no_violations_on_the_keypad_and_the_route(browser, site_url, path, action, viewport, contrast):
    from tests.conftest import PHONE
    from tests.test_a11y_browser import _axe, _contrast, _report

    context = browser.new_context(**(PHONE if viewport == "phone" else {"viewport": {"width": 1280, "height": 900}}),
                                  reduced_motion="reduce", bypass_csp=True)
    _contrast(context, contrast == "high")
    page = context.new_page()
    page.goto(site_url + path)
    if action:
        action(page)
    violations = _axe(page)
    context.close()
    assert violations == [], _report(violations)


def test_planted_titles_stay_text_on_the_keypad_and_the_route_under_the_policy(watched, hostile_url):  # noqa: F811
    """Every exhibit title of the hostile hall holds a script: the keypad's JSON table, its
    list, its "opening …" message, the route's saved place and the resume button show it
    as typed, and no script runs or is refused by the Content-Security-Policy."""
    from tests.support.hostile import HOSTILE

    watched.goto(hostile_url + "visit/number/")
    assert HOSTILE in watched.locator(".hall-keypad-list__items a").first.inner_text()
    table = watched.evaluate("JSON.parse(document.querySelector('[data-hall-keypad-table]').textContent).table['201']")
    assert table[0] == "history/ming-mosque" and table[1].startswith(HOSTILE)  # the title as typed
    watched.fill("#hall-keypad-input", "201")
    with watched.expect_navigation():
        watched.press("#hall-keypad-input", "Enter")
    assert watched.url == hostile_url + MOSQUE
    assert _violations(watched) == [] and watched.evaluate("typeof window.__pwned") == "undefined"
    watched.goto(hostile_url + "visit/")
    resume = watched.locator("[data-hall-route-resume]")
    assert resume.is_visible() and HOSTILE in resume.inner_text()
    assert _violations(watched) == [] and watched.evaluate("typeof window.__pwned") == "undefined"
