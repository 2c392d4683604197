"""The timeline page of one language, and each exhibit's slice of the timeline for its own
page and its zone's (engine-agnostic)."""

from __future__ import annotations

from typing import Any, Mapping

from ..content.model import Era, Hall, Timeline, TimelineEvent
from ..content.timeline import timeline_events
from ..dates import PartialDate
from ..i18n import catalog, format_date_span, format_partial_date, strings
from .context import PageContext
from .options import SiteOptions
from .spec import NavItem, PageSpec, markdown_text, news_url


def _era_range(era: Era, language: str) -> str:
    start = format_partial_date(PartialDate(era.start), language) if era.start is not None else ""
    end = format_partial_date(PartialDate(era.end), language) if era.end is not None else ""
    if start and end:
        return f"{start}–{end}"
    return f"{start}–" if start else (f"–{end}" if end else "")


def event_view(views: PageContext, event: TimelineEvent, group_titles: Mapping[str, str]) -> dict[str, Any]:
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


def timeline_slices(hall: Hall, views: PageContext, newest_first: bool) -> dict[str, list[dict[str, Any]]]:
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


def timeline_view(hall: Hall, views: PageContext, newest_first: bool) -> dict[str, Any]:
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
        "labels": strings("ui", language, hall.default_language),
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
            parts.append(f"## {markdown_text(heading)} {{ #{event['id']} }}\n\n{markdown_text(event['period'])}"
                         f"\n\n{markdown_text(event['text'])}\n")
    return "\n".join(parts)


def plan_timeline(hall: Hall, views: PageContext, options: SiteOptions) -> tuple[list[PageSpec], list[NavItem]]:
    """The timeline page and its navigation entry (none without content/timeline.yml)."""
    if hall.timeline is None:
        return [], []
    view = timeline_view(hall, views, options.newest_first)
    # Each event is its own search result landing on its anchor: the events are also
    # written as Markdown headings with the event's id. The template does not show this
    # Markdown (it shows the same texts as an ordered list); the search index reads it.
    page = PageSpec(
        src_uri="timeline/index.md", dest_uri="timeline/index.html", title=view["title"],
        template="timeline.html",
        body=_search_markdown(view), view=view, hide=("toc",),
    )
    return [page], [NavItem(views.t("timeline"), "timeline/index.md")]
