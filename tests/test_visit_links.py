"""The parts of the virtual visit lead to each other: a room on the floor plan opens its 720°
scene, the visit page's route list and each zone page link to their zone's scene, and a
scene's page shows the floor plan with its room marked (built sample hall, both languages)."""

from __future__ import annotations

import re

import pytest

from hall.content import load_hall
from hall.pages.spec import tour_rooms, tour_zones
from tests.conftest import REPO

PREFIXES = ("", "en/")


def read(site, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_every_room_with_a_scene_and_every_zone_with_one_are_known():
    hall, _ = load_hall(REPO)
    assert set(tour_rooms(hall)) == {room.id for room in hall.floorplan.rooms}
    assert set(tour_zones(hall)) == {zone.id for zone in hall.zones}


@pytest.mark.parametrize("prefix", PREFIXES)
def test_a_room_on_the_plan_opens_its_scene_without_taking_a_tab_stop(site, prefix):
    page = read(site, f"{prefix}visit/index.html")
    links = re.findall(r'<a class="hall-plan__room-link" href="([^"]+)" tabindex="-1" aria-label="([^"]+)">', page)
    assert [href for href, _ in links] == ["../tour/prologue/", "../tour/history/", "../tour/customs/", "../tour/achievements/"]
    assert all("720°" in label for _, label in links)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_the_route_list_and_each_zone_page_link_to_the_zone_s_scene(site, prefix):
    visit = read(site, f"{prefix}visit/index.html")
    assert len(re.findall(r'<p class="hall-route-list__tour"><a href="\.\./tour/[a-z]+/">', visit)) == 4
    zone = read(site, f"{prefix}exhibits/history/index.html")
    assert re.search(r'<p class="hall-zone__tour"><a class="md-button" href="\.\./\.\./tour/history/">720°', zone)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_a_scene_page_shows_the_plan_with_its_room_marked(site, prefix):
    page = read(site, f"{prefix}tour/history/index.html")
    marked = re.findall(r'<polygon class="hall-plan__room[^"]*\bis-here\b', page)
    assert len(marked) == 1
    # its stylesheet, on its own or in the page's bundle of ours (hall/mkdocs/assetbundle.py)
    sheets = re.findall(r'<link rel="stylesheet" href="((?:\.\./)*)(assets/hall[\w.-]*\.css)">', page)
    assert any("hall-floorplan" in name or "/* hall-floorplan.css */" in read(site, f"{prefix}{name}")
               for _, name in sheets), sheets
