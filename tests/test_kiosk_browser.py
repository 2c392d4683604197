"""The kiosk build in headless Chromium: idle reset, locked-down links, offline, touch sizes.

The kiosk variant of the sample hall is built once per session (``hall build --kiosk``)
into a temporary copy, with one external link added to the about page, and served by the
kiosk's own server (hall.cli.kiosk.make_server) on 127.0.0.1.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import EXTERNAL, LANDSCAPE

PORTRAIT = {"width": 1080, "height": 1920}
EXHIBIT = "exhibits/history/ming-mosque/"
ZONE = "exhibits/history/"


def _tap(page, selector: str) -> None:
    target = page.locator(selector).first
    target.evaluate("element => element.scrollIntoView({block: 'center'})")  # not under the fixed bar
    box = None
    for _ in range(20):  # until the layout holds still: a chip pressed just before reflows the row
        target.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        box, previous = target.bounding_box(), box
        if box == previous:
            break
    assert box, f"{selector} is not visible"
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


# ---------- the build ----------

def test_kiosk_build_has_its_own_folder_and_every_language(kiosk_project: Path) -> None:
    kiosk = kiosk_project / "site-kiosk"
    assert not (kiosk_project / "site").exists(), "the kiosk build must not write the public site"
    for root in (kiosk, kiosk / "en"):
        home = (root / "index.html").read_text(encoding="utf-8")
        assert 'id="hall-kiosk-config"' in home and 'id="hall-attract"' in home
        assert (root / "browse" / "index.html").is_file()
    exhibit = (kiosk / EXHIBIT / "index.html").read_text(encoding="utf-8")
    assert "https://hall.example.cn/exhibits/history/ming-mosque/" in exhibit
    assert re.search(r'<aside class="hall-qr".*?<svg viewBox="0 0 \d+ \d+"', exhibit, re.S)
    assert "hall-figure__download" not in exhibit and not list(kiosk.rglob("*-original.*"))  # no downloads
    english = (kiosk / "en" / EXHIBIT / "index.html").read_text(encoding="utf-8")
    assert "https://hall.example.cn/en/exhibits/history/ming-mosque/" in english
    about = (kiosk / "about" / "index.html").read_text(encoding="utf-8")
    assert f'<template data-hall-qr-for="{EXTERNAL}"><svg' in about


def test_browse_tag_chips_show_labels_in_the_page_language(kiosk_project: Path) -> None:
    kiosk = kiosk_project / "site-kiosk"
    zh = (kiosk / "browse" / "index.html").read_text(encoding="utf-8")
    en = (kiosk / "en" / "browse" / "index.html").read_text(encoding="utf-8")
    assert 'data-facet="tag" data-key="miaochuan" aria-pressed="false">庙川 <span>' in zh
    assert 'data-facet="tag" data-key="miaochuan" aria-pressed="false">Miaochuan <span>' in en


def test_public_build_has_no_kiosk_parts(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "hall-kiosk" not in home and "hall-attract" not in home
    assert not (site / "browse").exists()
    assert 'class="hall-qr"' not in (site / EXHIBIT / "index.html").read_text(encoding="utf-8")


# ---------- idle reset ----------

@pytest.mark.browser
def test_idle_countdown_returns_to_attract_screen_and_a_touch_restarts_the_timer(touch_page, kiosk_url) -> None:
    page = touch_page
    page.clock.install()
    page.goto(kiosk_url + "en/" + EXHIBIT)
    page.evaluate("window.scrollTo(0, 600)")
    countdown = page.locator("#hall-kiosk-countdown")
    assert countdown.is_hidden()

    page.clock.run_for(89_000)
    assert countdown.is_hidden()
    page.clock.run_for(1_500)  # 90.5 s: the countdown starts at 10
    assert countdown.is_visible()
    assert page.locator(".hall-kiosk-countdown__number").inner_text() == "10"
    page.clock.run_for(3_000)
    assert page.locator(".hall-kiosk-countdown__number").inner_text() == "7"

    _tap(page, ".hall-kiosk-countdown__continue")  # a touch: countdown gone, timer restarted
    assert countdown.is_hidden()
    assert page.url == kiosk_url + "en/" + EXHIBIT
    page.clock.run_for(85_000)
    assert countdown.is_hidden(), "the touch must restart the 90 s idle timer"
    page.clock.run_for(10_000)
    assert countdown.is_visible()

    page.clock.run_for(11_000)
    page.wait_for_url(kiosk_url + "?attract")
    assert page.locator("html").get_attribute("lang").startswith("zh"), "reset goes to the default language"
    attract = page.locator("#hall-attract")
    assert attract.is_visible()
    assert "触摸屏幕开始参观" in attract.inner_text() and "Touch to begin" in attract.inner_text()
    assert page.evaluate("window.scrollY") == 0
    assert page.evaluate("sessionStorage.getItem('hall-kiosk-trail')") == '["/"]'

    page.clock.run_for(200_000)  # the attract screen stays; slides change
    assert attract.is_visible()
    assert page.locator(".hall-attract__slide.is-active").count() == 1
    _tap(page, "#hall-attract")
    assert attract.is_hidden()
    assert page.url == kiosk_url  # ?attract dropped, so a reload does not bring it back
    page.clock.run_for(91_000)
    assert countdown.is_visible()


@pytest.mark.browser
def test_back_button_follows_this_visitors_trail(touch_page, kiosk_url) -> None:
    page = touch_page
    page.goto(kiosk_url)
    page.locator(".hall-zone-card a").nth(1).click()
    page.wait_for_url(kiosk_url + ZONE)
    page.goto(kiosk_url + EXHIBIT)
    _tap(page, "[data-hall-kiosk=back]")
    page.wait_for_url(kiosk_url + ZONE)
    _tap(page, "[data-hall-kiosk=back]")
    page.wait_for_url(kiosk_url)


# ---------- locked down ----------

@pytest.mark.browser
@pytest.mark.parametrize("selector", [f'.hall-body a[href="{EXTERNAL}"]', ".hall-filing__icp"])
def test_external_link_shows_its_qr_code_and_does_not_navigate(touch_page, kiosk_url, selector) -> None:
    page = touch_page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(kiosk_url + "about/")
    link = page.locator(selector).first
    href = link.get_attribute("href")
    link.scroll_into_view_if_needed()
    _tap(page, selector)
    overlay = page.locator("#hall-kiosk-link")
    assert overlay.is_visible()
    assert page.url == kiosk_url + "about/"
    assert overlay.locator("[data-hall-kiosk-url]").inner_text() == href
    svg = overlay.locator("[data-hall-kiosk-qr] svg")
    assert svg.count() == 1 and svg.bounding_box()["width"] >= 300
    assert all(url.startswith(kiosk_url) for url in requests), requests
    _tap(page, "[data-hall-kiosk=close]")
    assert overlay.is_hidden()
    page.evaluate("window.open('https://example.com/')")
    assert len(page.context.pages) == 1


@pytest.mark.browser
def test_no_selection_no_context_menu_no_zoom(touch_page, kiosk_url) -> None:
    page = touch_page
    page.goto(kiosk_url + EXHIBIT)
    assert page.evaluate("getComputedStyle(document.body).userSelect") == "none"
    assert page.evaluate("getComputedStyle(document.documentElement).touchAction") == "pan-x pan-y"
    prevented = page.evaluate(
        "() => !document.querySelector('h1').dispatchEvent(new MouseEvent('contextmenu', {bubbles: true, cancelable: true}))"
    )
    assert prevented
    assert "user-scalable=no" in page.locator('meta[name="viewport"]').get_attribute("content")
    assert page.locator(".md-search").is_hidden() and page.locator('label[for="__search"]').first.is_hidden()


def _kiosk_pages(kiosk_project: Path) -> list[str]:
    root = kiosk_project / "site-kiosk"
    pages = sorted(str(p.parent.relative_to(root)) for p in root.rglob("index.html") if "assets" not in p.parts)
    return [("" if p == "." else p + "/") for p in pages]


def one_page_per_kind(paths: list[str]) -> list[str]:
    """One page of each kind (language, section, depth): pages of one kind share their template
    and scripts, so what one of them loads at run time, they all load."""
    kinds: dict[tuple, str] = {}
    for path in paths:
        parts = [part for part in path.split("/") if part]
        language = parts.pop(0) if parts and parts[0] == "en" else ""
        kinds.setdefault((language, parts[0] if parts else "", len(parts)), path)
    return list(kinds.values())


#: Tags that load what their address names (links to other sites are only links: QR codes here).
_LOADS = re.compile(r'<(?:script|img|source|iframe|audio|video|embed|object|link\b(?=[^>]*\brel="(?:stylesheet|icon|preload|'
                    r'modulepreload|manifest|apple-touch-icon)"))\b[^>]*?\b(?:src|srcset|href|data|poster)="\s*(?:https?:)?//', re.I)


def test_no_kiosk_page_names_anything_to_load_from_another_host(kiosk_project) -> None:
    root = kiosk_project / "site-kiosk"
    pages = [root / path / "index.html" for path in _kiosk_pages(kiosk_project)]
    assert len(pages) > 20
    loading = [str(page.relative_to(root)) for page in pages if _LOADS.search(page.read_text(encoding="utf-8"))]
    assert not loading, loading


@pytest.mark.browser
def test_no_request_leaves_127_0_0_1_on_any_kind_of_kiosk_page(touch_page, kiosk_url, kiosk_project) -> None:
    """At run time, on one page of each kind (the static test above reads every page)."""
    page = touch_page
    outside: list[str] = []
    seen = 0

    def record(request) -> None:
        nonlocal seen
        seen += 1
        if not request.url.startswith(kiosk_url) and not request.url.startswith("data:"):
            outside.append(request.url)

    page.on("request", record)
    pages = one_page_per_kind(_kiosk_pages(kiosk_project))
    assert len(pages) > 10
    for path in ["?attract", *pages]:
        page.goto(kiosk_url + path, wait_until="networkidle")
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert seen > len(pages)
    assert not outside, outside


# ---------- made for touch ----------

_TARGETS = """() => {
  const out = [];
  for (const el of document.querySelectorAll('a[href], button, [role=button], label[for], input, select, summary')) {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
    if (el.closest('[hidden]')) continue;
    if (r.bottom <= 0 || r.right <= 0) continue;  // parked off-screen (skip links until focused)
    out.push({text: (el.innerText || el.getAttribute('aria-label') || el.className).trim().slice(0, 30),
              width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10});
  }
  return out;
}"""


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
@pytest.mark.parametrize("path", ["", ZONE, EXHIBIT, "en/" + EXHIBIT, "browse/"])
def test_touch_targets_are_at_least_48_px(browser, kiosk_url, path, viewport) -> None:
    context = browser.new_context(viewport=viewport, has_touch=True)
    page = context.new_page()
    page.goto(kiosk_url + path)
    targets = page.evaluate(_TARGETS)
    context.close()
    assert len(targets) >= 8
    small = [t for t in targets if t["width"] < 48 or t["height"] < 48]
    assert not small, small


@pytest.mark.browser
def test_browse_chips_narrow_the_exhibits(touch_page, kiosk_url) -> None:
    page = touch_page
    page.goto(kiosk_url + "browse/")
    cards = page.locator(".hall-browse__results > li")
    total = cards.count()
    assert total >= 10
    _tap(page, '.hall-browse__chip[data-facet="year"][data-key="1373"]')
    visible = [cards.nth(i) for i in range(total) if cards.nth(i).is_visible()]
    assert [c.locator(".hall-card__title").inner_text() for c in visible] == ["古建筑清真寺"]
    _tap(page, '.hall-browse__chip[data-facet="zone"][data-key="achievements"]')
    assert sum(cards.nth(i).is_visible() for i in range(total)) == 5
    _tap(page, '.hall-browse__chip[data-facet="tag"][data-key="miaochuan"]')  # labelled 庙川, keyed by slug
    visible = [cards.nth(i) for i in range(total) if cards.nth(i).is_visible()]
    assert [c.locator(".hall-card__title").inner_text() for c in visible] == ["庙川新时代文明实践广场", "民族团结进步活动室"]
    _tap(page, '.hall-browse__chip[data-facet=""]')
    assert sum(cards.nth(i).is_visible() for i in range(total)) == total


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def test_screenshots_fit_the_screen(browser, kiosk_url, viewport, tmp_path_factory) -> None:
    """Screenshots to look at (path printed); checked here for overflow and the bar in reach."""
    folder = tmp_path_factory.mktemp(f"kiosk-shots-{viewport['width']}x{viewport['height']}")
    context = browser.new_context(viewport=viewport, has_touch=True)
    page = context.new_page()
    for name, path in [("attract", "?attract"), ("home", ""), ("zone", ZONE), ("exhibit", EXHIBIT),
                       ("exhibit-en", "en/" + EXHIBIT), ("browse", "browse/")]:
        page.goto(kiosk_url + path, wait_until="networkidle")
        page.screenshot(path=str(folder / f"{name}.png"))
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], name
        if name == "attract":
            cta = page.locator(".hall-attract__cta").bounding_box()
            assert 0 <= cta["x"] and cta["x"] + cta["width"] <= viewport["width"]
            assert cta["y"] + cta["height"] <= viewport["height"]
            slide = page.locator(".hall-attract__slide.is-active")
            assert slide.locator(".hall-attract__also[lang=en]").is_visible()  # captions in both languages
            photo = slide.locator("img").bounding_box()
            assert photo["y"] >= 0 and photo["y"] + photo["height"] <= viewport["height"]
            if viewport is PORTRAIT:  # the whole photo, not a third of it cropped to the screen's shape
                assert photo["height"] < viewport["height"] / 2 and photo["width"] == viewport["width"]
        else:
            if name.startswith("exhibit"):  # "continue on your phone" is seen without scrolling
                qr = page.locator(".hall-qr").bounding_box()
                assert qr["y"] + qr["height"] <= viewport["height"], name
            bar = page.locator(".hall-kiosk-bar").bounding_box()
            assert bar["y"] + bar["height"] == viewport["height"] and bar["width"] == viewport["width"]
            languages = page.locator(".hall-kiosk-bar__language")
            assert languages.count() == 2 and all(languages.nth(i).is_visible() for i in range(2))
    context.close()
    print(f"kiosk screenshots: {folder}")


# ---------- portrait screens: every section and every control in reach ----------

PORTRAIT_SCREENS = {"1080x1920": PORTRAIT, "768x1366": {"width": 768, "height": 1366}}
TIMELINE = "timeline/"

# Every visible control a finger can hit. a[href] only: an <a> without href is not a control.
# Nothing is exempt, not even links in running text: the kiosk CSS pads those to 48 px.
_CONTROLS = """() => {
  const out = [];
  const selector = 'a[href], button, input, select, summary, [role=button], label[for]';
  for (const el of document.querySelectorAll(selector)) {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || el.closest('[hidden]')) continue;
    out.push({what: el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : ''),
              text: (el.innerText || el.getAttribute('aria-label') || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 30),
              width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10});
  }
  return out;
}"""

_TABS = """() => {
  const list = document.querySelector('.md-tabs__list');
  const links = [...document.querySelectorAll('.md-tabs__link')];
  return {
    shown: !!list && list.getBoundingClientRect().height > 0,
    scrollWidth: list.scrollWidth, clientWidth: list.clientWidth,
    pageWidth: document.documentElement.scrollWidth,
    outside: links.map(a => ({text: a.innerText.trim(), left: a.getBoundingClientRect().left, right: a.getBoundingClientRect().right}))
                  .filter(t => t.left < 0 || t.right > window.innerWidth),
    count: links.length,
  };
}"""


@pytest.mark.browser
@pytest.mark.parametrize("language", ["", "en/"], ids=["zh", "en"])
@pytest.mark.parametrize("screen", PORTRAIT_SCREENS)
def test_portrait_kiosk_shows_every_tab_and_only_large_targets(browser, kiosk_url, screen, language, tmp_path_factory) -> None:
    """Home, timeline and an exhibit on portrait screens: the tabs wrap instead of scrolling
    sideways (the English ones needed 1115 px), and every control is at least 48×48 px."""
    viewport = PORTRAIT_SCREENS[screen]
    folder = tmp_path_factory.mktemp(f"kiosk-portrait-{screen}-{language.strip('/') or 'zh'}")
    context = browser.new_context(viewport=viewport, has_touch=True)
    page = context.new_page()
    problems: list[str] = []
    for name, path in [("home", ""), ("timeline", TIMELINE), ("exhibit", EXHIBIT)]:
        page.goto(kiosk_url + language + path, wait_until="networkidle")
        page.screenshot(path=str(folder / f"{name}.png"))
        tabs = page.evaluate(_TABS)
        assert tabs["shown"] and tabs["count"] >= 7, (name, tabs)  # home, zones, browse, timeline, news, achievements, about
        if tabs["scrollWidth"] > tabs["clientWidth"] or tabs["outside"]:
            problems.append(f"{name}: tabs scroll sideways ({tabs['scrollWidth']} > {tabs['clientWidth']} px), "
                            f"off-screen: {tabs['outside']}")
        if tabs["pageWidth"] > viewport["width"]:
            problems.append(f"{name}: page is {tabs['pageWidth']} px wide on a {viewport['width']} px screen")
        controls = page.evaluate(_CONTROLS)
        assert len(controls) >= 15, (name, controls)
        small = [c for c in controls if c["width"] < 48 or c["height"] < 48]
        problems.extend(f"{name}: {c['what']} {c['text']!r} is {c['width']}×{c['height']} px" for c in small)
    context.close()
    print(f"kiosk portrait screenshots: {folder}")
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_timeline_filter_chips_work_by_touch(kiosk_url, browser) -> None:
    """The group filter's checkboxes are drawn as whole chips on the kiosk: a tap anywhere on
    one toggles its group, and the chip is the 48 px target, not a 26 px box beside a label."""
    context = browser.new_context(viewport=PORTRAIT_SCREENS["768x1366"], has_touch=True)
    page = context.new_page()
    page.goto(kiosk_url + "en/" + TIMELINE)
    events = page.locator(".hall-timeline .hall-event")
    total = events.count()
    history = page.locator('.hall-timeline-filter input[value="history"]')
    box = history.bounding_box()
    assert box["width"] >= 96 and box["height"] >= 48, box  # the chip, not the browser's box
    chip = page.locator('.hall-timeline-filter__option:has(input[value="history"])').bounding_box()
    assert abs(chip["width"] - box["width"]) < 1 and abs(chip["height"] - box["height"]) < 1
    assert page.locator(".hall-event__anchor").first.is_hidden()  # no permalinks: no address bar
    _tap(page, '.hall-timeline-filter input[value="history"]')
    assert not history.is_checked()
    hidden = sum(events.nth(i).is_hidden() for i in range(total))
    assert 0 < hidden < total
    assert page.locator(".hall-event--history").first.is_hidden()
    _tap(page, '.hall-timeline-filter input[value="history"]')
    assert history.is_checked() and all(events.nth(i).is_visible() for i in range(total))
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("screen", PORTRAIT_SCREENS)
def test_kiosk_lightbox_controls_are_large_and_arrows_show_on_touch(browser, kiosk_url, screen) -> None:
    """PhotoSwipe's 50×60 px close button and its arrows (hidden on touch screens) are made
    for a mouse; on the kiosk the close button is ≥ 72 px and the next arrow is shown."""
    context = browser.new_context(viewport=PORTRAIT_SCREENS[screen], has_touch=True)
    page = context.new_page()
    page.goto(kiosk_url + "en/" + EXHIBIT, wait_until="networkidle")
    _tap(page, "a.hall-figure__zoom")
    page.wait_for_selector("[data-hall-lightbox-state=open]", timeout=5000)
    close = page.locator(".pswp__button--close").bounding_box()
    assert close["width"] >= 72 and close["height"] >= 72, close
    following = page.locator(".pswp__button--arrow--next")
    assert following.is_visible()
    arrow = following.bounding_box()
    assert arrow["width"] >= 72 and arrow["height"] >= 72, arrow
    assert page.locator(".pswp__counter").evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 24
    counter = page.locator(".pswp__counter").inner_text().replace(" ", "")
    following.tap()
    page.wait_for_function("c => document.querySelector('.pswp__counter').textContent.replace(/\\s/g, '') !== c", arg=counter)
    context.close()
