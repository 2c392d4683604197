"""The 720° tour: content/tour.yml read and checked (every bad input a bilingual problem with
file and line), panoramas through the photo pipeline (no EXIF, no GPS, 2:1, wide enough), and
the built tour pages in both languages (links list, escaped JSON, no link to a draft)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PIL import Image

from hall.content import load_hall
from hall.media.model import MediaPlan
from hall.media.panoramas import panorama_key, with_panoramas
from hall.pages.context import PageContext
from hall.pages.spec import tour_rooms, tour_zones
from hall.pages.tour import plan_tour
from tests.test_content import make_hall

SCENES = """\
scenes:
  - id: hall
    title: {zh: 大厅, en: Main hall}
    zone: history
    file: panoramas/hall.jpg
    description: {zh: 一间展室。, en: A room.}
    start: {yaw: 10, pitch: 0, hfov: 90}
    doorways:
      - {to: side, yaw: 90, pitch: 0}
    hotspots:
      - {exhibit: history/mosque, yaw: -20, pitch: 0}
      - note: {zh: 入口, en: "Entrance <b>&</b>"}
        yaw: 180
        pitch: 0
  - id: side
    title: {zh: 侧厅, en: Side room}
    zone: history
    file: panoramas/side.jpg
    doorways:
      - {to: hall, yaw: -90, pitch: 0}
