"""An exhibit page reads text first (issue 19), measured in Chromium on the built sample hall:
the lead photo capped, the body's first sentence on a phone's first screen, the other photos
as thumbnails that open the lightbox, the text beside the lead photo on a wide screen, the
summary seen and heard once, and read-aloud pausing at headings."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from tests.conftest import PHONE

pytestmark = pytest.mark.browser

MOSQUE = "exhibits/history/ming-mosque/"  # three photos; its Chinese body opens with its summary
LANGUAGES = {"zh": "", "en": "en/"}
NOTE = re.compile(r"【(待核实|待补充|注)[：:][^】]*】|\[\[(To verify|Placeholder|Note):[^\]]*\]\]")

#: speechSynthesis with a voice for each language, recording what would be spoken.
FAKE_SPEECH = """
(() => {
  window.__spoken = [];
  const synth = {
    speaking: false, paused: false,
    getVoices: () => ['zh-CN', 'en-US'].map(lang => ({lang, name: lang, default: false, localService: true, voiceURI: lang})),
    speak(u) { window.__spoken.push(u.text); },
    cancel() {}, pause() {}, resume() {}, addEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})();
"""

#: The first sentence of a paragraph (by default the body's first): its text and the bottom of
#: its last line.
FIRST_SENTENCE = """(selector) => {
  const p = document.querySelector(selector || '.hall-body > p');
  if (!p) return null;
  const text = p.textContent;
  const match = text.match(/^[\\s\\S]*?([。！？!?]|\\.(?=\\s|$))/);
  const end = match ? match[0].length : text.length;
  const range = document.createRange();
  range.setStart(p, 0);
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  let node, seen = 0;
  while ((node = walker.nextNode())) {
    if (seen + node.length >= end) { range.setEnd(node, end - seen); break; }
    seen += node.length;
  }
  const rects = [...range.getClientRects()];
  return {text: text.slice(0, end), bottom: Math.max(...rects.map(r => r.bottom)), height: innerHeight};
}"""


def _exhibits(site: Path, prefix: str) -> list[str]:
    """Every exhibit page of one language in the built site, as URL paths."""
    pages = sorted((site / prefix / "exhibits").glob("*/*/index.html"))
    assert len(pages) >= 10
    return [prefix + page.parent.relative_to(site / prefix).as_posix() + "/" for page in pages]


def _summary(built_hall: Path, url: str, language: str) -> str:
    """The exhibit's summary as staff wrote it, its notes for staff left out as a public page does."""
    data = yaml.safe_load((built_hall / url.removeprefix("en/") / "exhibit.yml").read_text(encoding="utf-8"))
    return NOTE.sub("", data["summary"].get(language) or data["summary"]["zh"])


def _plain(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text)).casefold()


@pytest.fixture
def phone_reader(browser):
    """A phone whose browser has a voice for each language: the read-aloud bar is shown, as on
    most phones, and takes its room above the text."""
    context = browser.new_context(**PHONE)
    context.add_init_script(FAKE_SPEECH)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_exhibit_shows_its_first_sentence_and_a_capped_lead_photo_on_a_phone(phone_reader, site, site_url, language):
    page, problems = phone_reader, []
    for url in _exhibits(site, LANGUAGES[language]):
        page.goto(site_url + url)
        # the recording's player where there is one (it takes more room), else read-aloud
        assert page.locator("[data-hall-read-aloud]:visible, [data-hall-audio]:visible").count() >= 1, url
        body = page.evaluate(FIRST_SENTENCE)
        assert body and body["text"].strip(), f"{url}: no first paragraph"
        # The words a visitor reads first (the lead where one is shown, else the body) end on
        # the first screen; the body follows within a quarter screen more (the audio guide
        # and the guide number sit between them).
        first = page.evaluate(FIRST_SENTENCE, ".hall-exhibit > header .hall-lead") or body
        if first["bottom"] > first["height"]:
            problems.append(f"{url}: first sentence ends {first['bottom']:.0f} px down")
        if body["bottom"] > body["height"] * 1.25:
            problems.append(f"{url}: the body's first sentence ends {body['bottom']:.0f} px down")
        lead = page.locator(".hall-figure--lead img")
        if lead.count():
            height = lead.bounding_box()["height"]
            if height > first["height"] / 2:
                problems.append(f"{url}: lead photo {height:.0f} px tall")
    assert not problems, "\n".join(problems)


