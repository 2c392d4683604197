"""The visit page (``visit/``, ``en/visit/``): the floor plan, the route in visiting order as a
list, and the visiting strip; where every "start the visit" button leads (pages/visit.py).

In a kiosk build the plans also carry "you are here" at the kiosk's configured position
(``with_kiosk_position``): one kiosk build per position, so each touch screen says where it
stands without any script or request at run time.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Mapping, Sequence

from ..content.model import Hall
from ..media import ImageSet
from .context import PageContext
from .floorplan import floorplan_view, plan_strings, route_list, with_here
from .spec import NavItem, PageSpec, SitePlan
from .visit import VISIT_URL, visit_view

VISIT_SRC = VISIT_URL + "index.md"


def plan_visit_page(hall: Hall, views: PageContext) -> tuple[list[PageSpec], list[NavItem]]:
    """The visit page and its tab, when the hall has a plan or any exhibit (else nothing)."""
    if hall.floorplan is None and not hall.exhibits:
        return [], []
    s = plan_strings(views)
    page = PageSpec(
        src_uri=VISIT_SRC,
        dest_uri=VISIT_URL + "index.html",
        title=s["title"],
        template="visit.html",
        hide=("navigation", "toc"),
        view={
            "kind": "visit",
            "title": s["title"],
            "intro": s["intro"],
            "floorplan": floorplan_view(hall, views),
            "route": route_list(hall, views),
            "route_title": s["list_title"],
            "route_intro": s["list_intro"],
            "tour_link": s["tour_link"],
            "visit": visit_view(hall, views),
        },
    )
    return [page], [NavItem(s["title"], VISIT_SRC)]


def visit_section(visit_nav: Sequence[NavItem], tour_nav: Sequence[NavItem], views: PageContext) -> tuple[NavItem, ...]:
    """One 参观 tab holding the plan-and-route page and the 720° tour: a tab fewer on a phone."""
    if not visit_nav or not tour_nav:
        return (*visit_nav, *tour_nav)
    s = plan_strings(views)
    return (NavItem(s["title"], None, (NavItem(s["nav_plan"], VISIT_SRC), *tour_nav)),)


def with_kiosk_position(plan: SitePlan, hall: Hall, images: Mapping[str, ImageSet], position: str) -> SitePlan:
    """Every page's floor plan with "you are here" at the kiosk ``position`` (an id under
    ``kiosks:``; an unknown one is reported by hall/content/floorplan.py check_kiosk_position)."""
    spot = hall.floorplan.kiosk(position) if hall.floorplan and position else None
    if spot is None:
        return plan
    views = PageContext(hall, plan.language, images, "")
    pages = tuple(
        replace(page, view={**page.view, "floorplan": with_here(page.view["floorplan"], hall.floorplan, spot, views)})
        if page.view.get("floorplan") else page
        for page in plan.pages
    )
    return replace(plan, pages=pages)
