"""The 720° tour: ``content/tour.yml``, scenes (one equirectangular panorama each, bound to a
zone and, when the hall has a floor plan, to one of its rooms), their doorways to other scenes
and their hotspots (an exhibit, or a short bilingual note).

Every mistake staff can make here is reported with the file and line of the field and a fix in
both languages: an unknown exhibit, scene, zone or room (with the closest id), a doorway to its
own scene, an angle out of range, a panorama file that does not exist. What can only be known
by opening the photo (not 2:1, too small) is reported at the ``file:`` line by the media stage
(hall/media/panoramas.py), before anything is written. The file is optional: without it the
site has no tour and nothing is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Iterable

from .context import ReadContext
from .fields import FieldReader, closest
from .model import Localized
from .problems import ProblemLog
from .yamlfile import mapping_items

TOUR_FILE = "content/tour.yml"
#: Panorama files are named relative to content/ (``panoramas/prologue.jpg``).
TOUR_FOLDER = "content"
TOUR_FIELDS = ("scenes",)
SCENE_FIELDS = ("id", "title", "zone", "room", "file", "description", "start", "doorways", "hotspots")
START_FIELDS = ("yaw", "pitch", "hfov")
DOORWAY_FIELDS = ("to", "yaw", "pitch")
HOTSPOT_FIELDS = ("exhibit", "note", "yaw", "pitch")
_SCENE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
#: The field of view a scene may start with, in degrees: Pannellum's own limits (50–120) are
#: wider below, but under 30° a phone shows a blur of a 4096-pixel panorama.
HFOV_RANGE = (30.0, 120.0)


@dataclass(frozen=True)
class Doorway:
    """A way into a neighbouring scene, where it is seen from this one."""

    to: str
    yaw: float
    pitch: float


@dataclass(frozen=True)
class Hotspot:
    """An exhibit (its page) or a short note, at a place in the panorama."""

    yaw: float
    pitch: float
    exhibit: str | None = None
    note: Localized | None = None


@dataclass(frozen=True)
class Scene:
    id: str
    title: Localized
    zone: str
    file: str  # repository-relative path of the equirectangular photo
    file_line: int | None  # where tour.yml names it: the media stage reports the photo there
    description: Localized | None = None  # for screen readers and the no-WebGL view
    room: str | None = None
    yaw: float = 0.0
    pitch: float = 0.0
    hfov: float = 100.0
    doorways: tuple[Doorway, ...] = ()
    hotspots: tuple[Hotspot, ...] = ()


@dataclass(frozen=True)
class Tour:
    file: str  # repository-relative: content/tour.yml
    scenes: tuple[Scene, ...]

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(scene.file for scene in self.scenes))

    def without_exhibits(self, keep: Iterable[str]) -> "Tour":
        """The tour with hotspots to exhibits outside ``keep`` (drafts) left out."""
        keep = set(keep)
        return Tour(self.file, tuple(
            replace(scene, hotspots=tuple(h for h in scene.hotspots if h.exhibit is None or h.exhibit in keep))
            for scene in self.scenes))


def read_tour(ctx: ReadContext, zones: Iterable[str], exhibits: Iterable[str], floorplan: Any = None) -> Tour | None:
    """The tour, or None when content/tour.yml is absent or unreadable (reported)."""
    path = ctx.root / TOUR_FILE
    fields = ctx.mapping_file(path, TOUR_FIELDS)
    if fields is None:
        return None
    items = fields.get("scenes", list, required=True)
    if not items:
        return None
    # Zones and exhibits whose own files did not parse exist: naming them is no second mistake.
    zones, exhibits = list(zones), [*exhibits, *ctx.log.unparsed_exhibits()]
    rooms = {room.id: room for room in getattr(floorplan, "rooms", ()) or ()} if floorplan is not None else None
    readers = [ctx.reader(item, path) for item in mapping_items(
        items, path, ctx.log, "每个场景应写成“- id: …”加其他字段。", "Each scene should be written `- id: …` with its other fields.")]
    ids = [reader.text("id") for reader in readers]
    scenes, seen = [], set()
    for reader in readers:
        scene = _scene(ctx, reader, [i for i in ids if i], seen, zones, exhibits, rooms)
        if scene is not None:
            scenes.append(scene)
    return Tour(ctx.log.rel(path), tuple(scenes)) if scenes else None


def _scene(ctx: ReadContext, fields: FieldReader, ids: list[str], seen: set[str], zones: list[str],
           exhibits: list[str], rooms: dict[str, Any] | None) -> Scene | None:
    fields.check_known(SCENE_FIELDS)
    scene_id = fields.text("id", required=True)
    title = fields.localized("title", required=True)
    if scene_id is not None and not _SCENE_ID.match(scene_id):
        fields.report("id", "tour.scene_id", f"场景编号“{scene_id}”只能用小写英文字母、数字和连字符。",
                      f"The scene id “{scene_id}” may hold only lower-case letters, digits and hyphens.",
                      "例如 id: prologue-hall。它会成为网址的一部分。", "For example `id: prologue-hall`; it becomes part of the address.")
        scene_id = None
    elif scene_id in seen:
        fields.report("id", "tour.scene_duplicate", f"场景编号“{scene_id}”重复了。", f"The scene id “{scene_id}” is used twice.",
                      "每个场景用一个不同的编号。", "Give each scene an id of its own.")
        scene_id = None
    room = fields.text("room")
    zone = _zone(fields, fields.text("zone"), room, zones, rooms, ctx.log)
    file, file_line = _file(ctx, fields)
    if scene_id is None or title is None or zone is None or file is None:
        return None
    seen.add(scene_id)
    start = fields.get("start", dict)
    start_reader = ctx.reader(start, fields.path) if start is not None else None
    if start_reader is not None:
        start_reader.check_known(START_FIELDS)
    doorways = [_doorway(ctx.reader(item, fields.path), scene_id, ids) for item in _items(ctx, fields, "doorways")]
    hotspots = [_hotspot(ctx.reader(item, fields.path), exhibits) for item in _items(ctx, fields, "hotspots")]
    return Scene(
        id=scene_id, title=title, zone=zone, file=file, file_line=file_line,
        description=fields.localized("description"), room=room,
        yaw=_angle(start_reader, "yaw", -180, 180, 0.0) if start_reader else 0.0,
        pitch=_angle(start_reader, "pitch", -90, 90, 0.0) if start_reader else 0.0,
        hfov=_angle(start_reader, "hfov", *HFOV_RANGE, 100.0) if start_reader else 100.0,
        doorways=tuple(d for d in doorways if d), hotspots=tuple(h for h in hotspots if h),
    )


def _items(ctx: ReadContext, fields: FieldReader, key: str) -> list[dict]:
    items = fields.get(key, list)
    if not items:
        return []
    return list(mapping_items(items, fields.path, ctx.log, f"{key} 的每一项应写成“- 字段: 值”。",
                              f"Each item of {key} should be written `- field: value`."))


def _zone(fields: FieldReader, zone: str | None, room: str | None, zones: list[str], rooms: dict[str, Any] | None,
          log: ProblemLog) -> str | None:
    """The scene's zone: as written, or the zone of its room on the floor plan."""
    if room is not None and rooms is not None:
        if room not in rooms:
            guess = closest(room, rooms)
            fields.report("room", "tour.room_unknown", f"平面图（content/floorplan.yml）中没有展室“{room}”。",
                          f"The floor plan (content/floorplan.yml) has no room “{room}”.",
                          f"你是不是想写“{guess}”？" if guess else "可用的展室：" + "、".join(rooms),
                          f"Did you mean “{guess}”?" if guess else "Rooms: " + ", ".join(rooms))
        elif zone is None:
            zone = getattr(rooms[room], "zone", None)
    if zone is None:
        if rooms is None or room is None:
            fields.missing("zone")
        return None
    if zone not in zones and not log.is_unparsed(f"exhibits/{zone}"):  # as floorplan.py: unread, not missing
        guess = closest(zone, zones)
        fields.report("zone", "tour.zone_unknown", f"没有展区“{zone}”（展区在 exhibits/zones.yml 中列出）。",
                      f"There is no zone “{zone}” (zones are listed in exhibits/zones.yml).",
                      f"你是不是想写“{guess}”？" if guess else "可用的展区：" + "、".join(zones),
                      f"Did you mean “{guess}”?" if guess else "Zones: " + ", ".join(zones))
        return None
    return zone


