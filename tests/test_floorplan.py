"""The floor plan: content/floorplan.yml read into the model, every staff mistake a bilingual
error with file and line, and the plan drawn on the visit and zone pages of a built site."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from hall.content import load_hall
from hall.content.floorplan import check_kiosk_position
from hall.content.planmodel import contains, polygon_area, sides_cross
from hall.content.problems import ProblemLog
from tests.conftest import copy_sample_hall, run_mkdocs
from tests.test_content import make_hall

ZONES = "- id: history\n  title: {zh: 历史, en: History}\n- id: crafts\n  title: {zh: 手工艺, en: Crafts}\n"
LOOM = """\
title: {zh: 织布机, en: The Loom}
order: 10
"""
#: A small valid plan; each bad-input test changes one line of it.
PLAN = """\
plan:
  width: 20
  height: 10
  schematic: true
rooms:
  - id: history-room
    zone: history
    points: [[0, 0], [10, 0], [10, 10], [0, 10]]
  - id: crafts-room
    zone: crafts
    points: [[10, 0], [16, 0], [16, 10], [10, 10]]
doors:
  - at: [10, 5]
    between: [history-room, crafts-room]
entrance: [5, 10]
stations:
  - exhibit: history/mosque
    at: [3, 4]
  - exhibit: crafts/loom
    at: [13, 4]
kiosks:
  - id: lobby
    at: [6, 8]
