"""What pages a language's site has, and its navigation: the home page and free pages here,
every other section from its own module (engine-agnostic).

``plan_site`` turns the validated hall into ``PageSpec``s (source path, output path,
Markdown, template, view data) and a navigation outline. An adapter for any engine turns
these into its own pages; nothing here knows MkDocs.
"""

from __future__ import annotations

from typing import Mapping

from ..content.model import Hall
from ..media import ImageSet
from .a11y import STATEMENT_URL
from .achievements import plan_achievements
from .chrome import with_chrome
from .context import PageContext
from .exhibits import plan_zones, plan_zones_index
from .news import latest_news, plan_news
from .options import SiteOptions
from .spec import ZONES_SRC, NavItem, PageSpec, SitePlan, entry_page
from .status import plan_status_page
from .timeline import plan_timeline, timeline_slices
from .visit import VISIT_PAGES, visit_view


def plan_site(
    hall: Hall,
    language: str,
    images: Mapping[str, ImageSet],
    media_prefix: str = "",
    options: SiteOptions = SiteOptions(),
) -> SitePlan:
    """Every page of one language's site, and its navigation."""
    views = PageContext(hall, language, images, media_prefix)
    t = views.t
    pages: list[PageSpec] = [plan_home(hall, views), plan_zones_index(hall, views)]
    pages += plan_zones(hall, views, timeline_slices(hall, views, options.newest_first))

    page_nav, footer = [], []
    for page in hall.pages:
        body, view = views.body(page)
        title = _first_heading(body.text) or page.slug
        visit = {"visit": visit_view(hall, views)} if page.slug in VISIT_PAGES else {}
        pages.append(entry_page(f"{page.slug}/", "page.html", title, {"kind": "page", **view, **visit}, body))
        (footer if f"{page.slug}/" == STATEMENT_URL else page_nav).append(NavItem(title, f"{page.slug}/index.md"))

    news_pages, news_nav = plan_news(hall, views, options)
    timeline_pages, timeline_nav = plan_timeline(hall, views, options)
    achievements_pages, achievements_nav = plan_achievements(hall, views)
    pages.extend(news_pages + timeline_pages + achievements_pages)
    status_page = plan_status_page(hall, language)  # "about this site": translation coverage
    pages.append(status_page)

    nav = (
        NavItem(t("home"), "index.md"),
        NavItem(t("zones"), None, (NavItem(t("zones_all"), ZONES_SRC),
                                   *(NavItem(views.text(z.title), f"exhibits/{z.id}/index.md") for z in hall.zones))),
        *timeline_nav,
        *news_nav,
        *achievements_nav,
        *page_nav,
    )
    footer.append(NavItem(status_page.title, status_page.src_uri))
    # No one-link sidebars, no table of contents on short pages (chrome.py).
    return SitePlan(language, with_chrome(pages, nav), nav, tuple(footer))


def plan_home(hall: Hall, views: PageContext) -> PageSpec:
    home_title = views.text(hall.home.title)
    return PageSpec(
        src_uri="index.md",
        dest_uri="index.html",
        title=home_title,
        template="home.html",
        hide=("navigation", "toc"),
        view={
            "kind": "home",
            "title": home_title,
            "subtitle": views.text(hall.home.subtitle),
            "intro": views.text(hall.home.intro),
            "zones": [views.zone_summary(z) for z in hall.zones],
            "highlights": [views.card(views.exhibits[h]) for h in hall.home.highlights if h in views.exhibits],
            "latest_news": latest_news(hall, views),
            "visit": visit_view(hall, views),  # the visiting strip and "start the visit" (pages/visit.py)
        },
    )


def _first_heading(markdown: str) -> str | None:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return None
