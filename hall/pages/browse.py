"""The kiosk's "browse" page: exhibits by zone, by tag and by year, for a screen without keyboard.

Engine-agnostic: ``plan_browse`` returns one ``PageSpec`` per language; the
adapter adds it (and its navigation entry) only to the kiosk build.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Mapping

from ..content.model import Hall
from ..dates import PartialDate
from ..i18n import format_partial_date, strings
from ..media import ImageSet
from .context import PageContext
from .spec import NavItem, PageSpec, SitePlan

BROWSE_SRC = "browse/index.md"


def browse_view(hall: Hall, language: str, images: Mapping[str, ImageSet], media_prefix: str = "") -> dict[str, Any]:
    """One grid of every exhibit, and chips to narrow it by zone, tag or year.

    Each card carries its zone, tags and year, so the page filters itself with a touch;
    without JavaScript every exhibit is simply listed.
    """
    views = PageContext(hall, language, images, media_prefix)
    words = strings("kiosk", language, hall.default_language)
    items: list[dict[str, Any]] = []
    tag_count: dict[str, int] = {}
    year_count: dict[int | None, int] = {}
    for zone in hall.zones:
        for exhibit in zone.exhibits:
            year = exhibit.date.start.year if exhibit.date else None
            items.append({**views.card(exhibit), "zone": zone.id, "tags": list(exhibit.tags),
                          "year": str(year) if year is not None else "undated"})
            for tag in exhibit.tags:
                tag_count[tag] = tag_count.get(tag, 0) + 1
            year_count[year] = year_count.get(year, 0) + 1
    zones = [{"key": z.id, "title": views.text(z.title), "count": len(z.exhibits)} for z in hall.zones if z.exhibits]
    # chips show the label of the page's language; cards are still selected by slug
    tags = [{"key": tag["slug"], "title": tag["label"], "lang": tag["lang"], "count": tag_count[tag["slug"]]}
            for tag in views.tags(tuple(sorted(tag_count, key=lambda t: (-tag_count[t], t))))]
    years = [
        {"key": str(y) if y is not None else "undated",
         "title": format_partial_date(PartialDate(y), language) if y is not None else words["undated"],
         "count": year_count[y]}
        for y in sorted(year_count, key=lambda y: (y is None, y or 0))
    ]
    return {
        "kind": "browse",
        "title": words["browse"],
        "intro": words["browse_intro"],
        "all": words.get("all", ""),
        "items": items,
        # per card, the chips that select it: {"zone": [...], "tag": [...], "year": [...]}
        "keys": [{"zone": [i["zone"]], "tag": i["tags"], "year": [i["year"]]} for i in items],
        "facets": [
            {"id": "zone", "title": words["by_zone"], "groups": zones},
            {"id": "tag", "title": words["by_tag"], "groups": tags},
            {"id": "year", "title": words["by_year"], "groups": years},
        ],
    }


def plan_browse(hall: Hall, language: str, images: Mapping[str, ImageSet], media_prefix: str = "") -> PageSpec:
    view = browse_view(hall, language, images, media_prefix)
    return PageSpec(
        src_uri=BROWSE_SRC,
        dest_uri="browse/index.html",
        title=view["title"],
        template="hall-browse.html",
        view=view,
        hide=("navigation", "toc"),
    )


def with_browse(plan: SitePlan, hall: Hall, images: Mapping[str, ImageSet], media_prefix: str = "") -> SitePlan:
    """``plan`` plus the browse page, placed in the navigation right after the zones."""
    spec = plan_browse(hall, plan.language, images, media_prefix)
    nav = list(plan.nav)
    nav.insert(min(2, len(nav)), NavItem(spec.title, spec.src_uri))
    return replace(plan, pages=plan.pages + (spec,), nav=tuple(nav))
