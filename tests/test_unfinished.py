"""Unfinished work is flagged (skeleton text, Chinese in English, empty zones, future dates,
long titles, a missing tags.yml), ``--strict`` makes it fatal, and ids may be written as labels."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from hall.cli.scaffold import new_exhibit, new_news, new_zone
from hall.content import load_hall
from hall.content.unfinished import HAN_SHARE, han_share
from tests.conftest import REPO, run_hall, run_mkdocs
from tests.support.sites import finished_sample_hall
from tests.test_content import EXHIBIT, make_hall
from tests.test_staff_errors import NEWS_YML, add_news

TODAY = dt.date(2026, 5, 1)
TAGS = "religion: {zh: 宗教, en: Religion}\nhistory: {zh: 历史, en: History}\n"


def unfinished(root: Path, today: dt.date = TODAY) -> list:
    _, log = load_hall(root, today=today)
    assert not log.errors, log.format()
    return [p for p in log.warnings if p.code.startswith("unfinished.")]


# -- skeleton text ----------------------------------------------------------------------------


def test_a_published_skeleton_warns_at_its_title_summary_and_bodies(tmp_path):
    root = make_hall(tmp_path)
    new_exhibit(root, "history/old-well")
    yml = root / "exhibits/history/old-well/exhibit.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("status: draft", "status: published"), encoding="utf-8")
    found = unfinished(root)
    assert {p.code for p in found} == {"unfinished.skeleton"}
    by_file = {(p.file, p.line) for p in found}
    title_line = next(n for n, text in enumerate(yml.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("title:"))
    assert ("exhibits/history/old-well/exhibit.yml", title_line) in by_file
    assert ("exhibits/history/old-well/exhibit.yml", title_line + 3) in by_file  # summary:
    assert ("exhibits/history/old-well/zh.md", 4) in by_file and ("exhibits/history/old-well/en.md", 3) in by_file
    assert all(p.zh and p.en and p.hint_zh and p.hint_en for p in found)


def test_a_draft_skeleton_is_fine(tmp_path):
    root = make_hall(tmp_path)
    new_exhibit(root, "history/old-well")
    assert unfinished(root) == []


def test_the_zone_and_news_skeletons_are_flagged_too(tmp_path):
    root = make_hall(tmp_path)
    add_news(root)  # gives the hall its categories
    new_zone(root, "crafts")
    news = new_news(root, "2024-05-lecture")[0]
    news.write_text(news.read_text(encoding="utf-8").replace("status: draft", "status: published"), encoding="utf-8")
    found = {(p.code, p.file) for p in unfinished(root)}
    assert found == {
        ("unfinished.skeleton", "exhibits/zones.yml"), ("unfinished.empty_zone", "exhibits/zones.yml"),
        ("unfinished.skeleton", "content/news/2024-05-lecture/news.yml"),
        ("unfinished.skeleton", "content/news/2024-05-lecture/zh.md"),
        ("unfinished.skeleton", "content/news/2024-05-lecture/en.md"),
    }
    assert len([p for p in unfinished(root) if p.file == "exhibits/zones.yml"]) == 3  # title, intro, no exhibits


def test_the_sample_halls_own_placeholder_notices_are_not_flagged():
    """Its staff notes (``> 待补充：…``) are not the scaffold's template text; only the scaffold's texts count."""
    hall, log = load_hall(REPO)
    assert "> 待补充：" in hall.exhibits["history/ming-mosque"].bodies["zh"].text
    assert [p for p in log.problems if p.code.startswith("unfinished.")] == [], log.format()


# -- Chinese in the English body ---------------------------------------------------------------


def test_chinese_pasted_into_en_md_warns(tmp_path):
    root = make_hall(tmp_path)
    (root / "exhibits/history/mosque/en.md").write_text(
        "古建筑清真寺始建于明洪武六年（1373年），展厅依托它现有的场地和文化资源建成。\n", encoding="utf-8")
    [problem] = unfinished(root)
    assert problem.code == "unfinished.chinese_in_translation" and problem.file == "exhibits/history/mosque/en.md"
    assert "en.md" in problem.zh and "Chinese" in problem.en and "en.md" in problem.hint_en


def test_an_english_body_quoting_chinese_names_is_fine(tmp_path):
    root = make_hall(tmp_path)
    text = ("The activity room of Beihuan Road Community (北环路社区) and the one planned in Miaochuan (庙川) "
            "show the community's work for ethnic unity and progress to its residents and visitors.\n")
    (root / "exhibits/history/mosque/en.md").write_text(text, encoding="utf-8")
    assert han_share(text)[0] < HAN_SHARE
    assert unfinished(root) == []


def test_han_share_counts_han_characters_against_words_without_comments():
    assert han_share("<!-- 注释 comment -->one two three 四") == (0.25, 1)
    assert han_share("No Chinese here.") == (0.0, 0)


# -- zones, dates, titles ------------------------------------------------------------------


def test_a_zone_without_published_exhibits_warns_at_its_line(tmp_path):
    root = make_hall(tmp_path)
    zones = root / "exhibits/zones.yml"
    zones.write_text(zones.read_text(encoding="utf-8") + "- id: crafts\n  title: {zh: 手工艺, en: Crafts}\n",
                     encoding="utf-8")
    (root / "exhibits/crafts").mkdir()
    [problem] = unfinished(root)
    assert problem.code == "unfinished.empty_zone" and (problem.file, problem.line) == ("exhibits/zones.yml", 3)
    assert "crafts" in problem.zh and "crafts" in problem.en


def test_a_news_item_dated_after_today_warns_and_not_once_the_day_has_come(tmp_path):
    root = make_hall(tmp_path)
    add_news(root, folder="2031-06-01-lectures", yml=NEWS_YML.replace("status: draft", "status: published"))
    [problem] = unfinished(root)
    assert problem.code == "unfinished.future_date" and problem.file == "content/news/2031-06-01-lectures/news.yml"
    assert "2031-06-01" in problem.zh and "2026-05-01" in problem.en
    assert unfinished(root, today=dt.date(2031, 6, 1)) == []


def test_an_exhibit_date_and_a_timeline_event_in_the_future_warn_with_lines(tmp_path):
    timeline = ("groups:\n  - id: history\n    title: {zh: 历史, en: History}\n"
                "events:\n  - date: 2030\n    group: history\n    title: {zh: 事件, en: Event}\n")
    root = make_hall(tmp_path, EXHIBIT.replace("date: 1373", "date: 2027-03"), {"content/timeline.yml": timeline})
    found = {(p.file, p.line) for p in unfinished(root)}
    assert found == {("exhibits/history/mosque/exhibit.yml", 3), ("content/timeline.yml", 5)}
    assert unfinished(root, today=dt.date(2026, 12, 31)) != []  # 2027-03 is still to come
    assert unfinished(root, today=dt.date(2030, 1, 1)) == []  # during 2030, "2030" is not in the future


def test_titles_longer_than_their_language_limit_warn(tmp_path):
    fine = make_hall(tmp_path / "a", EXHIBIT.replace("古建筑清真寺", "清" * 40).replace("The Historic Mosque", "M" * 120))
    assert unfinished(fine) == []
    long = make_hall(tmp_path / "b", EXHIBIT.replace("古建筑清真寺", "清" * 41).replace("The Historic Mosque", "M" * 121))
    found = unfinished(long)
    assert [p.code for p in found] == ["unfinished.long_title"] * 2 and {p.line for p in found} == {1}
    assert any("41" in p.zh and "40" in p.zh for p in found) and any("121" in p.en and "120" in p.en for p in found)


def test_a_missing_tags_file_is_one_warning_naming_it(tmp_path):
    root = make_hall(tmp_path, EXHIBIT.replace("order: 10", "order: 10\ntags: [religion, history, ming]"))
    _, log = load_hall(root)
    [problem] = log.warnings
    assert problem.code == "tag.file_missing" and problem.file == "exhibits/tags.yml"
    assert "exhibits/tags.yml" in problem.zh and "exhibits/tags.yml" in problem.en and "3" in problem.en


# -- strict mode ---------------------------------------------------------------------------


def _finished_sample(tmp_path: Path) -> Path:
    return finished_sample_hall(tmp_path / "hall")


def _date_news_in_the_future(project: Path) -> None:
    """A slip of the year, as the tester's 2031: the item would top the home page."""
    news = project / "content/news"
    folder = news / "2999-stadium-performance"
    shutil.move(news / "2021-stadium-performance", folder)
    yml = folder / "news.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("date: 2021", "date: 2999"), encoding="utf-8")


