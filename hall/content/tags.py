"""Tags: ``exhibits/tags.yml`` gives each tag slug its label per language; exhibits and news
carry slugs, and a slug missing from the file is a warning once the whole hall is read."""

from __future__ import annotations

from .context import ReadContext
from .fields import FieldReader, closest
from .model import Localized
from .rules import SLUG
from .yamlfile import YList

TAGS_FILE = "exhibits/tags.yml"


def read_tag_labels(ctx: ReadContext) -> dict[str, Localized]:
    """exhibits/tags.yml, ``slug: {zh: …, en: …}``: entries carry slugs, visitors read
    labels in their language. Absent file: no labels (each tag used is then warned about)."""
    fields = ctx.mapping_file(ctx.root / TAGS_FILE, None)
    if fields is None:
        return {}
    labels: dict[str, Localized] = {}
    for key, value in fields.data.items():
        slug = str(key)
        if not SLUG.match(slug):
            fields.report(
                key, "tag.id", f"标签“{slug}”只能用小写英文字母、数字和连字符（中文名称写在后面的 zh 中）。",
                f"The tag “{slug}” may use only lowercase letters, digits and hyphens (its labels go in zh and en).",
                "例如 activity-room: {zh: 活动室, en: Activity room}。",
                "For example: activity-room: {zh: 活动室, en: Activity room}.",
            )
            continue
        if value in (None, ""):
            fields.report(
                key, "tag.label", f"标签“{slug}”没有写名称。", f"The tag “{slug}” has no label.",
                f"写成 {slug}: {{zh: 中文名称, en: English label}}。",
                f"Write it as {slug}: {{zh: 中文名称, en: English label}}.",
            )
            continue
        label = fields.localized(key, required=True)
        if label:
            labels[slug] = label
    return labels



def entry_tags(ctx: ReadContext, fields: FieldReader) -> tuple[str, ...]:
    """The ``tags`` of an exhibit or news item, remembered for ``check_tags``."""
    tags = fields.str_list("tags")
    ctx.tag_checks.append((fields, tags, fields.data.get("tags")))
    return tuple(tags)



def check_tags(ctx: ReadContext, labels: dict[str, Localized]) -> None:
    """A tag missing from tags.yml is a warning, not an error: the page still shows
    it, readably but untranslated, and staff may add the label later."""
    known = list(labels)
    for fields, tags, node in ctx.tag_checks:
        for index, tag in enumerate(tags):
            if tag in labels:
                continue
            guess = closest(tag, known)
            mark = node.mark_of(index) if isinstance(node, YList) else None
            readable = tag.replace("-", " ")
            example_zh = f"{tag}: {{zh: 中文名称, en: English label}}"
            ctx.log.report(
                "tag.unknown", fields.path,
                f"标签“{tag}”不在 {TAGS_FILE} 中，页面上只能显示为“{readable}”。",
                f"The tag “{tag}” is not in {TAGS_FILE}, so pages show it as “{readable}”.",
                f"你是不是想写“{guess}”？如果是新标签，请在 {TAGS_FILE} 中添加一行 {example_zh}。" if guess
                else f"在 {TAGS_FILE} 中添加一行 {example_zh}。",
                f"Did you mean “{guess}”? If it is a new tag, add a line `{example_zh}` to {TAGS_FILE}." if guess
                else f"Add a line `{example_zh}` to {TAGS_FILE}.",
                line=mark.line if mark else None, column=mark.column if mark else None, level="warning",
            )
