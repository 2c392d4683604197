"""The kiosk's device layer (issue 23): every kind of link handled, the countdown above every
overlay, media and speech as activity, the page's heartbeat and the launcher's watchdog, one
wiped profile folder, the text-size control, the tighter policy and the single-app session.

Browser tests reuse the kiosk build and server of tests/test_kiosk_browser.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import wave
from pathlib import Path

import pytest

from hall.cli.kiosk import DEFAULT_PORT, chromium_command, make_server, start_url
from hall.cli.kioskbrowser import (PROFILE_MARKER, KioskProfileError, Watchdog, beat_age, default_profile_dir,
                                   fresh_profile, supervise, wait_for_server)

from .conftest import EXTERNAL, LANDSCAPE
from .test_kiosk_browser import EXHIBIT, _tap

REPO = Path(__file__).resolve().parent.parent
SCRIPTS = REPO / "scripts" / "kiosk"


@pytest.fixture
def kiosk_page(touch_page):
    """A landscape touch screen that fails the test on any page error (test_kiosk_browser.py)."""
    return touch_page


def _short_idle(page, url: str, seconds: int) -> None:
    """Open ``url`` with the idle timeout a launcher would set (``?idle=`` is stored by the page)."""
    page.goto(url.split("?")[0] + "?attract&idle=" + str(seconds))
    page.goto(url)


def _add(page, html: str) -> None:
    """Content as staff could write it (raw HTML in a Markdown body), put into the open page."""
    page.evaluate("html => document.querySelector('.hall-body, .md-content__inner').insertAdjacentHTML('afterbegin', html)", html)


# ---------- links the page script used to miss ----------

LINKS = f"""
<p><svg id="t-svg" width="200" height="80" viewBox="0 0 200 80"><a href="{EXTERNAL}"><rect width="200" height="80" fill="#933"/></a></svg></p>
<p><svg id="t-xlink" width="200" height="80" viewBox="0 0 200 80" xmlns:xlink="http://www.w3.org/1999/xlink">
   <a xlink:href="{EXTERNAL}"><rect width="200" height="80" fill="#393"/></a></svg></p>
<p><img id="t-map" usemap="#t-areas" width="200" height="200" alt="map"
        src="/assets/apple-touch-icon.png">
   <map name="t-areas"><area shape="rect" coords="0,0,400,400" href="{EXTERNAL}" alt="outside"></map></p>
