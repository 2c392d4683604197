"""The floor plan in headless Chromium: the keyboard walks the stations in route order with a
visible focus ring and Enter opens the exhibit; it works with JavaScript off; high contrast,
200 % text and axe; phone and desktop screenshots; and a kiosk build's "you are here"."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from hall.content import load_hall
from hall.content.guide import visiting_route

from .conftest import REPO, copy_sample_hall, kiosk_server
from .test_a11y_browser import _axe, _contrast, _report

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
FOCUS_RING = "rgb(0, 0, 143)"  # #00008f, the site's focus colour


def _route() -> list:
    hall, _ = load_hall(REPO)
    return list(visiting_route(hall.for_audience(False)))


def _focused_station(page) -> dict:
    return page.evaluate("""() => { const a = document.activeElement;
      const circle = a && a.querySelector('circle');
      const style = circle ? getComputedStyle(circle) : null;
      return {name: a.getAttribute('aria-label'), station: a.classList.contains('hall-plan__station'),
              stroke: style && style.stroke, width: style && parseFloat(style.strokeWidth)}; }""")


def _before_plan(page) -> None:
    """Focus the paragraph just before the plan, as a visitor tabbing down the page reaches it."""
    page.evaluate("() => { const p = document.querySelector('.hall-lead'); p.tabIndex = -1; p.focus(); }")


@pytest.mark.parametrize("prefix, language", [("", "zh"), ("en/", "en")])
def test_tab_walks_the_stations_in_route_order_with_a_visible_ring_and_enter_opens_one(browser, site_url, prefix, language,
                                                                                        tmp_path):
    route = _route()
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    try:
        page.goto(site_url + prefix + "visit/")
        _before_plan(page)
        seen = []
        for _ in route:
            page.keyboard.press("Tab")
            state = _focused_station(page)
            assert state["station"], f"Tab left the plan after {seen}"
            assert state["stroke"] == FOCUS_RING and state["width"] >= 0.4, state  # the ring shows
            seen.append(state["name"])
        assert seen == [f"{e.guide} {e.title.get(language)}" for e in route]
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Shift+Tab")
        page.locator(".hall-plan").screenshot(path=str(tmp_path / f"focus-{language}.png"))
        assert _focused_station(page)["name"] == seen[-3]
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/{prefix}exhibits/{route[-3].id}/")
    finally:
        context.close()


def test_without_javascript_the_plan_is_drawn_and_its_links_work(browser, site_url):
    context = browser.new_context(**DESKTOP, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + "visit/")
        svg = page.locator(".hall-plan__svg")
        box = svg.bounding_box()
        assert box and box["width"] > 600 and abs(box["height"] / box["width"] - 24 / 40) < 0.02
        assert page.locator(".hall-plan__station").count() == len(_route())
        page.locator('.hall-plan__station[aria-label^="201 "]').click()
        page.wait_for_url("**/exhibits/history/ming-mosque/")
    finally:
        context.close()


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_screenshots_on_a_phone_and_a_desktop_with_markers_big_enough_to_touch(browser, site_url, width, tmp_path):
    context = browser.new_context(**(PHONE if width == "phone" else DESKTOP))
    page = context.new_page()
    try:
        for path in ("visit/", "exhibits/history/", "en/visit/"):
            page.goto(site_url + path)
            plan = page.locator(".hall-plan")
            plan.scroll_into_view_if_needed()
            plan.screenshot(path=str(tmp_path / f"{width}-{path.strip('/').replace('/', '-')}.png"))
            marker = page.locator(".hall-plan__station circle").first.bounding_box()
            assert marker["width"] >= 43.5, (path, marker)  # a 44 px touch target (rounding)
            # the page never scrolls sideways; the plan scrolls inside its own box on a phone
            assert page.evaluate("document.documentElement.scrollWidth") <= context.pages[0].viewport_size["width"] + 1
    finally:
        context.close()


def test_high_contrast_turns_the_plan_black_on_white(browser, site_url):
    context = browser.new_context(**DESKTOP)
    _contrast(context, high=True)
    page = context.new_page()
    try:
        page.goto(site_url + "visit/")
        colours = page.evaluate("""() => ({
          room: getComputedStyle(document.querySelector('.hall-plan__room')).fill,
          label: getComputedStyle(document.querySelector('.hall-plan__label')).fill,
          marker: getComputedStyle(document.querySelector('.hall-plan__station circle')).fill,
          number: getComputedStyle(document.querySelector('.hall-plan__station text')).fill})""")
        assert colours == {"room": "rgb(255, 255, 255)", "label": "rgb(0, 0, 0)",
                           "marker": "rgb(0, 0, 0)", "number": "rgb(255, 255, 255)"}
    finally:
        context.close()


def test_the_plans_text_and_markers_grow_with_the_visitors_text_size(browser, site_url):
    sizes = {}
    for scale in ("100", "200"):
        context = browser.new_context(**DESKTOP)
        context.add_init_script(f"try {{ localStorage.setItem('hall.textSize', '{scale}') }} catch (e) {{}}")
        page = context.new_page()
        page.goto(site_url + "visit/")
        sizes[scale] = (page.locator(".hall-plan__label").first.bounding_box()["height"],
                        page.locator(".hall-plan__station circle").first.bounding_box()["width"])
        context.close()
    assert sizes["200"][0] > 1.4 * sizes["100"][0] and sizes["200"][1] > 1.4 * sizes["100"][1], sizes  # 1.5×


@pytest.mark.parametrize("contrast", ["normal", "high"])
@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_axe_finds_no_violations_on_the_plans_pages(browser, site_url, width, contrast):
    context = browser.new_context(**(PHONE if width == "phone" else DESKTOP), reduced_motion="reduce", bypass_csp=True)
    _contrast(context, high=contrast == "high")
    page = context.new_page()
    failures = []
    try:
        for path in ("visit/", "en/visit/", "exhibits/history/", "en/exhibits/achievements/"):
            page.goto(site_url + path)
            violations = _axe(page)
            if violations:
                failures.append(f"/{path}:\n" + _report(violations))
    finally:
        context.close()
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize("path", ["visit/", "en/visit/", "exhibits/history/"])
def test_the_plans_pages_run_under_the_content_security_policy_without_a_violation(browser, site_url, path):
    from .test_csp_browser import LISTEN

    context = browser.new_context(**DESKTOP)
    context.add_init_script(LISTEN)
    page = context.new_page()
    try:
        page.goto(site_url + path, wait_until="networkidle")
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
        page.locator(".hall-plan__station").first.focus()
        assert page.evaluate("window.__violations") == []
    finally:
        context.close()


# ------------------------------------------------------------------ the kiosk's "you are here"


@pytest.fixture(scope="module")
def kiosk_here_url(tmp_path_factory):
    """The sample hall's kiosk build for the kiosk standing at `lobby` (HALL_KIOSK_POSITION)."""
    project = copy_sample_hall(tmp_path_factory.mktemp("kiosk-here"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HALL_KIOSK_POSITION": "lobby"}
    result = subprocess.run([sys.executable, "-m", "hall.cli", "build", "--kiosk"], cwd=project, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    with kiosk_server(project / "site-kiosk") as url:
        yield url


@pytest.mark.parametrize("prefix, words", [("", ("您在这里", "您在这里：序厅")), ("en/", ("You are here", "You are here: Prologue"))])
def test_the_kiosk_shows_you_are_here_at_its_position_and_links_its_plan(browser, kiosk_here_url, prefix, words, tmp_path):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, has_touch=True)
    page = context.new_page()
    try:
        page.goto(kiosk_here_url + prefix)
        page.locator('.hall-kiosk-bar a[data-hall-kiosk="visit"]').click()
        page.wait_for_url(f"**/{prefix}visit/")
        here = page.locator(".hall-plan__here")
        assert here.is_visible() and here.get_attribute("transform") == "translate(11 21)"
        assert page.locator(".hall-plan__here-label").text_content() == words[0]
        assert words[1] in page.locator(".hall-plan__here-text").text_content()
        # the marker stands inside the prologue hall's room on screen
        room = page.locator(".hall-plan__room").first.bounding_box()
        dot = page.locator(".hall-plan__here .hall-plan__here-dot").bounding_box()
        centre = (dot["x"] + dot["width"] / 2, dot["y"] + dot["height"] / 2)
        assert room["x"] < centre[0] < room["x"] + room["width"] and room["y"] < centre[1] < room["y"] + room["height"]
        page.locator(".hall-plan").screenshot(path=str(tmp_path / "kiosk-here.png"))
        page.goto(kiosk_here_url + prefix + "exhibits/prologue/")
        assert page.locator(".hall-plan__here").is_visible()
    finally:
        context.close()
