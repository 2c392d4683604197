"""Guide numbers (导览编号), the keypad page and the guided route: the numbering in the core
(hall/content/guide.py), the route's view (hall/pages/route.py), and what the built sample
hall shows: numbers on exhibit pages and cards, the keypad's list, the route across zones."""

from __future__ import annotations

import json
import subprocess
import re
from html import unescape
from pathlib import Path

import pytest

from hall.content import load_hall
from hall.content.guide import exhibits_by_guide, visiting_route
from hall.pages.context import PageContext
from hall.pages.route import route_steps, route_view

ROUTE = [  # the sample hall's route: (exhibit id, guide number)
    ("prologue/exhibition-hall", "101"), ("prologue/one-family", "102"),
    ("history/ming-mosque", "201"), ("history/long-march-memorials", "202"),
    ("customs/customs-and-culture", "301"), ("customs/cultural-performance", "302"),
    ("achievements/practice-square", "401"), ("achievements/activity-room", "402"),
    ("achievements/zhanyuan-lane", "403"), ("achievements/policy-lectures", "404"),
    ("achievements/assistance", "405"),
]


# ---------- the numbers, in the core ----------

def small_hall(root: Path, zones: dict[str, list[tuple[str, str]]]) -> Path:
    """A hall of ``zones``: zone id → [(exhibit slug, extra exhibit.yml lines)], in order."""
    lines = []
    (root / "exhibits").mkdir(parents=True)
    for zone, exhibits in zones.items():
        lines.append(f"- id: {zone}\n  title: {{zh: 展区{zone}, en: Zone {zone}}}\n")
        for order, (slug, extra) in enumerate(exhibits, start=1):
            folder = root / "exhibits" / zone / slug
            folder.mkdir(parents=True)
            (folder / "exhibit.yml").write_text(
                f"title: {{zh: 展品{slug}, en: Exhibit {slug}}}\norder: {order * 10}\n{extra}", encoding="utf-8")
            (folder / "zh.md").write_text("正文。\n", encoding="utf-8")
    (root / "exhibits" / "zones.yml").write_text("".join(lines), encoding="utf-8")
    return root


def numbers(root: Path, drafts: bool = True) -> dict[str, str]:
    hall, log = load_hall(root)
    assert not log.errors, log.format()
    return {e.id: e.guide for e in visiting_route(hall.for_audience(include_drafts=drafts))}


def test_numbers_come_in_blocks_of_a_hundred_per_zone_in_visiting_order(tmp_path):
    root = small_hall(tmp_path, {"a": [("one", ""), ("two", ""), ("three", "")], "b": [("four", "")]})
    assert numbers(root) == {"a/one": "101", "a/two": "102", "a/three": "103", "b/four": "201"}


def test_a_zone_s_numbers_stay_when_another_zone_gains_an_exhibit(tmp_path):
    before = numbers(small_hall(tmp_path / "before", {"a": [("one", "")], "b": [("two", ""), ("three", "")]}))
    after = numbers(small_hall(tmp_path / "after", {"a": [("new", ""), ("one", "")], "b": [("two", ""), ("three", "")]}))
    assert after["b/two"] == before["b/two"] == "201" and after["b/three"] == before["b/three"] == "202"


def test_a_pinned_number_is_kept_and_only_the_exhibit_it_was_taken_from_moves(tmp_path):
    root = small_hall(tmp_path, {"a": [("one", ""), ("two", "guide: 101\n"), ("three", "")], "b": [("four", "guide: 12\n")]})
    # a/one's place (101) is pinned by a/two: a/one alone moves, after its zone's last place
    assert numbers(root) == {"a/one": "104", "a/two": "101", "a/three": "103", "b/four": "12"}
    hall, _ = load_hall(root)
    assert exhibits_by_guide(hall)["12"].id == "b/four"
    assert [e.guide_pinned for e in visiting_route(hall)] == [False, True, False, True]