<form id="t-form" action="{EXTERNAL}search" method="get"><button id="t-submit">go</button></form>
<form id="t-post" action="./" method="post"><button id="t-post-submit">post</button></form>
<p><a id="t-robots" href="/robots.txt">robots</a> <a id="t-inside" href="/browse/">browse</a></p>
"""


@pytest.mark.browser
@pytest.mark.parametrize("target", ["#t-svg rect", "#t-xlink rect", "#t-map", "#t-submit"])
def test_svg_links_areas_and_forms_to_other_sites_show_the_qr_overlay(kiosk_page, kiosk_url, target) -> None:
    page = kiosk_page
    page.goto(kiosk_url + "about/")
    _add(page, LINKS)
    _tap(page, target)
    overlay = page.locator("#hall-kiosk-link")
    overlay.wait_for(state="visible", timeout=3000)
    assert EXTERNAL in overlay.locator("[data-hall-kiosk-url]").inner_text()
    page.wait_for_timeout(300)
    assert page.url == kiosk_url + "about/"


@pytest.mark.browser
def test_dead_ends_middle_clicks_and_posts_stay_on_the_page(kiosk_page, kiosk_url) -> None:
    page = kiosk_page
    page.goto(kiosk_url + "about/")
    _add(page, LINKS)
    for target in ("#t-robots", "#t-post-submit"):  # a same-origin file that is no page; a POST
        _tap(page, target)
        page.wait_for_timeout(400)
        assert page.url == kiosk_url + "about/", target
        assert page.locator("#hall-kiosk-config").count() == 1
    page.locator("#t-inside").click(button="middle")  # would open a hidden background tab
    page.locator("#t-svg rect").click(button="middle")
    page.wait_for_timeout(400)
    assert len(page.context.pages) == 1 and page.url == kiosk_url + "about/"
    page.locator("#t-inside").click(modifiers=["Control"])  # a new tab: here, in this one
    page.wait_for_url(kiosk_url + "browse/")
    assert len(page.context.pages) == 1


@pytest.mark.browser
def test_the_lightbox_still_opens_its_photo_link(kiosk_page, kiosk_url) -> None:
    page = kiosk_page
    page.goto(kiosk_url + EXHIBIT, wait_until="networkidle")
    _tap(page, "a.hall-figure__zoom")
    page.wait_for_selector("[data-hall-lightbox-state=open]", timeout=5000)
    assert page.url == kiosk_url + EXHIBIT


# ---------- the countdown always wins ----------

_ON_TOP = """() => {
  const box = document.querySelector('.hall-kiosk-countdown__continue').getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return !!hit && !!hit.closest('#hall-kiosk-countdown');
}"""


@pytest.mark.browser
@pytest.mark.parametrize("overlay", ["lightbox", "link"])
def test_the_countdown_shows_above_every_overlay_and_closes_it(kiosk_page, kiosk_url, overlay) -> None:
    page = kiosk_page
    _short_idle(page, kiosk_url + ("about/" if overlay == "link" else EXHIBIT), 4)
    if overlay == "lightbox":
        _tap(page, "a.hall-figure__zoom")
        page.wait_for_selector("[data-hall-lightbox-state=open]", timeout=5000)
    else:
        _tap(page, f'.hall-body a[href="{EXTERNAL}"]')
        assert page.locator("#hall-kiosk-link").is_visible()
    countdown = page.locator("#hall-kiosk-countdown")
    countdown.wait_for(state="visible", timeout=8000)
    assert page.evaluate(_ON_TOP), "the countdown is covered"
    assert page.evaluate("document.querySelector('#hall-kiosk-countdown').matches(':modal')")
    if overlay == "lightbox":
        page.wait_for_selector(".pswp--open", state="detached", timeout=3000)
    else:
        assert page.locator("#hall-kiosk-link").is_hidden()
    _tap(page, ".hall-kiosk-countdown__continue")
    assert countdown.is_hidden()


def _silence(path: Path, seconds: int = 30) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\0\0" * 8000 * seconds)


@pytest.mark.browser
def test_playing_media_and_the_activity_event_hold_off_the_reset(kiosk_page, kiosk_url, kiosk_project) -> None:
    page = kiosk_page
    _silence(kiosk_project / "site-kiosk" / "assets" / "test-silence.wav")
    _short_idle(page, kiosk_url + EXHIBIT, 3)
    _add(page, '<p><audio id="t-audio" src="/assets/test-silence.wav" controls loop></audio></p>')
    page.evaluate("document.addEventListener('hall:kiosk-reset', () => { window.name = 'reset-announced'; })")
    page.locator("#t-audio").evaluate("audio => audio.play()")
    page.wait_for_function("!document.querySelector('#t-audio').paused", timeout=5000)
    countdown = page.locator("#hall-kiosk-countdown")
    page.wait_for_timeout(7000)  # more than twice the idle time, while the audio plays
    assert countdown.is_hidden(), "playing audio is a visitor listening"
    page.locator("#t-audio").evaluate("audio => audio.pause()")
    countdown.wait_for(state="visible", timeout=6000)
    page.evaluate("document.dispatchEvent(new CustomEvent('hall:activity'))")  # the audio guide says so
    assert countdown.is_hidden()
    page.wait_for_url(kiosk_url + "?attract", timeout=25000)  # 3 s idle + 10 s countdown
    assert page.evaluate("window.name") == "reset-announced"


# ---------- alive ----------

@pytest.mark.browser
def test_the_page_reports_alive_to_the_kiosk_server(kiosk_page, kiosk_url) -> None:
    page = kiosk_page
    beats: list[str] = []
    page.on("request", lambda request: beats.append(request.method) if request.url.endswith("/__hall-kiosk/alive") else None)
    page.goto(kiosk_url + "?attract")
    page.wait_for_timeout(500)
    assert beats == ["POST"]
    age = beat_age(kiosk_url)
    assert age is not None and age < 5


# ---------- text size ----------

@pytest.mark.browser
def test_the_bar_text_size_button_magnifies_and_a_reset_undoes_it(kiosk_page, kiosk_url) -> None:
    page = kiosk_page
    page.goto(kiosk_url + EXHIBIT)
    button = page.locator("[data-hall-kiosk=text-size]")
    box = button.bounding_box()
    assert box["width"] >= 48 and box["height"] >= 48
    assert "字号" in button.inner_text() and "100%" in button.inner_text()
    size = "parseFloat(getComputedStyle(document.querySelector('.hall-body p')).fontSize)"
    base = page.evaluate(size)
    _tap(page, "[data-hall-kiosk=text-size]")
    assert "125%" in button.inner_text() and abs(page.evaluate(size) / base - 1.25) < 0.02
    _tap(page, "[data-hall-kiosk=text-size]")
    assert abs(page.evaluate(size) / base - 1.5) < 0.02
    page.goto(kiosk_url + "en/" + EXHIBIT)  # kept from page to page for this visitor
    assert "150%" in page.locator("[data-hall-kiosk=text-size]").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= LANDSCAPE["width"]
    page.evaluate("window.hallKiosk.reset()")
    page.wait_for_url(kiosk_url + "?attract")
    assert page.evaluate("document.documentElement.getAttribute('data-hall-text')") is None


@pytest.mark.browser
def test_mandarin_voices_tagged_cmn_are_chinese_voices(kiosk_page, kiosk_url) -> None:
    """espeak-ng through speech-dispatcher names Mandarin ``cmn``; the read-aloud must find it."""
    page = kiosk_page
    page.goto(kiosk_url + EXHIBIT)
    found = page.evaluate("""() => {
      const fake = [{lang: 'en-US', name: 'en'}, {lang: 'cmn', name: 'Chinese (Mandarin)'}];
      speechSynthesis.getVoices = () => fake;
      return [hallA11y.voiceFor('zh-CN') && hallA11y.voiceFor('zh-CN').name, hallA11y.voiceFor('en').name,
              hallA11y.voiceFor('fr') === null];
    }""")
    assert found == ["Chinese (Mandarin)", "en", True]


# ---------- the launcher: profile, boot wait, watchdog ----------

def test_one_profile_folder_wiped_at_each_start(tmp_path: Path) -> None:
    folder = tmp_path / "profile"
    fresh_profile(folder)
    (folder / "Default").mkdir()
    (folder / "Default" / "History").write_text("last visitor", encoding="utf-8")
    assert fresh_profile(folder) == folder
    assert sorted(p.name for p in folder.iterdir()) == [PROFILE_MARKER]
    assert default_profile_dir() == default_profile_dir()  # one folder, not one per start


def test_a_folder_the_kiosk_did_not_make_is_never_wiped(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("staff files", encoding="utf-8")
    with pytest.raises(KioskProfileError, match="not a kiosk profile folder"):
        fresh_profile(tmp_path)
    assert (tmp_path / "notes.txt").is_file()


def test_watchdog_restarts_only_a_screen_that_stopped_beating() -> None:
    dog = Watchdog(started=1000.0, stale_seconds=180)
    assert not dog.observe(1100.0, None)          # booting: no beat yet, within the grace
    assert dog.observe(1181.0, None)              # an error page from the start: never beat
    dog = Watchdog(started=1000.0, stale_seconds=180)
    assert not dog.observe(1010.0, 2.0)           # alive
    assert not dog.observe(1150.0, 142.0)         # last beat at 1008
    assert dog.observe(1190.0, 182.0)             # 182 s without a beat: restart
    dog = Watchdog(started=1000.0, stale_seconds=180)
    assert dog.observe(1181.0, 190.0)             # a beat from before this browser started does not count


@pytest.fixture
def fake_site(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<script id="hall-kiosk-config"></script>', encoding="utf-8")
    server = make_server(site, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_kiosk_server_records_the_heartbeat(fake_site: str) -> None:
    assert beat_age(fake_site) is None
    request = urllib.request.Request(fake_site + "__hall-kiosk/alive", method="POST", data=b"")
    with urllib.request.urlopen(request) as response:
        assert response.status == 204
    assert 0 <= beat_age(fake_site) < 2
    with pytest.raises(urllib.error.HTTPError) as error:  # nothing else can be posted
        urllib.request.urlopen(urllib.request.Request(fake_site + "index.html", method="POST", data=b""))
    assert error.value.code == 405


def test_boot_waits_for_the_server_and_fails_properly(fake_site: str, tmp_path: Path) -> None:
    assert wait_for_server(fake_site, 5)
    started = time.monotonic()
    assert not wait_for_server("http://127.0.0.1:9/", 1.5, poll=0.2)
    assert time.monotonic() - started < 5
    said: list[str] = []
    code = supervise([sys.executable, "-c", "pass"], origin="http://127.0.0.1:9/", profile=tmp_path / "p",
                     boot_wait=0.5, say=said.append)
    assert code == 3 and "did not answer" in said[0] and not (tmp_path / "p").exists()


def test_watchdog_restarts_a_browser_that_never_reports_alive(fake_site: str, tmp_path: Path) -> None:
    """A "browser" stuck on an error page (a process that never beats) is restarted, with a
    freshly wiped profile; each start is logged by the fake browser itself."""
    log = tmp_path / "starts.txt"
    profile = tmp_path / "profile"
    fake = f"import pathlib,time; p=pathlib.Path({str(log)!r}); p.write_text(p.read_text() + 'start\\n' if p.exists() else 'start\\n'); " \
           f"pathlib.Path({str(profile)!r}, 'litter').write_text('x'); time.sleep(60)"
    said: list[str] = []
    started = time.monotonic()
    code = supervise([sys.executable, "-c", fake], origin=fake_site, profile=profile, stale_seconds=1.0,
                     poll_seconds=0.3, boot_wait=5, max_starts=2, say=said.append)
    assert code == 0 and time.monotonic() - started < 20
    assert log.read_text().count("start") == 2
    assert any("restarting the browser" in line for line in said), said
    assert sorted(p.name for p in profile.iterdir()) == [PROFILE_MARKER, "litter"]  # one folder, wiped per start


def test_a_browser_that_beats_is_left_alone(fake_site: str, tmp_path: Path) -> None:
    beat = (f"import time,urllib.request\nfor _ in range(8):\n"
            f"    urllib.request.urlopen(urllib.request.Request({fake_site + '__hall-kiosk/alive'!r}, method='POST', data=b''))\n"
            f"    time.sleep(0.3)\n")
    said: list[str] = []
    code = supervise([sys.executable, "-c", beat], origin=fake_site, profile=tmp_path / "p", stale_seconds=1.5,
                     poll_seconds=0.3, boot_wait=5, max_starts=1, say=said.append)
    assert code == 0 and not any("restarting" in line for line in said), said


def test_browser_command_has_speech_and_a_stable_profile() -> None:
    command = chromium_command(start_url(), browser="chromium", user_data_dir=str(default_profile_dir()))
    assert "--enable-speech-dispatcher" in command
    out = subprocess.run([sys.executable, "-m", "hall.cli.kiosk", "browser", "--help"], capture_output=True,
                         text=True, check=True).stdout
    assert "--wait" in out and "--profile" in out


# ---------- policy and session ----------

def test_policy_blocks_browser_pages_and_points_new_tabs_home() -> None:
    policy = json.loads((SCRIPTS / "chromium-policy.json").read_text(encoding="utf-8"))
    for scheme in ("chrome://*", "chrome-untrusted://*", "devtools://*", "view-source:*"):
        assert scheme in policy["URLBlocklist"], scheme
    home = f"http://127.0.0.1:{DEFAULT_PORT}/?attract"
    assert policy["HomepageLocation"] == home and policy["NewTabPageLocation"] == home + "&newtab"  # closes itself
    assert policy["IncognitoModeAvailability"] == 1
    assert policy["BrowserGuestModeEnabled"] is False and policy["BrowserAddPersonEnabled"] is False
    assert policy["RemoteDebuggingAllowed"] is False and policy["DeveloperToolsAvailability"] == 2


def test_session_unit_runs_chromium_alone_in_cage_without_a_desktop() -> None:
    session = (SCRIPTS / "hall-kiosk-session.service").read_text(encoding="utf-8")
    assert "/usr/bin/cage" in session and "-m hall.cli.kiosk browser" in session
    assert "graphical-session.target" not in session and "TTYPath=/dev/tty" in session
    assert "Restart=always" in session and "WantedBy=graphical.target" in session
    timer = (SCRIPTS / "hall-kiosk-nightly.timer").read_text(encoding="utf-8")
    assert "OnCalendar=" in timer
    guide = (SCRIPTS / "INSTALL.md").read_text(encoding="utf-8")
    for words in ("cage", "speech-dispatcher", "espeak-ng", "hall-kiosk-session"):
        assert words in guide, words
    assert "ExecStartPre" not in session  # the launcher waits and fails properly itself


# ---------- hall check: content a kiosk cannot open ----------

def test_hall_check_warns_about_body_links_to_files_a_kiosk_cannot_open(tmp_path: Path) -> None:
    from .conftest import copy_sample_hall, run_hall

    project = copy_sample_hall(tmp_path / "hall")
    folder = project / "exhibits" / "history" / "ming-mosque"
    body = folder / "zh.md"
    lines = body.read_text(encoding="utf-8").splitlines()
    line = len(lines) + 2
    body.write_text("\n".join(lines) + "\n\n详见[外景大图](mosque-exterior.jpg)、[本馆介绍](../../../content/pages/about.zh.md)"
                    "和[政府网](https://www.gov.cn/)。\n\n![清真寺外景](mosque-exterior.jpg)\n", encoding="utf-8")
    result = run_hall(project, "check")
    out = result.stdout + result.stderr
    assert result.returncode == 0, out  # a warning: the link works on the website
    assert f"exhibits/history/ming-mosque/zh.md:{line}:" in out
    assert "mosque-exterior.jpg" in out and "touch screens cannot open files" in out and "触摸屏不能打开文件" in out
    assert out.count("touch screens cannot open files") == 1  # pages, other sites and shown photos are fine