def _file(ctx: ReadContext, fields: FieldReader) -> tuple[str | None, int | None]:
    name = fields.text("file", required=True)
    mark = fields.data.mark_of("file") if name is not None else None
    if name is None:
        return None, None
    path = ctx.root / TOUR_FOLDER / name
    if not path.is_file():
        folder = path.parent
        guess = closest(path.name, [p.name for p in folder.iterdir() if p.is_file()]) if folder.is_dir() else None
        fields.report("file", "tour.file_missing", f"找不到全景照片 {TOUR_FOLDER}/{name}。",
                      f"The panorama {TOUR_FOLDER}/{name} does not exist.",
                      f"你是不是想写“{guess}”？" if guess else "全景照片放在 content/panoramas/ 中，写 file: panoramas/文件名.jpg。",
                      f"Did you mean “{guess}”?" if guess else "Put panoramas in content/panoramas/ and write `file: panoramas/name.jpg`.")
        return None, None
    return f"{TOUR_FOLDER}/{name}", mark.line if mark else None


def _angle(fields: FieldReader, key: str, low: float, high: float, default: float) -> float:
    """An angle in degrees within [low, high]; out of range or not a number is reported."""
    value = fields.data.get(key)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        fields.wrong_type(key, int, value)
        return default
    if not low <= value <= high:
        names = {"yaw": ("水平角", "yaw"), "pitch": ("俯仰角", "pitch"), "hfov": ("视野", "field of view")}[key]
        fields.report(key, "tour.angle_range", f"{names[0]} {key}: {value} 超出范围，应在 {low:g} 到 {high:g} 度之间。",
                      f"The {names[1]} {key}: {value} is out of range: it must be between {low:g} and {high:g} degrees.",
                      "yaw 以正前方为 0，向右为正（-180 到 180）；pitch 以水平为 0，向上为正（-90 到 90）。",
                      "yaw is 0 straight ahead, positive to the right (-180 to 180); pitch is 0 at the horizon, "
                      "positive upwards (-90 to 90).")
        return default
    return float(value)


