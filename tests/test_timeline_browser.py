"""The timeline filter in a real browser: a progressive enhancement over a plain list."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _visible_events(page) -> list[str]:
    return page.eval_on_selector_all(
        ".hall-event", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)")


def test_filter_hides_and_shows_groups(page, site_url):
    page.goto(site_url + "timeline/")
    form = page.locator("[data-hall-timeline-filter]")
    form.wait_for(state="visible")
    everything = _visible_events(page)
    assert len(everything) == page.locator(".hall-event").count() >= 3
    box = lambda group: form.locator(f'input[name="group"][value="{group}"]')
    assert form.get_by_role("checkbox", name="社区工作").count() == 1  # labelled for screen readers
    box("community").uncheck()
    shown = _visible_events(page)
    assert "2021-work-report" not in shown and "1373-mosque" in shown
    assert page.locator(".hall-timeline-filter__status").inner_text().startswith(f"显示 {len(shown)} /")
    box("hall").uncheck()
    assert _visible_events(page) == ["1373-mosque"]
    assert not page.locator("#era-recent").is_visible()  # an empty era band is hidden too
    box("community").check()
    box("hall").check()
    assert _visible_events(page) == everything


def test_every_event_is_visible_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(site_url + "en/timeline/")
        events = page.locator(".hall-event")
        assert events.count() >= 3
        for index in range(events.count()):
            assert events.nth(index).is_visible()
        assert not page.locator("[data-hall-timeline-filter]").is_visible()  # no dead controls
        page.goto(site_url + "en/timeline/#2021-work-report")
        assert page.locator("[id=\"2021-work-report\"]").is_visible()
    finally:
        context.close()
