"""The timeline: events from ``content/timeline.yml`` plus entries marked ``timeline: true``.

``timeline.yml`` has three parts: ``groups`` (what the filter offers: history, the hall,
community work …), ``eras`` (the bands the page is divided into, by year) and ``events``.
Exhibits and news items with ``timeline: true`` join the timeline without being written
twice; an event in the file that links to such an entry replaces its joined copy.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Mapping

from .bundles import read_photos
from .context import ReadContext
from .fields import FieldReader, closest
from .labels import choices_en, choices_zh, match_label
from .model import (
    Era,
    Exhibit,
    LinkKind,
    Localized,
    NewsItem,
    Timeline,
    TimelineEvent,
    TimelineGroup,
)
from .rules import SLUG
from .yamlfile import YList, YMap, mapping_items

TIMELINE_FILE = "content/timeline.yml"
TOP_FIELDS = ("groups", "eras", "events", "joined")
GROUP_FIELDS = ("id", "title")
ERA_FIELDS = ("id", "title", "from", "to")
EVENT_FIELDS = ("id", "date", "period", "group", "title", "text", "photo", "link")
JOINED_FIELDS = ("zones", "news")


def _sort_key(event: TimelineEvent) -> tuple:
    return (event.date.sort_key, event.id)


def timeline_events(
    timeline: Timeline,
    exhibits: Iterable[Exhibit],
    news: Iterable[NewsItem],
    newest_first: bool = False,
) -> list[TimelineEvent]:
    """The file's events and the joined exhibits and news, in date order.

    Pure: the caller passes the entries of the audience (drafts already removed).
    """
    linked = {(e.link_kind, e.link) for e in timeline.events if e.link}
    events = list(timeline.events)
    for exhibit in exhibits:
        if exhibit.timeline and exhibit.date and ("exhibit", exhibit.id) not in linked:
            group = timeline.zone_groups.get(exhibit.zone) or (timeline.groups[0].id if timeline.groups else "")
            events.append(TimelineEvent(
                id="exhibit-" + exhibit.id.replace("/", "-"), date=exhibit.date, title=exhibit.title,
                group=group, text=exhibit.summary, period=exhibit.era, photo=exhibit.cover,
                link_kind="exhibit", link=exhibit.id, source="exhibit",
            ))
    for item in news:
        if item.timeline and ("news", item.id) not in linked:
            group = timeline.news_group or (timeline.groups[-1].id if timeline.groups else "")
            events.append(TimelineEvent(
                id="news-" + item.id, date=item.date, title=item.title, group=group, text=item.summary,
                photo=item.cover, link_kind="news", link=item.id, source="news",
            ))
    events.sort(key=_sort_key, reverse=newest_first)
    return events


def load_timeline(
    ctx: ReadContext, exhibit_ids: Iterable[str] = (), news_ids: Iterable[str] = (),
    zone_labels: Mapping[str, Localized] | None = None,
) -> Timeline | None:
    """Read content/timeline.yml and check its links; ``None`` when the hall has no timeline.
    Groups and the zones of ``joined`` may be named by their labels (hall/content/labels.py)."""
    path = ctx.root / TIMELINE_FILE
    top = ctx.mapping_file(path, TOP_FIELDS)
    if top is None:
        return None
    groups = _groups(ctx, top.get("groups", list) or [], path)
    group_ids = {g.id: g.title for g in groups}
    eras = _eras(ctx, top.get("eras", list) or [], path)
    joined = top.get("joined", dict) or YMap()
    zone_groups: dict[str, str] = {}
    news_group = None
    if isinstance(joined, YMap):
        joined_fields = ctx.reader(joined, path)
        joined_fields.check_known(JOINED_FIELDS)
        for zone, group in (joined_fields.get("zones", dict) or {}).items():
            zone_id = _zone_id(ctx, joined_fields, str(zone), zone_labels)
            group_id = _check_group(ctx, joined_fields, "zones", str(group), group_ids)
            if zone_id and group_id:
                zone_groups[zone_id] = group_id
        news_group = joined_fields.text("news")
        if news_group:
            news_group = _check_group(ctx, joined_fields, "news", news_group, group_ids)
    links: list[tuple[FieldReader, TimelineEvent]] = []
    events = _events(ctx, top.get("events", list) or [], path, group_ids, links)
    events = _resolve_links(events, links, set(exhibit_ids), set(news_ids))
    return Timeline(tuple(groups), tuple(eras), tuple(events), zone_groups, news_group)


def _items(ctx: ReadContext, items: list, path, what_zh: str, what_en: str):
    return mapping_items(items, path, ctx.log, f"每个{what_zh}应写成“- …: …”加若干字段。",
                         f"Each {what_en} should be written `- key: value` followed by its fields.")


def _groups(ctx: ReadContext, items: list, path) -> list[TimelineGroup]:
    groups: list[TimelineGroup] = []
    for item in _items(ctx, items, path, "分组", "group"):
        fields = ctx.reader(item, path)
        fields.check_known(GROUP_FIELDS)
        group_id = fields.text("id", required=True)
        title = fields.localized("title", required=True)
        if not group_id:
            continue
        if not SLUG.match(group_id) or any(g.id == group_id for g in groups):
            fields.report(
                "id", "timeline.group_id", f"分组标识“{group_id}”无效或重复。", f"The group id “{group_id}” is invalid or repeated.",
                "只用小写英文字母、数字和连字符，且每个分组不同。", "Use lowercase letters, digits and hyphens, different for each group.",
            )
            continue
        groups.append(TimelineGroup(group_id, title or Localized({ctx.languages[0]: group_id})))
    return groups


def _eras(ctx: ReadContext, items: list, path) -> list[Era]:
    eras: list[Era] = []
    for item in _items(ctx, items, path, "时代", "era"):
        fields = ctx.reader(item, path)
        fields.check_known(ERA_FIELDS)
        era_id = fields.text("id", required=True)
        title = fields.localized("title", required=True)
        start, end = fields.get("from", int), fields.get("to", int)
        if not era_id or not title:
            continue
        if not SLUG.match(era_id) or any(e.id == era_id for e in eras):
            fields.report(
                "id", "timeline.era_id", f"时代标识“{era_id}”无效或重复。", f"The era id “{era_id}” is invalid or repeated.",
                "只用小写英文字母、数字和连字符，且每个时代不同。", "Use lowercase letters, digits and hyphens, different for each era.",
            )
            continue
        if start is not None and end is not None and end < start:
            fields.report(
                "to", "timeline.era_range", f"时代“{era_id}”的结束年份 {end} 早于开始年份 {start}。",
                f"The era “{era_id}” ends ({end}) before it starts ({start}).",
                "交换 from 与 to。", "Swap from and to.",
            )
            continue
        eras.append(Era(era_id, title, start, end))
    return eras


def _check_group(ctx: ReadContext, fields, key: str, group: str, group_ids: Mapping[str, Localized]) -> str | None:
    """The id of the group ``group`` names (its id or its label), or None after reporting it."""
    found = match_label(group, group_ids)
    if found:
        return found
    guess = closest(group, list(group_ids))
    fields.report(
        key, "timeline.group", f"分组“{group}”不在 groups 中。", f"The group “{group}” is not listed under groups.",
        f"你是不是想写“{guess}”？" if guess else "可用的分组：" + choices_zh(group_ids),
        f"Did you mean “{guess}”?" if guess else "Groups: " + choices_en(group_ids),
    )
    return None


def _zone_id(ctx: ReadContext, fields, zone: str, zone_labels: Mapping[str, Localized] | None) -> str | None:
    """The zone a key of ``joined: zones`` names (its id or its title); unchecked without zones."""
    if not zone_labels:
        return zone
    found = match_label(zone, zone_labels)
    if found:
        return found
    guess = closest(zone, list(zone_labels))
    fields.report(
        "zones", "timeline.zone", f"joined 的 zones 中的“{zone}”不是 exhibits/zones.yml 中的展区。",
        f"“{zone}” under joined: zones is not a zone of exhibits/zones.yml.",
        f"你是不是想写“{guess}”？" if guess else "可用的展区：" + choices_zh(zone_labels),
        f"Did you mean “{guess}”?" if guess else "Zones: " + choices_en(zone_labels),
        level="warning",
    )
    return None


def _events(
    ctx: ReadContext, items: list, path, group_ids: Mapping[str, Localized],
    links: list[tuple[FieldReader, TimelineEvent]],
) -> list[TimelineEvent]:
    events: list[TimelineEvent] = []
    seen: set[str] = set()
    for item in _items(ctx, items, path, "事件", "event"):
        fields = ctx.reader(item, path)
        fields.check_known(EVENT_FIELDS)
        date = fields.date("date")
        if item.get("date") is None:
            fields.missing("date")
        title = fields.localized("title", required=True)
        group = fields.text("group", required=True)
        if group:
            group = _check_group(ctx, fields, "group", group, group_ids)
        photo = None
        photo_data = fields.get("photo", dict)
        if photo_data is not None:
            holder = YMap(images=YList([photo_data]))
            holder.mark, holder.key_marks = item.mark, {"images": item.mark_of("photo")}
            holder["images"].mark, holder["images"].item_marks = item.mark_of("photo"), [item.mark_of("photo")]
            photos = read_photos(ctx, ctx.reader(holder, path), path.parent)
            photo = photos[0] if photos else None
        event_id = fields.text("id")
        if event_id and not SLUG.match(event_id):
            fields.report(
                "id", "timeline.event_id", f"事件标识“{event_id}”只能用小写英文字母、数字和连字符。",
                f"The event id “{event_id}” may use only lowercase letters, digits and hyphens.",
                "它是时间线页面上的锚点，如 1373-mosque。", "It is the event's anchor on the timeline page, e.g. 1373-mosque.",
            )
            event_id = None
        if date is None or title is None or group is None:
            continue
        if not event_id:
            event_id = date.iso().replace("/", "-")
            suffix = 2
            base = event_id
            while event_id in seen:
                event_id, suffix = f"{base}-{suffix}", suffix + 1
        if event_id in seen:
            fields.report("id", "timeline.event_duplicate", f"事件标识“{event_id}”重复。",
                          f"The event id “{event_id}” is used twice.", "给其中一个换一个标识。", "Give one of them another id.")
            continue
        seen.add(event_id)
        event = TimelineEvent(
            id=event_id, date=date, title=title, group=group, text=fields.localized("text"),
            period=fields.localized("period"), photo=photo, link=fields.text("link"), source="timeline",
        )
        events.append(event)
        if event.link:
            links.append((fields, event))
    return events


def _resolve_links(
    events: list[TimelineEvent], links: list[tuple[FieldReader, TimelineEvent]],
    exhibit_ids: set[str], news_ids: set[str],
) -> list[TimelineEvent]:
    """Decide for each event's ``link`` whether it names an exhibit or a news item."""
    kinds: dict[str, LinkKind] = {}
    for fields, event in links:
        link = event.link or ""
        if link in exhibit_ids:
            kinds[event.id] = "exhibit"
        elif link in news_ids:
            kinds[event.id] = "news"
        else:
            guess = closest(link, sorted(exhibit_ids | news_ids))
            fields.report(
                "link", "timeline.link",
                f"link 中的“{link}”既不是已有的展品，也不是已有的动态。",
                f"“{link}” in link is neither an existing exhibit nor an existing news item.",
                f"你是不是想写“{guess}”？" if guess else "展品写作“展区/文件夹名”，动态写作 content/news 下的文件夹名。",
                f"Did you mean “{guess}”?" if guess else
                "An exhibit is named “zone/folder”; a news item by its folder name under content/news.",
            )
    return [
        replace(event, link_kind=kinds[event.id]) if event.id in kinds else replace(event, link=None)
        if event.link else event
        for event in events
    ]