def test_check_strict_turns_the_warnings_into_errors(tmp_path):
    project = _finished_sample(tmp_path)
    assert run_hall(project, "check", "--strict").returncode == 0
    _date_news_in_the_future(project)
    relaxed = run_hall(project, "check")
    assert relaxed.returncode == 0 and "unfinished" not in relaxed.stderr and "2999" in relaxed.stderr
    strict = run_hall(project, "check", "--strict")
    assert strict.returncode == 1 and "Traceback" not in strict.stderr
    assert "[错误 error] content/news/2999-stadium-performance/news.yml" in strict.stderr
    assert "after today" in strict.stderr and "Check failed" in strict.stdout + strict.stderr


def test_build_strict_fails_on_a_warning_and_leaves_the_site_untouched(tmp_path):
    project = _finished_sample(tmp_path)
    _date_news_in_the_future(project)
    (project / "site").mkdir()
    (project / "site/index.html").write_text("previous site", encoding="utf-8")
    result = run_hall(project, "build", "--strict")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "2999" in result.stderr and "the previous site is untouched" in result.stderr
    assert [p.name for p in (project / "site").iterdir()] == ["index.html"]
    assert (project / "site/index.html").read_text(encoding="utf-8") == "previous site"


@pytest.mark.slow
def test_mkdocs_build_strict_fails_on_a_content_warning_before_writing(tmp_path):
    project = _finished_sample(tmp_path)
    _date_news_in_the_future(project)
    (project / "site").mkdir()
    (project / "site/index.html").write_text("previous site", encoding="utf-8")
    result = run_mkdocs(project, "build", "--strict", check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "2999" in result.stderr
    assert [p.name for p in (project / "site").iterdir()] == ["index.html"]
    assert not list(project.glob(".site.building-*"))


# -- ids written as labels ------------------------------------------------------------------


def test_tags_may_be_written_as_their_chinese_or_english_labels(tmp_path):
    root = make_hall(tmp_path, EXHIBIT.replace("order: 10", "order: 10\ntags: [宗教, History, religion]"),
                     {"exhibits/tags.yml": TAGS})
    hall, log = load_hall(root, today=TODAY)
    assert not log.problems, log.format()
    assert hall.exhibits["history/mosque"].tags == ("religion", "history", "religion")


def test_an_unknown_tag_lists_the_ids_with_their_labels(tmp_path):
    root = make_hall(tmp_path, EXHIBIT.replace("order: 10", "order: 10\ntags: [清真寺]"), {"exhibits/tags.yml": TAGS})
    _, log = load_hall(root, today=TODAY)
    [problem] = log.warnings
    assert problem.code == "tag.unknown"
    assert "religion（宗教）、history（历史）" in problem.hint_zh
    assert "religion (Religion), history (History)" in problem.hint_en


def test_a_news_category_may_be_written_as_its_label(tmp_path):
    root = make_hall(tmp_path)
    add_news(root, yml=NEWS_YML.replace("category: study", "category: 学习宣讲"))
    hall, log = load_hall(root, today=TODAY)
    assert not log.problems, log.format()
    assert hall.news[0].category == "study"


def test_an_unknown_news_category_lists_the_ids_with_their_labels(tmp_path):
    root = make_hall(tmp_path)
    add_news(root, yml=NEWS_YML.replace("category: study", "category: 社区工作"))
    _, log = load_hall(root, today=TODAY)
    [problem] = log.errors
    assert problem.code == "news.category"
    assert "study（学习宣讲）" in problem.hint_zh and "study (Study)" in problem.hint_en


def test_timeline_groups_and_joined_zones_may_be_written_as_labels(tmp_path):
    timeline = ("groups:\n  - id: community\n    title: {zh: 社区工作, en: Community work}\n"
                "joined:\n  zones: {历史: 社区工作}\n  news: Community work\n"
                "events:\n  - date: 2021\n    group: 社区工作\n    title: {zh: 事件, en: Event}\n")
    hall, log = load_hall(make_hall(tmp_path, files={"content/timeline.yml": timeline}), today=TODAY)
    assert not log.problems, log.format()
    assert hall.timeline.events[0].group == "community"
    assert hall.timeline.zone_groups == {"history": "community"} and hall.timeline.news_group == "community"


def test_an_unknown_timeline_group_lists_the_ids_with_their_labels(tmp_path):
    timeline = ("groups:\n  - id: community\n    title: {zh: 社区工作, en: Community work}\n"
                "events:\n  - date: 2021\n    group: 宗教\n    title: {zh: 事件, en: Event}\n")
    _, log = load_hall(make_hall(tmp_path, files={"content/timeline.yml": timeline}), today=TODAY)
    [problem] = log.errors
    assert problem.code == "timeline.group" and problem.line == 6
    assert "community（社区工作）" in problem.hint_zh and "community (Community work)" in problem.hint_en


@pytest.mark.parametrize("value", ["宗", "religion（宗教）"])
def test_a_partial_or_decorated_label_does_not_match(tmp_path, value):
    root = make_hall(tmp_path, EXHIBIT.replace("order: 10", f"order: 10\ntags: [{value}]"), {"exhibits/tags.yml": TAGS})
    _, log = load_hall(root, today=TODAY)
    assert [p.code for p in log.warnings] == ["tag.unknown"]
