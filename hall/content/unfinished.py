"""Unfinished work that would otherwise be published silently: warnings, fatal with ``--strict``.

Checked once the whole hall is read (``loader``), on what visitors would see: published
exhibits and news, every zone, the timeline's own events.

- Skeleton text: the sentences ``hall new`` writes for staff to replace (defined here once,
  written by hall/cli/scaffold.py) still in a title, summary, intro or body. Only these exact
  sentences count: the sample hall's ``**待补充 / Placeholder:** …`` notices are written on
  purpose, to tell visitors that a fact is still being gathered, and are not flagged.
- Chinese in a body of a language written in spaced words (English): more than
  ``HAN_SHARE`` of its words are Han characters (see ``han_share``).
- A zone without a published exhibit: visitors would find an empty room.
- A date after today (injectable for tests): a news item dated 2031 tops the home page.
- A title longer than its language's ``title_length`` (hall/locales/: zh 40, en 120).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..dates import DateSpan
from ..i18n import language_rules
from .context import ReadContext
from .model import Body, Hall, Localized, Zone
from .yamlfile import YList, YMap


@dataclass(frozen=True)
class SkeletonText:
    """A text ``hall new`` writes for staff to replace, in Chinese and English."""

    zh: str
    en: str


EXHIBIT_TITLE = SkeletonText("新展品标题", "New exhibit title")
NEWS_TITLE = SkeletonText("新动态标题", "New news title")
ZONE_TITLE = SkeletonText("新展区", "New zone")
SUMMARY = SkeletonText("请在这里写一两句简介。", "Write a one- or two-sentence summary here.")
ZONE_INTRO = SkeletonText("待补充：一至三句话的展区简介。", "Placeholder: one to three sentences introducing the zone.")
EXHIBIT_BODY = SkeletonText("此处请工作人员补充展品介绍。", "Staff: replace this with the English text of the exhibit.")
NEWS_BODY = SkeletonText("此处请工作人员补充活动情况。", "Staff: replace this with the English text of the news item.")

#: A title that is one of these, or any field holding one of the sentences, is unfinished.
SKELETON_TITLES = frozenset(text for s in (EXHIBIT_TITLE, NEWS_TITLE, ZONE_TITLE) for text in (s.zh, s.en))
SKELETON_SENTENCES = tuple(text for s in (SUMMARY, ZONE_INTRO, EXHIBIT_BODY, NEWS_BODY) for text in (s.zh, s.en))

#: Han characters above this share of a spaced-language body's words (Han characters count
#: as words) mean untranslated Chinese. The sample hall's English bodies stay under 0.04
#: (the bilingual 待补充 notices); a short English text naming two places in Chinese too,
#: 北环路社区 and 庙川, reaches 0.21; one Chinese paragraph of 100 characters left in a
#: 200-word English text gives 0.33, and a pasted Chinese text about 0.95.
HAN_SHARE = 0.3
#: …and at least this many Han characters: a few names or a quoted couplet are no paste.
HAN_MIN = 20

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def han_share(text: str) -> tuple[float, int]:
    """(Han characters / (Han characters + Latin words), Han characters) of a Markdown
    text, comments left out: a Han character stands for about a word (the sample's
    Chinese bodies have 1.3 characters per word of their English translations)."""
    text = _COMMENT.sub("", text)
    han = len(_HAN.findall(text))
    words = len(_WORD.findall(text))
    return (han / (han + words) if han else 0.0), han


def check_unfinished(ctx: ReadContext, hall: Hall, today: dt.date | None = None) -> None:
    """Warn about each piece of unfinished work visitors would see, with file, line and fix."""
    today = today or dt.date.today()
    public = hall.for_audience(False)
    for zone in hall.zones:
        _check_zone(ctx, zone)
    for exhibit in public.exhibits.values():
        yml = f"{exhibit.folder}/exhibit.yml"  # repository-relative: a Path is made only to report
        _check_entry(ctx, yml, exhibit.title, exhibit.summary, exhibit.bodies, hall.languages)
        if exhibit.date:
            _check_date(ctx, yml, exhibit.date, today, None, (f"展品“{exhibit.id}”", f"The exhibit “{exhibit.id}”"),
                        ("时间线和展品页会显示一个未来的时间", "the timeline and its page would show a date to come"))
    for item in public.news:
        yml = f"{item.folder}/news.yml"
        _check_entry(ctx, yml, item.title, item.summary, item.bodies, hall.languages)
        _check_date(ctx, yml, item.date, today, None, (f"动态“{item.id}”", f"The news item “{item.id}”"),
                    ("它会排在首页和动态列表的最前面", "it would top the home page and the news list"))
    for page in hall.pages:
        _check_bodies(ctx, page.bodies, hall.languages)
    if hall.timeline:
        timeline = "content/timeline.yml"
        for event in hall.timeline.events:
            _check_date(ctx, timeline, event.date, today, ("events", event.id),
                        (f"时间线事件“{event.id}”", f"The timeline event “{event.id}”"),
                        ("时间线会显示一个未来的时间", "the timeline would show a date to come"))


# -- one kind of entry at a time ------------------------------------------------------------


def _check_zone(ctx: ReadContext, zone: Zone) -> None:
    path = "exhibits/zones.yml"
    where = ("zones", zone.id)
    _check_skeleton(ctx, path, "title", zone.title, where, titles=True)
    if zone.intro:
        _check_skeleton(ctx, path, "intro", zone.intro, where)
    _check_title_length(ctx, path, zone.title, where)
    if any(e.status == "published" for e in zone.exhibits):
        return
    if any(i.startswith(f"{zone.id}/") for i in ctx.log.unparsed_entries):
        return  # its exhibits exist but did not parse: their own errors say so, the zone is not empty
    drafts = len(zone.exhibits)
    ctx.log.report(
        "unfinished.empty_zone", ctx.root / path,
        f"展区“{zone.id}”（{zone.title.get('zh')}）中没有已发布的展品" + (f"（有 {drafts} 件草稿）" if drafts else "")
        + "，访客会看到一个空展区。",
        f"The zone “{zone.id}” ({zone.title.get('en')}) has no published exhibit"
        + (f" ({drafts} draft(s))" if drafts else "") + ", so visitors would find it empty.",
        f"在 exhibits/{zone.id}/ 中添加展品（hall new exhibit {zone.id}/名称）并设为 status: published；"
        "展区还没准备好，就先从 exhibits/zones.yml 中删去它，并把它的文件夹移出 exhibits/。",
        f"Add exhibits to exhibits/{zone.id}/ (`hall new exhibit {zone.id}/name`) with status: published; "
        "if the zone is not ready, take it out of exhibits/zones.yml and move its folder out of exhibits/.",
        level="warning", **_at(ctx, path, "id", where),
    )


def _check_entry(ctx: ReadContext, path: str, title: Localized, summary: Localized | None,
                 bodies: Mapping[str, Body], languages: tuple[str, ...]) -> None:
    _check_skeleton(ctx, path, "title", title, None, titles=True)
    if summary:
        _check_skeleton(ctx, path, "summary", summary, None)
    _check_title_length(ctx, path, title, None)
    for body in bodies.values():
        found = next((text for text in SKELETON_SENTENCES if text in body.text), None)
        if found:
            line = body.text[: body.text.index(found)].count("\n") + 1
            _report_skeleton(ctx, body.file, found, line=line)
    _check_bodies(ctx, bodies, languages)


def _check_bodies(ctx: ReadContext, bodies: Mapping[str, Body], languages: tuple[str, ...]) -> None:
    for language, body in bodies.items():
        if language == languages[0] or not language_rules(language).spaces_between_words:
            continue
        if len(_HAN.findall(body.text)) < HAN_MIN:  # most bodies: no need to count the words
            continue
        share, han = han_share(body.text)
        if share > HAN_SHARE and han >= HAN_MIN:
            ctx.log.report(
                "unfinished.chinese_in_translation", ctx.root / body.file,
                f"{Path(body.file).name} 是{language}正文，但其中约 {share:.0%} 是汉字（{han} 个），"
                "像是粘贴了中文原文，会作为该语言的页面发布。",
                f"{Path(body.file).name} is the {language} text, but about {share:.0%} of it is Chinese characters "
                f"({han}): it looks like Chinese pasted in, and would be published as the {language} page.",
                f"把中文换成译文；还没有译文就删除 {Path(body.file).name}（页面会显示中文并注明译文待补）。",
                f"Replace the Chinese with the translation; without one yet, delete {Path(body.file).name} "
                "(the page then shows the Chinese with a notice that the translation is pending).",
                level="warning",
            )


def _check_skeleton(ctx: ReadContext, path: str, key: str, text: Localized, where: Any, titles: bool = False) -> None:
    for value in text.values.values():
        found = value if titles and value in SKELETON_TITLES else next(
            (sentence for sentence in SKELETON_SENTENCES if sentence in value), None)
        if found:
            _report_skeleton(ctx, path, found, **_at(ctx, path, key, where))
            return


def _report_skeleton(ctx: ReadContext, path: str, found: str, line: int | None = None,
                     column: int | None = None) -> None:
    zone = path.endswith("zones.yml")
    ctx.log.report(
        "unfinished.skeleton", ctx.root / path,
        f"这里仍是 hall new 生成的模板文字“{found}”，却会发布给访客。",
        f"This is still the template text “{found}” that `hall new` wrote, and it would be published.",
        "把展区的标题和简介换成真实内容。" if zone else "换成真实内容；还没写好，就把 status 改为 draft。",
        "Write the zone's real title and intro." if zone else
        "Replace it with the real text; if it is not ready, set status: draft.",
        line=line, column=column, level="warning",
    )


def _check_title_length(ctx: ReadContext, path: str, title: Localized, where: Any) -> None:
    for language, text in title.values.items():
        limit = language_rules(language).title_length
        if len(text) > limit:
            ctx.log.report(
                "unfinished.long_title", ctx.root / path,
                f"{language} 标题有 {len(text)} 个字，超过 {limit} 字的上限：卡片、标签页和搜索结果放不下。",
                f"The {language} title has {len(text)} characters, more than the limit of {limit}: "
                "cards, browser tabs and search results cannot show it.",
                "把标题缩短，细节写进 summary 或正文。", "Shorten the title; put the details in the summary or the text.",
                level="warning", **_at(ctx, path, "title", where),
            )


def _check_date(ctx: ReadContext, path: str, date: DateSpan, today: dt.date, where: Any,
                what: tuple[str, str], effect: tuple[str, str]) -> None:
    """A date whose first day is after today: 2026 is not in the future during 2026."""
    if date.start.first_day() <= today:
        return
    ctx.log.report(
        "unfinished.future_date", ctx.root / path,
        f"{what[0]}的日期 {date.iso()} 晚于今天（{today.isoformat()}）：{effect[0]}。",
        f"{what[1]} is dated {date.iso()}, after today ({today.isoformat()}): {effect[1]}.",
        "检查年份是否写错（如 2031 应为 2021）；如果是预告，活动举办后再发布（先设为 status: draft）。",
        "Check the year for a slip (2031 for 2021?); for an announcement, publish it once the event has "
        "taken place (status: draft until then).",
        level="warning", **_at(ctx, path, "date", where),
    )


# -- lines ---------------------------------------------------------------------------------


def _at(ctx: ReadContext, path: str, key: str, where: Any) -> dict[str, int | None]:
    """The line and column of ``key`` in ``path``: in its top mapping (``where`` None), or in
    the item of list ``where[0]`` whose id is ``where[1]``. Looked up only to report, from
    the load's YAML cache."""
    full = ctx.root / path
    data = ctx.yaml(full) if full.exists() else None
    if where is not None:
        items = data if isinstance(data, YList) else data.get(where[0]) if isinstance(data, YMap) else None
        data = next((item for item in _items(items) if str(item.get("id")) == where[1]), None) or next(
            (item for item in _items(items)  # a timeline event without id is named by its date
             if "id" not in item and str(item.get("date")).replace("/", "-") == where[1]), None)
    mark = data.mark_of(key) if isinstance(data, YMap) and key in data else None
    return {"line": mark.line if mark else None, "column": mark.column if mark else None}


def _items(items: Any) -> Iterable[YMap]:
    return [item for item in items if isinstance(item, YMap)] if isinstance(items, list) else []
