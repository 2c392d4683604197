"""Pages of the activity news: paginated list, category pages, yearly archive, one page per item.

Engine-agnostic like ``hall/views.py``: returns ``PageSpec``s and ``NavItem``s for one
language, and the feed entries the adapter writes as RSS and Atom.

URLs (per language root): ``news/``, ``news/page/2/``, ``news/<category>/``,
``news/<year>/``, ``news/<YYYY[-MM[-DD]]-slug>/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from .content.news import NewsCategory, NewsItem, newest_first
from .feeds import FeedEntry
from .i18n import HTML_LANG, catalog, format_date_span, strings

if TYPE_CHECKING:
    from .content.model import Hall
    from .views import NavItem, PageSpec, _Views

DEFAULT_PER_PAGE = 10


def news_url(item_id: str) -> str:
    return f"news/{item_id}/"


def labels(language: str, default: str) -> dict[str, str]:
    return strings("ui", language, default)


def news_card(views: "_Views", item: NewsItem, categories: Mapping[str, NewsCategory]) -> dict[str, Any]:
    category = categories.get(item.category)
    return {
        "id": item.id,
        "url": news_url(item.id),
        "title": views.text(item.title),
        "title_lang": views.text_lang(item.title),
        "summary": views.text(item.summary),
        "summary_lang": views.text_lang(item.summary),
        "date": format_date_span(item.date, views.language),
        "date_iso": item.date.start.iso(),
        "category": {
            "id": item.category,
            "title": views.text(category.title) if category else item.category,
            "url": f"news/{item.category}/",
        },
        "photo": views.photo(item.cover) if item.cover else None,
        "draft": item.status == "draft",
        "translated": item.title.has(views.language) and views.language in item.bodies,
    }


def latest_news(hall: "Hall", views: "_Views", count: int = 3) -> dict[str, Any]:
    """The home page's "latest news" block: its heading, link and newest items."""
    categories = {c.id: c for c in hall.news_categories}
    t = catalog(views.language, hall.default_language)
    return {
        "title": t("news_latest"),
        "more": t("news_more"),
        "url": "news/",
        "items": [news_card(views, item, categories) for item in newest_first(hall.news)[:count]],
    }


def plan_news(
    hall: "Hall", views: "_Views", options: Mapping[str, Any] | None = None
) -> tuple[list["PageSpec"], list["NavItem"]]:
    """Every news page of one language, and the news entry of the navigation."""
    from .views import NavItem, PageSpec, entry_page

    if not hall.news and not hall.news_categories:
        return [], []
    options = options or {}
    per_page = max(1, int(options.get("news_per_page") or DEFAULT_PER_PAGE))
    language, default = views.language, hall.default_language
    t = catalog(language, default)
    words = labels(language, default)
    categories = {c.id: c for c in hall.news_categories}
    items = newest_first(hall.news)
    cards = {item.id: news_card(views, item, categories) for item in items}
    years = sorted({item.date.start.year for item in items}, reverse=True)
    pages: list[PageSpec] = []

    def facets(current_category: str | None, current_year: int | None) -> dict[str, Any]:
        return {
            "categories": [
                {"id": c.id, "title": views.text(c.title), "url": f"news/{c.id}/",
                 "count": sum(1 for i in items if i.category == c.id), "current": c.id == current_category}
                for c in hall.news_categories
            ],
            "years": [
                {"year": year, "url": f"news/{year}/", "current": year == current_year,
                 "count": sum(1 for i in items if i.date.start.year == year)}
                for year in years
            ],
        }

    def list_page(src: str, title: str, subset: list[NewsItem], extra: dict[str, Any], searchable: bool) -> None:
        view = {
            "kind": "news-list", "title": title, "items": [cards[i.id] for i in subset], "labels": words,
            "feeds": {"rss": "feed.xml", "atom": "atom.xml"}, **extra,
        }
        pages.append(PageSpec(
            src_uri=src, dest_uri=src.replace("index.md", "index.html"), title=title, template="news-list.html",
            view=view, searchable=searchable, hide=("toc",),
        ))

    # The paginated list, newest first: news/, news/page/2/, …
    chunks = [items[i:i + per_page] for i in range(0, len(items), per_page)] or [[]]
    page_urls = ["news/"] + [f"news/page/{n}/" for n in range(2, len(chunks) + 1)]
    for number, chunk in enumerate(chunks, start=1):
        title = t("news") if number == 1 else f"{t('news')} · {t('news_page', number=number)}"
        pagination = {
            "pages": [{"number": n, "url": u, "current": n == number} for n, u in enumerate(page_urls, start=1)],
            "newer": page_urls[number - 2] if number > 1 else None,
            "older": page_urls[number] if number < len(chunks) else None,
        } if len(chunks) > 1 else None
        src = "news/index.md" if number == 1 else f"news/page/{number}/index.md"
        list_page(src, title, chunk, {**facets(None, None), "pagination": pagination, "all_current": True}, number == 1)

    for category in hall.news_categories:
        subset = [i for i in items if i.category == category.id]
        title = views.text(category.title)
        list_page(f"news/{category.id}/index.md", title, subset,
                  {**facets(category.id, None), "pagination": None, "heading_kind": t("news_category")}, False)

    for year in years:
        subset = [i for i in items if i.date.start.year == year]
        title = t("news_archive_year", year=year)
        list_page(f"news/{year}/index.md", title, subset,
                  {**facets(None, year), "pagination": None, "heading_kind": t("news_year")}, False)

    for index, item in enumerate(items):
        body, shared = views.entry(item)
        view = dict(cards[item.id])
        view.update(
            shared,
            kind="news-item",
            labels=words,
            newer=cards[items[index - 1].id] if index > 0 else None,
            older=cards[items[index + 1].id] if index + 1 < len(items) else None,
        )
        pages.append(entry_page(news_url(item.id), "news-item.html", view["title"], view, body))
    return pages, [NavItem(t("news"), "news/index.md")]


def feed_entries(hall: "Hall", language: str) -> list[FeedEntry]:
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


def chronicle_photo_files(hall: "Hall") -> list[str]:
    """Photos of news items and timeline events, for the media pipeline."""
    files = [photo.file for item in hall.news for photo in item.images]
    if hall.timeline is not None:
        files += [event.photo.file for event in hall.timeline.events if event.photo]
    return files


def write_news_feeds(hall: "Hall", language: str, site_name: str, site_url: str | None, site_dir) -> list[str]:
    """Write feed.xml (RSS 2.0) and atom.xml into one language's site folder.

    Returns the files written; none when the hall has no news or no ``site_url``
    (feeds need absolute addresses).
    """
    from pathlib import Path

    from .feeds import ATOM_FILE, RSS_FILE, FeedInfo, atom_feed, rss_feed

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
