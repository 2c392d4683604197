"""Pages of the activity news: paginated list, category pages, yearly archive, one page per item.

Engine-agnostic: returns ``PageSpec``s and ``NavItem``s for one language (the feeds are
written by ``hall/outputs/feeds.py``).

URLs (per language root): ``news/``, ``news/page/2/``, ``news/<category>/``,
``news/<year>/``, ``news/<YYYY[-MM[-DD]]-slug>/``.
"""

from __future__ import annotations

from typing import Any, Mapping

from ..content.model import Hall, NewsCategory, NewsItem
from ..content.news import newest_first
from ..i18n import catalog, format_date_span, strings
from .context import PageContext
from .lead import lead
from .options import SiteOptions
from .spec import NavItem, PageSpec, entry_page, news_url


def news_card(views: PageContext, item: NewsItem, categories: Mapping[str, NewsCategory]) -> dict[str, Any]:
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


def listed_categories(hall: Hall) -> list[NewsCategory]:
    """The categories that have items (in this build: drafts count only in previews), in
    their configured order: an empty one listed as "业务培训 (0)" leads a visitor nowhere."""
    used = {item.category for item in hall.news}
    return [c for c in hall.news_categories if c.id in used]


def latest_news(hall: Hall, views: PageContext, count: int = 3) -> dict[str, Any]:
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
    hall: Hall, views: PageContext, options: SiteOptions
) -> tuple[list[PageSpec], list[NavItem]]:
    """Every news page of one language, and the news entry of the navigation."""
    if not hall.news and not hall.news_categories:
        return [], []
    per_page = max(1, options.news_per_page or SiteOptions.news_per_page)  # 0: the default, as before
    language, default = views.language, hall.default_language
    t = catalog(language, default)
    words = strings("ui", language, default)
    categories = {c.id: c for c in hall.news_categories}
    items = newest_first(hall.news)
    cards = {item.id: news_card(views, item, categories) for item in items}
    listed = listed_categories(hall)  # a category with nothing in it is neither listed nor given a page
    years = sorted({item.date.start.year for item in items}, reverse=True)
    pages: list[PageSpec] = []

    def facets(current_category: str | None, current_year: int | None) -> dict[str, Any]:
        return {
            "categories": [
                {"id": c.id, "title": views.text(c.title), "url": f"news/{c.id}/",
                 "count": sum(1 for i in items if i.category == c.id), "current": c.id == current_category}
                for c in listed
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

    for category in listed:
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
            lead=lead(view["summary"], body.text if body else None),  # the summary, unless the body opens with it
            labels=words,
            newer=cards[items[index - 1].id] if index > 0 else None,
            older=cards[items[index + 1].id] if index + 1 < len(items) else None,
        )
        pages.append(entry_page(news_url(item.id), "news-item.html", view["title"], view, body))
    return pages, [NavItem(t("news"), "news/index.md")]
