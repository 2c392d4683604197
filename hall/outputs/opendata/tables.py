"""The rows of the open data tables, from the published hall (no drafts, no staff notes).

Every value is text or a number as the Table Schema in hall/pages/opendata.py says. Dates
keep their written precision (``1373``, ``2019-10``, ``2021-06-30``; a span ``start/end``)
with the precision in a column of its own: a spreadsheet never turns a year into a 1 January.
Addresses are absolute when the site has a site_url, else relative to the site's root.
"""

from __future__ import annotations

from typing import Any, Mapping

from ...content.guide import visiting_route
from ...content.licences import licence_of
from ...content.model import Hall, Localized, Photo
from ...content.timeline import timeline_events
from ...dates import DateSpan
from ...media import ImageSet
from ...pages.spec import exhibit_url, news_url
from ..seo import Site

Row = dict[str, Any]
#: Several values in one cell (tags, photos): what a spreadsheet shows and a program splits on.
LIST_SEPARATOR = "; "


class _Rows:
    """Row building for one language: texts, addresses and photos."""

    def __init__(self, hall: Hall, language: str, site: Site, images: Mapping[str, ImageSet]):
        self.hall, self.language, self.site, self.images = hall, language, site, images

    def text(self, value: Localized | None) -> str:
        return value.get(self.language) if value else ""

    def page(self, path: str) -> str:
        return self.site.url(self.language, path) or path

    def photos(self, photos: tuple[Photo, ...]) -> Row:
        shown = [p for p in photos if p.file in self.images]
        urls = [self.site.url(self.site.default, self.images[p.file].fallback.url) or self.images[p.file].fallback.url
                for p in shown]
        return {"photo_urls": LIST_SEPARATOR.join(urls),
                "photo_credits": LIST_SEPARATOR.join(self.text(p.credit) for p in shown),
                "photo_licences": LIST_SEPARATOR.join(licence_of(p, self.hall.photo_licence) for p in shown)}

    def tags(self, slugs: tuple[str, ...]) -> str:
        return LIST_SEPARATOR.join(self.text(self.hall.tag_label(slug)) for slug in slugs)


def _date(span: DateSpan | None) -> Row:
    return {"date": span.iso() if span else "", "date_precision": span.start.precision if span else ""}


def table_rows(hall: Hall, language: str, site: Site, images: Mapping[str, ImageSet]) -> dict[str, list[Row]]:
    """Each table's rows in ``language`` (``hall`` published: Hall.for_audience(False))."""
    rows = _Rows(hall, language, site, images)
    zones = {zone.id: zone for zone in hall.zones}
    categories = {c.id: c for c in hall.news_categories}
    exhibits = [{
        "id": e.id, "guide": e.guide, "title": rows.text(e.title), "summary": rows.text(e.summary),
        "zone": e.zone, "zone_title": rows.text(zones[e.zone].title), **_date(e.date), "era": rows.text(e.era),
        "tags": rows.tags(e.tags), "url": rows.page(exhibit_url(e.id)), **rows.photos(e.images),
    } for e in visiting_route(hall)]
    news = [{
        "id": n.id, **_date(n.date),
        "category": rows.text(categories[n.category].title) if n.category in categories else n.category,
        "title": rows.text(n.title), "summary": rows.text(n.summary), "tags": rows.tags(n.tags),
        "url": rows.page(news_url(n.id)), **rows.photos(n.images),
    } for n in hall.news]
    timeline = []
    if hall.timeline:
        groups = {g.id: g for g in hall.timeline.groups}
        for event in timeline_events(hall.timeline, visiting_route(hall), hall.news):
            link = exhibit_url(event.link) if event.link_kind == "exhibit" else news_url(event.link) if event.link else ""
            timeline.append({
                "id": event.id, **_date(event.date), "title": rows.text(event.title), "text": rows.text(event.text),
                "group": rows.text(groups[event.group].title) if event.group in groups else event.group,
                "period": rows.text(event.period) or rows.text(era.title if (era := hall.timeline.era_of(event)) else None),
                "link": rows.page(link) if link else "",
            })
    figures = []
    if hall.achievements:
        for group in hall.achievements.groups:
            for figure in group.figures:
                figures.append({
                    "id": figure.id, "group": rows.text(group.title), "label": rows.text(figure.label),
                    "value": figure.value, "qualifier": figure.qualifier, "unit": rows.text(figure.unit),
                    "currency": figure.currency or "", "period": figure.period.iso() if figure.period else "",
                    "source": rows.text(figure.source or hall.achievements.source),
                })
    return {"exhibits": exhibits, "news": news, "timeline": timeline, "achievements": figures}
