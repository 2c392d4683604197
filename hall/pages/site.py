"""What pages a language's site has, and its navigation: the home page and free pages here,
every other section from its own module (engine-agnostic).

``plan_site`` turns the validated hall into ``PageSpec``s (source path, output path,
Markdown, template, view data) and a navigation outline. An adapter for any engine turns
these into its own pages; nothing here knows MkDocs.
"""

from __future__ import annotations

from typing import Mapping

from ..content.model import Hall, Localized
from ..i18n import HTML_LANG
from ..media import ImageSet
from ..media.audio import AudioTrack
from .a11y import STATEMENT_URL
from .achievements import plan_achievements
from .audioguide import with_audio_guides
from .chrome import with_chrome
from .context import PageContext
from .exhibits import plan_zones, plan_zones_index
from .keypad import plan_keypad
from .route import with_route_start
from .news import latest_news, plan_news
from .opendata import plan_data_page
from .options import SiteOptions
from .spec import ZONES_SRC, NavItem, PageSpec, SitePlan, entry_page
from .status import plan_status_page
from .timeline import plan_timeline, timeline_slices
from .tour import plan_tour
from .visit import VISIT_PAGES, visit_view
from .visitplan import plan_visit_page, visit_section


def plan_site(
    hall: Hall,
    language: str,
    images: Mapping[str, ImageSet],
    media_prefix: str = "",
    options: SiteOptions = SiteOptions(),
    audio: Mapping[str, AudioTrack] | None = None,
) -> SitePlan:
    """Every page of one language's site, and its navigation."""
    views = PageContext(hall, language, images, media_prefix)
    t = views.t
    pages: list[PageSpec] = [plan_home(hall, views), plan_zones_index(hall, views)]
    pages += plan_zones(hall, views, timeline_slices(hall, views, options.newest_first))
    pages = with_audio_guides(pages, hall, views, audio or {})  # the player's view (audioguide.py)

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
    visit_pages, visit_nav = plan_visit_page(hall, views)  # floor plan and route (visitplan.py)
    pages.extend(with_route_start(visit_pages, hall, views))  # start / resume the route (route.py)
    pages.append(plan_keypad(hall, views))  # 输入展品编号: guide number → exhibit (keypad.py)
    tour_pages, tour_nav = plan_tour(hall, views)  # the 720° tour: tour/ and tour/<scene>/ (tour.py)
    pages.extend(tour_pages)
    status_page = plan_status_page(hall, language)  # "about this site": translation coverage
    pages.append(status_page)
    data_page = plan_data_page(hall, language)  # open data: CSV, JSON, datapackage.json (pages/opendata.py)
    pages.append(data_page)

    nav = (
        NavItem(t("home"), "index.md"),
        *visit_section(visit_nav, tour_nav, views),  # 参观: plan and route, 720° tour (visitplan.py)
        NavItem(t("zones"), None, (NavItem(t("zones_all"), ZONES_SRC),
                                   *(NavItem(views.text(z.title), f"exhibits/{z.id}/index.md") for z in hall.zones))),
        *timeline_nav,
        *news_nav,
        *achievements_nav,
        *page_nav,
    )
    footer.append(NavItem(status_page.title, status_page.src_uri))
    footer.append(NavItem(data_page.title, data_page.src_uri))
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
            "highlights": [{**views.card(views.exhibits[h]), "also": _also_titled(views.exhibits[h].title, views)}
                           for h in hall.home.highlights if h in views.exhibits],
            "latest_news": latest_news(hall, views),
            "visit": visit_view(hall, views),  # the visiting strip and "start the visit" (pages/visit.py)
        },
    )


def _also_titled(title: Localized, views: PageContext) -> list[dict[str, str]]:
    """A highlight's title in the hall's other languages: the kiosk's attract screen greets
    every visitor, whichever language the screen starts in."""
    return [{"text": title.get(language), "lang": HTML_LANG.get(language, language)}
            for language in views.hall.languages if language != views.language and title.has(language)]


def _first_heading(markdown: str) -> str | None:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return None
