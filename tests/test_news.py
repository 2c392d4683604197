"""Activity news: folder names, validation, pages, pagination and feeds (parsed with feedparser)."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest

from tests.conftest import copy_sample_hall
from hall.content import load_hall
from hall.content.news import newest_first, parse_folder_name
from hall.dates import PartialDate
from hall.outputs.feeds import FeedEntry, FeedInfo, atom_feed, rss_feed
from hall.pages import SiteOptions, plan_site
from hall.outputs.feeds import feed_entries

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def sample():
    hall, log = load_hall(REPO)
    assert not log.errors, log.format()
    return hall


def test_folder_names_keep_the_precision_written():
    assert parse_folder_name("2021-party-history-lectures") == (PartialDate(2021), "party-history-lectures")
    assert parse_folder_name("2021-06-lecture") == (PartialDate(2021, 6), "lecture")
    assert parse_folder_name("2021-06-30-lecture") == (PartialDate(2021, 6, 30), "lecture")
    assert parse_folder_name("lecture-2021") is None
    assert parse_folder_name("2021-13-lecture") is None  # no month 13
    assert parse_folder_name("2021-Lecture") is None


def test_sample_news_loads_without_invented_days_and_stays_off_the_timeline(sample):
    """The report dates none of its activities: each item is filed under the report's year only,
    and none claims a place on the timeline. The story of one identifiable resident is gone."""
    ids = [item.id for item in sample.news]
    assert set(ids) == {"2021-party-history-lectures", "2021-long-march-visits", "2021-stadium-performance"}
    assert all(item.date.start.precision == "year" for item in sample.news)
    assert {c.id for c in sample.news_categories} == {"study", "performances", "services", "training", "visits"}
    assert not any(item.timeline for item in sample.news)


def test_newest_first_puts_dated_items_before_the_bare_year():
    hall_items = [
        type("I", (), {"sort_key": ((2021, 0, 0), "a")})(),
        type("I", (), {"sort_key": ((2021, 6, 30), "b")})(),
        type("I", (), {"sort_key": ((2020, 0, 0), "c")})(),
    ]
    assert [i.sort_key[1] for i in newest_first(hall_items)] == ["b", "a", "c"]


def _news_problem(tmp_path: Path, folder: str, yml: str) -> list:
    project = copy_sample_hall(tmp_path / "hall")
    target = project / "content" / "news" / folder
    target.mkdir(parents=True)
    (target / "news.yml").write_text(yml, encoding="utf-8")
    (target / "zh.md").write_text("正文。\n", encoding="utf-8")
    _hall, log = load_hall(project)
    return log.errors


def test_bad_folder_name_is_explained(tmp_path):
    errors = _news_problem(tmp_path, "lecture", "title: 讲座\ncategory: study\n")
    assert [e.code for e in errors] == ["news.folder_name"]
    assert "不要编造月日" in errors[0].hint_zh and "never an invented day" in errors[0].hint_en


def test_unknown_category_and_date_mismatch_are_reported_with_lines(tmp_path):
    errors = _news_problem(tmp_path, "2021-06-lecture", "title: 讲座\ndate: 2020-06-01\ncategory: studdy\n")
    by_code = {e.code: e for e in errors}
    assert by_code["news.category"].line == 3 and "study" in by_code["news.category"].hint_en
    assert by_code["news.date_mismatch"].line == 2


def test_pagination_category_and_year_pages_are_planned(sample):
    plan = plan_site(sample, "zh", {}, options=SiteOptions(news_per_page=2))
    uris = {p.src_uri for p in plan.pages}
    assert {"news/index.md", "news/page/2/index.md", "news/study/index.md",
            "news/2021/index.md", "news/2021-party-history-lectures/index.md"} <= uris
    assert "news/page/3/index.md" not in uris
    assert "news/training/index.md" not in uris  # no item is filed under it (tests/test_chrome.py)
    first = next(p for p in plan.pages if p.src_uri == "news/index.md")
    assert len(first.view["items"]) == 2 and first.view["pagination"]["older"] == "news/page/2/"
    nav = [item.title for item in plan.nav]
    assert nav[:6] == ["首页", "参观", "展区", "时间线", "活动动态", "成就"]


def test_feeds_from_the_core_parse_cleanly(sample):
    info = FeedInfo("展厅 · 活动动态", "活动动态", "https://hall.example.cn/", "zh-CN")
    entries = feed_entries(sample, "zh")
    for data in (rss_feed(info, entries), atom_feed(info, entries)):
        feed = feedparser.parse(data)
        assert not feed.bozo, feed.bozo_exception
        assert len(feed.entries) == len(sample.news)
        for entry in feed.entries:
            assert entry.link.startswith("https://hall.example.cn/news/")
            assert entry.updated_parsed is not None and entry.summary  # dc:date or updated (tests/test_feeds_precision.py)
    dated = [e for e in feedparser.parse(rss_feed(info, entries)).entries]
    assert all(e.updated_parsed.tm_year == int(e.link.split("/news/")[1][:4]) for e in dated)


def test_feed_text_is_escaped():
    entry = FeedEntry("x", "A & B <c>", "news/x/", "1 < 2 & 3", PartialDate(2021, 6, 30))
    feed = feedparser.parse(rss_feed(FeedInfo("T", "D", "https://e.cn/en/", "en"), [entry]))
    assert not feed.bozo and feed.entries[0].title == "A & B <c>"
    assert feed.entries[0].link == "https://e.cn/en/news/x/"


@pytest.mark.slow
def test_built_news_pages_and_feeds_in_both_languages(site):
    for root, base, lang_title in ((site, "https://hall.example.cn/", "活动动态"),
                                   (site / "en", "https://hall.example.cn/en/", "News")):
        index = (root / "news" / "index.html").read_text(encoding="utf-8")
        assert lang_title in index
        item = (root / "news" / "2021-party-history-lectures" / "index.html").read_text(encoding="utf-8")
        assert "exhibits/achievements/policy-lectures/" in item  # related exhibit
        assert (root / "news" / "study" / "index.html").exists() and (root / "news" / "2021" / "index.html").exists()
        home = (root / "index.html").read_text(encoding="utf-8")
        assert 'href="news/2021-' in home  # latest news on the home page
        for name, kind in (("feed.xml", "rss20"), ("atom.xml", "atom10")):
            feed = feedparser.parse((root / name).read_bytes())
            assert not feed.bozo, feed.bozo_exception
            assert feed.version == kind and len(feed.entries) == 3
            assert all(e.link.startswith(base + "news/") for e in feed.entries)
            assert 'type="application/rss+xml"' in item and 'type="application/atom+xml"' in item
    assert not (site / "news" / "2020-care-for-an-elderly-resident").exists()  # an identifiable resident
    en_item = (site / "en" / "news" / "2021-stadium-performance" / "index.html").read_text(encoding="utf-8")
    assert "is the year of the Urban Community" in en_item and "not the date of the performance" in en_item
    assert "XXX" not in en_item
