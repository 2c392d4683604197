"""The collection: ``exhibits/zones.yml`` (the zones in visiting order) and one folder per
exhibit under its zone (``exhibit.yml``, bodies, photos)."""

from __future__ import annotations

from pathlib import Path

from .bundles import read_bodies, read_photos, report_stray_files
from .context import ReadContext
from .fields import closest
from .guide import number_guides, read_guide_override
from .model import Exhibit, Localized, Zone
from .rules import SLUG, STATUSES
from .tags import entry_tags
from .yamlfile import mapping_items

EXHIBIT_FIELDS = (
    "title", "summary", "date", "era", "order", "tags", "status", "images", "related", "timeline", "guide",
)
ZONE_FIELDS = ("id", "title", "intro")


def read_zones(ctx: ReadContext) -> list[Zone]:
    exhibits_dir = ctx.root / "exhibits"
    path = exhibits_dir / "zones.yml"
    if not path.exists():
        ctx.log.report(
            "zones.missing", path, "找不到展区列表文件 exhibits/zones.yml。", "exhibits/zones.yml, the list of zones, is missing.",
            "新建该文件，按参观顺序列出展区（可用 hall new zone 生成）。",
            "Create it, listing the zones in visiting order (`hall new zone` makes one).",
        )
        _collection_unread(ctx, exhibits_dir)
        return []
    data = ctx.yaml(path)
    if data is None:
        _collection_unread(ctx, exhibits_dir)
        return []
    if not isinstance(data, list):
        ctx.log.report(
            "yaml.not_list", path, "展区列表应为列表，每个展区以“- id: …”开头。",
            "The zone list should be a list, each zone starting with `- id: …`.",
            "参照示例，每个展区前加“- ”。", "Put “- ” before each zone, as in the sample.",
            line=getattr(data, "mark", None) and data.mark.line,
        )
        _collection_unread(ctx, exhibits_dir)
        return []
    zones: list[Zone] = []
    seen: set[str] = set()
    for item in mapping_items(data, path, ctx.log, "每个展区应写成“- id: …”加若干字段。",
                              "Each zone should be written `- id: …` followed by its fields."):
        fields = ctx.reader(item, path)
        fields.check_known(ZONE_FIELDS)
        zone_id = fields.text("id", required=True)
        title = fields.localized("title", required=True)
        intro = fields.localized("intro")
        if not zone_id:
            continue
        if not SLUG.match(zone_id):
            fields.report(
                "id", "zone.id", f"展区标识“{zone_id}”只能用小写英文字母、数字和连字符。",
                f"The zone id “{zone_id}” may use only lowercase letters, digits and hyphens.",
                "例如 history、customs-and-culture。", "For example: history, customs-and-culture.",
            )
            continue
        if zone_id in seen:
            fields.report("id", "zone.duplicate", f"展区“{zone_id}”重复列出。", f"The zone “{zone_id}” is listed twice.",
                          "删除重复的一项。", "Delete the repeated entry.")
            continue
        seen.add(zone_id)
        zones.append(Zone(zone_id, title or Localized({ctx.languages[0]: zone_id}), intro))
    zone_ids = [z.id for z in zones]
    result = []
    for zone in zones:
        folder = exhibits_dir / zone.id
        exhibits = [] if not folder.is_dir() else [
            exhibit for child in sorted(folder.iterdir()) if child.is_dir()
            if (exhibit := read_exhibit(ctx, zone.id, child)) is not None
        ]
        exhibits.sort(key=lambda e: (e.order, e.id))
        result.append(Zone(zone.id, zone.title, zone.intro, tuple(exhibits)))
    result = number_guides(ctx, result)  # guide numbers, in visiting order (guide.py)
    for child in sorted(exhibits_dir.iterdir()):
        if child.is_dir() and child.name not in zone_ids and not child.name.startswith((".", "_")):
            guess = closest(child.name, zone_ids)
            ctx.log.report(
                "zone.unknown", child, f"文件夹 exhibits/{child.name} 不是 zones.yml 中列出的展区，其中内容不会发布。",
                f"The folder exhibits/{child.name} is not a zone listed in zones.yml; nothing in it is published.",
                f"把文件夹改名为“{guess}”，或在 zones.yml 中添加该展区。" if guess else "在 exhibits/zones.yml 中添加该展区。",
                f"Rename the folder to “{guess}”, or add the zone to zones.yml." if guess else "Add the zone to exhibits/zones.yml.",
            )
    return result


def _collection_unread(ctx: ReadContext, exhibits_dir: Path) -> None:
    """Without a readable zones.yml no exhibit is read, yet each one exists: links and
    ``related`` lists naming them are not reported as dead (the one error is zones.yml's)."""
    if not exhibits_dir.is_dir():
        return
    for yml in exhibits_dir.glob("*/*/exhibit.yml"):
        exhibit_id = f"{yml.parent.parent.name}/{yml.parent.name}"
        ctx.log.mark_unparsed(exhibit_id, f"exhibits/{exhibit_id}")
    ctx.log.unparsed_folders.update(f"exhibits/{zone.name}" for zone in exhibits_dir.iterdir() if zone.is_dir())


def read_exhibit(ctx: ReadContext, zone: str, folder: Path) -> Exhibit | None:
    exhibit_id = f"{zone}/{folder.name}"
    yml = folder / "exhibit.yml"
    if folder.name.startswith((".", "_")):
        return None
    if not yml.exists():
        if any(folder.iterdir()):
            ctx.log.report(
                "exhibit.no_yml", folder, f"展品文件夹 {exhibit_id} 中没有 exhibit.yml，该展品不会发布。",
                f"The exhibit folder {exhibit_id} has no exhibit.yml, so it cannot be published.",
                f"运行 hall new exhibit {exhibit_id} 生成模板，或检查文件名的拼写。",
                f"Run `hall new exhibit {exhibit_id}` to make one, or check the file name's spelling.",
            )
        return None
    if not SLUG.match(folder.name):
        ctx.log.report(
            "exhibit.id", folder, f"展品文件夹名“{folder.name}”只能用小写英文字母、数字和连字符（它会成为网址的一部分）。",
            f"The exhibit folder name “{folder.name}” may use only lowercase letters, digits and hyphens (it becomes part of the URL).",
            "例如 ming-mosque。", "For example: ming-mosque.",
        )
        return None
    data = ctx.yaml(yml)
    if not ctx.expect_mapping(data, yml):
        ctx.log.mark_unparsed(exhibit_id, f"exhibits/{exhibit_id}")  # it exists: no follow-on errors about it
        return None
    fields = ctx.reader(data, yml)
    fields.check_known(EXHIBIT_FIELDS)
    title = fields.localized("title", required=True)
    order = fields.get("order", int)
    images = read_photos(ctx, fields, folder)
    related = fields.str_list("related")
    ctx.reference_checks.append((fields, "related", related, data.get("related")))
    bodies = read_bodies(ctx, folder)
    read_guide_override(ctx, fields, exhibit_id)
    exhibit = Exhibit(
        id=exhibit_id,
        zone=zone,
        folder=ctx.log.rel(folder),
        title=title or Localized({ctx.languages[0]: folder.name}),
        summary=fields.localized("summary"),
        bodies=bodies,
        date=fields.date("date"),
        era=fields.localized("era"),
        order=order if order is not None else 1000,
        tags=entry_tags(ctx, fields),
        status=fields.choice("status", STATUSES, "published"),  # type: ignore[arg-type]
        images=tuple(images),
        related=tuple(related),
        timeline=bool(fields.get("timeline", bool)),
    )
    report_stray_files(ctx, folder, exhibit)
    return exhibit
