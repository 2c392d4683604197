"""Skeletons staff start from: commented, bilingual, valid as they are (as drafts)."""

from __future__ import annotations

from pathlib import Path

EXHIBIT_YML = """\
# 展品信息 Exhibit metadata —— 以“#”开头的行是说明，可以删除。 Lines starting with # are notes.
# 冒号、逗号请用英文半角“: ,”；冒号后面要有一个空格。
# Use ASCII colons and commas; put one space after each colon.

# 标题（必填）。zh 为中文，en 为英文。 Title (required): zh Chinese, en English.
title: {{zh: 新展品标题, en: New exhibit title}}

# 一两句话的简介，显示在卡片和页面顶部。 A one- or two-sentence summary.
summary:
  zh: 请在这里写一两句简介。
  en: Write a one- or two-sentence summary here.

# 时间（可选）：1373、2019-10 或 2021-06-30；区间写作 2019/2021。写到哪一级就显示到哪一级。
# Date (optional): 1373, 2019-10 or 2021-06-30; a range is 2019/2021. Shown at the precision written.
# date: 2019

# 年代说明（可选）。 Period label (optional).
# era: {{zh: 明洪武六年, en: the sixth year of the Hongwu reign}}

# 在本展区参观路线中的顺序，数字小的在前。 Place in the zone's visiting route (smaller first).
order: 100

# 标签：小写英文，用逗号分隔。 Tags: lowercase English words.
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

# 相关展品，写作“展区/文件夹名”。 Related exhibits, written as "zone/folder".
related: []
"""

ZH_MD = """\
<!-- 在这里写中文正文（不用写标题，标题来自 exhibit.yml）。可以用 ## 写小标题。 -->
<!-- Write the Chinese text here (no title: it comes from exhibit.yml). Use ## for subheadings. -->

此处请工作人员补充展品介绍。
"""

EN_MD = """\
<!-- English text of the exhibit. If this file is missing, the Chinese text is shown with a notice. -->

Staff: replace this with the English text of the exhibit.
"""


def new_exhibit(root: Path, exhibit_id: str) -> list[Path]:
    """Create exhibits/<zone>/<slug>/ with exhibit.yml, zh.md and en.md; never overwrite."""
    folder = root / "exhibits" / exhibit_id
    if folder.exists():
        raise FileExistsError(folder)
    folder.mkdir(parents=True)
    written = []
    for name, text in (("exhibit.yml", EXHIBIT_YML.format()), ("zh.md", ZH_MD), ("en.md", EN_MD)):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
