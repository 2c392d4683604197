"""The collection's pages of one language: the list of zones, each zone's page (its exhibits
as a gallery, its slice of the timeline) and each exhibit's page (engine-agnostic)."""

from __future__ import annotations

from typing import Any

from ..content.model import Hall
from ..i18n import format_list
from .cite import cite_words
from .context import PageContext
from .floorplan import floorplan_view, zone_tour
from .lead import lead
from .route import route_steps
from .spec import ZONES_SRC, PageSpec, entry_page


def plan_zones_index(hall: Hall, views: PageContext) -> PageSpec:
    """/exhibits/: every zone, in visiting order (the 展区 tab opens it)."""
    zones_title = views.t("zones")
    return PageSpec(
        src_uri=ZONES_SRC,
        dest_uri="exhibits/index.html",
        title=zones_title,
        template="zones.html",
        hide=("toc",),
        view={"kind": "zones", "title": zones_title, "zones": [views.zone_summary(z) for z in hall.zones],
              "intro": views.t("zones_intro", names=format_list([views.text(z.title) for z in hall.zones], views.language))
              if hall.zones else ""},
    )


def plan_zones(hall: Hall, views: PageContext, on_timeline: dict[str, list[dict[str, Any]]]) -> list[PageSpec]:
    """Each zone's page followed by its exhibits' pages, in visiting order; ``on_timeline``
    gives each exhibit's timeline events (``timeline.timeline_slices``)."""
    pages: list[PageSpec] = []
    steps = route_steps(hall, views)  # the guided route across zones (route.py)
    for zone in hall.zones:
        zone_view = views.zone_summary(zone)
        zone_view.update(kind="zone", exhibits=[views.card(e) for e in zone.exhibits],
                         timeline=[event for e in zone.exhibits for event in on_timeline.get(e.id, [])],
                         floorplan=floorplan_view(hall, views, zone.id),  # its rooms highlighted (floorplan.py)
                         tour=zone_tour(hall, views, zone.id))  # its 720° scene, if any
        pages.append(PageSpec(
            src_uri=f"exhibits/{zone.id}/index.md",
            dest_uri=f"exhibits/{zone.id}/index.html",
            title=zone_view["title"],
            template="zone.html",
            hide=("toc",),
            view=zone_view,
        ))
        route = list(zone.exhibits)
        for index, exhibit in enumerate(route):
            body, shared = views.entry(exhibit)
            view = views.card(exhibit)
            view.update(
                shared,
                kind="exhibit",
                zone={"id": zone.id, "title": zone_view["title"], "url": zone_view["url"]},
                era_lang=views.text_lang(exhibit.era),
                summary_lang=views.text_lang(exhibit.summary),
                lead=lead(view["summary"], body.text if body else None),  # the summary, unless the body opens with it
                timeline=on_timeline.get(exhibit.id, []),
                route=steps[exhibit.id],  # stop n of all, previous / next stop across zones
                position=views.t("of", index=index + 1, total=len(route)),
                cite=cite_words(views.language, hall.default_language),  # "cite this page" (pages/cite.py)
            )
            pages.append(entry_page(f"exhibits/{exhibit.id}/", "exhibit.html", view["title"], view, body))
    return pages
