"""How heavy is the floor plan's inline SVG for a big hall? Target: 100 stations under 30 KB gzipped.

Builds a synthetic hall directly in the model (10 zones of 10 exhibits, one room per zone in a
grid, a station per exhibit, doors, an entrance, a kiosk; titles of realistic length in both
languages), plans its visit page with hall/pages/floorplan.py and renders
theme/partials/hall-floorplan.html with Jinja exactly as the site does (``url`` made
relative from ``visit/``). Prints the SVG's and the whole figure's bytes, raw and gzipped,
per language. From the repository root::

    .venv/bin/python scripts/bench/floorplan_size.py [--stations 100]
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from jinja2 import Environment, FileSystemLoader, select_autoescape  # noqa: E402

from hall.content.planmodel import Door, FloorPlan, KioskSpot, Room, Station  # noqa: E402
from hall.content.model import Exhibit, Hall, Home, Localized, Zone  # noqa: E402
from hall.pages.context import PageContext  # noqa: E402
from hall.pages.floorplan import floorplan_view, with_here  # noqa: E402

#: Titles of realistic length, drawn at random (seeded) from the sample's own words, so gzip
#: meets text about as repetitive as a real hall's, not one title a hundred times.
ZH_WORDS = "民族 团结 进步 社区 居民 展厅 文化 历史 习俗 清真寺 长征 宣讲 活动室 广场 街道 改造 演出 服务 建设 成果".split()
EN_WORDS = ("ethnic unity progress community residents hall culture history customs mosque long march "
            "lectures activity room square lane renovation performance service building achievements").split()


def _title(rng: random.Random, words: list[str], count: int, joiner: str) -> str:
    return joiner.join(rng.choice(words) for _ in range(count))


def synthetic_hall(stations: int, per_zone: int = 10) -> Hall:
    """Zones of ``per_zone`` exhibits, each zone a 10 m room in a grid, a station per exhibit."""
    rng = random.Random(1)
    zone_count = -(-stations // per_zone)
    columns = 5
    rows = -(-zone_count // columns)
    zones, rooms, placed = [], [], []
    for z in range(zone_count):
        x0, y0 = (z % columns) * 10.0, (z // columns) * 10.0
        exhibits = []
        for i in range(min(per_zone, stations - z * per_zone)):
            n = z * per_zone + i + 1
            title = {"zh": _title(rng, ZH_WORDS, 6, ""), "en": _title(rng, EN_WORDS, 7, " ").capitalize()}
            exhibit = Exhibit(id=f"zone-{z}/exhibit-{n}", zone=f"zone-{z}", folder="", bodies={},
                              title=Localized(title),
                              summary=None, guide=str((z + 1) * 100 + i + 1))
            exhibits.append(exhibit)
            placed.append(Station(exhibit.id, (x0 + 1.5 + (i % 4) * 2.3, y0 + 3 + (i // 4) * 2.4), f"room-{z}"))
        zones.append(Zone(f"zone-{z}", Localized({"zh": f"第{z + 1}展区", "en": f"Zone {z + 1}"}), None, tuple(exhibits)))
        rooms.append(Room(f"room-{z}", f"zone-{z}", ((x0, y0), (x0 + 10, y0), (x0 + 10, y0 + 10), (x0, y0 + 10))))
    doors = tuple(Door((x + 10.0, y + 5.0)) for x in range(0, 40, 10) for y in range(0, rows * 10, 10))
    plan = FloorPlan("content/floorplan.yml", columns * 10.0, rows * 10.0, True, tuple(rooms), doors,
                     (5.0, rows * 10.0), tuple(placed), (KioskSpot("lobby", (5.0, rows * 10.0 - 2)),))
    return Hall(REPO, ("zh", "en"), tuple(zones), (), Home(Localized({"zh": "展厅"})), floorplan=plan)


def render(hall: Hall, language: str, kiosk: bool) -> str:
    views = PageContext(hall, language, {}, "")
    view = floorplan_view(hall, views)
    if kiosk:
        view = with_here(view, hall.floorplan, hall.floorplan.kiosk("lobby"), views)
    env = Environment(loader=FileSystemLoader(REPO / "theme"), autoescape=select_autoescape(default=True))
    env.filters["url"] = lambda url: "../" + url  # as from visit/index.html
    template = env.from_string('{% from "partials/hall-floorplan.html" import floorplan with context %}'
                               "{{ floorplan(plan) }}")
    return template.render(plan=view, hall_site={"html_lang": "zh-CN" if language == "zh" else "en"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stations", type=int, default=100)
    args = parser.parse_args()
    hall = synthetic_hall(args.stations)
    print(f"stations: {args.stations}, rooms: {len(hall.floorplan.rooms)}, doors: {len(hall.floorplan.doors)}")
    print("| language | what | raw bytes | gzipped bytes |")
    print("| --- | --- | ---: | ---: |")
    for language in ("zh", "en"):
        for kiosk in (False, True):
            figure = render(hall, language, kiosk)
            svg = re.search(r"<svg class=\"hall-plan__svg\".*?</svg>", figure, re.S).group(0)
            assert svg.count('class="hall-plan__station"') == args.stations
            for what, text in (("SVG", svg), ("figure (SVG + caption + key)", figure)):
                data = text.encode("utf-8")
                label = what + (", kiosk" if kiosk else "")
                print(f"| {language} | {label} | {len(data):,} | {len(gzip.compress(data, 9)):,} |")


if __name__ == "__main__":
    main()
