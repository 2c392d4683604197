"""Activity news: one folder per item under ``content/news/``, validated like exhibits.

``content/news/<YYYY[-MM[-DD]]>-<slug>/news.yml`` + ``zh.md`` + optional ``en.md`` + photos.
The folder name starts with the date at the precision it is known (a year alone when the
report gives only a year), so no day is ever invented to name a folder. The categories
come from ``content/news/categories.yml``, a list staff edit like the zone list.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..dates import DateSpan, PartialDate
from .bundles import read_bodies, read_photos
from .context import ReadContext
from .fields import closest
from .labels import choices_en, choices_zh, match_label
from .model import Localized, NewsCategory, NewsItem
from .rules import STATUSES
from .tags import entry_tags
from .yamlfile import load_yaml, mapping_items

NEWS_DIR = "content/news"
CATEGORIES_FILE = "categories.yml"
NEWS_FIELDS = (
    "title", "summary", "date", "category", "cover", "images", "tags", "related", "status", "timeline",
)
CATEGORY_FIELDS = ("id", "title")
CATEGORY_ID = re.compile(r"^[a-z][a-z0-9-]*$")
RESERVED_CATEGORY_IDS = {"page", "feed", "atom"}
#: A news folder: a date prefix (YYYY, YYYY-MM or YYYY-MM-DD) then a lowercase slug.
FOLDER = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?-([a-z][a-z0-9-]*)$")


def parse_folder_name(name: str) -> tuple[PartialDate, str] | None:
    """``2021-06-30-lecture`` → (2021-06-30, "lecture"); ``2021-lecture`` → (2021, "lecture")."""
    match = FOLDER.match(name)
    if not match:
        return None
    year, month, day, slug = match.groups()
    try:
        return PartialDate(int(year), int(month) if month else None, int(day) if day else None), slug
    except ValueError:
        return None


def newest_first(items: tuple[NewsItem, ...] | list[NewsItem]) -> list[NewsItem]:
    """Newest first; a year-only item comes after the dated items of the same year."""
    return sorted(items, key=lambda item: item.sort_key, reverse=True)


def load_categories(ctx: ReadContext) -> tuple[NewsCategory, ...]:
    path = ctx.root / NEWS_DIR / CATEGORIES_FILE
    log = ctx.log
    if not path.exists():
        log.report(
            "news.categories_missing", path,
            "找不到动态栏目列表 content/news/categories.yml。",
            "content/news/categories.yml, the list of news categories, is missing.",
            "新建该文件，每个栏目写成“- id: study”加 title: {zh: …, en: …}。",
            "Create it, one category per entry: `- id: study` with `title: {zh: …, en: …}`.",
        )
        return ()
    data = load_yaml(path, log)
    if data is None:
        return ()
    if not isinstance(data, list):
        log.report(
            "yaml.not_list", path, "栏目列表应为列表，每个栏目以“- id: …”开头。",
            "The category list should be a list, each category starting with `- id: …`.",
            "参照示例，每个栏目前加“- ”。", "Put “- ” before each category, as in the sample.",
        )
        return ()
    categories: list[NewsCategory] = []
    for item in mapping_items(data, path, log, "每个栏目应写成“- id: …”加 title。",
                              "Each category should be written `- id: …` with a title."):
        fields = ctx.reader(item, path)
        fields.check_known(CATEGORY_FIELDS)
        category_id = fields.text("id", required=True)
        title = fields.localized("title", required=True)
        if not category_id:
            continue
        if not CATEGORY_ID.match(category_id) or category_id in RESERVED_CATEGORY_IDS:
            fields.report(
                "id", "news.category_id",
                f"栏目标识“{category_id}”只能用小写英文字母、数字和连字符，以字母开头，且不能是 page、feed、atom。",
                f"The category id “{category_id}” may use only lowercase letters, digits and hyphens, must start "
                "with a letter, and may not be page, feed or atom.",
                "例如 study、performances。", "For example: study, performances.",
            )
            continue
        if any(c.id == category_id for c in categories):
            fields.report("id", "news.category_duplicate", f"栏目“{category_id}”重复列出。",
                          f"The category “{category_id}” is listed twice.", "删除重复的一项。", "Delete the repeated entry.")
            continue
        categories.append(NewsCategory(category_id, title or Localized({ctx.languages[0]: category_id})))
    return tuple(categories)


def load_news(ctx: ReadContext) -> tuple[tuple[NewsCategory, ...], tuple[NewsItem, ...]]:
    """Every news folder, newest first, with the configured categories."""
    folder = ctx.root / NEWS_DIR
    if not folder.is_dir():
        return (), ()
    categories = load_categories(ctx)
    items = [
        item for child in sorted(folder.iterdir())
        if child.is_dir() and not child.name.startswith((".", "_"))
        if (item := load_news_item(ctx, child, categories)) is not None
    ]
    return categories, tuple(newest_first(items))


def load_news_item(ctx: ReadContext, folder: Path, categories: tuple[NewsCategory, ...]) -> NewsItem | None:
    log = ctx.log
    yml = folder / "news.yml"
    if not yml.exists():
        if any(folder.iterdir()):
            log.report(
                "news.no_yml", folder, f"动态文件夹 {folder.name} 中没有 news.yml，该条动态不会发布。",
                f"The news folder {folder.name} has no news.yml, so it cannot be published.",
                "从其他动态文件夹复制一份 news.yml 并修改，或检查文件名的拼写。",
                "Copy news.yml from another news folder and edit it, or check the file name's spelling.",
            )
        return None
    parsed = parse_folder_name(folder.name)
    if parsed is None:
        log.report(
            "news.folder_name", folder,
            f"动态文件夹名“{folder.name}”应以日期开头，后接小写英文短名，如 2021-06-30-lecture、2021-06-lecture 或 2021-lecture。",
            f"The news folder name “{folder.name}” should start with a date and go on with a lowercase slug, "
            "such as 2021-06-30-lecture, 2021-06-lecture or 2021-lecture.",
            "只知道年份时只写年份，不要编造月日；短名只用小写字母、数字和连字符。",
            "When only the year is known write only the year, never an invented day; "
            "the slug uses lowercase letters, digits and hyphens.",
        )
        return None
    folder_date, _slug = parsed
    data = ctx.yaml(yml)
    if not ctx.expect_mapping(data, yml):
        log.mark_unparsed(folder.name, log.rel(folder), f"news/{folder.name}")  # no follow-on errors about it
        return None
    fields = ctx.reader(data, yml)
    fields.check_known(NEWS_FIELDS)
    title = fields.localized("title", required=True)
    date = fields.date("date") or DateSpan(folder_date)
    if "date" in data and data["date"] is not None and not date.start.iso().startswith(folder_date.iso()):
        fields.report(
            "date", "news.date_mismatch",
            f"日期 {date.iso()} 与文件夹名开头的日期 {folder_date.iso()} 不一致。",
            f"The date {date.iso()} does not agree with the date {folder_date.iso()} the folder name starts with.",
            "改正其中一处，使两者一致（文件夹名可以只写年份或年月）。",
            "Correct one of them so they agree (the folder name may give only the year or year and month).",
        )
    category_labels = {c.id: c.title for c in categories}  # a category may be named by its label
    category = fields.text("category", required=True) or ""
    category = match_label(category, category_labels) or category
    if category and category not in category_labels:
        guess = closest(category, list(category_labels))
        fields.report(
            "category", "news.category",
            f"栏目“{category}”不在 content/news/categories.yml 中。",
            f"The category “{category}” is not listed in content/news/categories.yml.",
            f"你是不是想写“{guess}”？" if guess else "可用的栏目：" + choices_zh(category_labels),
            f"Did you mean “{guess}”?" if guess else "Categories: " + choices_en(category_labels),
        )
    images = read_photos(ctx, fields, folder)
    cover_name = fields.text("cover")
    cover_file = None
    if cover_name:
        match = next((p for p in images if Path(p.file).name == cover_name), None)
        if match is None:
            guess = closest(cover_name, [Path(p.file).name for p in images])
            fields.report(
                "cover", "news.cover",
                f"封面“{cover_name}”不在本条动态的 images 中。", f"The cover “{cover_name}” is not one of this item's images.",
                f"你是不是想写“{guess}”？" if guess else "先在 images 中列出这张照片（附 alt 文字），再把它设为封面。",
                f"Did you mean “{guess}”?" if guess else "List the photo under images (with its alt text) first, then name it as cover.",
            )
        else:
            cover_file = match.file
    related = fields.str_list("related")
    ctx.reference_checks.append((fields, "related", related, data.get("related")))
    return NewsItem(
        id=folder.name,
        folder=log.rel(folder),
        date=date,
        title=title or Localized({ctx.languages[0]: folder.name}),
        summary=fields.localized("summary"),
        bodies=read_bodies(ctx, folder),
        category=category,
        images=tuple(images),
        cover_file=cover_file,
        tags=entry_tags(ctx, fields),
        related=tuple(related),
        status=fields.choice("status", STATUSES, "published"),  # type: ignore[arg-type]
        timeline=bool(fields.get("timeline", bool)),
    )
