"""The Content-Security-Policy and escaped staff text in Chromium.

A hall whose every short text field holds a planted script (tests/support/hostile.py) runs
none of it and shows it as typed; a script injected into a page at run time is blocked and
reported; and the sample hall's own features (search, language switch, lightbox, timeline
filter, text size and contrast, kiosk) work under the policy without a single violation.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from hall.cli.kiosk import make_server
from tests.support.hostile import HOSTILE, hostile_hall
from tests.support.sites import copy_sample_hall, run_hall, run_mkdocs
from tests.support.static_server import serve

pytestmark = pytest.mark.browser

EXHIBIT = "exhibits/history/ming-mosque/"

#: Collects every CSP violation the page reports (listening before any of its scripts run).
LISTEN = """window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(
  e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sample || "")));"""


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    project = hostile_hall(tmp_path_factory.mktemp("hostile-browser"))
    run_mkdocs(project, "build")
    server, url = serve(project / "site")
    yield url
    server.shutdown()


@pytest.fixture
def watched(browser):
    """A page that records CSP violations and console complaints about the policy."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.console_messages_seen = []
    page.on("console", lambda message: page.console_messages_seen.append(message.text))
    yield page
    context.close()


def _violations(page) -> list[str]:
    reported = page.evaluate("window.__violations || []")
    console = [m for m in page.console_messages_seen if "Content Security Policy" in m]
    return reported + console


@pytest.mark.parametrize("path", ["", EXHIBIT, "exhibits/history/", "news/", "timeline/", "achievements/",
                                  "en/", "en/" + EXHIBIT, "news/2021-long-march-visits/"])
def test_planted_scripts_do_not_run_and_show_as_typed(watched, hostile_url, path):
    watched.goto(hostile_url + path, wait_until="networkidle")
    watched.mouse.wheel(0, 6000)  # lazy photos
    watched.wait_for_timeout(200)
    assert watched.evaluate("typeof window.__pwned") == "undefined"
    assert watched.locator("h1").first.inner_text().startswith(HOSTILE) or path in ("news/", "timeline/", "achievements/")
    assert _violations(watched) == []  # nothing planted even tried: it is all text


def test_an_exhibits_title_alt_caption_and_summary_read_as_typed_in_the_browser(watched, hostile_url):
    watched.goto(hostile_url + EXHIBIT)
    assert watched.locator("h1").first.inner_text() == f"{HOSTILE} 古建筑清真寺"
    assert watched.title().startswith(f"{HOSTILE} 古建筑清真寺 - ")
    alt = watched.locator(".hall-gallery img").first.get_attribute("alt")
    assert alt.startswith(HOSTILE) and '"Old Mosque"' in alt
    assert watched.locator(".hall-figure__caption").first.inner_text().startswith(HOSTILE)
    assert watched.locator(".hall-lead").first.inner_text().startswith(HOSTILE)
    assert watched.locator("ming, .hall-lead b, h1 img").count() == 0


def test_search_results_show_planted_titles_as_typed_and_run_nothing(watched, hostile_url):
    watched.goto(hostile_url + "en/")
    watched.locator("label.md-search__icon, .md-search__input").first.click()
    watched.locator(".md-search__input").fill("Historic Mosque")
    result = watched.locator(".md-search-result__item a[href*='exhibits/history/ming-mosque']").first
    result.wait_for(timeout=15000)
    titles = watched.locator(".md-search-result__item h1").all_inner_texts()
    assert f"{HOSTILE} The Historic Mosque" in titles
    assert watched.evaluate("typeof window.__pwned") == "undefined"
    assert _violations(watched) == []


def test_a_script_injected_at_run_time_is_blocked_and_reported(watched, hostile_url):
    watched.goto(hostile_url + EXHIBIT)
    watched.evaluate("""() => {
      const s = document.createElement("script");
      s.textContent = "window.__injected = 1";
      document.body.append(s);
      const d = document.createElement("div");
      d.innerHTML = '<img src="data:," onerror="window.__injected = 2">';
      document.body.append(d);
    }""")
    watched.wait_for_function("() => window.__violations.length >= 2")
    assert watched.evaluate("typeof window.__injected") == "undefined"
    assert all(v.startswith("script-src") for v in watched.evaluate("window.__violations"))


def test_search_language_switch_lightbox_timeline_and_text_size_work_without_violations(watched, site_url):
    page = watched
    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").fill("清真寺")
    page.locator(".md-search-result__item a[href*='exhibits/history/ming-mosque']").first.wait_for(timeout=15000)
    assert _violations(page) == []

    page.goto(site_url + EXHIBIT)
    page.locator(".hall-a11y__toggle").click()
    page.locator("[data-hall-text-size='150']").click()
    assert page.evaluate("document.documentElement.getAttribute('data-hall-text')") == "150"
    page.locator("[data-hall-contrast-toggle]").click()
    assert page.evaluate("document.documentElement.getAttribute('data-hall-contrast')") == "high"
    page.keyboard.press("Escape")
    page.locator(".hall-gallery a.hall-figure__zoom").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-hall-lightbox-state=open]", timeout=5000)
    page.keyboard.press("Escape")
    page.wait_for_selector(".pswp", state="detached", timeout=5000)
    assert _violations(page) == []

    page.locator(".md-header .md-select button").hover()
    page.locator("a.hall-language-link[hreflang='en']").click()
    page.wait_for_url("**/en/exhibits/history/ming-mosque/")
    assert page.evaluate("document.documentElement.getAttribute('data-hall-text')") == "150"  # the head script ran

    page.goto(site_url + "timeline/")
    page.locator("[data-hall-timeline-filter]").wait_for(state="visible")
    page.locator('input[name="group"][value="community"]').uncheck()
    assert _violations(page) == []


@pytest.fixture(scope="module")
def kiosk_url(tmp_path_factory):
    project = copy_sample_hall(tmp_path_factory.mktemp("kiosk-csp"))
    result = run_hall(project, "build", "--kiosk")
    assert result.returncode == 0, result.stdout + result.stderr
    server = make_server(Path(project) / "site-kiosk", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_kiosk_pages_carry_the_policy_and_run_without_violations(watched, kiosk_url):
    for path in ("", "browse/", EXHIBIT, "en/" + EXHIBIT):
        watched.goto(kiosk_url + path, wait_until="networkidle")
        csp = watched.locator('meta[http-equiv="Content-Security-Policy"]')
        assert csp.count() == 1 and csp.get_attribute("content").startswith("default-src 'self'; script-src 'self'")
        assert watched.locator(".hall-kiosk-bar").count() == 1
    watched.goto(kiosk_url + "browse/")
    watched.locator(".hall-browse__chip[data-facet]:not([data-facet=''])").first.click()
    assert watched.evaluate("typeof window.__pwned") == "undefined"
    assert _violations(watched) == []
