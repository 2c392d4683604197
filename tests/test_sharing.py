"""Sharing (issue 19): every page's link preview names the page and the hall, describes it
in a sentence of its own, and has a picture: its photo or a share card drawn at build time
(hall/outputs/seo.py, hall/media/cards.py)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from PIL import Image, ImageStat

from hall.media.cards import CARD_SIZE, card_style, find_font, write_cards, wrap
from hall.outputs.seo import Site, describe, page_seo
from tests.conftest import run_mkdocs

ROOT = "https://hall.example.cn/"
NAMES = {"": "X县民族团结文化展厅", "en/": "X County Ethnic Unity Cultural Exhibition Hall"}
LOGO = Path(__file__).resolve().parent.parent / "theme" / "assets" / "apple-touch-icon.png"


def _metas(page: Path) -> dict[str, str]:
    head = page.read_text(encoding="utf-8").split("</head>")[0]
    return dict(re.findall(r'<meta property="(og:[a-z:]+)" content="([^"]*)"', head))


def _pages(site: Path) -> list[tuple[str, Path]]:
    """Every page of both languages, with its language's root ("" or "en/"); 404.html aside
    (never shared, and drawn by Material without page data)."""
    pages = []
    for page in sorted(site.rglob("index.html")):
        rel = page.relative_to(site).as_posix()
        if not rel.startswith(("assets/", "media/", "pagefind/")):
            pages.append(("en/" if rel.startswith("en/") else "", page))
    return pages


def test_every_page_names_itself_and_the_hall_describes_itself_and_has_a_picture(site: Path):
    pages = _pages(site)
    assert len(pages) > 50
    cards = set()
    for root, page in pages:
        og, name = _metas(page), NAMES[root]
        assert og.get("og:title", "").endswith(name), page
        is_home = page.relative_to(site).as_posix() == f"{root}index.html"
        assert og["og:title"] == name if is_home else og["og:title"].endswith(f" | {name}"), page
        assert og.get("og:description") and og["og:description"] != name, page
        image = og.get("og:image", "")
        assert image.startswith(ROOT), page
        assert (site / image.removeprefix(ROOT)).is_file(), (page, image)
        if "/assets/cards/" in "/" + image.removeprefix(ROOT):
            cards.add(site / image.removeprefix(ROOT))
            assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
    assert cards, "the timeline and the about pages have no photo: they are shared with cards"
    for card in cards:
        with Image.open(card) as image:
            assert image.size == CARD_SIZE and image.format == "PNG"
            stats = ImageStat.Stat(image.convert("L"))
            assert stats.stddev[0] > 20, card  # not one flat colour: title, band, logo drawn
            assert len(image.convert("RGB").getcolors(1 << 16) or ()) > 20, card  # antialiased text


def test_the_timeline_is_described_as_a_timeline_not_by_its_first_date(site: Path):
    zh = _metas(site / "timeline/index.html")
    en = _metas(site / "en/timeline/index.html")
    assert zh["og:title"] == "时间线 | X县民族团结文化展厅"
    assert zh["og:description"].startswith("X县民族团结文化展厅的时间线") and "明洪武" not in zh["og:description"]
    assert en["og:description"].startswith("The timeline of the X County")


def test_list_pages_say_what_they_hold():
    view = {"kind": "news-list", "title": "参观学习", "categories": [{"title": "参观学习", "current": True}], "years": []}
    assert describe(view, "", "zh", "展厅") == "展厅“参观学习”类的活动动态。"
    view = {"kind": "news-list", "title": "News from 2021", "categories": [], "years": [{"year": 2021, "current": True}]}
    assert describe(view, "", "en", "the Hall") == "News from 2021 at the the Hall."


def test_a_page_without_summary_is_described_by_its_first_sentence_without_notes():
    body = "# 标题\n\n> 待补充：开放时间。\n\n展厅位于站院巷【待核实：门牌号】。欢迎参观。\n"
    assert describe({"kind": "page"}, body, "zh", "展厅") == "展厅位于站院巷。"
    assert describe({"kind": "page"}, "&lt;Ming&gt; mosque. More.", "en", "Hall") == "<Ming> mosque."


def test_a_page_without_a_photo_gets_a_card_and_its_title_with_the_hall(tmp_path: Path):
    style = card_style([], LOGO, tmp_path / "cache")
    site = Site(ROOT, ("zh", "en"), {"zh": "展厅", "en": "The Hall"}, cards=style)
    seo = page_seo(site, "zh", "timeline/index.html", "时间线", {"kind": "timeline", "eras": []})
    assert seo["og"]["og:title"] == "时间线 | 展厅"
    assert re.fullmatch(r"https://hall\.example\.cn/assets/cards/[0-9a-f]{24}\.png", seo["og"]["og:image"])
    assert seo["og"]["og:image:alt"] == "时间线 | 展厅"
    assert page_seo(site, "zh", "index.html", "展厅", {"kind": "home"})["og"]["og:title"] == "展厅"


def test_cards_are_drawn_once_and_reused_from_the_cache(tmp_path: Path):
    style = card_style([], LOGO, tmp_path / "cache")
    cards = [("时间线", "展厅"), ("About this site", "The Hall"), ("时间线", "展厅")]
    assert write_cards(style, cards, tmp_path / "one") == 2
    cached = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "cache").iterdir()}
    assert write_cards(style, cards, tmp_path / "two") == 0
    assert {p.name: p.stat().st_mtime_ns for p in (tmp_path / "cache").iterdir()} == cached
    assert sorted(p.name for p in (tmp_path / "two/assets/cards").iterdir()) == sorted(cached)


def test_without_a_cjk_font_every_page_gets_the_logo_card(tmp_path: Path):
    assert find_font(["/nowhere/msyh.ttc", str(LOGO)]) == ("", 0)  # a PNG is no font
    style = card_style(["/nowhere/msyh.ttc"], LOGO, tmp_path / "cache")
    assert style.font == ""
    assert write_cards(style, [("时间线", "展厅"), ("成就", "展厅")], tmp_path / "site") == 1
    [card] = (tmp_path / "site/assets/cards").iterdir()
    with Image.open(card) as image:
        assert image.size == CARD_SIZE and ImageStat.Stat(image.convert("L")).stddev[0] > 20


def test_titles_wrap_between_chinese_characters_and_between_english_words():
    assert wrap("民族团结", [10, 10, 10, 10], 25) == ["民族", "团结"]
    assert wrap("Ethnic Unity Hall", [70, 60, 40], 135) == ["Ethnic Unity", "Hall"]


def test_a_warm_rebuild_draws_no_card_again(built_hall: Path, tmp_path: Path):
    project = tmp_path / "hall"
    shutil.copytree(built_hall, project, symlinks=True)
    cache = project / ".cache/hall-media/cards"
    before = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert len(before) >= 4
    run_mkdocs(project, "build")
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == before
    for card in (project / "site/assets/cards").iterdir():
        assert card.samefile(cache / card.name)  # linked from the cache, not drawn again
