"""Accessibility in Chromium: axe-core on every page type, and the visitor features
(text size, high contrast, read aloud, skip link, focus, CJK reading comfort).

axe-core is vendored under tests/vendor/axe-core/ (development only, never in site/) and
injected into each page; WCAG 2.0/2.1 A and AA rules must report 0 violations, in both
languages, with normal and high contrast.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
EXHIBIT = "exhibits/history/ming-mosque/"

# Every page type of the public site, by its path in the default language.
PAGE_TYPES = {
    "home": "",
    "zones": "exhibits/",
    "zone": "exhibits/history/",
    "exhibit": EXHIBIT,
    "about": "about/",
    "accessibility": "accessibility/",
    "timeline": "timeline/",
    "news-list": "news/",
    "news-item": "news/2021-long-march-visits/",
    "achievements": "achievements/",
}


def _axe(page) -> list[dict]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    # landmark-unique is a best practice, not a WCAG tag: the breadcrumb and the route were
    # both announced as "参观路线", so a screen reader's list of regions could not tell them apart.
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],"
        " rules: {'landmark-unique': {enabled: true}}})", AXE_TAGS
    )
    return result["violations"]


def _report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


def _contrast(context, high: bool) -> None:
    value = "high" if high else "normal"
    context.add_init_script(f"try {{ localStorage.setItem('hall.contrast', '{value}') }} catch (e) {{}}")


def _open_search(page) -> None:
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").fill("清真寺" if page.evaluate("document.documentElement.lang").startswith("zh") else "mosque")
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    page.wait_for_timeout(300)


def _open_lightbox(page) -> None:
    page.locator(".hall-gallery a.hall-figure__zoom").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".pswp.pswp--open", timeout=5000)
    page.wait_for_timeout(400)  # let the opening animation settle before colours are measured


CASES = [(name, path, None) for name, path in PAGE_TYPES.items()]
CASES += [("search-open", "exhibits/history/", _open_search), ("lightbox-open", EXHIBIT, _open_lightbox)]


@pytest.mark.parametrize("contrast", ["normal", "high"])
@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("name,path,action", CASES, ids=[c[0] for c in CASES])
def test_axe_finds_no_wcag_violations(browser, site_url, name, path, action, language, contrast):
    # Reduced motion: no colour is measured halfway through a transition.
    # bypass_csp: axe is injected as an inline script, which the site's policy rightly blocks.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce", bypass_csp=True)
    _contrast(context, contrast == "high")
    page = context.new_page()
    try:
        page.goto(site_url + ("en/" if language == "en" else "") + path)
        assert page.evaluate("document.documentElement.getAttribute('data-hall-contrast')") == (
            "high" if contrast == "high" else None
        )
        if action:
            action(page)
        violations = _axe(page)
        assert violations == [], f"{name} ({language}, {contrast} contrast):\n" + _report(violations)
    finally:
        context.close()


# ------------------------------------------------------------------ text size and contrast


def test_text_size_goes_to_200_percent_is_remembered_and_applied_before_paint(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    try:
        page.goto(site_url + EXHIBIT)
        base = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.hall-body p')).fontSize)")
        toggle = page.locator(".hall-a11y__toggle")
        assert toggle.get_attribute("aria-expanded") == "false"
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        sizes = page.locator("[data-hall-text-size]")
        assert [sizes.nth(i).get_attribute("data-hall-text-size") for i in range(sizes.count())] == ["100", "125", "150", "200"]
        assert sizes.first.get_attribute("aria-pressed") == "true"
        page.locator("[data-hall-text-size='200']").click()
        assert page.locator("[data-hall-text-size='200']").get_attribute("aria-pressed") == "true"
        big = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.hall-body p')).fontSize)")
        assert big == pytest.approx(2 * base, rel=0.02)
        # Escape closes the panel and gives focus back to its button.
        page.keyboard.press("Escape")
        assert toggle.get_attribute("aria-expanded") == "false"

        # Another page: the size is there before any stylesheet or script of ours runs.
        seen = []
        page.on("console", lambda message: seen.append(message.text))
        context.add_init_script(
            "document.addEventListener('readystatechange', () => { if (document.readyState === 'interactive') "
            "console.log('size-at-parse:' + document.documentElement.getAttribute('data-hall-text')) })"
        )
        page.goto(site_url + "about/")
        assert "size-at-parse:200" in seen
        # Reflow: at 200% on a phone, the page does not scroll sideways.
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"page is {overflow}px wider than the phone at 200% text"
    finally:
        context.close()


def test_high_contrast_toggle_is_remembered(page, site_url):
    page.goto(site_url)
    page.locator(".hall-a11y__toggle").click()
    button = page.locator("[data-hall-contrast-toggle]")
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert page.evaluate("getComputedStyle(document.querySelector('.hall-body, .md-content')).color") == "rgb(0, 0, 0)"
    page.goto(site_url + "en/exhibits/history/")  # the other language shares the setting
    assert page.evaluate("document.documentElement.getAttribute('data-hall-contrast')") == "high"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") == "rgb(0, 0, 0)"


def test_system_contrast_wish_is_honoured_until_the_visitor_chooses(browser, site_url):
    context = browser.new_context(contrast="more")
    page = context.new_page()
    try:
        page.goto(site_url)
        assert page.evaluate("document.documentElement.getAttribute('data-hall-contrast')") == "high"
        page.evaluate("localStorage.setItem('hall.contrast', 'normal')")
        page.reload()
        assert page.evaluate("document.documentElement.getAttribute('data-hall-contrast')") is None
    finally:
        context.close()


def test_reduced_motion_turns_transitions_off(browser, site_url):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    try:
        page.goto(site_url)
        duration = page.evaluate("getComputedStyle(document.querySelector('.hall-zone-card a')).transitionDuration")
        assert all(float(part.rstrip("s")) <= 0.001 for part in duration.split(","))
    finally:
        context.close()


@pytest.mark.parametrize("path", ["", "exhibits/"])
def test_links_in_running_text_are_underlined_and_cards_are_not(page, site_url, path):
    """The underline that keeps links from relying on colour alone is for links in text:
    it ran under every line of the zone cards (an <a> with no class inside an <li>)."""
    page.goto(site_url + path)
    decoration = page.evaluate("""() => [...document.querySelectorAll('.hall-zone-card a')]
      .map((a) => getComputedStyle(a).textDecorationLine)""")
    assert decoration and set(decoration) == {"none"}
    page.goto(site_url + "exhibits/history/ming-mosque/")
    assert page.evaluate("getComputedStyle(document.querySelector('.hall-breadcrumb a')).textDecorationLine") == "underline"


# ------------------------------------------------------------------ read aloud

FAKE_SPEECH = """
(() => {
  const voices = %s;
  window.__spoken = [];
  const synth = {
    speaking: false, paused: false,
    getVoices: () => voices.map(lang => ({lang, name: 'Fake ' + lang, default: false, localService: true, voiceURI: lang})),
    speak(u) { window.__spoken.push({text: u.text, lang: u.lang}); this.speaking = true; },
    cancel() { window.__spoken.push('cancel'); this.speaking = false; },
    pause() { window.__spoken.push('pause'); this.paused = true; },
    resume() { window.__spoken.push('resume'); this.paused = false; },
    addEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})();
"""


def _speech_page(browser, voices: list[str]):
    context = browser.new_context()
    context.add_init_script(FAKE_SPEECH % json.dumps(voices))
    return context, context.new_page()


def test_read_aloud_reads_title_and_body_in_the_page_language(browser, site_url):
    context, page = _speech_page(browser, ["en-US", "zh-CN"])
    try:
        page.goto(site_url + EXHIBIT)
        box = page.locator("[data-hall-read-aloud]")
        assert box.is_visible()
        play = box.locator("[data-action='play']")
        play.click()
        spoken = page.evaluate("window.__spoken")
        texts = [item for item in spoken if isinstance(item, dict)]
        assert texts and all(item["lang"] == "zh-CN" for item in texts)
        assert texts[0]["text"].startswith("古建筑清真寺")
        assert all(len(item["text"]) <= 200 for item in texts)
        body = page.locator(".hall-body p").first.inner_text().strip()[:10]
        assert body in "".join(item["text"] for item in texts)
        assert play.inner_text().strip() == "暂停"
        play.click()
        assert "pause" in page.evaluate("window.__spoken")
        assert play.inner_text().strip() == "继续"
        stop = box.locator("[data-action='stop']")
        stop.click()
        assert play.inner_text().strip() == "朗读本页"
        assert stop.is_hidden()

        page.goto(site_url + "en/news/2021-long-march-visits/")
        page.locator("[data-hall-read-aloud] [data-action='play']").click()
        texts = [item for item in page.evaluate("window.__spoken") if isinstance(item, dict)]
        assert texts and all(item["lang"] == "en-US" for item in texts)
    finally:
        context.close()


def test_read_aloud_is_hidden_without_a_voice_for_the_language(browser, site_url):
    context, page = _speech_page(browser, ["en-US"])
    try:
        page.goto(site_url + EXHIBIT)
        assert page.locator("[data-hall-read-aloud]").is_hidden()
        page.goto(site_url + "en/" + EXHIBIT)
        assert page.locator("[data-hall-read-aloud]").is_visible()
    finally:
        context.close()


# ------------------------------------------------------------------ keyboard, structure, reading


@pytest.mark.parametrize("path", ["", EXHIBIT, "en/about/"])
def test_skip_link_is_the_first_tab_stop_and_focus_is_visible(page, site_url, path):
    page.goto(site_url + path, wait_until="networkidle")  # Material's and our scripts have set up
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "(() => { const e = document.activeElement; const s = getComputedStyle(e);"
        " return {cls: e.className, href: e.getAttribute('href'), outline: s.outlineStyle, width: s.outlineWidth,"
        " top: e.getBoundingClientRect().top} })()"
    )
    assert "hall-skip" in focused["cls"].split() and focused["href"] == "#hall-main"
    assert focused["outline"] != "none" and float(focused["width"].rstrip("px")) >= 2
    assert focused["top"] >= 0  # on screen when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "hall-main"
    page.keyboard.press("Tab")
    # The next stop comes after the header and navigation: in the content or what follows it.
    assert page.evaluate(
        "!!(document.getElementById('hall-main').compareDocumentPosition(document.activeElement)"
        " & Node.DOCUMENT_POSITION_FOLLOWING) && !document.activeElement.closest('header, .md-tabs')"
    ), page.evaluate("document.activeElement.outerHTML.slice(0, 200)")


@pytest.mark.parametrize("name,path", list(PAGE_TYPES.items()), ids=list(PAGE_TYPES))
def test_landmarks_and_headings_in_order(page, site_url, name, path):
    page.goto(site_url + path)
    levels = page.evaluate(
        "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].filter(h => !h.closest('[hidden], .md-sidebar, .md-search'))"
        ".map(h => +h.tagName[1])"
    )
    assert levels.count(1) == 1 and levels[0] == 1, levels
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"heading jumps from h{before} to h{after}: {levels}"
    for selector in ("header", "main", "footer", "nav"):
        assert page.locator(selector).count() >= 1, selector


def test_chinese_headings_get_readable_anchors(page, site_url):
    page.goto(site_url + "about/")
    ids = page.evaluate("[...document.querySelectorAll('.hall-body h2[id]')].map(h => h.id)")
    assert ids and "关于内容" in ids
    assert not [i for i in ids if i.startswith("_")]


@pytest.mark.parametrize("path", ["", EXHIBIT, "news/2021-long-march-visits/", "timeline/", "accessibility/"])
def test_chinese_text_is_upright_with_comfortable_line_height(page, site_url, path):
    page.goto(site_url + path)
    problems = page.evaluate(
        """() => {
        const cjk = /[\\u3400-\\u9fff]/;
        const out = [];
        for (const el of document.querySelectorAll('body *')) {
          if (el.closest('[hidden], script, style, svg, .md-search, .hall-visually-hidden')) continue;
          const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
          if (!own || !cjk.test(own)) continue;
          const s = getComputedStyle(el);
          if (!el.getClientRects().length || s.visibility === 'hidden') continue;
          const size = parseFloat(s.fontSize);
          const line = s.lineHeight === 'normal' ? 1.2 * size : parseFloat(s.lineHeight);
          if (s.fontStyle !== 'normal') out.push(`italic: <${el.tagName.toLowerCase()}> ${own.slice(0, 20)}`);
          if (line / size < 1.5 - 1e-3) out.push(`line-height ${(line / size).toFixed(2)}: <${el.tagName.toLowerCase()} class="${el.className}"> ${own.slice(0, 20)}`);
        }
        return out;
      }"""
    )
    assert problems == []


def test_statement_page_exists_in_both_languages_and_is_linked_from_the_settings(page, site_url):
    page.goto(site_url)
    page.locator(".hall-a11y__toggle").click()
    page.locator(".hall-a11y__statement").click()
    page.wait_for_url("**/accessibility/")
    text = page.locator(".md-content").inner_text()
    assert "GB/T 37668-2019" in text and "WCAG 2.1" in text
    page.goto(site_url + "en/accessibility/")
    text = page.locator(".md-content").inner_text()
    assert "GB/T 37668-2019" in text and "Report a problem" in text


# ------------------------------------------------------------------ every page, phone and desktop

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
ZONE = "exhibits/history/"


def _every_page(site: Path) -> list[str]:
    """Every page the build wrote, in both languages, by its path under the site's root."""
    paths = [str(index.parent.relative_to(site)) + "/" for index in site.rglob("index.html")]
    paths = sorted("" if path == "./" else path for path in paths)
    return paths + ["404.html", "en/404.html"]


def _open_drawer(page) -> None:
    page.locator("[data-hall-drawer-button]").click()  # hall-focus.js's button in place of Material's label
    page.locator(".md-sidebar--primary .md-nav__link").first.wait_for(state="visible")


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_axe_finds_no_violations_on_every_page_with_the_drawer_closed_and_open(browser, site, site_url, width):
    """Every page of the sample hall in both languages. On a phone each page is checked with the
    navigation drawer closed, and one page of each kind again with it open (the drawer is the
    same on every page of a kind); on a desktop the navigation is a column that is always shown
    (Material's drawer exists only below 76.25em), so once is all there is."""
    from tests.test_kiosk_browser import one_page_per_kind

    context = browser.new_context(**(PHONE if width == "phone" else DESKTOP), reduced_motion="reduce", bypass_csp=True)
    page = context.new_page()
    failures = []
    with_drawer = set(one_page_per_kind(_every_page(site)))
    try:
        for path in _every_page(site):
            page.goto(site_url + path)
            states = (["closed", "open"] if path in with_drawer else ["closed"]) if width == "phone" else ["shown"]
            for state in states:
                if state == "open":
                    _open_drawer(page)
                violations = _axe(page)
                if violations:
                    failures.append(f"/{path} ({width}, drawer {state}):\n" + _report(violations))
    finally:
        context.close()
    assert len(_every_page(site)) >= 60
    assert failures == [], "\n".join(failures)


def test_no_page_scrolls_sideways_on_a_phone_at_200_percent_text(browser, site, site_url):
    """WCAG 1.4.10: the achievements' figure cards made that page 473 px wide in 390."""
    context = browser.new_context(**PHONE, reduced_motion="reduce")
    context.add_init_script("try { localStorage.setItem('hall.textSize', '200') } catch (e) {}")
    page = context.new_page()
    wide = {}
    try:
        for path in _every_page(site):
            page.goto(site_url + path)
            assert page.evaluate("document.documentElement.getAttribute('data-hall-text')") == "200"
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 391:
                wide["/" + path] = width
    finally:
        context.close()
    assert wide == {}, f"pages wider than a 390 px phone at 200% text: {wide}"


# ------------------------------------------------------------------ where keyboard focus may go

WHERE = """() => { const e = document.activeElement;
  return {tag: e.tagName, drawer: !!e.closest('.md-sidebar--primary'), search: !!e.closest('.md-search'),
          open: document.getElementById('__search').checked} }"""


def _tab_through(page, key: str = "Tab", stops: int = 45) -> list[dict]:
    seen = []
    for _ in range(stops):
        page.keyboard.press(key)
        seen.append(page.evaluate(WHERE))
    return seen


@pytest.mark.parametrize("path", [ZONE, EXHIBIT, "en/news/"])
def test_keyboard_focus_never_enters_the_closed_drawer(phone, site_url, path):
    phone.goto(site_url + path, wait_until="networkidle")
    drawer = phone.locator(".md-sidebar--primary")
    assert drawer.get_attribute("inert") is not None
    seen = _tab_through(phone)
    assert len({stop["tag"] for stop in seen}) > 1  # focus did travel through the page
    assert not [stop for stop in seen if stop["drawer"]]
    # Opened, the drawer is part of the page again and takes focus.
    phone.reload(wait_until="networkidle")  # focus back at the start, no overlay open
    _open_drawer(phone)
    assert drawer.get_attribute("inert") is None
    assert [stop for stop in _tab_through(phone) if stop["drawer"]]
    # Escape closes it and takes it out of the keyboard's path again.
    phone.keyboard.press("Escape")
    assert drawer.get_attribute("inert") is not None


@pytest.mark.parametrize("key", ["Tab", "Shift+Tab"])
def test_focus_leaving_the_search_closes_its_full_screen_overlay(phone, site_url, key):
    """At phone widths search is a full-screen overlay, opened when the field gets focus;
    Material's own search closes it on Tab, and so do we when focus leaves it either way."""
    phone.goto(site_url + ZONE, wait_until="networkidle")
    seen = _tab_through(phone, key, 60)
    assert any(stop["search"] and stop["open"] for stop in seen), "the search field was never reached"
    behind = [stop for stop in seen if stop["open"] and not stop["search"]]
    assert behind == [], f"focus went behind the open search overlay: {behind}"
    first = next(i for i, stop in enumerate(seen) if stop["search"])
    assert any(not stop["search"] for stop in seen[first:]), "focus never left the search"


@pytest.mark.parametrize("language,label", [("zh", "表格（可左右滚动）"), ("en", "Table (scrolls sideways)")])
def test_a_table_wider_than_the_phone_is_a_labelled_region_the_keyboard_scrolls(phone, site_url, language, label):
    phone.goto(site_url + ("en/" if language == "en" else "") + "about-this-site/", wait_until="networkidle")
    frame = phone.locator(".md-typeset__scrollwrap").first
    frame.wait_for()
    phone.wait_for_function("document.querySelector('.md-typeset__scrollwrap').getAttribute('role') === 'region'")
    assert frame.get_attribute("tabindex") == "0" and frame.get_attribute("aria-label") == label
    frame.focus()
    phone.keyboard.press("ArrowRight")
    for _ in range(50):  # keyboard scrolling is animated: give it time to move
        if frame.evaluate("e => e.scrollLeft") > 0:
            break
        phone.wait_for_timeout(100)
    assert frame.evaluate("e => e.scrollLeft") > 0


@pytest.mark.parametrize("language,word", [("zh", "字号"), ("en", "Text size")])
def test_text_size_button_carries_a_visible_word_that_is_also_its_name(phone, site_url, language, word):
    phone.goto(site_url + ("en/" if language == "en" else "") + EXHIBIT)
    toggle = phone.locator(".hall-a11y__toggle")
    label = toggle.locator(".hall-a11y__toggle-label")
    assert label.is_visible() and label.inner_text().strip() == word
    box = label.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390  # on the phone's screen
    assert phone.get_by_role("button", name=word, exact=True).count() == 1


@pytest.mark.parametrize("language,name", [("zh", "主要栏目"), ("en", "Main sections")])
def test_main_tabs_are_named_for_what_they_hold_not_tags(page, site_url, language, name):
    page.goto(site_url + ("en/" if language == "en" else ""))
    assert page.locator("nav.md-tabs").get_attribute("aria-label") == name
    page.goto(site_url + ("en/" if language == "en" else "") + EXHIBIT)
    labels = page.evaluate("[...document.querySelectorAll('nav[aria-label]')].map(n => n.getAttribute('aria-label'))")
    assert len(labels) == len(set(labels)), labels


@pytest.mark.parametrize("language,words", [("zh", ["“字号”", "导航菜单打开和关闭"]), ("en", ['"Text size"', "open and closed"])])
def test_accessibility_statement_describes_the_controls_and_checks_the_site_has(page, site_url, language, words):
    page.goto(site_url + ("en/" if language == "en" else "") + "accessibility/")
    text = page.locator(".md-content").inner_text()
    assert all(word in text for word in words), text
    assert "两个字母 A" not in text and "two letters A" not in text


@pytest.mark.parametrize("key", ["Enter", " "])
def test_the_menu_button_opens_the_drawer_from_the_keyboard(phone, site_url, key):
    """Material's menu button is a <label>: no tab stop, no key opens it. Now it is reached
    by Tab, named, says whether it is open, and Enter or Space opens the drawer with focus in it."""
    phone.goto(site_url + ZONE, wait_until="networkidle")
    button = phone.locator("[data-hall-drawer-button]")
    assert button.get_attribute("aria-label") == "打开导航菜单" and button.get_attribute("aria-expanded") == "false"
    for _ in range(10):
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.hasAttribute('data-hall-drawer-button')"):
            break
    else:
        pytest.fail("Tab never reached the menu button")
    phone.keyboard.press(key)
    phone.wait_for_function("() => document.getElementById('__drawer').checked")
    assert button.get_attribute("aria-expanded") == "true"
    assert phone.locator(".md-sidebar--primary").get_attribute("inert") is None
    phone.wait_for_function("() => document.querySelector('.md-sidebar--primary').contains(document.activeElement)")
