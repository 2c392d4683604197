"""The timeline page and the achievements page of one language (engine-agnostic)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from .charts import Bar, bar_chart
from .content.achievements import Achievements
from .content.timeline import Timeline, TimelineEvent, timeline_events
from .figures import format_figure
from .i18n import HTML_LANG, catalog, format_date_span, format_partial_date
from .views_news import labels, news_url

if TYPE_CHECKING:
    from .content.model import Hall
    from .views import NavItem, PageSpec, _Views


def _era_range(era, language: str) -> str:
    from .dates import PartialDate

    start = format_partial_date(PartialDate(era.start), language) if era.start is not None else ""
    end = format_partial_date(PartialDate(era.end), language) if era.end is not None else ""
    if start and end:
        return f"{start}–{end}"
    return f"{start}–" if start else (f"–{end}" if end else "")


def event_view(views: "_Views", event: TimelineEvent, group_titles: Mapping[str, str]) -> dict[str, Any]:
    t = catalog(views.language, views.hall.default_language)
    link = None
    if event.link_kind == "exhibit" and event.link in views.exhibits:
        link = {"url": f"exhibits/{event.link}/", "kind": t("exhibit"),
                "title": views.text(views.exhibits[event.link].title)}
    elif event.link_kind == "news":
        item = next((n for n in views.hall.news if n.id == event.link), None)
        if item is not None:
            link = {"url": news_url(item.id), "kind": t("news_item"), "title": views.text(item.title)}
    return {
        "id": event.id,
        "date": format_date_span(event.date, views.language),
        "date_iso": event.date.start.iso(),
        "precision": event.date.start.precision,
        "period": views.text(event.period),
        "period_lang": views.text_lang(event.period),
        "group": event.group,
        "group_title": group_titles.get(event.group, event.group),
        "title": views.text(event.title),
        "title_lang": views.text_lang(event.title),
        "text": views.text(event.text),
        "text_lang": views.text_lang(event.text),
        "photo": views.photo(event.photo) if event.photo else None,
        "link": link,
    }


def timeline_slices(hall: "Hall", views: "_Views", newest_first: bool) -> dict[str, list[dict[str, Any]]]:
    """Per exhibit, the timeline events that concern it, for its page and its zone's page:
    each with its date, title and a link to its anchor on the timeline page."""
    if hall.timeline is None:
        return {}
    slices: dict[str, list[dict[str, Any]]] = {}
    for event in timeline_events(hall.timeline, hall.exhibits.values(), hall.news, newest_first=newest_first):
        if event.link_kind == "exhibit" and event.link:
            slices.setdefault(event.link, []).append({
                "date": format_date_span(event.date, views.language),
                "date_iso": event.date.start.iso(),
                "title": views.text(event.title),
                "title_lang": views.text_lang(event.title),
                "url": f"timeline/#{event.id}",
            })
    return slices


def timeline_view(hall: "Hall", views: "_Views", newest_first: bool) -> dict[str, Any]:
    timeline: Timeline = hall.timeline or Timeline()
    language = views.language
    t = catalog(language, hall.default_language)
    exhibits = [e for zone in hall.zones for e in zone.exhibits]
    events = timeline_events(timeline, exhibits, hall.news, newest_first=newest_first)
    group_titles = {g.id: views.text(g.title) for g in timeline.groups}
    bands: list[dict[str, Any]] = []
    for event in events:
        era = timeline.era_of(event)
        era_id = era.id if era else "other"
        if not bands or bands[-1]["id"] != era_id:
            bands.append({
                "id": era_id,
                "title": views.text(era.title) if era else t("era_other"),
                "range": _era_range(era, language) if era else "",
                "events": [],
            })
        bands[-1]["events"].append(event_view(views, event, group_titles))
    used_groups = {event.group for event in events}
    return {
        "kind": "timeline",
        "title": t("timeline"),
        "labels": labels(language, hall.default_language),
        "order": "newest" if newest_first else "oldest",
        "order_text": t("order_newest") if newest_first else t("order_oldest"),
        "groups": [
            {"id": g.id, "title": views.text(g.title), "count": sum(1 for e in events if e.group == g.id)}
            for g in timeline.groups if g.id in used_groups
        ],
        "eras": bands,
        "total": len(events),
        "shown_template": t("shown_count", shown="{shown}", total="{total}"),
    }


def _search_markdown(view: Mapping[str, Any]) -> str:
    parts = []
    for band in view["eras"]:
        for event in band["events"]:
            heading = f"{event['date']} {event['title']}".replace("#", "").replace("{", "(").replace("}", ")")
            parts.append(f"## {heading} {{ #{event['id']} }}\n\n{event['period']}\n\n{event['text']}\n")
    return "\n".join(parts)


def _achievements_view(hall: "Hall", views: "_Views") -> dict[str, Any]:
    achievements: Achievements = hall.achievements
    language = views.language
    t = catalog(language, hall.default_language)
    groups = []
    for group in achievements.groups:
        figures = []
        for figure in group.figures:
            text = format_figure(figure, language)
            figures.append({
                "id": figure.id,
                "label": views.text(figure.label),
                "label_lang": views.text_lang(figure.label),
                "number": text.number,
                "unit": text.unit,
                "full": text.full,
                "qualifier": figure.qualifier,
                "period": format_date_span(figure.period, language) if figure.period else "",
                "source": views.text(figure.source),
            })
        title = views.text(group.title)
        chart = None
        if group.chart and len(group.figures) > 1:
            description = t("chart_desc", title=title, items=t("list_sep").join(
                f"{f['label']} {f['full']}" for f in figures))
            chart = bar_chart(
                [Bar(f["label"], fig.value, f"{f['number']}{f['unit']}" if language == "zh" else
                     f"{f['number']} {f['unit']}".strip(), fig.qualifier == "more_than",
                     f["label_lang"] if f["label_lang"] != HTML_LANG.get(language, language) else "")
                 for f, fig in zip(figures, group.figures)],
                title=title, description=description, chart_id=f"hall-chart-{group.id}",
            )
        groups.append({"id": group.id, "title": title, "figures": figures, "chart": chart})
    sources = list(dict.fromkeys(f["source"] for g in groups for f in g["figures"] if f["source"]))
    return {
        "kind": "achievements",
        "title": t("achievements"),
        "labels": labels(language, hall.default_language),
        "groups": groups,
        "sources": sources,
    }


def plan_timeline_and_achievements(
    hall: "Hall", views: "_Views", options: Mapping[str, Any] | None = None
) -> tuple[list["PageSpec"], list["NavItem"], list["NavItem"]]:
    """The timeline and achievements pages with their navigation entries (timeline, achievements)."""
    from .views import NavItem, PageSpec

    options = options or {}
    t = catalog(views.language, hall.default_language)
    pages: list[PageSpec] = []
    timeline_nav: list[NavItem] = []
    achievements_nav: list[NavItem] = []
    if hall.timeline is not None:
        view = timeline_view(hall, views, options.get("timeline_order", "oldest") == "newest")
        # Each event is its own search result landing on its anchor: the events are also
        # written as Markdown headings with the event's id. The template does not show this
        # Markdown (it shows the same texts as an ordered list); the search index reads it.
        pages.append(PageSpec(
            src_uri="timeline/index.md", dest_uri="timeline/index.html", title=view["title"],
            template="timeline.html",
            body=_search_markdown(view), view=view, hide=("toc",),
        ))
        timeline_nav.append(NavItem(t("timeline"), "timeline/index.md"))
    if hall.achievements is not None and hall.achievements.groups:
        view = _achievements_view(hall, views)
        pages.append(PageSpec(
            src_uri="achievements/index.md", dest_uri="achievements/index.html", title=view["title"],
            template="achievements.html",
            view=view, hide=("toc",),
        ))
        achievements_nav.append(NavItem(t("achievements"), "achievements/index.md"))
    return pages, timeline_nav, achievements_nav
