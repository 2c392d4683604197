"""Skeletons staff start from: commented, bilingual, valid as they are (as drafts).

The texts staff must replace come from hall/content/unfinished.py, which warns when one of
them is still in a published entry."""

from __future__ import annotations

import re
from pathlib import Path

from ..content.news import CATEGORIES_FILE, NEWS_DIR, parse_folder_name
from ..content.problems import ProblemLog
from ..content.unfinished import (
    EXHIBIT_BODY,
    EXHIBIT_TITLE,
    NEWS_BODY,
    NEWS_TITLE,
    SUMMARY,
    ZONE_INTRO,
    ZONE_TITLE,
)
from ..content.yamlfile import load_yaml

EXHIBIT_YML = """\
# 展品信息 Exhibit metadata —— 以“#”开头的行是说明，可以删除。 Lines starting with # are notes.
# 冒号、逗号请用英文半角“: ,”；冒号后面要有一个空格。
# Use ASCII colons and commas; put one space after each colon.

# 标题（必填）。zh 为中文，en 为英文。 Title (required): zh Chinese, en English.
title: {{zh: {title.zh}, en: {title.en}}}

# 一两句话的简介，显示在卡片和页面顶部。 A one- or two-sentence summary.
summary:
  zh: {summary.zh}
  en: {summary.en}

# 时间（可选）：1373、2019-10 或 2021-06-30；区间写作 2019/2021。写到哪一级就显示到哪一级。
# Date (optional): 1373, 2019-10 or 2021-06-30; a range is 2019/2021. Shown at the precision written.
# date: 2019

# 年代说明（可选）。 Period label (optional).
# era: {{zh: 明洪武六年, en: the sixth year of the Hongwu reign}}

# 在本展区参观路线中的顺序，数字小的在前。 Place in the zone's visiting route (smaller first).
order: 100

# 导览编号（可选）：观众在“输入展品编号”页面输入的数字，印在展品说明牌上。不写时按参观顺序自动编号
# （第一个展区 101、102……，第二个展区 201……）。印制说明牌之前请写上固定编号；编号不能重复，也不要重复使用已撤下展品的编号。
# Guide number (optional): the number visitors key in on the "Enter the exhibit number" page, printed on the
# placard. Without it the exhibit is numbered in visiting order (first zone 101, 102 …, second zone 201 …).
# Pin the number before placards are printed; numbers must be unique, and never reuse a withdrawn exhibit's number.
# guide: 101

# 标签（可选）：写 exhibits/tags.yml 中的标识，用逗号分隔，如 [architecture, history]；页面显示其中的中英文名称。
# 新标签先在 exhibits/tags.yml 中添加。
# Tags (optional): ids from exhibits/tags.yml, comma-separated; pages show their labels. Add new tags there first.
tags: []

# draft = 草稿，只在预览中显示；写好后改为 published 才会发布。
# draft is shown only in the preview; change to published to publish.
status: draft

# 照片：把照片放进本文件夹，在这里列出。alt 是给看不见图片的人读的描述，必填。
# Photos: put them in this folder and list them here. alt (required) describes the photo for people who cannot see it.
images: []
#  - file: photo-1.jpg
#    alt: {{zh: 照片内容的描述, en: What the photo shows}}
#    caption: {{zh: 图片说明, en: Caption}}
#    credit: {{zh: 摄影：某某, en: "Photo: …"}}
#    download: true   # 可选：在图下提供全尺寸原图下载。 Optional: offer the full-size photo for download.

# 相关展品，写作“展区/文件夹名”。 Related exhibits, written as "zone/folder".
related: []
"""

ZH_MD = f"""\
<!-- 在这里写中文正文（不用写标题，标题来自 exhibit.yml）。可以用 ## 写小标题。 -->
<!-- Write the Chinese text here (no title: it comes from exhibit.yml). Use ## for subheadings. -->

{EXHIBIT_BODY.zh}
"""

EN_MD = f"""\
<!-- English text of the exhibit. If this file is missing, the Chinese text is shown with a notice. -->

{EXHIBIT_BODY.en}
"""


def new_exhibit(root: Path, exhibit_id: str) -> list[Path]:
    """Create exhibits/<zone>/<slug>/ with exhibit.yml, zh.md and en.md; never overwrite."""
    folder = root / "exhibits" / exhibit_id
    if folder.exists():
        raise FileExistsError(folder)
    folder.mkdir(parents=True)
    written = []
    for name, text in (("exhibit.yml", EXHIBIT_YML.format(title=EXHIBIT_TITLE, summary=SUMMARY)), ("zh.md", ZH_MD), ("en.md", EN_MD)):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


