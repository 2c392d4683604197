"""Page planning (hall/pages/): the validated hall → one language's page specs and navigation.

Pure: no MkDocs, no files written. The sample hall is loaded once; variations are made on
the typed model with ``dataclasses.replace``, as an engine adapter would receive them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hall.content.loader import load_hall
from hall.pages import SiteOptions, plan_site
from tests.support.sites import REPO

LANGUAGES = ("zh", "en")


@pytest.fixture(scope="module")
def hall():
    loaded, log = load_hall(REPO, LANGUAGES)
    assert not log.errors, log.format()
    return loaded.for_audience(include_drafts=False)


def plan(hall, language: str = "zh", **options):
    return plan_site(hall, language, {}, "" if language == "zh" else "../", SiteOptions(**options))


def _by_dest(site_plan) -> dict:
    return {page.dest_uri: page for page in site_plan.pages}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_exhibit_and_zone_has_one_page_at_an_address_made_from_its_id(hall, language):
    pages = _by_dest(plan(hall, language))
    assert len(pages) == len(plan(hall, language).pages), "two pages share an output file"
    for zone in hall.zones:
        assert pages[f"exhibits/{zone.id}/index.html"].template == "zone.html"
        for exhibit in zone.exhibits:
            page = pages[f"exhibits/{exhibit.id}/index.html"]
            assert page.template == "exhibit.html"
            assert page.src_uri == f"exhibits/{exhibit.id}/index.md"  # mirrors the repository: links resolve as on disk


def test_page_titles_are_in_the_page_language(hall):
    exhibit = hall.zones[1].exhibits[0]
    zh = _by_dest(plan(hall, "zh"))[f"exhibits/{exhibit.id}/index.html"]
    en = _by_dest(plan(hall, "en"))[f"exhibits/{exhibit.id}/index.html"]
    assert zh.title == exhibit.title.get("zh") and en.title == exhibit.title.get("en")
    assert zh.title != en.title


def test_an_exhibit_page_carries_the_body_of_its_staff_file(hall):
    exhibit = hall.zones[1].exhibits[0]
    for language in LANGUAGES:
        page = _by_dest(plan(hall, language))[f"exhibits/{exhibit.id}/index.html"]
        assert page.source_file == f"exhibits/{exhibit.id}/{language}.md"
        assert page.body.strip()


def test_a_draft_exhibit_has_no_page_and_no_place_in_its_zone(hall):
    zone = hall.zones[1]
    draft = replace(zone.exhibits[0], status="draft")
    with_draft = replace(hall, zones=(*hall.zones[:1], replace(zone, exhibits=(draft, *zone.exhibits[1:])),
                                      *hall.zones[2:]))
    published = _by_dest(plan(with_draft.for_audience(include_drafts=False)))
    previewed = _by_dest(plan(with_draft.for_audience(include_drafts=True)))
    assert f"exhibits/{draft.id}/index.html" not in published
    assert f"exhibits/{draft.id}/index.html" in previewed


def test_the_navigation_lists_zones_in_visiting_order_but_no_exhibit(hall):
    nav = plan(hall).nav
    zones = next(item for item in nav if item.children and item.children[0].src_uri == "exhibits/index.md")
    assert [child.src_uri for child in zones.children[1:]] == [f"exhibits/{z.id}/index.md" for z in hall.zones]

    def sources(items):
        for item in items:
            yield item.src_uri
            yield from sources(item.children)

    exhibit_pages = {f"exhibits/{e.id}/index.md" for z in hall.zones for e in z.exhibits}
    assert not exhibit_pages & set(sources(nav)), "exhibits are shown as galleries on zone pages, not in the nav"


def test_news_is_split_into_pages_of_the_configured_size_and_only_the_first_is_searchable(hall):
    assert len(hall.news) >= 3
    pages = _by_dest(plan(hall, news_per_page=2))
    lists = [dest for dest in pages if dest.startswith("news/page/")]
    assert lists == [f"news/page/{n}/index.html" for n in range(2, (len(hall.news) + 1) // 2 + 1)]
    assert pages["news/index.html"].searchable
    assert not any(pages[dest].searchable for dest in lists)
    for item in hall.news:
        assert pages[f"news/{item.id}/index.html"].template == "news-item.html"


def test_one_news_page_when_every_item_fits(hall):
    pages = _by_dest(plan(hall, news_per_page=100))
    assert not [dest for dest in pages if dest.startswith("news/page/")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sections_every_site_has(hall, language):
    pages = _by_dest(plan(hall, language))
    for dest, template in [("index.html", "home.html"), ("exhibits/index.html", "zones.html"),
                           ("timeline/index.html", "timeline.html"), ("achievements/index.html", "achievements.html"),
                           ("news/index.html", "news-list.html"), ("about-this-site/index.html", "page.html")]:
        assert pages[dest].template == template


def test_planning_is_deterministic(hall):
    assert plan(hall, "en") == plan(hall, "en")