"""


def panorama(path: Path, size=(2048, 1024), gps: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, (120, 110, 100))
    exif = Image.Exif()
    if gps:
        exif[0x010F] = "TestCam"  # Make
        exif.get_ifd(0x8825).update({1: "N", 2: (25.0, 2.0, 0.0), 3: "E", 4: (102.0, 43.0, 0.0)})
    image.save(path, "JPEG", exif=exif.tobytes())


def tour_hall(tmp_path: Path, tour: str = SCENES, sizes: dict[str, tuple[int, int]] | None = None) -> Path:
    root = make_hall(tmp_path, files={"content/tour.yml": tour})
    for name, size in (sizes or {"hall": (2048, 1024), "side": (2048, 1024)}).items():
        panorama(root / "content" / "panoramas" / f"{name}.jpg", size)
    return root


def problems_of(root: Path, code: str):
    _, log = load_hall(root)
    found = [p for p in log.problems if p.code == code]
    assert found, log.format()
    return found


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


# ------------------------------------------------------------------ the reader


def test_a_valid_tour_becomes_scenes_with_doorways_and_hotspots(tmp_path):
    hall, log = load_hall(tour_hall(tmp_path))
    assert not log.errors, log.format()
    first, second = hall.tour.scenes
    assert (first.id, first.zone, first.file, first.yaw, first.hfov) == ("hall", "history", "content/panoramas/hall.jpg", 10, 90)
    assert first.file_line == line_of(SCENES, "file: panoramas/hall.jpg")
    assert [d.to for d in first.doorways] == ["side"] and [d.to for d in second.doorways] == ["hall"]
    assert first.hotspots[0].exhibit == "history/mosque" and first.hotspots[1].note.get("en") == "Entrance <b>&</b>"


def test_without_a_tour_file_there_is_no_tour_and_no_problem(tmp_path):
    hall, log = load_hall(make_hall(tmp_path))
    assert hall.tour is None and not log.problems


@pytest.mark.parametrize("old, new, code, needle", [
    ("exhibit: history/mosque", "exhibit: history/mosk", "tour.exhibit_unknown", "history/mosk"),
    ("{to: side, yaw: 90", "{to: sied, yaw: 90", "tour.scene_unknown", "to: sied"),
    ("{to: side, yaw: 90", "{to: hall, yaw: 90", "tour.doorway_self", "to: hall, yaw: 90"),
    ("{to: side, yaw: 90, pitch: 0}", "{to: side, yaw: 200, pitch: 0}", "tour.angle_range", "yaw: 200"),
    ("yaw: -20, pitch: 0}", "yaw: -20, pitch: 95}", "tour.angle_range", "pitch: 95"),
    ("hfov: 90", "hfov: 170", "tour.angle_range", "hfov: 170"),
    ("zone: history\n    file: panoramas/hall.jpg", "zone: histroy\n    file: panoramas/hall.jpg", "tour.zone_unknown", "histroy"),
    ("file: panoramas/hall.jpg", "file: panoramas/hal.jpg", "tour.file_missing", "hal.jpg"),
    ("  - id: side", "  - id: hall", "tour.scene_duplicate", "  - id: hall\n    title: {zh: 侧厅"),
])
def test_each_bad_input_is_a_bilingual_problem_at_its_line(tmp_path, old, new, code, needle):
    text = SCENES.replace(old, new, 1)
    assert text != SCENES
    [problem] = problems_of(tour_hall(tmp_path, text), code)
    assert problem.file == "content/tour.yml" and problem.level == "error"
    first_line = needle.split("\n")[0]
    assert problem.line == line_of(text, first_line) if "\n" not in needle else problem.line is not None
    assert re.search(r"[\u4e00-\u9fff]", problem.zh) and re.search(r"[A-Za-z]{3}", problem.en)
    assert problem.hint_zh and problem.hint_en


def test_a_misspelt_exhibit_or_scene_gets_the_closest_id_as_a_hint(tmp_path):
    [problem] = problems_of(tour_hall(tmp_path, SCENES.replace("history/mosque", "history/mosk")), "tour.exhibit_unknown")
    assert "history/mosque" in problem.hint_zh and "history/mosque" in problem.hint_en


def test_a_hotspot_with_both_or_neither_of_exhibit_and_note_is_reported(tmp_path):
    text = SCENES.replace("{exhibit: history/mosque, yaw: -20, pitch: 0}", "{yaw: -20, pitch: 0}")
    [problem] = problems_of(tour_hall(tmp_path, text), "tour.hotspot_kind")
    assert problem.line == line_of(text, "{yaw: -20, pitch: 0}")


class _Room:
    def __init__(self, id, zone):
        self.id, self.zone = id, zone


class _Plan:
    rooms = (_Room("history-room", "history"),)


def test_a_scene_room_is_checked_on_the_floor_plan_and_gives_its_zone(tmp_path):
    from hall.content.context import ReadContext
    from hall.content.problems import ProblemLog
    from hall.content.tour import read_tour

    text = SCENES.replace("    zone: history\n    file: panoramas/hall.jpg", "    room: history-room\n    file: panoramas/hall.jpg")
    text = text.replace("    zone: history\n    file: panoramas/side.jpg", "    room: histroy-room\n    file: panoramas/side.jpg")
    root = tour_hall(tmp_path, text)
    log = ProblemLog(root)
    tour = read_tour(ReadContext(root, ("zh", "en"), log), ["history"], ["history/mosque"], _Plan())
    assert [s.zone for s in tour.scenes] == ["history"]  # derived from its room
    [problem] = [p for p in log.problems if p.code == "tour.room_unknown"]
    assert "history-room" in problem.hint_en and problem.line == line_of(text, "histroy-room")


def test_a_hotspot_to_a_draft_exhibit_is_not_published(tmp_path):
    root = tour_hall(tmp_path)
    yml = root / "exhibits/history/mosque/exhibit.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + "status: draft\n", encoding="utf-8")
    hall, _ = load_hall(root)
    assert any(h.exhibit for h in hall.tour.scenes[0].hotspots)  # the preview keeps it
    public = hall.for_audience(include_drafts=False)
    assert not any(h.exhibit for s in public.tour.scenes for h in s.hotspots)
    pages, _ = plan_tour(public, PageContext(public, "zh", {}, ""))
    assert "history/mosque" not in json.dumps([p.view for p in pages], ensure_ascii=False, default=str)


def test_each_floor_plan_room_with_a_scene_maps_to_its_page():
    hall, _ = load_hall(Path(__file__).resolve().parent.parent)
    assert tour_rooms(hall) == {"prologue-hall": "tour/prologue/", "history-room": "tour/history/",
                                "customs-room": "tour/customs/", "achievements-room": "tour/achievements/"}
    assert tour_zones(hall)["history"] == "tour/history/" and len(tour_zones(hall)) == 4


# ------------------------------------------------------------------ the media stage


def _media(root: Path):
    hall, log = load_hall(root)
    assert not log.errors, log.format()
    return with_panoramas(MediaPlan({}, {}), root, hall.tour, cache_dir=root / ".cache")


def test_panoramas_get_phone_safe_widths_and_lose_their_exif_and_gps(tmp_path):
    root = tour_hall(tmp_path, sizes={"hall": (4800, 2400), "side": (2048, 1024)})
    panorama(root / "content/panoramas/hall.jpg", (4800, 2400), gps=True)
    media = _media(root)
    assert not (media.problems and media.problems.errors), media.problems.format()
    image = media.images[panorama_key("content/panoramas/hall.jpg")]
    assert [r.width for r in image.renditions] == [1024, 2048, 4096]  # never over 4096: phones' texture cap
    assert image.placeholder and image.placeholder.startswith("data:image/")
    for rendition in image.renditions:
        with Image.open(media.copies[rendition.url]) as out:
            assert out.size == (rendition.width, rendition.width // 2)
            assert not out.getexif() and "exif" not in out.info
    assert media.decoded == 2 and _media(root).decoded == 0  # the content-hash cache: a warm build decodes nothing


@pytest.mark.parametrize("size, code", [((2000, 1500), "tour.panorama_ratio"), ((1600, 800), "tour.panorama_small")])
def test_a_panorama_not_2_to_1_or_too_small_stops_the_build_at_its_file_line(tmp_path, size, code):
    root = tour_hall(tmp_path, sizes={"hall": size, "side": (2048, 1024)})
    media = _media(root)
    [problem] = [p for p in media.problems.errors if p.code == code]
    assert problem.file == "content/tour.yml" and problem.line == line_of(SCENES, "file: panoramas/hall.jpg")
    assert "2:1" in problem.zh + problem.hint_zh or "2048" in problem.hint_zh


# ------------------------------------------------------------------ the built site


@pytest.mark.parametrize("prefix, language", [("", "zh"), ("en/", "en")])
def test_every_scene_has_a_page_with_its_links_in_both_languages(site, prefix, language):
    index = (site / prefix / "tour/index.html").read_text(encoding="utf-8")
    for scene in ("prologue", "history", "customs", "achievements"):
        assert f'href="{scene}/"' in index
    html = (site / prefix / "tour/history/index.html").read_text(encoding="utf-8")
    assert f'<html lang="{ "zh-CN" if language == "zh" else "en" }"' in html or f'lang="{language}' in html
    listing = html.split('class="hall-tour-list"', 1)[1]
    assert 'href="../prologue/"' in listing and 'href="../customs/"' in listing  # doorways, as links
    assert 'href="../../exhibits/history/ming-mosque/"' in listing  # exhibits, as links
    assert re.search(r'<span class="hall-tour-list__number">\d{3}</span>', listing)  # with their guide numbers
    assert 'class="hall-tour__preview"' in html and re.search(r'<img class="hall-tour__preview" src="[^"]+-1024\.jpg"', html)
    assert ("历史印记" if language == "zh" else "Traces of History") in html


def test_the_first_view_s_three_files_load_beside_the_style_sheets_and_run_without_waiting(site):
    """The preview photo, Pannellum and hall-tour.js are preloaded before the first style sheet,
    and both scripts are async, right after the viewer's own elements: the viewer starts when
    they arrive, not after the page's other scripts (docs/benchmarks/panorama.md)."""
    html = (site / "tour/history/index.html").read_text(encoding="utf-8")
    head = html.split("</head>", 1)[0]
    preview = re.search(r'<img class="hall-tour__preview" src="([^"]+)"', html).group(1)
    first_sheet = head.index('rel="stylesheet"')
    tour_script = re.search(r'src="(\.\./\.\./assets/hall-tour\.[0-9a-f]{10}\.js)"', html).group(1)
    for kind, href in (("image", preview), ("script", "../../assets/vendor/pannellum/pannellum.js"), ("script", tour_script)):
        link = re.search(rf'<link rel="preload" as="{kind}" href="{re.escape(href)}"[^>]*>', head)
        assert link and link.start() < first_sheet, (kind, href)
    assert re.search(r'<link rel="preload" as="image" [^>]*fetchpriority="high"', head)
    section = html.split('<section class="hall-tour"', 1)[1].split("</section>", 1)[0]
    assert section.index('class="hall-tour__status"') < section.index('id="hall-tour-config"')
    assert re.search(r'<script src="[^"]+/pannellum\.js" async data-hall-pannellum></script>', section)
    assert re.search(rf'<script src="{re.escape(tour_script)}" async></script>', section)
    assert " defer" not in section