NEWS_YML = """\
# 活动动态 News item —— 以“#”开头的行是说明，可以删除。 Lines starting with # are notes.
# 文件夹名以日期开头（{folder}）：只知道年份就只写年份，不要编造月日。
# The folder name starts with the date ({folder}): write only the year when only the year is known.
# 冒号、逗号请用英文半角“: ,”；冒号后面要有一个空格。 Use ASCII colons and commas, a space after each colon.

# 标题（必填）。 Title (required).
title: {{zh: {title.zh}, en: {title.en}}}

# 一两句话的简介，显示在动态列表中。 A one- or two-sentence summary for the news list.
summary:
  zh: {summary.zh}
  en: {summary.en}

# 日期（可选）：不写时取文件夹名开头的日期；写了就必须与之一致。
# Date (optional): taken from the folder name when left out; if written, it must agree with it.
# date: {date}

# 栏目（必填），必须是 content/news/categories.yml 中的 id 之一：{categories}
# Category (required): one of the ids in content/news/categories.yml: {categories}
category: {category}

# 标签（可选）：写 exhibits/tags.yml 中的标识，如 [ethnic-unity]。 Tags (optional): ids from exhibits/tags.yml.
tags: []

# draft = 草稿，只在预览中显示；写好后改为 published 才会发布。
# draft is shown only in the preview; change to published to publish.
status: draft

# 照片：放进本文件夹并在此列出；alt 必填。人物照片须经本人同意；不要拍身份证、电话号码、台账。
# Photos: put them in this folder and list them; alt is required. Photos of people need their consent;
# never photograph ID cards, phone numbers or registers.
images: []
#  - file: photo-1.jpg
#    alt: {{zh: 照片内容的描述, en: What the photo shows}}
#    caption: {{zh: 图片说明, en: Caption}}

# 相关展品，写作“展区/文件夹名”。 Related exhibits, written as "zone/folder".
related: []

# 加入时间轴：true / false。 Join the timeline: true or false.
timeline: false
"""

NEWS_ZH_MD = f"""\
<!-- 在这里写中文正文（不用写标题，标题来自 news.yml）。 Write the Chinese text here (no title). -->

{NEWS_BODY.zh}
"""

NEWS_EN_MD = f"""\
<!-- English text. If this file is missing, the Chinese text is shown with a notice. -->

{NEWS_BODY.en}
"""

ZONE_ENTRY = """
# 新展区（由 hall new zone 生成，请修改标题和简介）。 New zone made by `hall new zone`: edit its title and intro.
- id: {zone_id}
  title: {{zh: {title.zh}, en: {title.en}}}
  intro:
    zh: {intro.zh}
    en: "{intro.en}"
"""


def new_news(root: Path, folder_name: str) -> list[Path]:
    """Create content/news/<date>-<slug>/ with news.yml, zh.md and en.md; never overwrite.

    The category is the first one of content/news/categories.yml, so the skeleton is valid."""

    parsed = parse_folder_name(folder_name)
    if parsed is None:
        raise ValueError(folder_name)
    folder = root / NEWS_DIR / folder_name
    if folder.exists():
        raise FileExistsError(folder)
    data = load_yaml(root / NEWS_DIR / CATEGORIES_FILE, ProblemLog(root)) if (root / NEWS_DIR / CATEGORIES_FILE).exists() else None
    ids = [str(item.get("id")) for item in data or [] if isinstance(item, dict) and item.get("id")]
    if not ids:
        raise LookupError(root / NEWS_DIR / CATEGORIES_FILE)
    folder.mkdir(parents=True)
    yml = NEWS_YML.format(folder=folder_name, date=parsed[0].iso(), categories=", ".join(ids), category=ids[0],
                          title=NEWS_TITLE, summary=SUMMARY)
    written = []
    for name, text in (("news.yml", yml), ("zh.md", NEWS_ZH_MD), ("en.md", NEWS_EN_MD)):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def new_zone(root: Path, zone_id: str) -> list[Path]:
    """Append a zone to exhibits/zones.yml (keeping its comments) and create its folder."""
    zones = root / "exhibits" / "zones.yml"
    folder = root / "exhibits" / zone_id
    if folder.exists():
        raise FileExistsError(folder)
    text = zones.read_bytes().decode("utf-8-sig") if zones.exists() else ""  # bytes: keep CRLF as it is
    if re.search(rf"^\s*-\s*id:\s*['\"]?{re.escape(zone_id)}['\"]?\s*(#.*)?$", text, re.M):
        raise FileExistsError(f"exhibits/zones.yml: {zone_id}")
    if text and not text.endswith("\n"):
        text += "\n"
    zones.parent.mkdir(parents=True, exist_ok=True)
    with zones.open("w", encoding="utf-8", newline="") as out:
        newline = "\r\n" if "\r\n" in text else "\n"
        out.write((text.replace("\r\n", "\n") + ZONE_ENTRY.format(zone_id=zone_id, title=ZONE_TITLE, intro=ZONE_INTRO)).replace("\n", newline))
    folder.mkdir(parents=True)
    keep = folder / ".gitkeep"  # git keeps no empty folders
    keep.write_text("", encoding="utf-8")
    return [zones, keep]
