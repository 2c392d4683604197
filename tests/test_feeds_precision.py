"""Feeds carry the precision staff wrote (issue 19): a year-only or month-only news item never
becomes "01 Jan 2021 12:00 +0800" (hall/outputs/feeds.py says what is emitted and why)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser

from hall.dates import PartialDate
from hall.outputs.feeds import FeedEntry, FeedInfo, atom_feed, rss_feed

INFO = FeedInfo("展厅 · 活动动态", "活动动态", "https://hall.example.cn/", "zh-CN")
A = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
DAY = FeedEntry("day", "有日期", "news/day/", "s", PartialDate(2021, 6, 30))
MONTH = FeedEntry("month", "有月份", "news/month/", "s", PartialDate(2021, 5))
YEAR = FeedEntry("year", "只有年份", "news/year/", "s", PartialDate(2021))


def _items(data: bytes) -> dict[str, ET.Element]:
    return {item.findtext("link").rsplit("/", 2)[1]: item for item in ET.fromstring(data).iter("item")}


def test_a_year_or_month_only_item_has_no_rss_pubdate_but_says_what_is_known():
    data = rss_feed(INFO, [DAY, MONTH, YEAR])
    items = _items(data)
    assert items["year"].find("pubDate") is None and items["year"].findtext(f"{DC}date") == "2021"
    assert items["month"].find("pubDate") is None and items["month"].findtext(f"{DC}date") == "2021-05"
    assert b"01 Jan 2021" not in data and b"01 May 2021" not in data
    assert not feedparser.parse(data).bozo


def test_a_full_day_keeps_its_rss_pubdate_on_that_day():
    items = _items(rss_feed(INFO, [DAY, YEAR]))
    assert items["day"].findtext("pubDate").startswith("Wed, 30 Jun 2021")
    assert items["day"].findtext(f"{DC}date") == "2021-06-30"


def test_items_keep_their_order_without_dates():
    links = [e.link for e in feedparser.parse(rss_feed(INFO, [DAY, MONTH, YEAR])).entries]
    assert links == [f"https://hall.example.cn/news/{n}/" for n in ("day", "month", "year")]


def test_the_channel_has_no_last_build_date_when_the_newest_item_has_no_day():
    assert ET.fromstring(rss_feed(INFO, [YEAR])).find("channel/lastBuildDate") is None
    assert ET.fromstring(rss_feed(INFO, [DAY, YEAR])).findtext("channel/lastBuildDate").startswith("Wed, 30 Jun 2021")


def test_atom_dates_a_year_only_entry_at_the_start_of_its_year_without_a_published_date():
    feed = ET.fromstring(atom_feed(INFO, [DAY, MONTH, YEAR]))
    entries = {e.findtext(f"{A}id").rsplit("/", 2)[1]: e for e in feed.iter(f"{A}entry")}
    year, month, day = entries["year"], entries["month"], entries["day"]
    assert year.findtext(f"{A}updated") == "2021-01-01T00:00:00+08:00" and year.find(f"{A}published") is None
    assert year.findtext(f"{DC}date") == "2021"
    assert month.findtext(f"{A}updated") == "2021-05-01T00:00:00+08:00" and month.findtext(f"{DC}date") == "2021-05"
    assert day.findtext(f"{A}published") == "2021-06-30T12:00:00+08:00"
    assert feed.findtext(f"{A}updated") == "2021-06-30T12:00:00+08:00"
    assert not feedparser.parse(atom_feed(INFO, [DAY, MONTH, YEAR])).bozo


def test_the_built_feeds_invent_no_day_for_the_sample_news(site: Path):
    for root in (site, site / "en"):
        data = (root / "feed.xml").read_bytes()
        for item in ET.fromstring(data).iter("item"):
            known = item.findtext(f"{DC}date")
            assert known, item.findtext("link")
            assert (item.find("pubDate") is not None) == (len(known) == 10), item.findtext("link")
        for entry in ET.fromstring((root / "atom.xml").read_bytes()).iter(f"{A}entry"):
            known = entry.findtext(f"{DC}date")
            assert (entry.find(f"{A}published") is not None) == (len(known) == 10)
            assert entry.findtext(f"{A}updated").startswith(known)