def test_pinning_a_number_moves_no_neighbour(tmp_path):
    zones = {"a": [("one", ""), ("two", ""), ("three", ""), ("four", "")], "b": [("five", "")]}
    before = numbers(small_hall(tmp_path / "before", zones))
    zones["a"][1] = ("two", "guide: 50\n")  # pinned outside every block
    zones["a"][2] = ("three", "guide: 104\n")  # pinned to a later neighbour's place
    after = numbers(small_hall(tmp_path / "after", zones))
    assert before == {"a/one": "101", "a/two": "102", "a/three": "103", "a/four": "104", "b/five": "201"}
    assert after == {"a/one": "101", "a/two": "50", "a/three": "104", "a/four": "105", "b/five": "201"}


def test_a_number_used_twice_is_a_bilingual_error_with_file_and_line(tmp_path):
    root = small_hall(tmp_path, {"a": [("one", "guide: 7\n")], "b": [("two", "status: published\nguide: 7\n")]})
    _, log = load_hall(root)
    [problem] = [p for p in log.errors if p.code == "guide.duplicate"]
    assert problem.file == "exhibits/b/two/exhibit.yml" and problem.line == 4
    assert "导览编号 7" in problem.zh and "a/one" in problem.zh
    assert "guide number 7" in problem.en and problem.hint_zh and problem.hint_en
    assert problem.format().splitlines()[0].startswith("[错误 error] exhibits/b/two/exhibit.yml:4")


@pytest.mark.parametrize("value", ["x12", "0", "12345", "true", "-3", "1.5", "'１２'"])
def test_a_number_a_visitor_cannot_key_in_is_an_error_on_its_line(tmp_path, value):
    root = small_hall(tmp_path, {"a": [("one", f"guide: {value}\n")]})
    _, log = load_hall(root)
    assert [(p.code, p.file, p.line) for p in log.errors] == [("guide.invalid", "exhibits/a/one/exhibit.yml", 3)]
    assert "1 至 4 位" in log.errors[0].zh and "1 to 4 digits" in log.errors[0].en


def test_a_leading_zero_is_the_same_number(tmp_path):
    root = small_hall(tmp_path, {"a": [("one", "guide: '012'\n")]})
    assert numbers(root) == {"a/one": "12"}


def test_drafts_are_numbered_but_only_previews_have_them(tmp_path):
    root = small_hall(tmp_path, {"a": [("one", ""), ("draft", "status: draft\n"), ("three", "")]})
    assert numbers(root, drafts=True) == {"a/one": "101", "a/draft": "102", "a/three": "103"}
    assert numbers(root, drafts=False) == {"a/one": "101", "a/three": "103"}  # publishing it later moves nothing


# ---------- the route's view ----------

def test_route_steps_count_only_the_published_exhibits_and_cross_zones(tmp_path):
    root = small_hall(tmp_path, {"a": [("one", ""), ("draft", "status: draft\n")], "b": [("two", ""), ("three", "")]})
    hall, _ = load_hall(root)
    public = hall.for_audience(include_drafts=False)
    steps = route_steps(public, PageContext(public, "en", {}, ""))
    assert [(s["id"], s["stop"], s["progress"]) for s in steps.values()] == [
        ("a/one", 1, "Stop 1 of 3"), ("b/two", 2, "Stop 2 of 3"), ("b/three", 3, "Stop 3 of 3")]
    assert steps["a/one"]["next"]["url"] == "exhibits/b/two/" and steps["a/one"]["next"]["zone_change"] == "Next zone: Zone b"
    assert steps["b/two"]["previous"]["zone_change"] == "Previous zone: Zone a"
    assert steps["b/three"]["previous"]["zone_change"] == "" and steps["b/three"]["next"] is None
    assert steps["b/three"]["end"]["url"] == "visit/" and steps["a/one"]["end"] is None
    preview = hall.for_audience(include_drafts=True)
    assert route_steps(preview, PageContext(preview, "zh", {}, ""))["b/three"]["progress"] == "第 4 站，共 4 站"


def test_route_view_starts_at_stop_one_and_keeps_placeholders_for_the_device(tmp_path):
    hall, _ = load_hall(small_hall(tmp_path, {"a": [("one", ""), ("two", "")]}))
    view = route_view(hall, PageContext(hall, "zh", {}, ""))
    assert view["start"]["url"] == "exhibits/a/one/" and view["keypad"]["url"] == "visit/number/"
    assert view["start"]["hint"] == "从第 1 站“展品one”开始，共 2 站。"
    assert "{stop}" in view["resume"]["label"] and "{title}" in view["resume"]["label"]  # hall-route.js fills them
    empty = small_hall(tmp_path / "empty", {"a": []})
    hall, _ = load_hall(empty)
    assert route_view(hall, PageContext(hall, "zh", {}, "")) is None