def test_the_other_photos_are_thumbnails_that_open_the_lightbox_at_full_size(page, site_url):
    page.goto(site_url + MOSQUE)
    assert page.locator(".hall-figure--lead").count() == 1
    thumbs = page.locator(".hall-figure--thumb a.hall-figure__zoom")
    assert thumbs.count() == 2
    box = thumbs.first.bounding_box()
    assert box["width"] < 200 and box["height"] < 200  # a thumbnail, not a full-width photo
    full_width = int(thumbs.first.get_attribute("data-pswp-width"))
    thumbs.first.click()
    page.wait_for_selector("[data-hall-lightbox-state=open]", timeout=5000)
    assert page.locator(".pswp__counter").inner_text().replace(" ", "") == "2/3"  # one gallery: lead, then thumbnails
    page.wait_for_function("() => [...document.querySelectorAll('.pswp__item img.pswp__img')].some(i => i.complete && i.naturalWidth > 0)")
    shown = page.evaluate("Math.max(...[...document.querySelectorAll('img.pswp__img')].map(i => i.naturalWidth))")
    assert shown >= 2 * box["width"] and full_width >= 2 * box["width"]  # a large rendition, not the thumbnail
    caption = page.locator(".pswp__hall-caption").inner_text()
    assert caption and _plain(caption) == _plain(page.locator(".hall-figure--thumb figcaption").first.text_content())
    page.keyboard.press("Escape")
    page.wait_for_selector(".pswp", state="detached", timeout=5000)


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_wide_screen_the_text_sits_beside_the_lead_photo(page, site, site_url, language):
    problems = []
    for url in _exhibits(site, LANGUAGES[language]):
        page.goto(site_url + url)
        if not page.locator(".hall-figure--lead").count():
            continue
        photo = page.locator(".hall-figure--lead img").bounding_box()
        text = page.locator(".hall-entry__text").bounding_box()
        beside = text["x"] >= photo["x"] + photo["width"] and text["y"] < photo["y"] + photo["height"]
        if not beside:
            problems.append(f"{url}: text at {text}, photo at {photo}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_exhibit_shows_its_summary_once(page, site, built_hall, site_url, language):
    counts = {}
    for url in _exhibits(site, LANGUAGES[language]):
        page.goto(site_url + url)
        summary = _plain(_summary(built_hall, url, language))
        counts[url] = _plain(page.locator("article.hall-exhibit").inner_text()).count(summary)
    assert set(counts.values()) == {1}, counts
    assert page.locator(".hall-lead").count() <= 1


def test_the_mosque_summary_is_read_aloud_once_and_headings_on_their_own(browser, built_hall, site_url):
    context = browser.new_context(**PHONE)
    context.add_init_script(FAKE_SPEECH)
    try:
        page = context.new_page()
        page.goto(site_url + MOSQUE)
        page.locator("[data-hall-read-aloud] [data-action='play']").click()
        spoken = page.evaluate("window.__spoken")
        title = page.locator("article h1").inner_text().strip()
        headings = [h.strip() for h in page.locator(".hall-body h2, .hall-body h3").all_inner_texts()]
        assert headings and spoken[0] == f"{title}。"  # the title alone, then a pause
        for heading in headings:
            assert f"{heading}。" in spoken, f"{heading!r} runs into the next sentence: {json.dumps(spoken, ensure_ascii=False)}"
            assert not any(heading in text and text != f"{heading}。" for text in spoken)
        summary = _plain(_summary(built_hall, MOSQUE, "zh"))
        assert _plain("".join(spoken)).count(summary) == 1
    finally:
        context.close()


def test_english_headings_are_read_as_sentences_of_their_own(browser, site_url):
    context = browser.new_context(**PHONE)
    context.add_init_script(FAKE_SPEECH)
    try:
        page = context.new_page()
        page.goto(site_url + "en/" + MOSQUE)
        page.locator("[data-hall-read-aloud] [data-action='play']").click()
        spoken = page.evaluate("window.__spoken")
        headings = [h.strip() for h in page.locator(".hall-body h2").all_inner_texts()]
        assert headings and all(f"{heading}." in spoken for heading in headings), spoken
    finally:
        context.close()
