"""The audio guide in headless Chromium: nothing fetched before play, speeds, the lock screen
(Media Session), "continue with the next stop", and the speech fallback (stubbed voice)."""

from __future__ import annotations

import json

import pytest

FIRST = "exhibits/prologue/exhibition-hall/"  # 101: zh and en recordings
SECOND = "exhibits/prologue/one-family/"  # 102: zh only
WITHOUT = "exhibits/history/ming-mosque/"  # 201: none: read aloud


@pytest.fixture
def listener(browser):
    """A desktop page whose audio requests (and their bytes) are recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.audio_requests = []
    page.on("request", lambda r: page.audio_requests.append(r.url) if "/media/audio/" in r.url else None)
    yield page
    context.close()


def _options(page) -> None:
    """Unfold the guide's options (skipping, speeds, "continue"): folded, they keep one row."""
    page.locator("[data-hall-audio-options] > summary").click()


def _play(page) -> None:
    page.locator("[data-hall-audio] [data-action='toggle']").click()
    page.wait_for_function("() => { const a = document.querySelector('[data-hall-audio-element]');"
                           " return a && !a.paused && a.currentTime > 0; }", timeout=15000)


def test_no_audio_byte_is_fetched_before_play(listener, site_url):
    page = listener
    page.goto(site_url + FIRST, wait_until="networkidle")
    page.wait_for_timeout(500)
    assert page.audio_requests == []
    assert page.evaluate("document.querySelector('[data-hall-audio-element]').preload") == "none"
    _play(page)
    assert page.audio_requests and all(url.endswith(".mp3") for url in page.audio_requests)


def test_play_speed_is_applied_and_remembered_and_the_lock_screen_names_the_stop(listener, site_url):
    page = listener
    page.goto(site_url + FIRST)
    bar = page.locator("[data-hall-audio-bar]")
    assert bar.is_visible()
    toggle = page.locator("[data-action='toggle']")
    box = toggle.bounding_box()
    assert box["height"] >= 48 and box["width"] >= 48
    _play(page)
    assert toggle.get_attribute("aria-pressed") == "true" and toggle.inner_text().strip() == "暂停"
    fast = page.locator("[data-hall-audio-speeds] [data-rate='1.5']")
    assert not fast.is_visible()  # folded: the text stays on the first screen
    _options(page)
    fast.click()
    assert page.evaluate("document.querySelector('[data-hall-audio-element]').playbackRate") == 1.5
    assert fast.get_attribute("aria-pressed") == "true"
    assert page.locator("[data-rate='1'][aria-pressed='true']").count() == 0
    meta = page.evaluate("""() => { const m = navigator.mediaSession.metadata;
        return {title: m.title, artist: m.artist, album: m.album, art: m.artwork.map(a => a.src)}; }""")
    assert meta["title"] == "101 展厅的由来"
    assert meta["artist"] == "X县民族团结文化展厅" and meta["album"] == "序厅"
    assert meta["art"] and all(src.startswith(site_url + "media/") for src in meta["art"])
    assert "0:" in page.locator("[data-hall-audio-time]").inner_text()
    toggle.click()
    assert page.evaluate("document.querySelector('[data-hall-audio-element]').paused")
    page.reload()  # the speed stays on this device
    assert page.locator("[data-rate='1.5']").get_attribute("aria-pressed") == "true"
    assert page.locator("[data-hall-audio-rate]").inner_text() == "1.5×"  # said while folded
    assert page.evaluate("document.querySelector('[data-hall-audio-element]').playbackRate") == 1.5


def test_continue_with_the_next_stop_plays_it_in_the_same_element(listener, site_url):
    page = listener
    page.goto(site_url + FIRST)
    follow = page.locator("[data-continue]")
    _options(page)
    assert follow.is_visible()
    follow.check()
    _play(page)
    first_src = page.evaluate("document.querySelector('[data-hall-audio-element]').currentSrc")
    page.evaluate("document.querySelector('[data-hall-audio-element]').dispatchEvent(new Event('ended'))")
    page.wait_for_function("() => { const a = document.querySelector('[data-hall-audio-element]');"
                           f" return a.currentSrc && a.currentSrc !== {json.dumps(first_src)} && !a.paused; }}",
                           timeout=15000)
    second = page.evaluate("document.querySelector('[data-hall-audio-element]').currentSrc")
    html = (page.request.get(site_url + SECOND).text())
    assert second.rsplit("/", 1)[1] in html  # the next stop's own recording
    status = page.locator("[data-hall-audio-status] a")
    assert "102" in status.inner_text() and status.get_attribute("href").endswith("one-family/")
    assert page.evaluate("navigator.mediaSession.metadata.title").startswith("102 ")

    page.goto(site_url + SECOND)  # the switch is remembered; 201 has no recording: say so and stop
    assert page.locator("[data-continue]").is_checked()
    _play(page)
    page.evaluate("""() => { const a = document.querySelector('[data-hall-audio-element]');
        a.pause(); a.dispatchEvent(new Event('ended')); }""")
    assert "古建筑清真寺" in page.locator("[data-hall-audio-status]").inner_text()
    assert "暂无录音" in page.locator("[data-hall-audio-status]").inner_text()