# ---------- the built sample hall ----------

def html(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def script_loaded(page: str, name: str) -> bool:
    """The page loads theme/assets/<name>.js (its name may carry a content hash)."""
    return re.search(rf'<script src="[^"]*assets/{name}(\.[0-9a-f]+)?\.js" defer>', page) is not None


def text_of(fragment: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


@pytest.mark.parametrize("root, label", [("", "导览编号"), ("en/", "Guide number")])
def test_every_exhibit_page_shows_its_guide_number_by_its_title(site, root, label):
    for exhibit, number in ROUTE:
        page = html(site, f"{root}exhibits/{exhibit}/index.html")
        badge = re.search(r'</h1>\s*<div class="hall-exhibit__facts">\s*<p class="hall-guide-number" data-search-exclude>(.*?)</p>',
                          page, re.S)
        assert badge, exhibit
        assert f'<span class="hall-guide-number__value" aria-hidden="true">{number}</span>' in badge.group(1)
        assert f'<span class="hall-visually-hidden">{label} {number}</span>' in badge.group(1)


@pytest.mark.parametrize("root", ["", "en/"])
def test_zone_cards_show_each_exhibit_s_number(site, root):
    for zone in ("prologue", "history", "customs", "achievements"):
        page = html(site, f"{root}exhibits/{zone}/index.html")
        cards = re.findall(r'<a class="hall-card__link" href="([^"]+)/">.*?<p class="hall-card__guide[^"]*">(.*?)</p>', page, re.S)
        expected = [(e.split("/")[1], n) for e, n in ROUTE if e.startswith(zone + "/")]
        assert [(href, text_of(badge).split()[-1]) for href, badge in cards] == expected


@pytest.mark.parametrize("root, title", [("", "输入展品编号"), ("en/", "Enter the exhibit number")])
def test_keypad_page_lists_every_number_with_its_exhibit_and_holds_the_table(site, root, title):
    page = html(site, f"{root}visit/number/index.html")
    assert f"<h1>{title}</h1>" in page
    listed = re.findall(r'<li><a href="\.\./\.\./exhibits/([^"]+)/"><span class="hall-keypad-list__number">(\d+)</span>', page)
    assert listed == ROUTE
    table = json.loads(re.search(r"<script type=\"application/json\" data-hall-keypad-table>(.*?)</script>", page, re.S).group(1))
    assert {number: entry[0] for number, entry in table["table"].items()} == {n: e for e, n in ROUTE}
    assert '<form class="hall-keypad"' in page and 'inputmode="numeric"' in page and "hidden>" in page  # shown by JS
    assert script_loaded(page, "hall-keypad") and 'role="status"' in page
    assert all(f'data-hall-key="{key}"' in page for key in "0123456789")


def test_keypad_table_is_json_that_staff_text_cannot_break_out_of(tmp_path):
    from hall.pages.keypad import plan_keypad

    root = small_hall(tmp_path, {"a": [("one", "")]})
    yml = root / "exhibits/a/one/exhibit.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("title: {zh: 展品one", "title: {zh: '</script><b>&'"), encoding="utf-8")
    hall, log = load_hall(root)
    assert not log.errors, log.format()
    view = plan_keypad(hall, PageContext(hall, "zh", {}, "")).view
    assert view["table"] == {"101": ["a/one", "</script><b>&"]}


@pytest.mark.parametrize("root", ["", "en/"])
def test_the_route_runs_across_zones_with_progress_first_and_last_stop(site, root):
    zh = root == ""
    def nav(exhibit: str) -> str:
        page = html(site, f"{root}exhibits/{exhibit}/index.html")
        return re.search(r'<nav class="hall-route".*?</nav>', page, re.S).group(0)

    first, mosque, zone_end, last = nav(ROUTE[0][0]), nav(ROUTE[2][0]), nav(ROUTE[1][0]), nav(ROUTE[-1][0])
    assert ("第 1 站，共 11 站" if zh else "Stop 1 of 11") in first and 'rel="prev"' not in first
    assert ("第 3 站，共 11 站" if zh else "Stop 3 of 11") in mosque
    assert '<progress max="11" value="3" aria-hidden="true">' in mosque
    assert 'data-hall-route-id="history/ming-mosque"' in mosque and 'data-hall-route-stop="3"' in mosque
    # the last exhibit of a zone leads to the first of the next, saying so
    assert 'rel="next" href="../../history/ming-mosque/"' in zone_end
    assert ("下一展区：历史印记" if zh else "Next zone: Traces of History") in text_of(zone_end)
    assert 'rel="prev" href="../../prologue/one-family/"' in mosque
    assert ("上一展区：序厅" if zh else "Previous zone: Prologue") in text_of(mosque)
    # within a zone: no zone change mentioned; back to the zone is kept
    assert 'rel="next" href="../long-march-memorials/"' in mosque and "展区：" not in text_of(mosque).split("下一站")[-1]
    assert 'class="hall-route__zone" href="../"' in mosque
    # the last stop: no next, the end of the visit, back to the visit page
    assert 'rel="next"' not in last
    assert ("参观结束" if zh else "End of the visit") in last and 'class="hall-route__next hall-route__end" href="../../../visit/"' in last
    assert script_loaded(html(site, f"{root}exhibits/{ROUTE[2][0]}/index.html"), "hall-route")


def test_the_visit_page_offers_the_start_the_resume_and_the_keypad(site):
    for root in ("", "en/"):
        page = html(site, f"{root}visit/index.html")
        start = re.search(r'<div class="hall-route-start">.*?</div>', page, re.S)
        assert start, root
        assert 'href="../exhibits/prologue/exhibition-hall/"' in start.group(0)
        assert "data-hall-route-resume" in start.group(0) and 'href="number/"' in start.group(0)


def test_keypad_and_route_pages_are_valid_html(site):
    """The Nu HTML Checker (as tests/test_html_valid.py runs it) on the pages this feature
    adds or changes, which that test's list of page types does not hold."""
    from tests.test_html_valid import VNU

    pages = ["visit/number/index.html", "visit/index.html", f"exhibits/{ROUTE[-1][0]}/index.html",
             "exhibits/achievements/index.html"]  # the middle stops: test_html_valid.py's exhibit page
    files = [str(site / root / page) for root in ("", "en/") for page in pages]
    result = subprocess.run(["java", "-Xss8m", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').split('/site/')[-1]}:{m.get('lastLine')}: {m.get('message')}" for m in messages
              if m.get("type") == "error" or m.get("subType") == "fatal"]
    assert errors == []


def test_the_exhibit_scaffold_explains_the_guide_field_and_its_example_is_valid(tmp_path):
    from hall.cli.scaffold import new_exhibit

    root = small_hall(tmp_path, {"a": [("one", "")], "b": [("two", "")]})
    [yml, *_] = [p for p in new_exhibit(root, "b/new") if p.name == "exhibit.yml"]
    text = yml.read_text(encoding="utf-8")
    assert "导览编号" in text and "Guide number" in text and "# guide: 101" in text
    assert numbers(root)["b/new"] == "202"  # unpinned: the next number of its zone's block
    yml.write_text(text.replace("# guide: 101", "guide: 150"), encoding="utf-8")
    assert numbers(root)["b/new"] == "150"
    # a pin wins over a number given in visiting order: that exhibit takes its block's next one
    yml.write_text(text.replace("# guide: 101", "guide: 101"), encoding="utf-8")
    assert numbers(root) == {"a/one": "102", "b/two": "201", "b/new": "101"}


def test_the_guide_badge_stays_out_of_the_search_index(site):
    """Read aloud and shown, but not indexed: "导览编号201导览编号201" broke the excerpt."""
    from tests.test_build import _indexed_text

    text = _indexed_text(site, "/exhibits/history/ming-mosque/")
    assert "古建筑清真寺始建于明洪武六年" in text and "导览编号" not in text
