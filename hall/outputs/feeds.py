"""RSS 2.0 and Atom feeds of the activity news, one pair per language.

Built with ``xml.etree`` (every text escaped, well-formed by construction). URLs are
absolute, from the language's ``site_url``.

Dates carry the precision staff wrote, no more (issue 19: "2021" had become "01 Jan 2021
12:00 +0800", a day and an hour nobody knows):

- A full day (2021-06-30): RSS ``pubDate`` and Atom ``published``/``updated`` are that day
  at noon China time. Both formats require a time; noon is the convention that keeps the
  same calendar day for readers in China and in every zone from UTC-4 to UTC+14.
- A year or a month (2021, 2021-06): RSS gets no ``pubDate``. It is optional (RSS 2.0
  spec), and when present must be a full RFC 822 date-time, so any value would invent a
  day. The item keeps its place in the feed's order (newest first, a year-only item after
  the dated items of its year), and ``dc:date`` (Dublin Core, which takes W3C-DTF's
  ``2021`` and ``2021-06``) says exactly what is known, for the readers that show it.
  Atom cannot leave the date out: every entry needs ``updated`` (RFC 4287, 4.1.2), a full
  RFC 3339 date-time. It gets the first instant of the period (``2021-01-01T00:00:00+08:00``),
  the one value that is never later than the truth, so readers that sort by it keep the
  feed's order; ``published`` (optional) is left out and ``dc:date`` carries the precision.
- The channel's ``lastBuildDate`` (optional) follows the newest item: left out when that
  item has no full day; the Atom feed's ``updated`` (required) follows its newest entry.
"""

from __future__ import annotations

import datetime as dt
import html
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import urljoin

from ..content.model import Hall
from ..content.news import newest_first
from ..dates import PartialDate
from ..i18n import HTML_LANG, catalog
from ..pages.spec import news_url

ATOM_NS = "http://www.w3.org/2005/Atom"
DC_NS = "http://purl.org/dc/elements/1.1/"
CHINA_TIME = dt.timezone(dt.timedelta(hours=8))
RSS_FILE = "feed.xml"
ATOM_FILE = "atom.xml"


@dataclass(frozen=True)
class FeedEntry:
    id: str  # stable: the news folder name
    title: str
    path: str  # site-relative URL of the page, e.g. "news/2021-lectures/"
    summary: str
    date: PartialDate
    category: str = ""


@dataclass(frozen=True)
class FeedInfo:
    title: str
    description: str
    site_url: str  # absolute, this language's root, ending in "/"
    language: str  # e.g. "zh-CN"
    news_path: str = "news/"


def entry_time(date: PartialDate) -> dt.datetime:
    """The timestamp a format that requires one gets (see the module docstring): a full
    day at noon China time, a year or month at the first instant of the period."""
    noon = dt.time(12, 0) if date.precision == "day" else dt.time(0, 0)
    return dt.datetime.combine(date.first_day(), noon, CHINA_TIME)


def rss_date(date: PartialDate) -> str | None:
    """RSS ``pubDate`` for a full day; None for a year or a month (no day is known)."""
    return format_datetime(entry_time(date)) if date.precision == "day" else None


def _absolute(info: FeedInfo, path: str) -> str:
    return urljoin(info.site_url if info.site_url.endswith("/") else info.site_url + "/", path)


def _newest(entries: list[FeedEntry]) -> FeedEntry | None:
    return max(entries, key=lambda e: e.date.sort_key, default=None)


def _updated(entries: list[FeedEntry]) -> dt.datetime:
    newest = _newest(entries)
    return entry_time(newest.date) if newest else dt.datetime(2000, 1, 1, tzinfo=CHINA_TIME)