def test_the_english_page_offers_the_chinese_recording_labelled(listener, site_url):
    page = listener
    page.goto(site_url + "en/" + SECOND)
    assert "Chinese" in page.locator(".hall-audio__other").inner_text()
    assert page.locator("[data-hall-audio-element]").get_attribute("lang") == "zh-CN"
    assert page.locator("[data-hall-audio] [data-action='toggle']").inner_text().strip() == "Play"


FAKE_SPEECH = """
(() => {
  window.__spoken = [];
  const synth = {
    speaking: false, paused: false,
    getVoices: () => [{lang: 'zh-CN', name: 'Fake zh', default: true, localService: true, voiceURI: 'zh'}],
    speak(u) { window.__spoken.push({text: u.text, rate: u.rate}); },
    cancel() {}, pause() {}, resume() {}, addEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; this.rate = 1; };
})();
"""


def test_without_a_recording_the_page_is_read_aloud_at_the_chosen_speed_without_staff_notes(browser, site_url):
    context = browser.new_context()
    context.add_init_script(FAKE_SPEECH)
    page = context.new_page()
    try:
        page.goto(site_url + WITHOUT)
        guide = page.locator("[data-hall-audio]")
        assert guide.is_visible() and page.locator("audio").count() == 0
        _options(page)
        page.locator("[data-hall-audio-speeds] [data-rate='0.75']").click()
        page.locator("[data-hall-read-aloud] [data-action='play']").click()
        spoken = page.evaluate("window.__spoken")
        assert spoken and {item["rate"] for item in spoken} == {0.75}
        text = "".join(item["text"] for item in spoken)
        assert text.startswith(page.locator("article h1").inner_text().strip())
        first = page.locator(".hall-body p").first.inner_text().strip()[:12]
        assert first and first in text
        for note in ("待补充", "请补充清真寺的正式名称", "【", "[["):
            assert note not in text
    finally:
        context.close()


def test_without_a_voice_nothing_of_the_guide_shows_on_a_page_without_recording(browser, site_url):
    context = browser.new_context()
    context.add_init_script(FAKE_SPEECH.replace("[{lang: 'zh-CN'", "[{lang: 'en-US'"))
    page = context.new_page()
    try:
        page.goto(site_url + WITHOUT)
        assert page.locator("[data-hall-audio]").is_hidden()
    finally:
        context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_screenshot_of_the_player(browser, site_url, tmp_path_factory, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 500, has_touch=width < 500)
    page = context.new_page()
    try:
        page.goto(site_url + FIRST)
        guide = page.locator("[data-hall-audio]")
        guide.scroll_into_view_if_needed()
        shot = tmp_path_factory.getbasetemp() / f"audio-guide-{width}.png"
        guide.screenshot(path=str(shot))
        box = guide.bounding_box()
        assert box["width"] <= width
        for button in page.locator("[data-hall-audio] button:visible").all():
            size = button.bounding_box()
            assert size["height"] >= 44 and size["width"] >= 44
    finally:
        context.close()


def test_the_kiosk_plays_its_own_copy_offline_and_the_idle_reset_stops_it(browser, kiosk_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, has_touch=True)
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(kiosk_url + FIRST)
        _play(page)
        assert any("/media/audio/" in url for url in requests)
        assert all(url.startswith(kiosk_url) or url.startswith("data:") for url in requests)
        page.evaluate("window.hallKiosk.reset()")
        page.wait_for_url("**?attract")
        assert page.evaluate("[...document.querySelectorAll('audio')].every(a => a.paused)")
    finally:
        context.close()