"""


def plan_hall(tmp_path: Path, plan: str = PLAN, extra: dict[str, str] | None = None) -> Path:
    return make_hall(tmp_path, files={
        "exhibits/zones.yml": ZONES, "exhibits/crafts/loom/exhibit.yml": LOOM,
        "exhibits/crafts/loom/zh.md": "正文。\n", "content/floorplan.yml": plan, **(extra or {})})


def plan_problems(root: Path):
    hall, log = load_hall(root)
    return hall, [p for p in log.problems if p.code.startswith("floorplan.") or p.file == "content/floorplan.yml"]


# ------------------------------------------------------------------ the reader


def test_a_valid_plan_becomes_the_halls_floor_plan(tmp_path):
    hall, problems = plan_problems(plan_hall(tmp_path))
    assert not problems, [p.format() for p in problems]
    plan = hall.floorplan
    assert plan.file == "content/floorplan.yml" and (plan.width, plan.height) == (20, 10) and plan.schematic
    assert [(r.id, r.zone, len(r.points), r.line) for r in plan.rooms] == [
        ("history-room", "history", 4, 6), ("crafts-room", "crafts", 4, 9)]
    assert [(s.exhibit, s.at, s.room) for s in plan.stations] == [
        ("history/mosque", (3.0, 4.0), "history-room"), ("crafts/loom", (13.0, 4.0), "crafts-room")]
    assert plan.doors[0].between == ("history-room", "crafts-room") and plan.entrance == (5.0, 10.0)
    assert plan.kiosk("lobby").at == (6.0, 8.0) and plan.kiosk("hall") is None


def test_without_a_plan_file_there_is_no_plan_and_no_problem(tmp_path):
    hall, problems = plan_problems(make_hall(tmp_path))
    assert hall.floorplan is None and not problems


def test_a_room_may_repeat_its_first_point_to_close_it(tmp_path):
    closed = PLAN.replace("[[0, 0], [10, 0], [10, 10], [0, 10]]", "[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]")
    hall, problems = plan_problems(plan_hall(tmp_path, closed))
    assert not problems and len(hall.floorplan.rooms[0].points) == 4


BAD_INPUTS = [
    # (what staff wrote instead, the code, the line reported, a word the hint must hold)
    ("    at: [3, 4]", "    at: [18, 4]", "floorplan.station_outside", 18, "at"),
    ("    zone: history\n", "    zone: histroy\n", "floorplan.room_zone", 7, "history"),
    ("[[0, 0], [10, 0], [10, 10], [0, 10]]", "[[0, 0], [10, 10], [10, 0], [0, 10]]", "floorplan.room_not_closed", 8, ""),
    ("[[0, 0], [10, 0], [10, 10], [0, 10]]", "[[0, 0], [10, 0], [0, 0]]", "floorplan.room_points", 8, ""),
    ("[[0, 0], [10, 0], [10, 10], [0, 10]]", "[[0, 0], [5, 0], [10, 0]]", "floorplan.room_degenerate", 8, ""),
    ("[[0, 0], [10, 0], [10, 10], [0, 10]]", "[[0, 0], [30, 0], [30, 10], [0, 10]]", "floorplan.outside_plan", 8, "width"),
    ("  - id: crafts-room", "  - id: history-room", "floorplan.room_duplicate", 9, ""),
    ("  - exhibit: history/mosque", "  - exhibit: history/mosqe", "floorplan.station_exhibit", 17, "history/mosque"),
    ("  - exhibit: crafts/loom", "  - exhibit: history/mosque", "floorplan.station_duplicate", 19, ""),
    ("  schematic: true", "  schematc: true", "field.unknown", 4, "schematic"),
    ("  schematic: true", "  schematic: true\n  background: scan.png", "floorplan.background", 5, "content/"),
    ("kiosks:\n  - id: lobby\n    at: [6, 8]\n", "kiosks:\n  - id: lobby\n    at: [6, 8]\n  - id: lobby\n    at: [7, 8]\n",
     "floorplan.kiosk_duplicate", 24, ""),
    ("entrance: [5, 10]", "entrance: [5, 12]", "floorplan.outside_plan", 15, ""),
    ("    between: [history-room, crafts-room]", "    between: [history-room, craft-room]", "floorplan.door_room", 14,
     "crafts-room"),
]


@pytest.mark.parametrize("old, new, code, line, hint", BAD_INPUTS, ids=[case[2] + f"@{case[3]}" for case in BAD_INPUTS])
def test_each_mistake_is_one_bilingual_error_with_file_line_and_fix(tmp_path, old, new, code, line, hint):
    assert old in PLAN
    _, problems = plan_problems(plan_hall(tmp_path, PLAN.replace(old, new, 1)))
    errors = [p for p in problems if p.level == "error"]
    assert [(p.code, p.file, p.line) for p in errors] == [(code, "content/floorplan.yml", line)], \
        [p.format() for p in problems]
    [problem] = errors
    assert re.search(r"[\u4e00-\u9fff]", problem.zh) and re.search(r"[\u4e00-\u9fff]", problem.hint_zh)
    assert problem.en.isascii() or not re.search(r"[\u4e00-\u9fff]", problem.en)
    assert problem.hint_en and hint in problem.hint_zh + problem.hint_en


def test_a_scanned_background_beside_the_file_is_published_as_drawn(tmp_path):
    from PIL import Image

    from hall.pages.floorplan import background_url, floorplan_files

    root = plan_hall(tmp_path, PLAN.replace("  schematic: true", "  schematic: true\n  background: scan.png"))
    Image.new("RGB", (200, 100), "white").save(root / "content" / "scan.png")
    hall, problems = plan_problems(root)
    assert not problems and hall.floorplan.background == "content/scan.png"
    assert background_url(hall.floorplan) == "floorplan/scan.png"
    assert floorplan_files(hall) == [("floorplan/scan.png", root / "content" / "scan.png")]


def test_a_station_in_another_zones_room_is_a_warning_naming_both_zones(tmp_path):
    hall, problems = plan_problems(plan_hall(tmp_path, PLAN.replace("    at: [13, 4]", "    at: [7, 4]")))
    [problem] = problems
    assert problem.level == "warning" and problem.code == "floorplan.station_zone" and problem.line == 20
    assert "crafts" in problem.zh and "history" in problem.en
    assert hall.floorplan.stations[1].room == "history-room"  # it still shows, where staff put it


def test_nothing_is_published_from_a_plan_with_errors(tmp_path):
    root = copy_sample_hall(tmp_path / "hall")
    plan = root / "content" / "floorplan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("zone: history", "zone: histroy"), encoding="utf-8")
    result = run_mkdocs(root, "build", check=False)
    assert result.returncode != 0
    assert "content/floorplan.yml" in result.stderr + result.stdout and "histroy" in result.stderr + result.stdout
    assert not (root / "site" / "visit").exists()


def test_a_draft_exhibits_station_is_left_out_of_public_plans_and_kept_in_previews(tmp_path):
    draft = LOOM + "status: draft\n"
    hall, _ = load_hall(plan_hall(tmp_path, extra={"exhibits/crafts/loom/exhibit.yml": draft}))
    assert [s.exhibit for s in hall.for_audience(False).floorplan.stations] == ["history/mosque"]
    assert [s.exhibit for s in hall.for_audience(True).floorplan.stations] == ["history/mosque", "crafts/loom"]


def test_an_unknown_kiosk_position_is_a_bilingual_error_naming_mkdocs_yml_and_its_line(tmp_path):
    hall, _ = load_hall(plan_hall(tmp_path))
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nplugins:\n  - hall:\n      kiosk: true\n      kiosk_position: lobyy\n", encoding="utf-8")
    log = ProblemLog(tmp_path)
    check_kiosk_position(hall.floorplan, "lobyy", config, log)
    [problem] = log.errors
    assert (problem.code, problem.file, problem.line) == ("floorplan.kiosk_position", "mkdocs.yml", 5)
    assert "lobby" in problem.hint_zh and "lobby" in problem.hint_en and "触摸屏" in problem.zh
    log = ProblemLog(tmp_path)
    check_kiosk_position(hall.floorplan, "lobby", config, log)
    check_kiosk_position(hall.floorplan, "", config, log)  # a kiosk with no place: no marker, no error
    assert not log.problems


def test_geometry_counts_the_outline_as_inside_and_finds_crossing_sides():
    square = ((0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0))
    assert contains(square, (2, 2)) and contains(square, (4, 1)) and not contains(square, (5, 1))
    ell = ((0.0, 0.0), (4.0, 0.0), (4.0, 2.0), (2.0, 2.0), (2.0, 4.0), (0.0, 4.0))
    assert contains(ell, (1, 3)) and not contains(ell, (3, 3))
    assert not sides_cross(square) and not sides_cross(ell)
    assert sides_cross(((0.0, 0.0), (4.0, 4.0), (4.0, 0.0), (0.0, 4.0)))
    assert polygon_area(square) == 16


def test_the_sample_plan_says_it_is_schematic_and_places_every_exhibit():
    from tests.conftest import REPO

    hall, log = load_hall(REPO)
    assert not [p for p in log.problems if p.file == "content/floorplan.yml"]
    plan = hall.floorplan
    assert plan.schematic and "示意" in (REPO / "content/floorplan.yml").read_text(encoding="utf-8")
    assert {s.exhibit for s in plan.stations} == set(hall.exhibits)
    assert {r.zone for r in plan.rooms} == {z.id for z in hall.zones} and plan.kiosk("lobby")


# ------------------------------------------------------------------ the built site


def _stations(page: str) -> list[tuple[str, str]]:
    """(href, accessible name) of every station marker on a page, in document order."""
    return re.findall(r'<a class="hall-plan__station" href="([^"]+)" aria-label="([^"]+)"', page)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_exhibit_is_reachable_from_the_plan_in_route_order(site, prefix):
    from hall.content.guide import visiting_route
    from tests.conftest import REPO

    hall, _ = load_hall(REPO)
    route = visiting_route(hall.for_audience(False))
    page = (site / prefix / "visit" / "index.html").read_text(encoding="utf-8")
    stations = _stations(page)
    assert [href for href, _ in stations] == [f"../exhibits/{e.id}/" for e in route]
    language = prefix.rstrip("/") or "zh"
    assert [html.unescape(name) for _, name in stations] == [f"{e.guide} {e.title.get(language)}" for e in route]
    for href, _ in stations:
        assert (site / prefix / "visit" / href / "index.html").resolve().is_file(), href
    assert ("示意图，不按比例" if language == "zh" else "Schematic, not to scale") in page
    assert ('viewBox="0 0 40 24"' in page) and page.count('<polygon class="hall-plan__room') == 4
    # The text version beside it: every exhibit with its number, in the same order.
    listed = re.findall(r'<span class="hall-route-list__number">(\d+)</span>', page)
    assert listed == [e.guide for e in route]


def test_the_visit_page_is_a_tab_and_start_the_visit_leads_there(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="visit/" class="md-tabs__link">\s*参观\s*</a>', home)
    english = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="visit/" class="md-tabs__link">\s*Visit\s*</a>', english)


def test_each_zone_page_highlights_its_rooms_and_marks_only_its_stations(site):
    page = (site / "exhibits" / "history" / "index.html").read_text(encoding="utf-8")
    assert [href for href, _ in _stations(page)] == ["ming-mosque/", "long-march-memorials/"]
    assert page.count("hall-plan__room--1 is-current") == 1 and page.count(" is-muted") >= 3
    assert "本展区在展厅中的位置" in page


@pytest.fixture(scope="module")
def marked_site(tmp_path_factory) -> Path:
    """The sample hall with a zone title that looks like markup and one exhibit turned draft."""
    project = copy_sample_hall(tmp_path_factory.mktemp("floorplan"))
    zones = project / "exhibits" / "zones.yml"
    zones.write_text(zones.read_text(encoding="utf-8").replace(
        "title: {zh: 序厅, en: Prologue}", 'title: {zh: "序厅<script>x</script>&", en: "Prologue <b>&"}'), encoding="utf-8")
    exhibit = project / "exhibits" / "achievements" / "assistance" / "exhibit.yml"
    exhibit.write_text(exhibit.read_text(encoding="utf-8").replace("status: published", "status: draft"), encoding="utf-8")
    run_mkdocs(project, "build")
    return project / "site"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_drafts_are_absent_and_staff_text_is_escaped_in_the_svg(marked_site, prefix):
    page = (marked_site / prefix / "visit" / "index.html").read_text(encoding="utf-8")
    svg = re.search(r"<svg class=\"hall-plan__svg\".*?</svg>", page, re.S).group(0)
    assert "assistance" not in page and len(_stations(page)) == 10
    assert "<script>x" not in page and "<b>&" not in page
    label = re.search(r'<text class="hall-plan__label" x="7" y="14">(.*?)</text>', svg).group(1)
    assert label in ("序厅&lt;script&gt;x&lt;/script&gt;&amp;", "Prologue &lt;b&gt;&amp;")
