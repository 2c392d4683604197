"""Tags: staff write slugs, visitors read labels from exhibits/tags.yml in their language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hall.pages.browse import browse_view
from hall.content import load_hall
from hall.pages import plan_site
from tests.conftest import REPO
from tests.test_content import EXHIBIT, make_hall
from tests.test_staff_errors import NEWS_YML, add_news

TAGS = """\
# 标签 / tags
activity-room: {zh: 活动室, en: Activity rooms}
miaochuan: {zh: 庙川, en: Miaochuan}
religion: 宗教
"""


def tagged_hall(tmp_path: Path, tags: str, vocabulary: str | None = TAGS) -> Path:
    files = {"exhibits/tags.yml": vocabulary} if vocabulary is not None else {}
    return make_hall(tmp_path, EXHIBIT.replace("order: 10", f"order: 10\ntags: {tags}"), files)


def exhibit_page(hall, language: str) -> dict:
    return next(p.view for p in plan_site(hall, language, {}).pages if p.view.get("kind") == "exhibit")


# -- the vocabulary ---------------------------------------------------------------------


def test_the_vocabulary_is_loaded_with_its_labels(tmp_path):
    hall, log = load_hall(tagged_hall(tmp_path, "[activity-room, miaochuan, religion]"))
    assert not log.problems, log.format()
    assert hall.tag_labels["activity-room"].get("zh") == "活动室"
    assert hall.tag_labels["miaochuan"].get("en") == "Miaochuan"
    assert hall.tag_labels["religion"].get("en") == "宗教"  # plain text is the Chinese label; en falls back


def test_unused_entries_are_fine(tmp_path):
    _, log = load_hall(tagged_hall(tmp_path, "[miaochuan]"))
    assert not log.problems, log.format()


def test_every_tag_of_the_sample_hall_has_chinese_and_english_labels():
    hall, log = load_hall(REPO)
    assert not [p for p in log.problems if p.code.startswith("tag.")], log.format()
    used = {t for e in hall.exhibits.values() for t in e.tags} | {t for n in hall.news for t in n.tags}
    assert used and used <= set(hall.tag_labels)
    assert all(label.has("zh") and label.has("en") for label in hall.tag_labels.values())


# -- unknown tags: a warning with the line and the closest known tag ----------------------


def test_a_misspelt_tag_is_a_warning_at_its_line_naming_the_closest_tag(tmp_path):
    hall, log = load_hall(tagged_hall(tmp_path, "[miaochuan, activty-room]"))
    assert not log.errors
    [problem] = log.warnings
    assert problem.code == "tag.unknown" and problem.level == "warning"
    assert problem.file == "exhibits/history/mosque/exhibit.yml"
    assert (problem.line, problem.column) == (5, 19)
    assert "activty-room" in problem.zh and "exhibits/tags.yml" in problem.zh
    assert "activty-room" in problem.en and "exhibits/tags.yml" in problem.en
    assert "“activity-room”" in problem.hint_zh and "“activity-room”" in problem.hint_en
    assert "tags.yml" in problem.hint_zh and "tags.yml" in problem.hint_en


def test_a_new_tag_hint_says_how_to_add_it(tmp_path):
    _, log = load_hall(tagged_hall(tmp_path, "[calligraphy]"))
    [problem] = log.warnings
    assert "calligraphy: {zh: 中文名称, en: English label}" in problem.hint_zh
    assert "Did you mean" not in problem.hint_en and "exhibits/tags.yml" in problem.hint_en


def test_without_a_vocabulary_one_warning_names_the_missing_file(tmp_path):
    _, log = load_hall(tagged_hall(tmp_path, "[activity-room, miaochuan]", vocabulary=None))
    assert not log.errors and [(p.code, p.file) for p in log.warnings] == [("tag.file_missing", "exhibits/tags.yml")]


def test_news_tags_are_checked_too(tmp_path):
    root = make_hall(tmp_path, files={"exhibits/tags.yml": TAGS})
    add_news(root, yml=NEWS_YML + "tags: [miaochuan, miaochaun]\n")
    _, log = load_hall(root)
    [problem] = log.warnings
    assert problem.code == "tag.unknown" and problem.file == "content/news/2021-lectures/news.yml"
    assert problem.line == 4 and "“miaochuan”" in problem.hint_en


# -- a malformed tags.yml is an error, like every other file ------------------------------


@pytest.mark.parametrize(("vocabulary", "code", "line"), [
    ("- activity-room: {zh: 活动室}\n", "yaml.not_mapping", 1),
    ("activity-room: {zh: 活动室, eng: Activity rooms}\n", "field.language", 1),
    ("miaochuan: 庙川\nactivity-room: {en: Activity rooms}\n", "field.missing_default_language", 2),
    ("miaochuan: 庙川\nactivity-room: [活动室, Activity rooms]\n", "field.type", 2),
    ("miaochuan: 庙川\nActivity Room: {zh: 活动室}\n", "tag.id", 2),
    ("miaochuan: 庙川\nactivity-room:\n", "tag.label", 2),
    ("miaochuan: 庙川\nmiaochuan: {zh: 庙川}\n", "yaml.duplicate_key", 2),
])
def test_a_malformed_vocabulary_is_an_error(tmp_path, vocabulary, code, line):
    _, log = load_hall(tagged_hall(tmp_path, "[miaochuan]", vocabulary))
    assert [(p.code, p.file, p.line) for p in log.errors] == [(code, "exhibits/tags.yml", line)], log.format()
    assert all(p.zh and p.en for p in log.errors)


# -- what pages get: {slug, label, lang} -------------------------------------------------


def test_views_give_labels_in_the_page_language_with_fallbacks(tmp_path):
    hall, _ = load_hall(tagged_hall(tmp_path, "[activity-room, religion, paper-cutting]"))
    assert exhibit_page(hall, "zh")["tags"] == [
        {"slug": "activity-room", "label": "活动室", "lang": "zh-CN"},
        {"slug": "religion", "label": "宗教", "lang": "zh-CN"},
        {"slug": "paper-cutting", "label": "paper cutting", "lang": "zh-CN"},
    ]
    assert exhibit_page(hall, "en")["tags"] == [
        {"slug": "activity-room", "label": "Activity rooms", "lang": "en"},
        {"slug": "religion", "label": "宗教", "lang": "zh-CN"},  # untranslated: marked as Chinese
        {"slug": "paper-cutting", "label": "paper cutting", "lang": "en"},  # unknown: readable slug
    ]


def test_browse_chips_show_labels_and_still_select_by_slug():
    hall, _ = load_hall(REPO)
    for language, label in (("zh", "庙川"), ("en", "Miaochuan")):
        view = browse_view(hall, language, {})
        chips = {g["key"]: g for g in next(f for f in view["facets"] if f["id"] == "tag")["groups"]}
        assert chips["miaochuan"]["title"] == label and chips["miaochuan"]["count"] == 2
    index = next(i for i, item in enumerate(view["items"]) if item["id"] == "history/ming-mosque")
    assert view["keys"][index]["tag"] == ["architecture", "religion", "ming-dynasty"]


# -- the built site -----------------------------------------------------------------------


def tag_texts(page: str) -> list[str]:
    return re.findall(r'<span class="hall-tag"[^>]*>([^<]*)</span>', page)


@pytest.mark.slow
def test_built_pages_show_tag_labels_never_slugs(site):
    zh = (site / "exhibits/achievements/activity-room/index.html").read_text(encoding="utf-8")
    en = (site / "en/exhibits/achievements/activity-room/index.html").read_text(encoding="utf-8")
    assert tag_texts(zh) == ["活动室", "社区服务", "北环路", "庙川"]
    assert tag_texts(en) == ["Activity rooms", "Community services", "Beihuan Road", "Miaochuan"]
    for page in (zh, en):
        assert '<span class="hall-tag">' in page  # translated: no lang of its own
        tags = page.split('<p class="hall-tags">', 1)[1].split("</p>", 1)[0]
        assert not re.search(r"[a-z]+-[a-z]+", re.sub(r"<[^>]+>", "", tags))  # no slug shown
    news = (site / "en/news/2021-long-march-visits/index.html").read_text(encoding="utf-8")
    assert tag_texts(news) == ["The Long March", "Patriotic education"]

