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


@pytest.mark.parametrize("root", ["", "en/"])
def test_the_timeline_does_not_jump_down_when_its_filter_appears(phone, site_url, root):
    """The filter is drawn from the first paint (data-hall-js, set before it): revealed later by
    hall-timeline.js, it pushed the events down by its own height (layout shift 0.11, Lighthouse
    performance 93 on the Chinese timeline)."""
    phone.add_init_script("""window.__shift = 0; new PerformanceObserver(list => { for (const entry of list.getEntries())
        if ([...entry.sources].some(s => s.node && s.node.closest && s.node.closest('.hall-timeline')))
          window.__shift += entry.value; }).observe({type: 'layout-shift', buffered: true});""")
    phone.goto(site_url + root + "timeline/", wait_until="networkidle")
    phone.wait_for_timeout(300)
    assert phone.locator("[data-hall-timeline-filter]").is_visible()
    assert phone.evaluate("window.__shift") < 0.05  # 0.10–0.11 before