def rss_feed(info: FeedInfo, entries: list[FeedEntry]) -> bytes:
    """RSS 2.0, with an atom:link to itself as the RSS Advisory Board recommends."""
    ET.register_namespace("atom", ATOM_NS)
    ET.register_namespace("dc", DC_NS)
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    ET.SubElement(channel, "title").text = info.title
    ET.SubElement(channel, "link").text = _absolute(info, info.news_path)
    ET.SubElement(channel, "description").text = info.description
    ET.SubElement(channel, "language").text = info.language
    newest = _newest(entries)
    if newest and rss_date(newest.date):
        ET.SubElement(channel, "lastBuildDate").text = rss_date(newest.date)
    ET.SubElement(channel, f"{{{ATOM_NS}}}link", {
        "href": _absolute(info, RSS_FILE), "rel": "self", "type": "application/rss+xml",
    })
    for entry in entries:
        item = ET.SubElement(channel, "item")
        url = _absolute(info, entry.path)
        ET.SubElement(item, "title").text = entry.title
        ET.SubElement(item, "link").text = url
        ET.SubElement(item, "guid", {"isPermaLink": "true"}).text = url
        if rss_date(entry.date):
            ET.SubElement(item, "pubDate").text = rss_date(entry.date)
        ET.SubElement(item, f"{{{DC_NS}}}date").text = entry.date.iso()
        if entry.category:
            ET.SubElement(item, "category").text = entry.category
        # RSS readers take <description> as HTML: the summary, HTML-escaped, shows as typed
        # (<Ming> stays, <script> is text); titles are plain text, as in Atom's type="text".
        ET.SubElement(item, "description").text = html.escape(entry.summary, quote=False)
    return ET.tostring(rss, encoding="utf-8", xml_declaration=True)


def atom_feed(info: FeedInfo, entries: list[FeedEntry]) -> bytes:
    """Atom 1.0 (RFC 4287): ids are the absolute page URLs, dates RFC 3339."""
    ET.register_namespace("", ATOM_NS)
    ET.register_namespace("dc", DC_NS)

    def sub(parent: ET.Element, tag: str, attrs: dict[str, str] | None = None, text: str | None = None) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs or {})
        if text is not None:
            element.text = text
        return element

    feed = ET.Element(f"{{{ATOM_NS}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": info.language})
    sub(feed, "title", text=info.title)
    sub(feed, "subtitle", text=info.description)
    sub(feed, "id", text=_absolute(info, info.news_path))
    sub(feed, "link", {"href": _absolute(info, info.news_path), "rel": "alternate", "type": "text/html"})
    sub(feed, "link", {"href": _absolute(info, ATOM_FILE), "rel": "self", "type": "application/atom+xml"})
    sub(feed, "updated", text=_updated(entries).isoformat())
    author = sub(feed, "author")
    sub(author, "name", text=info.title)
    for entry in entries:
        element = sub(feed, "entry")
        url = _absolute(info, entry.path)
        sub(element, "title", text=entry.title)
        sub(element, "id", text=url)
        sub(element, "link", {"href": url, "rel": "alternate", "type": "text/html"})
        stamp = entry_time(entry.date).isoformat()
        if entry.date.precision == "day":
            sub(element, "published", text=stamp)
        sub(element, "updated", text=stamp)
        ET.SubElement(element, f"{{{DC_NS}}}date").text = entry.date.iso()
        if entry.category:
            sub(element, "category", {"term": entry.category})
        sub(element, "summary", {"type": "text"}, entry.summary)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def feed_entries(hall: Hall, language: str) -> list[FeedEntry]:
    """The news of one language's feeds, newest first (untranslated text falls back to zh)."""
    categories = {c.id: c for c in hall.news_categories}
    entries = []
    for item in newest_first(hall.news):
        category = categories.get(item.category)
        summary = item.summary.get(language) if item.summary else ""
        entries.append(FeedEntry(
            id=item.id,
            title=item.title.get(language),
            path=news_url(item.id),
            summary=summary or item.title.get(language),
            date=item.date.start,
            category=category.title.get(language) if category else item.category,
        ))
    return entries


def write_news_feeds(hall: Hall, language: str, site_name: str, site_url: str | None, site_dir: Path) -> list[str]:
    """Write feed.xml (RSS 2.0) and atom.xml into one language's site folder.

    Returns the files written; none when the hall has no news or no ``site_url``
    (feeds need absolute addresses).
    """
    if not hall.news or not site_url:
        return []
    t = catalog(language, hall.default_language)
    info = FeedInfo(
        title=f"{site_name} · {t('news')}", description=f"{site_name} · {t('news')}",
        site_url=site_url, language=HTML_LANG.get(language, language),
    )
    entries = feed_entries(hall, language)
    folder = Path(site_dir)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / RSS_FILE).write_bytes(rss_feed(info, entries))
    (folder / ATOM_FILE).write_bytes(atom_feed(info, entries))
    return [RSS_FILE, ATOM_FILE]
