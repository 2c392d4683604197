"""The 720° tour in headless Chromium with software WebGL (SwiftShader): the panorama renders,
a doorway walks to the next scene's page, an exhibit hotspot opens the exhibit, the arrow keys
turn the view, and without WebGL or JavaScript the preview photo and the links list remain."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image, ImageStat

from tests.conftest import CHROMIUM, PHONE

#: Chromium draws WebGL in software here, as on a machine without a GPU.
WEBGL_ARGS = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist",
              "--disable-background-networking", "--no-first-run"]
SHOTS = os.environ.get("HALL_TOUR_SHOTS")  # a folder to keep the screenshots in, to look at them


@pytest.fixture(scope="module")
def gl_browser(playwright):
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=WEBGL_ARGS)
    yield browser
    browser.close()


#: Collects every Content-Security-Policy violation (listening before the page's scripts run).
LISTEN = """window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(e.violatedDirective + " " + e.blockedURI));"""


@pytest.fixture
def desk(gl_browser):
    context = gl_browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(LISTEN)
    yield context.new_page()
    context.close()


def open_scene(page, site_url: str, path: str = "tour/history/") -> None:
    page.goto(f"{site_url.rstrip('/')}/{path}")
    page.wait_for_selector("#hall-tour-viewer[data-state]", state="attached", timeout=20000)
    # and, with WebGL, until the sharper picture has replaced the first view's (hall-tour.js)
    page.wait_for_function("() => { const v = document.getElementById('hall-tour-viewer');"
                           " return v.dataset.state !== 'ready' || v.hasAttribute('data-sharp'); }", timeout=20000)


def viewer_value(page, expression: str):
    return page.evaluate(f"() => document.getElementById('hall-tour-viewer').hallViewer.{expression}")


def hold(page, key: str, seconds: float = 3) -> None:
    for _ in range(int(seconds * 10)):  # a held key repeats, as a keyboard does
        page.keyboard.down(key)
        page.wait_for_timeout(100)
    page.keyboard.up(key)
    page.wait_for_timeout(600)


def shot(page, name: str) -> Image.Image:
    data = page.locator("#hall-tour-viewer").screenshot()
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, name))
    return Image.open(io.BytesIO(data)).convert("L")


def test_the_panorama_renders_in_webgl(desk, site_url):
    errors = []
    desk.on("pageerror", lambda error: errors.append(str(error)))
    desk.on("console", lambda message: message.type == "error" and errors.append(message.text))
    open_scene(desk, site_url)
    assert desk.get_attribute("#hall-tour-viewer", "data-state") == "ready"
    assert desk.locator("#hall-tour-viewer canvas").count() == 1 and not desk.is_visible(".hall-tour__preview")
    image = shot(desk, "tour-desktop.png")
    assert ImageStat.Stat(image).stddev[0] > 20  # walls, floor, frames and labels: not a blank canvas
    assert desk.get_attribute("#hall-tour-viewer", "role") == "application"
    assert desk.get_attribute("#hall-tour-viewer", "aria-label") == "全景画面：历史印记"
    assert desk.is_visible(".hall-tour__controls") and desk.is_visible("#hall-tour-instructions")
    assert not errors, errors
    assert desk.evaluate("window.__violations") == []  # the page's policy is kept, not loosened
    assert viewer_value(desk, "getScene()") == "sharp"  # the 4096 px picture replaced the first view's
    # one WebGL context, Pannellum's, without multisampling; the page's own functions given back
    assert viewer_value(desk, "getRenderer().getCanvas().getContext('webgl').getContextAttributes().antialias") is False
    assert desk.evaluate("() => [HTMLCanvasElement.prototype.getContext, URL.createObjectURL].every(f => /native code/.test(String(f)))")
    sizes = desk.evaluate("""() => { const sizes = {};
        for (const e of performance.getEntriesByType('resource'))
            for (const width of ['1024', '4096']) if (e.name.includes('-' + width + '.jpg')) (sizes[width] ||= []).push(e.transferSize);
        return sizes; }""")
    # Each picture travels once: the first view is drawn from the preview photo's own file, and
    # Pannellum's looks at a picture come from the cache (at most a 304's headers travel).
    for width in ("1024", "4096"):
        assert len(sizes[width]) == 3 and sum(size > 1000 for size in sizes[width]) == 1, sizes


def test_a_doorway_hotspot_walks_into_the_next_scene(desk, site_url):
    open_scene(desk, site_url)
    desk.evaluate("() => document.getElementById('hall-tour-viewer').hallViewer.setYaw(90, false)")
    door = desk.locator('#hall-tour-viewer a[data-hall-tour-kind="door"]', has_text="民俗文化")
    door.click()
    desk.wait_for_url("**/tour/customs/")
    open_scene(desk, site_url, "tour/customs/")
    assert desk.locator("h1").inner_text() == "720° 全景：民俗文化"


def test_an_exhibit_hotspot_opens_its_page(desk, site_url):
    open_scene(desk, site_url)
    desk.locator('#hall-tour-viewer a[data-hall-tour-kind="exhibit"]', has_text="古建筑清真寺").click()
    desk.wait_for_url("**/exhibits/history/ming-mosque/")


def test_the_arrow_keys_turn_the_view_and_tab_reaches_the_hotspots(desk, site_url):
    open_scene(desk, site_url)
    start = viewer_value(desk, "getYaw()")
    desk.focus("#hall-tour-viewer")
    # Pannellum turns a little every frame while the key is down; software WebGL here draws
    # about 2 frames a second (a phone: 60), so the key is held for a few seconds.
    hold(desk, "ArrowRight")
    turned = viewer_value(desk, "getYaw()")
    assert turned > start + 0.4
    hold(desk, "ArrowLeft")
    assert viewer_value(desk, "getYaw()") < turned - 0.3
    desk.keyboard.press("Tab")
    focused = desk.evaluate("() => [document.activeElement.tagName, document.activeElement.classList.contains("
                            "'hall-tour-spot__label'), !!document.activeElement.closest('#hall-tour-viewer')]")
    assert focused == ["A", True, True]


def test_the_buttons_turn_the_view_and_reset_it(desk, site_url):
    open_scene(desk, site_url)
    desk.click('[data-hall-tour="right"]')
    for _ in range(40):  # the turn is animated; software WebGL draws slowly
        if abs(viewer_value(desk, "getYaw()") - 30) < 1:
            break
        desk.wait_for_timeout(250)
    assert abs(viewer_value(desk, "getYaw()") - 30) < 1
    desk.click('[data-hall-tour="reset"]')
    assert abs(viewer_value(desk, "getYaw()")) < 1
    assert desk.is_hidden('[data-hall-tour="gyro"]')  # no motion sensor over plain HTTP on a desktop


@pytest.mark.parametrize("answer, pressed", [("denied", "false"), ("granted", "true")])
def test_the_motion_sensor_button_asks_first_and_a_refusal_leaves_it_off_and_says_why(gl_browser, site_url, answer, pressed):
    """iOS asks the visitor before a page may read the motion sensor; Pannellum is silent on a
    "no". The button is shown as iOS over HTTPS would show it (here: plain HTTP, so by hand)."""
    context = gl_browser.new_context(**PHONE)
    context.add_init_script(f"""window.DeviceOrientationEvent = window.DeviceOrientationEvent || function () {{}};
        window.DeviceOrientationEvent.requestPermission = () => Promise.resolve({answer!r});""")
    page = context.new_page()
    try:
        open_scene(page, site_url)
        gyro = page.locator('[data-hall-tour="gyro"]')
        gyro.evaluate("button => { button.hidden = false; }")
        gyro.click()
        page.wait_for_function(f"() => document.querySelector('[data-hall-tour=\"gyro\"]').getAttribute('aria-pressed') === '{pressed}'"
                               " && (document.querySelector('.hall-tour__status').textContent || '').length > 0"
                               if answer == "denied" else
                               f"() => document.querySelector('[data-hall-tour=\"gyro\"]').getAttribute('aria-pressed') === '{pressed}'")
        status = page.locator(".hall-tour__status").inner_text()
        assert ("不允许" in status or "motion sensor" in status) == (answer == "denied"), status
    finally:
        context.close()


def test_on_a_phone_the_viewer_renders_and_fits_the_screen(gl_browser, site_url):
    context = gl_browser.new_context(**PHONE)
    page = context.new_page()
    open_scene(page, site_url, "en/tour/prologue/")
    assert page.get_attribute("#hall-tour-viewer", "data-state") == "ready"
    assert ImageStat.Stat(shot(page, "tour-phone.png")).stddev[0] > 20
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    # nothing moves the picture when the viewer starts (the instructions appear under it)
    shifts = page.evaluate("""() => new Promise(r => { setTimeout(() => r([]), 1000);  // no shift at all: no callback
        new PerformanceObserver(l => r(l.getEntries().map(e => [e.value, Math.round(e.startTime),
            e.sources.map(s => s.node ? s.node.nodeName + '.' + s.node.className : '')]))).observe({type: 'layout-shift', buffered: true}); })""")
    assert sum(value for value, _, _ in shifts) < 0.05, shifts
    # a narrow screen loads the 2048-pixel panorama, not the 4096
    loaded = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/media/'))")
    assert any(name.endswith("-2048.jpg") for name in loaded) and not any(name.endswith("-4096.jpg") for name in loaded)
    context.close()


#: The boxes of the hotspot labels a visitor can see in the viewer.
LABELS = """() => { const view = document.getElementById('hall-tour-viewer').getBoundingClientRect();
  return [...document.querySelectorAll('.hall-tour-spot__label')].map(l => l.getBoundingClientRect())
    .filter(b => b.right > view.left && b.left < view.right && b.bottom > view.top && b.top < view.bottom)
    .map(b => [b.left, b.right, b.top, b.bottom]); }"""


def _overlapping(boxes, gap=4):
    return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a[0] < b[1] + gap and b[0] < a[1] + gap and a[2] < b[3] + gap and b[2] < a[3] + gap]


def test_on_a_phone_labels_of_nearby_hotspots_do_not_cover_each_other(gl_browser, site_url):
    """The history scene's two exhibits are 50° apart: on a 390 px screen their labels met at the
    first view and overlapped once zoomed out; each is moved clear when the view stops."""
    context = gl_browser.new_context(**PHONE)
    page = context.new_page()
    open_scene(page, site_url, "tour/history/")
    for hfov in (None, 120):
        if hfov:
            viewer_value(page, f"setHfov({hfov})")
        page.wait_for_timeout(1500)  # the zoom, then the two frames after it stops
        boxes = page.evaluate(LABELS)
        assert len(boxes) >= 2 and not _overlapping(boxes), (hfov, boxes)
    page.locator(".hall-tour-spot__label", has_text="202").click()  # each is tappable on its own
    page.wait_for_url("**/exhibits/history/long-march-memorials/")
    context.close()


def test_without_webgl_the_preview_and_the_links_list_remain(gl_browser, site_url):
    context = gl_browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script("""(() => {
      const real = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return /webgl/.test(kind) ? null : real.call(this, kind, ...rest);
      };
    })();""")
    page = context.new_page()
    open_scene(page, site_url)
    assert page.get_attribute("#hall-tour-viewer", "data-state") == "fallback"
    assert page.is_visible(".hall-tour__preview") and page.is_hidden(".hall-tour__controls")
    assert "不能显示可转动的全景" in page.inner_text(".hall-tour__status")
    links = page.locator(".hall-tour-list a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert "../prologue/" in links and "../../exhibits/history/ming-mosque/" in links
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, "tour-no-webgl.png"), full_page=True)
    context.close()


def test_without_javascript_the_scene_is_its_preview_and_its_list(gl_browser, site_url):
    context = gl_browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(f"{site_url.rstrip('/')}/tour/history/")
    assert page.is_visible(".hall-tour__preview")
    assert page.evaluate("() => document.querySelector('.hall-tour__preview').naturalWidth") == 1024
    assert page.is_hidden(".hall-tour__controls") and page.is_hidden("#hall-tour-instructions")
    assert page.locator('.hall-tour-list a[data-hall-tour-kind="door"]').count() == 2
    context.close()


@pytest.mark.parametrize("path, webgl", [("tour/history/", True), ("en/tour/prologue/", True),
                                         ("tour/", True), ("tour/customs/", False)])
def test_axe_finds_no_wcag_violations_on_the_tour(gl_browser, site_url, path, webgl):
    from tests.test_a11y_browser import _axe, _report

    # bypass_csp: axe is injected as an inline script, which the site's policy rightly blocks.
    context = gl_browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    if not webgl:
        context.add_init_script("HTMLCanvasElement.prototype.getContext = function () { return null; };")
    page = context.new_page()
    page.goto(f"{site_url.rstrip('/')}/{path}")
    if path != "tour/":
        page.wait_for_selector("#hall-tour-viewer[data-state]", state="attached", timeout=20000)
    violations = _axe(page)
    context.close()
    assert not violations, _report(violations)
