"""The timeline: partial dates and their order, eras, joined entries, link checks, pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import copy_sample_hall
from hall.content import load_hall
from hall.content.model import Localized
from hall.content.model import Era, Timeline, TimelineEvent
from hall.content.timeline import timeline_events
from hall.dates import parse_date_span
from hall.i18n import format_date_span
from hall.pages import SiteOptions, plan_site

REPO = Path(__file__).resolve().parent.parent


def event(event_id: str, date: str, group: str = "history") -> TimelineEvent:
    return TimelineEvent(event_id, parse_date_span(date), Localized({"zh": event_id}), group)


@pytest.fixture(scope="module")
def sample():
    hall, log = load_hall(REPO)
    assert not log.errors, log.format()
    return hall


def test_partial_dates_sort_coarse_before_fine_within_a_year():
    timeline = Timeline(events=(event("d", "2021-06-30"), event("y", "2021"), event("m", "2021-06"),
                                event("old", "1373"), event("range", "2019/2021")))
    assert [e.id for e in timeline_events(timeline, [], [])] == ["old", "range", "y", "m", "d"]
    assert [e.id for e in timeline_events(timeline, [], [], newest_first=True)] == ["d", "m", "y", "range", "old"]


def test_dates_are_shown_at_their_precision():
    assert format_date_span(parse_date_span(1373), "zh") == "1373年"
    assert format_date_span(parse_date_span("2019/2021"), "zh") == "2019年–2021年"
    assert format_date_span(parse_date_span("2019-10"), "en") == "October 2019"


def test_eras_hold_events_by_year():
    timeline = Timeline(eras=(Era("ming", Localized({"zh": "明代"}), 1368, 1644), Era("recent", Localized({"zh": "近年"}), 2019)))
    assert timeline.era_of(event("a", "1373")).id == "ming"
    assert timeline.era_of(event("b", "2021-06")).id == "recent"
    assert timeline.era_of(event("c", "1950")) is None


def test_sample_joins_exhibits_and_news_without_duplicates(sample):
    events = timeline_events(sample.timeline, [e for z in sample.zones for e in z.exhibits], sample.news)
    ids = [e.id for e in events]
    assert ids[0] == "1373-mosque"  # the file's event replaces the joined mosque exhibit
    assert "exhibit-history-ming-mosque" not in ids and "exhibit-history-long-march-memorials" not in ids
    assert "exhibit-prologue-exhibition-hall" in ids  # joined with timeline: true
    assert "news-2021-stadium-performance" not in ids  # the report gives no date for it
    assert "exhibit-achievements-policy-lectures" not in ids  # nor for the lectures
    assert len(ids) == len(set(ids))
    groups = {e.id: e.group for e in events}
    assert groups["exhibit-prologue-exhibition-hall"] == "hall"
    assert groups["2021-work-report"] == "community"
    years = [e.date.start.year for e in events]
    assert years == sorted(years)


def test_a_news_item_with_timeline_true_joins_the_news_group(tmp_path):
    """Once staff confirm an activity's date, `timeline: true` puts the item on the timeline."""
    project = copy_sample_hall(tmp_path / "hall")
    path = project / "content/news/2021-stadium-performance/news.yml"
    path.write_text(path.read_text(encoding="utf-8") + "timeline: true\n", encoding="utf-8")
    hall, log = load_hall(project)
    assert not log.errors, log.format()
    events = timeline_events(hall.timeline, [e for z in hall.zones for e in z.exhibits], hall.news)
    assert {e.id: e.group for e in events}["news-2021-stadium-performance"] == "community"


def test_order_is_configurable(sample):
    oldest = plan_site(sample, "zh", {}).pages
    newest = plan_site(sample, "zh", {}, options=SiteOptions(timeline_order="newest")).pages
    view = lambda pages: next(p for p in pages if p.src_uri == "timeline/index.md").view
    assert view(oldest)["eras"][0]["id"] == "ming"
    assert view(newest)["eras"][0]["id"] == "recent" and view(newest)["order"] == "newest"
    first_events = [e["id"] for e in view(newest)["eras"][0]["events"]]
    assert first_events[-1] == "exhibit-prologue-exhibition-hall"


def test_bad_link_group_and_date_are_reported(tmp_path):
    project = copy_sample_hall(tmp_path / "hall")
    path = project / "content" / "timeline.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("link: history/ming-mosqe", "").replace("link: history/ming-mosque", "link: history/ming-mosqe")
    text = text.replace("    group: community\n    title: {zh: 城市社区总结", "    group: comunity\n    title: {zh: 城市社区总结")
    text = text.replace("date: 2021\n    group", "date: 2021年\n    group")
    path.write_text(text, encoding="utf-8")
    _hall, log = load_hall(project)
    codes = {e.code: e for e in log.errors}
    assert "history/ming-mosque" in codes["timeline.link"].hint_zh
    assert "community" in codes["timeline.group"].hint_en
    assert codes["field.date"].line is not None and "2021" in codes["field.date"].hint_zh


@pytest.mark.slow
def test_built_timeline_in_both_languages(site):
    zh = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    en = (site / "en" / "timeline" / "index.html").read_text(encoding="utf-8")
    for html in (zh, en):
        for anchor in ('id="1373-mosque"', 'id="2021-work-report"', 'id="exhibit-prologue-exhibition-hall"',
                       'id="era-ming"', 'id="era-recent"',
                       'href="#era-ming"', "data-hall-timeline-filter", 'datetime="1373"'):
            assert anchor in html, anchor
        assert html.index('id="1373-mosque"') < html.index('id="2021-work-report"')
        assert "news-2020-care-for-an-elderly-resident" not in html
    assert "明洪武六年" in zh and "1373年" in zh and "明代" in zh
    assert "Hongwu reign" in en and "The Ming dynasty" in en and "Oldest first" in en
    assert '<ol class="hall-timeline__events">' in en
