"""The community's achievements: figures from ``content/achievements.yml``, grouped.

A figure keeps its honesty: ``value: 20`` with ``qualifier: more_than`` is "20余次" /
"20+", never a bare 20; ``about`` is "约…" / "about …". Money is written
``unit: yuan`` and shown as 12万元 / ¥120,000.
"""

from __future__ import annotations

from .context import ReadContext
from .model import AchievementGroup, Achievements, Figure, Localized
from .rules import SLUG
from .yamlfile import mapping_items

ACHIEVEMENTS_FILE = "content/achievements.yml"
TOP_FIELDS = ("source", "groups")
GROUP_FIELDS = ("id", "title", "chart", "figures")
FIGURE_FIELDS = ("id", "label", "value", "qualifier", "unit", "period", "source")
QUALIFIERS = ("exact", "more_than", "about")
CURRENCY_UNITS = ("yuan",)


def load_achievements(ctx: ReadContext) -> Achievements | None:
    path = ctx.root / ACHIEVEMENTS_FILE
    top = ctx.mapping_file(path, TOP_FIELDS)
    if top is None:
        return None
    source = top.localized("source")
    groups: list[AchievementGroup] = []
    figure_ids: set[str] = set()
    for group_data in _mappings(ctx, top.get("groups", list, required=True) or [], path):
        fields = ctx.reader(group_data, path)
        fields.check_known(GROUP_FIELDS)
        group_id = fields.text("id", required=True)
        title = fields.localized("title", required=True)
        chart = fields.get("chart", bool)
        figures = []
        for figure_data in _mappings(ctx, fields.get("figures", list, required=True) or [], path):
            figure = _figure(ctx, figure_data, path, source, figure_ids)
            if figure is not None:
                figures.append(figure)
        if group_id and title:
            if not SLUG.match(group_id) or any(g.id == group_id for g in groups):
                fields.report("id", "achievements.group_id", f"分组标识“{group_id}”无效或重复。",
                              f"The group id “{group_id}” is invalid or repeated.",
                              "只用小写英文字母、数字和连字符。", "Use lowercase letters, digits and hyphens.")
                continue
            groups.append(AchievementGroup(group_id, title, tuple(figures), chart is not False))
    return Achievements(tuple(groups), source)


def _mappings(ctx: ReadContext, items: list, path):
    return mapping_items(items, path, ctx.log, "每一项应写成“- id: …”加若干字段。",
                         "Each entry should be written `- id: …` followed by its fields.")


def _figure(ctx: ReadContext, data, path, default_source: Localized | None, seen: set[str]) -> Figure | None:
    fields = ctx.reader(data, path)
    fields.check_known(FIGURE_FIELDS)
    figure_id = fields.text("id", required=True)
    label = fields.localized("label", required=True)
    value = data.get("value")
    if value is None:
        fields.missing("value")
    elif isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        text = str(value)
        hint_zh = hint_en = ""
        if any(mark in text for mark in ("余", "多", "+", "约", "万")):
            hint_zh = "value 只写数字，如 20；“余”“约”写在 qualifier（more_than / about），“万”换算成数字（12万 → 120000）。"
            hint_en = ("Write only the number in value, e.g. 20; “more than” and “about” go in qualifier "
                       "(more_than / about), and 万 becomes digits (12万 → 120000).")
        fields.report("value", "achievements.value", f"数值“{text}”不是一个非负数。",
                      f"The value “{text}” is not a non-negative number.", hint_zh, hint_en)
        value = None
    qualifier = fields.choice("qualifier", QUALIFIERS, "exact")
    unit_value = data.get("unit")
    unit = currency = None
    if isinstance(unit_value, str) and unit_value in CURRENCY_UNITS:
        currency = "CNY"
    elif unit_value is not None:
        unit = fields.localized("unit")
    else:
        fields.missing("unit")
    period = fields.date("period")
    source = fields.localized("source") or default_source
    if source is None:
        fields.report("source", "achievements.source", f"数字“{figure_id}”没有注明来源。",
                      f"The figure “{figure_id}” has no source.",
                      "在该项或文件开头写 source: {zh: …, en: …}。",
                      "Add source: {zh: …, en: …} to the figure or at the top of the file.")
    if not figure_id or label is None or value is None:
        return None
    if not SLUG.match(figure_id) or figure_id in seen:
        fields.report("id", "achievements.figure_id", f"数字标识“{figure_id}”无效或重复。",
                      f"The figure id “{figure_id}” is invalid or repeated.",
                      "只用小写英文字母、数字和连字符，且各不相同。", "Use lowercase letters, digits and hyphens, each different.")
        return None
    seen.add(figure_id)
    return Figure(figure_id, label, value, qualifier, unit, currency, period, source)  # type: ignore[arg-type]