def _doorway(fields: FieldReader, scene_id: str, ids: list[str]) -> Doorway | None:
    fields.check_known(DOORWAY_FIELDS)
    target = fields.text("to", required=True)
    yaw, pitch = _angle(fields, "yaw", -180, 180, 0.0), _angle(fields, "pitch", -90, 90, 0.0)
    if target is None:
        return None
    if target == scene_id:
        fields.report("to", "tour.doorway_self", f"场景“{scene_id}”的门通向它自己。",
                      f"A doorway of the scene “{scene_id}” leads to the scene itself.",
                      "to: 写相邻场景的编号。", "Write the id of the neighbouring scene in `to:`.")
        return None
    if target not in ids:
        guess = closest(target, ids)
        fields.report("to", "tour.scene_unknown", f"没有编号为“{target}”的场景。", f"There is no scene with the id “{target}”.",
                      f"你是不是想写“{guess}”？" if guess else "可用的场景：" + "、".join(ids),
                      f"Did you mean “{guess}”?" if guess else "Scenes: " + ", ".join(ids))
        return None
    return Doorway(target, yaw, pitch)


def _hotspot(fields: FieldReader, exhibits: list[str]) -> Hotspot | None:
    fields.check_known(HOTSPOT_FIELDS)
    exhibit, note = fields.text("exhibit"), fields.localized("note")
    yaw, pitch = _angle(fields, "yaw", -180, 180, 0.0), _angle(fields, "pitch", -90, 90, 0.0)
    if (exhibit is None) == (note is None):
        fields.report("exhibit" if exhibit else "note", "tour.hotspot_kind",
                      "每个热点写 exhibit:（展品编号）或 note:（简短说明），只写其中一个。",
                      "Each hotspot has either `exhibit:` (an exhibit id) or `note:` (a short note), not both and not neither.",
                      "例如 - exhibit: history/ming-mosque", "For example `- exhibit: history/ming-mosque`.")
        return None
    if exhibit is not None and exhibit not in exhibits:
        guess = closest(exhibit, exhibits)
        fields.report("exhibit", "tour.exhibit_unknown", f"没有展品“{exhibit}”。", f"There is no exhibit “{exhibit}”.",
                      f"你是不是想写“{guess}”？" if guess else "展品编号是 exhibits/ 下的文件夹路径，例如 history/ming-mosque。",
                      f"Did you mean “{guess}”?" if guess else "An exhibit id is its folder under exhibits/, e.g. history/ming-mosque.")
        return None
    return Hotspot(yaw, pitch, exhibit=exhibit, note=note)
