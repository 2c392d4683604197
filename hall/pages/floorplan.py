"""The floor plan as view data for one language: rooms with their zone names, stations as
numbered links in route order, doors, the entrance, and a kiosk's "you are here".

theme/partials/hall-floorplan.html draws it as inline SVG whose viewBox is the plan in metres,
so the drawing scales to any screen with no library. Coordinates are written short (``12``,
``4.5``): a synthetic plan of 100 stations is about 25 KB of SVG, 3.1 KB gzipped, against a
budget of 30 KB gzipped (scripts/bench/floorplan_size.py, docs/benchmarks/floorplan.md).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from ..content.floorplan import FloorPlan, KioskSpot
from ..content.guide import visiting_route
from ..content.model import Hall
from ..content.planmodel import Point, contains, polygon_area
from ..i18n import strings
from .context import PageContext
from .spec import exhibit_url, tour_rooms, tour_zones, zone_url

#: Room fills, one per zone in visiting order (repeating): light tints of the hall's palette
#: (theme/assets/hall.css) under dark text, every pair above 10:1 contrast.
ROOM_TONES = 4


def plan_strings(views: PageContext) -> dict[str, str]:
    """The plan's UI strings in the page's language (locale section ``floorplan``)."""
    return strings("floorplan", views.language, views.hall.default_language)


def floorplan_view(hall: Hall, views: PageContext, zone: str | None = None,
                   room: str | None = None) -> dict[str, Any] | None:
    """The plan of the whole hall, or (``zone`` given) with that zone's rooms highlighted and
    only its stations marked, ``room`` (a tour scene's) marked as the viewer's place; None
    without a plan (or a zone with no room on it). A room with a 720° scene opens it."""
    plan = hall.floorplan
    if plan is None or (zone is not None and not any(r.zone == zone for r in plan.rooms)):
        return None
    s = plan_strings(views)
    size = max(plan.width, plan.height)
    zones = {z.id: (index, z) for index, z in enumerate(hall.zones)}
    stations = {s.exhibit: s for s in plan.stations}
    route = [e for e in visiting_route(hall) if e.id in stations and (zone is None or e.zone == zone)]
    zone_title = views.text(zones[zone][1].title) if zone in zones else ""
    scenes = tour_rooms(hall)
    return {
        "viewbox": f"0 0 {_n(plan.width)} {_n(plan.height)}",
        "ratio": f"{_n(plan.width)} / {_n(plan.height)}",
        "label": s["zone_plan_label"].format(zone=zone_title) if zone else s["plan_label"],
        "title": s["zone_plan_title"] if zone else s["plan_title"],
        "schematic": s["schematic"] if plan.schematic else "",
        "font": _n(size / 36),  # label size in metres: about 22 px on a 800 px wide plan of 40 m
        "radius": _n(size / 32),  # markers 44 px wide where the plan is drawn 700 px wide (phones scroll)
        "number_font": _n(size / 36),
        "door": _n(size / 50),
        "background": background_url(plan),
        "rooms": [{**_room(views, r.id, r.zone, r.points, zones, zone, size / 36), "tour": scenes.get(r.id), "here": r.id == room,
                   "tour_label": s["room_tour"].format(zone=views.text(zones[r.zone][1].title))} for r in plan.rooms],
        "doors": [{"x": _n(d.at[0] - size / 100), "y": _n(d.at[1] - size / 100)} for d in plan.doors],
        "entrance": _entrance(plan, s["entrance"]) if plan.entrance else None,
        "stations": [{
            "number": e.guide, "url": exhibit_url(e.id), "title": views.text(e.title),
            "title_lang": views.text_lang(e.title),
            "name": s["station_name"].format(number=e.guide, title=views.text(e.title)),
            "x": _n(stations[e.id].at[0]), "y": _n(stations[e.id].at[1]),
        } for e in route],
        "here": None,
        "strings": s,
    }


def zone_tour(hall: Hall, views: PageContext, zone: str) -> dict[str, str] | None:
    """The link from a zone's page to its first 720° scene, or None without one."""
    url = tour_zones(hall).get(zone)
    return {"url": url, "label": plan_strings(views)["tour_link"]} if url else None


def background_url(plan: FloorPlan) -> str | None:
    """Where the scanned plan is published: ``floorplan/<its name>``. It is copied as drawn,
    not through the photo pipeline: resizing and WebP would blur an architect's thin lines."""
    return f"floorplan/{PurePosixPath(plan.background).name}" if plan.background else None


def floorplan_files(hall: Hall) -> list[tuple[str, Path]]:
    """(site path, source file) of what the plan needs published beside the pages."""
    plan = hall.floorplan
    url = background_url(plan) if plan else None
    return [(url, hall.root / plan.background)] if plan and url and plan.background else []


def route_list(hall: Hall, views: PageContext) -> list[dict[str, Any]]:
    """Every zone and its exhibits in visiting order, with guide numbers: the plan's text version."""
    scenes = tour_zones(hall)
    return [{
        "id": zone.id, "title": views.text(zone.title), "title_lang": views.text_lang(zone.title),
        "url": zone_url(zone.id),
        "tour": scenes.get(zone.id),
        "exhibits": [{"number": e.guide, "url": exhibit_url(e.id), "title": views.text(e.title),
                      "title_lang": views.text_lang(e.title)} for e in zone.exhibits],
    } for zone in hall.zones]


def with_here(view: dict[str, Any] | None, plan: FloorPlan | None, spot: KioskSpot | None,
              views: PageContext) -> dict[str, Any] | None:
    """The plan with a kiosk's "you are here" marker at ``spot`` (kiosk builds only)."""
    if view is None or plan is None or spot is None:
        return view
    s = view["strings"]
    room = next((r for r in plan.rooms if contains(r.points, spot.at)), None)
    zone = next((z for z in views.hall.zones if room and z.id == room.zone), None)
    text = s["you_are_here_in"].format(zone=views.text(zone.title)) if zone else s["you_are_here"]
    return {**view, "here": {"x": _n(spot.at[0]), "y": _n(spot.at[1]), "label": s["you_are_here"], "text": text}}


def _room(views: PageContext, room_id: str, room_zone: str, points: tuple[Point, ...],
          zones: dict, current: str | None, font: float) -> dict[str, Any]:
    index, zone = zones[room_zone]
    x, y = _centroid(points)
    top = min(p[1] for p in points)
    return {
        "id": room_id,
        "points": " ".join(f"{_n(px)},{_n(py)}" for px, py in points),
        "label": views.text(zone.title), "label_lang": views.text_lang(zone.title),
        "url": zone_url(room_zone),
        "x": _n(x), "y": _n(min(top + font * 1.8, y)),
        "tone": index % ROOM_TONES,
        "current": current == room_zone,
        "muted": current is not None and current != room_zone,
    }


def _entrance(plan: FloorPlan, label: str) -> dict[str, Any]:
    """The entrance: an arrow pointing into the hall from the plan's nearest edge, its label a
    little further in, so neither is cut off at the edge."""
    x, y = plan.entrance
    edges = ((y, 0.0, 1.0, 180), (plan.height - y, 0.0, -1.0, 0), (x, 1.0, 0.0, 90), (plan.width - x, -1.0, 0.0, -90))
    _, dx, dy, angle = min(edges, key=lambda edge: edge[0])
    step, inset = max(plan.width, plan.height) / 12, max(plan.width, plan.height) / 32 * 1.2
    return {"x": _n(x + dx * inset), "y": _n(y + dy * inset), "angle": angle,
            "label_x": _n(x + dx * step), "label_y": _n(y + dy * step), "label": label}


def _centroid(points: tuple[Point, ...]) -> Point:
    """The area centroid (where a room's name sits), the mean of corners for a sliver."""
    area = polygon_area(points)
    if abs(area) < 1e-9:
        return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
    pairs = list(zip(points, points[1:] + points[:1]))
    cx = sum((x1 + x2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in pairs) / (6 * area)
    cy = sum((y1 + y2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in pairs) / (6 * area)
    return cx, cy


def _n(value: float) -> str:
    """A coordinate as short as it reads: 12, 4.5, 3.33."""
    return f"{round(value, 2):g}"
