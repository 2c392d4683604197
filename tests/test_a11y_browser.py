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
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", AXE_TAGS
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
    assert ids and "参观信息" in ids
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
    assert "GB/T 37668-2019" in text and "WCAG 2.1" in text and "待补充" in text
    page.goto(site_url + "en/accessibility/")
    text = page.locator(".md-content").inner_text()
    assert "GB/T 37668-2019" in text and "Report a problem" in text and "Placeholder" in text
