"""Tags: ``exhibits/tags.yml`` gives each tag slug its label per language; exhibits and news
carry slugs (or a tag's label, taken for its slug: hall/content/labels.py), and a tag missing
from the file is a warning once the whole hall is read; a missing file is one warning."""

from __future__ import annotations

from .context import ReadContext
from .fields import FieldReader, closest
from .labels import choices_en, choices_zh, match_label
from .model import Localized
from .rules import SLUG
from .yamlfile import YList

TAGS_FILE = "exhibits/tags.yml"


def read_tag_labels(ctx: ReadContext) -> dict[str, Localized]:
    """exhibits/tags.yml, ``slug: {zh: …, en: …}``: entries carry slugs, visitors read
    labels in their language. Read before the entries, which may name a tag by its label.
    Absent file: no labels (``check_tags`` then says once that the file is missing)."""
    labels: dict[str, Localized] = {}
    ctx.tag_labels = labels
    fields = ctx.mapping_file(ctx.root / TAGS_FILE, None)
    if fields is None:
        return labels
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
    """The ``tags`` of an exhibit or news item, a label taken for its slug; remembered for
    ``check_tags``."""
    tags = [match_label(tag, ctx.tag_labels) or tag for tag in fields.str_list("tags")]
    ctx.tag_checks.append((fields, tags, fields.data.get("tags")))
    return tuple(tags)



def check_tags(ctx: ReadContext, labels: dict[str, Localized]) -> None:
    """A tag missing from tags.yml is a warning, not an error: the page still shows
    it, readably but untranslated, and staff may add the label later. Without tags.yml at
    all, one warning names the missing file instead of one per tag used."""
    known = list(labels)
    if not (ctx.root / TAGS_FILE).exists():
        _report_missing_file(ctx)
        return
    for fields, tags, node in ctx.tag_checks:
        for index, tag in enumerate(tags):
            if tag in labels:
                continue
            guess = closest(tag, known)
            mark = node.mark_of(index) if isinstance(node, YList) else None
            readable = tag.replace("-", " ")
            example_zh = f"{tag}: {{zh: 中文名称, en: English label}}"
            if not SLUG.match(tag):  # a label that names no tag: the new line needs a slug
                example_zh = f"new-tag: {{zh: {tag}, en: English label}}"
            listed_zh = f"现有标签：{choices_zh(labels)}。" if labels and not guess else ""
            listed_en = f" Tags: {choices_en(labels)}." if labels and not guess else ""
            ctx.log.report(
                "tag.unknown", fields.path,
                f"标签“{tag}”不在 {TAGS_FILE} 中，页面上只能显示为“{readable}”。",
                f"The tag “{tag}” is not in {TAGS_FILE}, so pages show it as “{readable}”.",
                (f"你是不是想写“{guess}”？如果是新标签，请在 {TAGS_FILE} 中添加一行 {example_zh}。" if guess
                 else f"在 {TAGS_FILE} 中添加一行 {example_zh}。") + listed_zh,
                (f"Did you mean “{guess}”? If it is a new tag, add a line `{example_zh}` to {TAGS_FILE}." if guess
                 else f"Add a line `{example_zh}` to {TAGS_FILE}.") + listed_en,
                line=mark.line if mark else None, column=mark.column if mark else None, level="warning",
            )


def _report_missing_file(ctx: ReadContext) -> None:
    """One warning for the whole hall when tags.yml is gone (deleted, renamed, not copied)."""
    used = sorted({tag for _, tags, _ in ctx.tag_checks for tag in tags})
    if not used:
        return
    shown = ", ".join(used[:12]) + (" …" if len(used) > 12 else "")
    ctx.log.report(
        "tag.file_missing", ctx.root / TAGS_FILE,
        f"找不到标签名称文件 {TAGS_FILE}：{len(used)} 个标签（{shown}）在页面上只能显示为标识本身，没有中英文名称。",
        f"The tag label file {TAGS_FILE} is missing: {len(used)} tags ({shown}) are shown as bare ids, "
        "without Chinese and English labels.",
        f"从备份或版本记录中恢复 {TAGS_FILE}；或新建该文件，每个标签写一行，如 {used[0]}: {{zh: 中文名称, en: English label}}。",
        f"Restore {TAGS_FILE} from a backup or the history; or create it with one line per tag, "
        f"e.g. `{used[0]}: {{zh: 中文名称, en: English label}}`.",
        level="warning",
    )
