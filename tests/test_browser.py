"""Browser tests in headless Chromium: what a visitor does on the public site."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


def test_language_switch_keeps_the_visitor_on_the_same_exhibit(page, site_url):
    page.goto(site_url + "exhibits/history/ming-mosque/")
    assert page.locator("h1").first.inner_text() == "古建筑清真寺"
    page.locator(".md-header .md-select button").hover()
    page.locator("a.hall-language-link[hreflang='en']").click()
    page.wait_for_url("**/en/exhibits/history/ming-mosque/")
    assert page.locator("h1").first.inner_text() == "The Historic Mosque"
    assert page.evaluate("document.documentElement.lang") == "en"
    page.locator(".md-header .md-select button").hover()
    page.locator("a.hall-language-link[hreflang='zh-CN']").click()
    page.wait_for_url(site_url + "exhibits/history/ming-mosque/")
    assert page.locator("h1").first.inner_text() == "古建筑清真寺"


def test_chinese_search_finds_the_mosque(page, site_url):
    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").fill("清真寺")
    result = page.locator(".md-search-result__item a[href*='exhibits/history/ming-mosque']").first
    result.wait_for(timeout=15000)
    assert "清真寺" in result.inner_text()


@pytest.mark.parametrize("path", ["", "exhibits/history/", "exhibits/history/ming-mosque/", "en/", "en/exhibits/history/ming-mosque/"])
def test_pages_make_no_request_outside_the_site(page, site_url, path):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + path, wait_until="networkidle")
    page.mouse.wheel(0, 4000)  # bring lazy images in
    page.wait_for_timeout(300)
    hosts = {urlsplit(url).hostname for url in requests if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}, requests


def test_page_load_fetches_no_sitemap(page, site_url):
    """Material would fetch sitemap.xml beside every <link rel="alternate"> (the news feeds)
    on each page load; theme/main.html hides those links from it while it starts."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{site_url}exhibits/history/ming-mosque/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if "sitemap" in url], requests
    rels = page.eval_on_selector_all("link[type$='+xml']", "links => links.map(l => l.rel)")
    assert rels == ["alternate", "alternate"]  # RSS and Atom, for feed readers, as written


_HEADER_TARGETS = """() => [...document.querySelectorAll(
    '.md-header__button, .md-select__link, label.md-search__icon')].map(el => {
  const r = el.getBoundingClientRect();
  return {what: el.className, text: (el.innerText || el.getAttribute('aria-label') || '').trim(),
          width: r.width, height: r.height};
}).filter(t => t.width > 0)"""


@pytest.mark.parametrize("path", ["", "en/exhibits/history/ming-mosque/"])
def test_header_controls_are_finger_sized_on_phones(phone, site_url, path):
    """Header buttons, the language menu and the search field's icon are at least 44 px on a
    touch screen (Material's are 40, 36 and 24 px); theme/assets/hall.css, pointer: coarse."""
    phone.goto(site_url + path, wait_until="networkidle")
    targets = phone.evaluate(_HEADER_TARGETS)
    assert len(targets) >= 6, targets
    small = [t for t in targets if t["width"] < 44 or t["height"] < 44]
    assert not small, small


@pytest.mark.parametrize("path", ["exhibits/history/ming-mosque/", "news/", "news/2021-long-march-visits/"])
def test_links_in_small_text_are_finger_sized_on_phones(phone, site_url, path):
    """The breadcrumb and a news item's category were 17 px tall on a phone (theme/assets/hall.css)."""
    phone.goto(site_url + path, wait_until="networkidle")
    sizes = phone.eval_on_selector_all(
        ".hall-breadcrumb a, .hall-exhibit__meta a, .hall-news-card__meta a",
        "links => links.map(a => { const r = a.getBoundingClientRect(); return [a.innerText, r.width, r.height]; })")
    assert sizes and all(w >= 44 and h >= 44 for _, w, h in sizes), sizes