def test_the_viewer_config_is_json_that_cannot_close_its_script(site):
    html = (site / "tour/prologue/index.html").read_text(encoding="utf-8")
    raw = re.search(r'<script type="application/json" id="hall-tour-config">(.*?)</script>', html, re.S).group(1)
    assert "<" not in raw and ">" not in raw
    config = json.loads(raw)
    assert config["scene"] == "prologue" and config["widths"][-1]["width"] == 4096
    kinds = {spot["kind"] for spot in config["hotspots"]}
    assert kinds == {"door", "exhibit", "note"}
    assert all(not spot.get("url", "").startswith(("http", "//", "/")) for spot in config["hotspots"])
    assert config["strings"]["loadingLabel"] == "正在加载……"
    assert "待补充" not in raw and "Placeholder" not in raw  # staff notes never reach a public page


def test_panorama_files_in_the_site_carry_no_exif(site):
    html = (site / "tour/history/index.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'id="hall-tour-config">(.*?)</script>', html, re.S).group(1))
    for item in config["widths"]:
        path = (site / "tour/history" / item["src"]).resolve()
        with Image.open(path) as image:
            assert image.width == item["width"] and not image.getexif()


def test_the_tour_is_in_the_navigation_of_both_languages(site):
    assert 'href="tour/"' in (site / "index.html").read_text(encoding="utf-8")
    assert 'href="tour/"' in (site / "en/index.html").read_text(encoding="utf-8")


def test_the_tour_pages_are_valid_html(site):
    import shutil
    import subprocess

    from tests.test_html_valid import VNU

    java = shutil.which("java")
    assert java and VNU.exists(), "Java and tools/node_modules/vnu-jar are needed (make test installs them)"
    files = [str(site / prefix / page) for prefix in ("", "en/") for page in ("tour/index.html", "tour/history/index.html")]
    result = subprocess.run([java, "-Xss8m", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True)
    messages = json.loads(result.stderr or "{}").get("messages", [])
    assert not messages, messages
