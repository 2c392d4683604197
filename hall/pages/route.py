"""The guided route (参观路线) across the whole hall, and the guide numbers' strings.

A visitor who presses "开始参观 / Start the visit" walks every exhibit in visiting order,
zone after zone (``visiting_route``, hall/content/guide.py), one stop at a time: "第 3 站，
共 11 站 / Stop 3 of 11", the previous and next stop (saying so when the next one is in
another zone), and after the last stop "参观结束 / End of the visit". Stops count only the
exhibits of the hall the pages are made from, so a public build counts only published
exhibits (drafts are stops in previews only).

The visitor's place is kept on the device (localStorage, theme/assets/hall-route.js) by
exhibit id, which both languages share; nothing is sent anywhere. The visit page's start
button (theme/partials/hall-route-start.html) offers to resume from it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..content.guide import visiting_route
from ..content.model import Exhibit, Hall
from ..i18n import Catalog, locale_catalog
from .context import PageContext
from .spec import PageSpec, exhibit_url
from .visit import VISIT_URL

#: The section of hall/locales/<language>.yml holding the guide numbers', keypad's and route's strings.
GUIDE_SECTION = "guide"
#: The keypad page (theme/visit-number.html, hall/pages/keypad.py), from a language's root.
KEYPAD_URL = "visit/number/"


def guide_catalog(language: str, default_language: str = "zh") -> Catalog:
    """The ``guide`` section's strings as a function, like ``hall_t`` for ``ui``: templates
    reach it as ``hall_guide`` (set by the plugin), views through ``guide_strings``."""
    return Catalog(language, locale_catalog(language).get(GUIDE_SECTION, {}),
                   locale_catalog(default_language).get(GUIDE_SECTION, {}))


def guide_strings(views: PageContext) -> Catalog:
    return guide_catalog(views.language, views.hall.default_language)


def route_steps(hall: Hall, views: PageContext, end_url: str = VISIT_URL) -> dict[str, dict[str, Any]]:
    """Each exhibit's place on the route (exhibit id → view of theme/exhibit.html's route
    nav): its stop, the progress text, the previous and next stops across zone boundaries,
    and on the last stop the way out (``end_url``: the visit page, whose button starts again)."""
    g = guide_strings(views)
    zone_of = {exhibit.id: zone for zone in hall.zones for exhibit in zone.exhibits}
    stops = visiting_route(hall)
    total = len(stops)
    steps: dict[str, dict[str, Any]] = {}
    for index, exhibit in enumerate(stops):
        zone = zone_of[exhibit.id]
        previous = stops[index - 1] if index > 0 else None
        following = stops[index + 1] if index + 1 < total else None
        steps[exhibit.id] = {
            "id": exhibit.id,
            "stop": index + 1,
            "total": total,
            "percent": round(100 * (index + 1) / total),
            "progress": g("route_stop", stop=index + 1, total=total),
            "previous": _stop(previous, views, g("route_previous_zone", zone=views.text(zone_of[previous.id].title))
                              if previous is not None and zone_of[previous.id] is not zone else ""),
            "next": _stop(following, views, g("route_next_zone", zone=views.text(zone_of[following.id].title))
                          if following is not None and zone_of[following.id] is not zone else ""),
            "end": None if following is not None else {
                "url": end_url, "label": g("route_end"), "hint": g("route_end_hint", total=total)},
        }
    return steps


def _stop(exhibit: Exhibit | None, views: PageContext, zone_change: str) -> dict[str, Any] | None:
    if exhibit is None:
        return None
    return {"url": exhibit_url(exhibit.id), "title": views.text(exhibit.title),
            "title_lang": views.text_lang(exhibit.title), "guide": exhibit.guide, "zone_change": zone_change}


def route_view(hall: Hall, views: PageContext) -> dict[str, Any] | None:
    """What theme/partials/hall-route-start.html shows: "开始参观" (to stop 1), the resume
    button's wording (hall-route.js fills in the stop saved on this device) and the link
    to the keypad; None for a hall without exhibits."""
    stops = visiting_route(hall)
    if not stops:
        return None
    g = guide_strings(views)
    first = stops[0]
    return {
        "start": {"url": exhibit_url(first.id), "label": g("route_start"),
                  "hint": g("route_start_hint", title=views.text(first.title), total=len(stops))},
        # {stop} and {title} are filled in on the device, from the place saved there
        "resume": {"label": g("route_resume"), "note": g("route_saved_note")},
        "keypad": {"url": KEYPAD_URL, "label": g("keypad_link")},
        "total": len(stops),
    }


def with_route_start(pages: list[PageSpec], hall: Hall, views: PageContext) -> list[PageSpec]:
    """The visit pages with ``route_start`` in their view (``route_view``), read by
    theme/partials/hall-route-start.html at the top of theme/visit.html."""
    return [replace(page, view={**page.view, "route_start": route_view(hall, views)}) for page in pages]
