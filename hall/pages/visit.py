"""The visiting strip (address, hours, booking phone …) and the "start the visit" entry.

Shown on the home page and on the pages named in ``VISIT_PAGES`` (the about page), from
``content/visit.yml`` (hall/content/visit.py); without that file there is no strip.
Where "start the visit" leads is decided in one place, ``visit_start``: the visit page
(floor plan and route, hall/pages/visitplan.py) when the hall has a plan or any exhibit, so
every strip and button follows; else the list of zones.
"""

from __future__ import annotations

from typing import Any

from ..content.model import Hall
from ..content.visit import tel_href
from .context import PageContext
from .spec import ZONES_SRC

#: The free pages (content/pages/<slug>.*.md) that show the strip below their text.
VISIT_PAGES: tuple[str, ...] = ("about",)
#: The visit page: floor plan, route list and this strip (hall/pages/visitplan.py).
VISIT_URL = "visit/"


def visit_start(hall: Hall) -> str:
    """The page where the visit starts: the visit page when there is anything to visit (a
    floor plan or an exhibit), else the list of zones."""
    return VISIT_URL if hall.floorplan is not None or hall.exhibits else ZONES_SRC.removesuffix("index.md")


def visit_view(hall: Hall, views: PageContext) -> dict[str, Any] | None:
    """The strip's texts in the page's language, each fact as a term and its value; None
    without a visit.yml. Facts left empty (a placeholder dropped from a public build) are
    left out, so a visitor never reads a label with nothing after it."""
    visit = hall.visit
    if visit is None:
        return None
    t = views.t
    phone = views.text(visit.phone)
    hours = [{"days": views.text(row.days), "time": views.text(row.time)} for row in visit.hours]
    hours = [row for row in hours if row["days"] or row["time"]]
    facts = [
        {"id": "address", "term": t("visit_address"), "text": views.text(visit.address), "copyable": True},
        {"id": "hours", "term": t("visit_hours"), "hours": hours},
        {"id": "closed", "term": t("visit_closed"), "text": views.text(visit.closed)},
        {"id": "phone", "term": t("visit_phone"), "text": phone, "tel": tel_href(phone)},
        {"id": "booking", "term": t("visit_booking"), "text": views.text(visit.booking)},
        {"id": "directions", "term": t("visit_directions"), "text": views.text(visit.directions)},
        {"id": "accessibility", "term": t("visit_accessibility"), "text": views.text(visit.accessibility)},
    ]
    return {
        "title": t("visit_title"),
        "facts": [fact for fact in facts if fact.get("text") or fact.get("hours")],
        "start": {"url": visit_start(hall), "label": t("visit_start")},
        "copy_button": {"label": t("visit_copy"), "done": t("visit_copied")},
    }
