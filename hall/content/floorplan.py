"""The hall's floor plan: ``content/floorplan.yml``, the physical hall described once, in metres.

Rooms are polygons bound to zones, exhibit stations are points bound to exhibits, plus doors,
the entrance and kiosk positions. The visit page, the zone pages and the kiosk's "you are
here" all draw from this one model (hall/pages/floorplan.py), so moving a station is one edit.
The file is optional: without it there is no plan and nothing is reported.

The polygon rule (also in the file's comments and EDITING.md): a room is three or more corner
points, in order around the room; the outline is closed by joining the last point back to the
first (writing the first point again at the end is allowed). An outline whose sides cross
(the points are out of order, so it "does not close" into one room), or that encloses no area
(every point on one line), is an error.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .context import ReadContext
from .fields import FieldReader, closest
from .model import Zone
from .planmodel import Door, FloorPlan, KioskSpot, Point, Room, Station, contains, polygon_area, sides_cross
from .yamlfile import YList, YMap, mapping_items

#: The model's classes live in planmodel.py (so model.py names FloorPlan without a cycle).
__all__ = ["Door", "FloorPlan", "KioskSpot", "Point", "Room", "Station", "check_kiosk_position", "read_floorplan"]

FLOORPLAN_FILE = "content/floorplan.yml"
TOP_FIELDS = ("plan", "rooms", "doors", "entrance", "stations", "kiosks")
PLAN_FIELDS = ("width", "height", "schematic", "background")
ROOM_FIELDS = ("id", "zone", "points")
DOOR_FIELDS = ("at", "between")
STATION_FIELDS = ("exhibit", "at")
KIOSK_FIELDS = ("id", "at")
BACKGROUND_TYPES = (".png", ".jpg", ".jpeg", ".webp", ".svg")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# -- reading -------------------------------------------------------------------------------


def read_floorplan(ctx: ReadContext, zones: list[Zone]) -> FloorPlan | None:
    """The floor plan, or None without ``content/floorplan.yml`` (or when it cannot be read:
    reported). Every problem is reported with its line; a plan with errors is not published
    because the build stops on any error."""
    path = ctx.root / FLOORPLAN_FILE
    top = ctx.mapping_file(path, TOP_FIELDS)
    if top is None:
        return None
    reader = _PlanReader(ctx, path, top, zones)
    return reader.read()


class _PlanReader:
    """One reading of floorplan.yml: the plan's size first, then everything measured on it."""

    def __init__(self, ctx: ReadContext, path: Path, top: FieldReader, zones: list[Zone]):
        self.ctx, self.path, self.top = ctx, path, top
        self.zones = {z.id: z for z in zones}
        self.exhibits = {e.id: e for z in zones for e in z.exhibits}
        self.width = self.height = 0.0
        # A room written but not drawn (its own error is reported): stations and doors in or
        # next to it are no mistake of their own, so they are not reported again.
        self.room_failed = False

    def read(self) -> FloorPlan:
        plan = self._plan()
        rooms = self._rooms()
        return FloorPlan(
            file=self.ctx.log.rel(self.path), width=self.width, height=self.height,
            schematic=plan.get("schematic", bool) is True if plan else False,
            rooms=rooms, doors=self._doors(rooms), entrance=self._point(self.top, "entrance"),
            stations=self._stations(rooms), kiosks=self._kiosks(),
            background=self._background(plan) if plan else None,
        )

    def _report(self, fields: FieldReader, key: Any, code: str, zh: str, en: str, hint_zh: str, hint_en: str,
                level: str = "error") -> None:
        fields.report(key, f"floorplan.{code}", zh, en, hint_zh, hint_en, level=level)

    def _plan(self) -> FieldReader | None:
        data = self.top.get("plan", dict, required=True)
        if data is None:
            return None
        plan = self.ctx.reader(data, self.path)
        plan.check_known(PLAN_FIELDS)
        for key in ("width", "height"):
            value = plan.data.get(key)
            if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
                setattr(self, key, float(value))
            else:
                self._report(plan, key if key in plan.data else None, "size",
                             f"平面图的{'宽度' if key == 'width' else '长度'}“{key}”应为大于 0 的米数。",
                             f"The plan's {key} should be a number of metres above 0.",
                             f"例如 {key}: 40", f"For example {key}: 40")
        return plan

    def _items(self, key: str, what_zh: str, what_en: str) -> list[FieldReader]:
        items = self.top.get(key, list)
        if items is None:
            return []
        return [self.ctx.reader(item, self.path) for item in mapping_items(
            items, self.path, self.ctx.log, f"{what_zh}的每一项应写成“- 字段: 值”。",
            f"Each item of {what_en} should be written `- field: value`.")]

    def _point(self, fields: FieldReader, key: str, required: bool = False) -> Point | None:
        """A point ``[x, y]`` in metres, inside the plan."""
        value = fields.data.get(key)
        if value is None:
            if required:
                fields.missing(key)
            return None
        if not _is_pair(value):
            self._report(fields, key, "point", f"“{key}”应为一个点 [x, y]（单位：米），这里是 {value!r}。",
                         f"“{key}” should be a point [x, y] in metres; here it is {value!r}.",
                         "写成 [横向米数, 纵向米数]，例如 [6, 2]。", "Write [metres across, metres down], e.g. [6, 2].")
            return None
        point = (float(value[0]), float(value[1]))
        self._inside_plan(fields, key, point)
        return point

    def _inside_plan(self, fields: FieldReader, key: str, point: Point) -> bool:
        if not self.width or (0 <= point[0] <= self.width and 0 <= point[1] <= self.height):
            return True
        self._report(fields, key, "outside_plan",
                     f"点 [{point[0]:g}, {point[1]:g}] 在平面图之外（宽 {self.width:g} 米、长 {self.height:g} 米）。",
                     f"The point [{point[0]:g}, {point[1]:g}] lies outside the plan "
                     f"({self.width:g} m wide, {self.height:g} m long).",
                     "核对测量值；x 从左边量起，y 从上边量起，都不能为负数，也不能超过 plan 的 width、height。",
                     "Check the measurement: x is measured from the left edge, y from the top; neither may be "
                     "negative or exceed the plan's width and height.")
        return False

    def _rooms(self) -> tuple[Room, ...]:
        rooms: dict[str, Room] = {}
        for fields in self._items("rooms", "房间列表 rooms", "rooms"):
            fields.check_known(ROOM_FIELDS)
            room_id, zone = fields.text("id", required=True), fields.text("zone", required=True)
            points = self._outline(fields)
            if room_id is not None and not _SLUG.match(room_id):
                self._report(fields, "id", "room_id", f"房间标识“{room_id}”只能用小写字母、数字和连字符。",
                             f"The room id “{room_id}” may hold only lower-case letters, digits and hyphens.",
                             "例如 id: history-room", "For example id: history-room")
                room_id = None
            if room_id is not None and room_id in rooms:
                self._report(fields, "id", "room_duplicate", f"房间“{room_id}”写了两次。",
                             f"The room “{room_id}” is listed twice.",
                             "每个房间用不同的 id；同一个房间只写一次。", "Give each room its own id; list a room once.")
                room_id = None
            if zone is not None and zone not in self.zones and not self.ctx.log.is_unparsed(f"exhibits/{zone}"):
                guess = closest(zone, self.zones)
                self._report(fields, "zone", "room_zone", f"房间对应的展区“{zone}”不存在。",
                             f"The room's zone “{zone}” does not exist.",
                             f"你是不是想写“{guess}”？" if guess else "展区列在 exhibits/zones.yml 中。",
                             f"Did you mean “{guess}”?" if guess else "Zones are listed in exhibits/zones.yml.")
                zone = None
            if room_id and zone and points:
                rooms[room_id] = Room(room_id, zone, points, _line(fields, "id"))
            else:
                self.room_failed = True
        return tuple(rooms.values())

    def _outline(self, fields: FieldReader) -> tuple[Point, ...] | None:
        """The room's outline by the polygon rule of this module's docstring."""
        value = fields.get("points", list, required=True)
        if value is None:
            return None
        if not all(_is_pair(p) for p in value):
            self._report(fields, "points", "point", "points 的每一项应为一个点 [x, y]（单位：米）。",
                         "Each item of points should be a point [x, y] in metres.",
                         "例如 points: [[0, 0], [12, 0], [12, 10], [0, 10]]",
                         "For example points: [[0, 0], [12, 0], [12, 10], [0, 10]]")
            return None
        points = tuple((float(p[0]), float(p[1])) for p in value)
        if len(points) > 1 and points[0] == points[-1]:
            points = points[:-1]  # closed explicitly: the first point written again
        if len(set(points)) < 3:
            self._report(fields, "points", "room_points", "房间的轮廓至少要有 3 个不同的角点。",
                         "A room's outline needs at least 3 different corner points.",
                         "按顺序写出房间的每个角，例如 [[0, 0], [12, 0], [12, 10], [0, 10]]。",
                         "List the room's corners in order, e.g. [[0, 0], [12, 0], [12, 10], [0, 10]].")
            return None
        if not all(self._inside_plan(fields, "points", p) for p in points):
            return None
        if sides_cross(points):
            self._report(fields, "points", "room_not_closed",
                         "房间的轮廓不能闭合成一个房间：有两条边相交（角点的顺序不对）。",
                         "The room's outline does not close into one room: two of its sides cross "
                         "(the corners are out of order).",
                         "沿着墙按顺时针（或逆时针）顺序写出各个角点；最后一点自动连回第一点。",
                         "List the corners in order going round the walls; the last point joins the first.")
            return None
        if abs(polygon_area(points)) < 1e-6:
            self._report(fields, "points", "room_degenerate", "房间的轮廓没有面积：所有角点都在一条直线上。",
                         "The room's outline encloses no area: all its corners lie on one line.",
                         "核对角点的坐标。", "Check the corners' coordinates.")
            return None
        return points

    def _doors(self, rooms: tuple[Room, ...]) -> tuple[Door, ...]:
        doors, ids = [], {r.id for r in rooms}
        for fields in self._items("doors", "门列表 doors", "doors"):
            fields.check_known(DOOR_FIELDS)
            at = self._point(fields, "at", required=True)
            between = tuple(fields.str_list("between"))
            for room in between:
                if room not in ids and not self.room_failed:
                    guess = closest(room, ids)
                    self._report(fields, "between", "door_room", f"门所连接的房间“{room}”不存在。",
                                 f"The door's room “{room}” does not exist.",
                                 f"你是不是想写“{guess}”？" if guess else "房间标识写在 rooms 的 id 中。",
                                 f"Did you mean “{guess}”?" if guess else "Room ids are the ids under rooms.")
            if at is not None:
                doors.append(Door(at, between))
        return tuple(doors)

    def _stations(self, rooms: tuple[Room, ...]) -> tuple[Station, ...]:
        stations: dict[str, Station] = {}
        existing = [*self.exhibits, *self.ctx.log.unparsed_exhibits()]
        for fields in self._items("stations", "展位列表 stations", "stations"):
            fields.check_known(STATION_FIELDS)
            exhibit, at = fields.text("exhibit", required=True), self._point(fields, "at", required=True)
            if exhibit is not None and exhibit not in existing:
                guess = closest(exhibit, existing)
                self._report(fields, "exhibit", "station_exhibit", f"展位对应的展品“{exhibit}”不存在。",
                             f"The station's exhibit “{exhibit}” does not exist.",
                             f"你是不是想写“{guess}”？" if guess else "写成“展区/文件夹名”，如 history/ming-mosque。",
                             f"Did you mean “{guess}”?" if guess else "Write “zone/folder”, e.g. history/ming-mosque.")
                exhibit = None
            if exhibit is not None and exhibit in stations:
                self._report(fields, "exhibit", "station_duplicate", f"展品“{exhibit}”有两个展位。",
                             f"The exhibit “{exhibit}” has two stations.",
                             "每个展品在平面图上只标一个位置；删除多余的一项。",
                             "Mark each exhibit once on the plan; delete the extra station.")
                continue
            if at is None or exhibit is None or exhibit not in self.exhibits:
                continue
            room = next((r for r in rooms if contains(r.points, at)), None)
            if room is None:
                if rooms and not self.room_failed:
                    self._report(fields, "at", "station_outside",
                                 f"展品“{exhibit}”的展位 [{at[0]:g}, {at[1]:g}] 不在任何房间内。",
                                 f"The station of “{exhibit}” at [{at[0]:g}, {at[1]:g}] is outside every room.",
                                 "核对 at 的坐标，或把房间的轮廓画大一些。",
                                 "Check the at coordinates, or draw the room's outline larger.")
                continue
            zone = self.exhibits[exhibit].zone
            if room.zone != zone:
                self._report(fields, "at", "station_zone",
                             f"展品“{exhibit}”属于展区“{zone}”，展位却在展区“{room.zone}”的房间“{room.id}”里。",
                             f"The exhibit “{exhibit}” belongs to the zone “{zone}”, but its station stands in "
                             f"the room “{room.id}” of the zone “{room.zone}”.",
                             "核对坐标；展品确实陈列在别的展区时可以保留（严格检查会把它当作错误）。",
                             "Check the coordinates; if the object really stands in another zone's room, "
                             "this may stay (a strict check treats it as an error).", level="warning")
            stations[exhibit] = Station(exhibit, at, room.id, _line(fields, "exhibit"))
        return tuple(stations.values())

    def _kiosks(self) -> tuple[KioskSpot, ...]:
        kiosks: dict[str, KioskSpot] = {}
        for fields in self._items("kiosks", "触摸屏列表 kiosks", "kiosks"):
            fields.check_known(KIOSK_FIELDS)
            kiosk_id, at = fields.text("id", required=True), self._point(fields, "at", required=True)
            if kiosk_id is not None and kiosk_id in kiosks:
                self._report(fields, "id", "kiosk_duplicate", f"触摸屏位置“{kiosk_id}”写了两次。",
                             f"The kiosk position “{kiosk_id}” is listed twice.",
                             "每台触摸屏用不同的 id。", "Give each kiosk its own id.")
                continue
            if kiosk_id is not None and at is not None:
                kiosks[kiosk_id] = KioskSpot(kiosk_id, at)
        return tuple(kiosks.values())

    def _background(self, plan: FieldReader) -> str | None:
        name = plan.text("background")
        if not name:
            return None
        file = (self.path.parent / name)
        siblings = [p.name for p in self.path.parent.iterdir() if p.suffix.lower() in BACKGROUND_TYPES]
        if "/" in name or "\\" in name or not file.is_file() or file.suffix.lower() not in BACKGROUND_TYPES:
            guess = closest(name, siblings)
            self._report(plan, "background", "background",
                         f"找不到平面图底图“{name}”（应为 floorplan.yml 旁边的 PNG、JPEG、WebP 或 SVG 文件）。",
                         f"The plan's background “{name}” was not found (a PNG, JPEG, WebP or SVG file "
                         "beside floorplan.yml).",
                         f"你是不是想写“{guess}”？" if guess else "把扫描的图纸放进 content/ 文件夹，写它的文件名。",
                         f"Did you mean “{guess}”?" if guess else "Put the scanned plan in content/ and write its name.")
            return None
        return self.ctx.log.rel(file)


def check_kiosk_position(plan: FloorPlan | None, position: str, config_file: Path, log) -> None:
    """A kiosk build's ``kiosk_position`` names a kiosk of the plan (an error in mkdocs.yml)."""
    if not position or (plan is not None and plan.kiosk(position) is not None):
        return
    ids = [k.id for k in plan.kiosks] if plan else []
    guess = closest(position, ids)
    line = next((n for n, text in enumerate(_lines(config_file), 1) if "kiosk_position" in text), None)
    log.report("floorplan.kiosk_position", config_file,
               f"触摸屏位置“{position}”不在 content/floorplan.yml 的 kiosks 中。",
               f"The kiosk position “{position}” is not one of the kiosks in content/floorplan.yml.",
               f"你是不是想写“{guess}”？" if guess else "在 floorplan.yml 的 kiosks 下添加它，或改正 kiosk_position。",
               f"Did you mean “{guess}”?" if guess else "Add it under kiosks in floorplan.yml, or correct kiosk_position.",
               line=line)


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def _is_pair(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)


def _line(fields: FieldReader, key: str) -> int | None:
    mark = fields.data.mark_of(key) if isinstance(fields.data, (YMap, YList)) else None
    return mark.line if mark else None
