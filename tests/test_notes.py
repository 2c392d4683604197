"""Notes staff leave for each other (hall/content/notes.py): found with their lines, dropped
from everything a public build writes (pages, search, feeds, sharing text, JSON-LD), marked
in previews, and listed by ``hall check --strict``."""

from __future__ import annotations

import gzip
import json
import os
from contextlib import contextmanager
from pathlib import Path

import pytest

from hall.content.model import Body, Exhibit, Hall, Home, Localized, Photo, Zone, map_texts
from hall.content.notes import find_notes, mark_body, strip_body, strip_field
from tests.support.sites import copy_sample_hall, run_hall, run_mkdocs

# -- finding and stripping --------------------------------------------------------------------


def test_a_chinese_block_note_is_dropped_whole_with_its_lazy_and_later_lines():
    body = "正文第一段。\n\n> 待核实：年代\n接着写的一行\n>\n> 第二段\n\n> 另起的引用段\n\n正文最后一段。\n"
    assert strip_body(body) == "正文第一段。\n\n正文最后一段。\n"


def test_english_labels_and_the_older_bilingual_form_are_notes():
    for start in ("> Placeholder: add the size.", "> To verify: the year.", "> Note for staff: ask the imam.",
                  "> **待补充 / Placeholder:** 此处请工作人员补充。", "> **To verify:** the date", "> 编写说明：本页为示例。",
                  "> 工作人员注：请核对。", "> 待补充: 半角冒号也算", "> placeholder: lower case too"):
        assert strip_body(f"Text.\n\n{start}\n") == "Text.\n", start


def test_a_quote_that_is_not_a_note_stays():
    body = "诗云：\n\n> 注：这是给访客的说明。\n\n> Note: opening hours change in winter.\n\n> 各民族像石榴籽一样紧紧抱在一起。\n"
    assert strip_body(body) == body
    assert find_notes(body) == []


def test_inline_notes_in_a_body_go_and_the_sentence_closes_up():
    body = "始建于明代【待核实：具体年份】，至今保存完好。\nBuilt in 1373 [[To verify: the source]] and restored [[Note: when?]].\n"
    assert strip_body(body) == "始建于明代，至今保存完好。\nBuilt in 1373 and restored.\n"


def test_a_list_item_holding_only_a_note_is_dropped():
    body = "- 第一处纪念馆\n- 【待补充：第二处的名称】\n- 第三处纪念馆\n"
    assert strip_body(body) == "- 第一处纪念馆\n- 第三处纪念馆\n"


def test_a_section_left_with_only_notes_is_dropped_with_its_heading():
    body = ("## 历史\n\n始建于明代。\n\n## 建筑与沿革\n\n> 待补充：建筑布局。\n\n### 细部\n\n【注：补照片】\n\n"
            "## 参观提示\n\n请保持安静。\n")
    assert strip_body(body) == "## 历史\n\n始建于明代。\n\n## 参观提示\n\n请保持安静。\n"


def test_a_section_that_keeps_text_keeps_its_heading_and_an_empty_one_without_notes_stays():
    body = "## 展品说明\n\n> 待补充：说明。\n\n展品共三件。\n\n## 空小节\n\n## 下一节\n\n文字。\n"
    assert strip_body(body) == "## 展品说明\n\n展品共三件。\n\n## 空小节\n\n## 下一节\n\n文字。\n"


def test_notes_in_fenced_code_are_examples_not_notes():
    body = "写法：\n\n```markdown\n> 待补充：示例\n文字【注：示例】\n```\n"
    assert strip_body(body) == body
    assert find_notes(body) == []


def test_notes_are_found_with_their_line_and_column():
    body = "第一行\n\n> 待核实：年代\n\n第四行【注：照片】。\n[[Placeholder: the\nsize]] here\n"
    found = [(n.line, n.column, n.block) for n in find_notes(body)]
    assert found == [(3, 3, True), (5, 4, False), (6, 1, False)]
    assert find_notes(body)[2].text == "[[Placeholder: the\nsize]]"


def test_a_yaml_field_that_is_only_a_note_counts_as_empty():
    assert strip_field("【待补充：简介】") == ""
    assert strip_field("  [[Placeholder: a summary]] ") == ""
    assert strip_field("党史宣讲活动【待补充：请换成照片。】") == "党史宣讲活动"
    assert strip_field("A talk [[Placeholder: replace the photo.]]") == "A talk"
    assert strip_field("> 待补充：引用号在字段里不是块注") == "> 待补充：引用号在字段里不是块注"


def test_a_preview_marks_notes_with_a_visible_label_and_keeps_their_text():
    marked = mark_body("正文。\n\n> 待核实：年代\n\n文字【注：补照片】。\n", "zh")
    assert '!!! hall-note "工作人员注 / Staff note"\n\n    待核实：年代' in marked
    assert '<span class="hall-note"><span class="hall-note__label">工作人员注 / Staff note</span> 注：补照片</span>' in marked
    assert "Staff note" in mark_body("Text [[Note: x]]", "en")


def _hall(body: str, summary: str, caption: str, status: str = "published") -> Hall:
    exhibit = Exhibit(
        "history/mosque", "history", "exhibits/history/mosque", Localized({"zh": "清真寺"}),
        Localized({"zh": summary, "en": "A mosque"}), {"zh": Body(body, "exhibits/history/mosque/zh.md")},
        status=status, images=(Photo("a.jpg", Localized({"zh": "外景"}), caption=Localized({"zh": caption})),))
    return Hall(Path("."), ("zh", "en"), (Zone("history", Localized({"zh": "历史"}), None, (exhibit,)),), (),
                Home(Localized({"zh": "展厅"})))


def test_the_published_hall_has_no_note_in_any_field_or_body_and_a_preview_keeps_them():
    hall = _hall("正文。\n\n> 待补充：布局\n", "始建于明代【待核实：年份】。", "【待补充：换照片】")
    public = hall.for_audience(include_drafts=False).exhibits["history/mosque"]
    assert public.bodies["zh"].text == "正文。\n"
    assert public.summary.values == {"zh": "始建于明代。", "en": "A mosque"}
    assert public.images[0].caption is None  # only a note: an optional field left empty is no field
    preview = hall.for_audience(include_drafts=True).exhibits["history/mosque"]
    assert "hall-note" in preview.bodies["zh"].text
    assert preview.summary.get("zh") == "始建于明代【待核实：年份】。"


def test_a_hall_without_notes_is_not_copied_when_notes_are_stripped():
    published = _hall("正文。\n", "始建于明代。", "外景").published()
    assert map_texts(published, strip_field, strip_body) is published
    assert map_texts(published, lambda text: text, mark_body) is published


# -- builds of the sample hall with notes planted ---------------------------------------------

EXHIBIT = "exhibits/history/notes-test"
NEWS = "content/news/2021-notes-test"


def _plant(project: Path) -> None:
    """An exhibit and a news item whose notes carry NOTEMARK… words and whose text carries
    KEEPMARK… words: the first must vanish from public output, the second must reach it."""
    (project / EXHIBIT).mkdir(parents=True)
    (project / EXHIBIT / "exhibit.yml").write_text(
        "title: {zh: 注的测试展品, en: A test of notes}\n"
        "summary:\n"
        '  zh: "留给访客的简介 KEEPMARKSUMZH。【待核实：NOTEMARKSUMZH 年代】"\n'
        '  en: "A summary for visitors KEEPMARKSUMEN. [[To verify: NOTEMARKSUMEN year]]"\n'
        "order: 99\nstatus: published\n", encoding="utf-8")
    (project / EXHIBIT / "zh.md").write_text(
        "## 历史\n\n这一段留给访客 KEEPMARKBODYZH。【注：NOTEMARKINLINEZH】\n\n"
        "## 待写的小节\n\n> 待补充：NOTEMARKBLOCKZH 请补充。\n", encoding="utf-8")
    (project / EXHIBIT / "en.md").write_text(
        "## History\n\nVisitors read KEEPMARKBODYEN. [[Note: NOTEMARKINLINEEN]]\n\n"
        "> Note for staff: NOTEMARKBLOCKEN fill in.\n", encoding="utf-8")
    (project / NEWS).mkdir(parents=True)
    (project / NEWS / "news.yml").write_text(
        "title: {zh: 注的测试动态, en: A news test of notes}\n"
        "summary:\n"
        '  zh: "动态简介 KEEPMARKNEWSZH。【待补充：NOTEMARKNEWSZH】"\n'
        '  en: "News summary KEEPMARKNEWSEN. [[Placeholder: NOTEMARKNEWSEN]]"\n'
        "date: 2021\ncategory: study\nstatus: published\n", encoding="utf-8")
    (project / NEWS / "zh.md").write_text("活动正文 KEEPMARKNEWSBODYZH。\n\n> 待核实：NOTEMARKNEWSBODYZH\n", encoding="utf-8")
    (project / NEWS / "en.md").write_text("News text KEEPMARKNEWSBODYEN.\n\n> To verify: NOTEMARKNEWSBODYEN\n",
                                          encoding="utf-8")


@contextmanager
def _preview():
    os.environ["HALL_PREVIEW"] = "1"
    try:
        yield
    finally:
        del os.environ["HALL_PREVIEW"]


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> Path:
    """The sample hall with the notes planted, built for publishing (site/) and as a preview (preview/)."""
    project = copy_sample_hall(tmp_path_factory.mktemp("notes"))
    _plant(project)
    run_mkdocs(project, "build")
    with _preview():
        run_mkdocs(project, "build", "--site-dir", str(project / "preview"))
    return project


def _texts(site: Path) -> dict[str, str]:
    """Every text the site serves, Pagefind's compressed fragments unpacked."""
    texts = {}
    for path in site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".txt", ".js"):
            texts[str(path.relative_to(site))] = path.read_text(encoding="utf-8", errors="replace")
        elif path.parent.name == "fragment" and "pagefind" in path.parts:
            texts[str(path.relative_to(site))] = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
    return texts


def test_a_public_build_publishes_the_text_and_no_note_anywhere(planted: Path):
    texts = _texts(planted / "site")
    leaks = sorted(name for name, text in texts.items() if "NOTEMARK" in text)
    assert leaks == []
    every = "\n".join(texts.values())
    for keep in ("KEEPMARKSUMZH", "KEEPMARKSUMEN", "KEEPMARKBODYZH", "KEEPMARKBODYEN", "KEEPMARKNEWSZH",
                 "KEEPMARKNEWSBODYEN"):
        assert keep in every, keep


def test_search_feeds_and_sharing_text_carry_the_entry_without_its_notes(planted: Path):
    site = planted / "site"
    fragments = [json.loads(gzip.decompress(f.read_bytes())[len(b"pagefind_dcd"):])
                 for root in (site, site / "en") for f in (root / "pagefind/fragment").iterdir()]
    indexed = " ".join(fragment["content"] for fragment in fragments)
    assert "KEEPMARKBODYZH" in indexed and "KEEPMARKBODYEN" in indexed
    assert "NOTEMARK" not in indexed
    feeds = "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.xml") if "sitemap" not in p.name)
    assert "KEEPMARKNEWSZH" in feeds and "KEEPMARKNEWSEN" in feeds and "NOTEMARK" not in feeds
    for page in (site / EXHIBIT.replace("exhibits/", "exhibits/", 1) / "index.html",
                 site / "en" / EXHIBIT / "index.html"):
        html = page.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        assert 'property="og:description"' in head and "KEEPMARKSUM" in head and "NOTEMARK" not in head
        assert "application/ld+json" in head
    html = (site / EXHIBIT / "index.html").read_text(encoding="utf-8")
    assert "待写的小节" not in html  # the section held only a note: its heading went with it
    assert "历史" in html


def test_a_preview_shows_every_note_highlighted_with_its_label(planted: Path):
    zh = (planted / "preview" / EXHIBIT / "index.html").read_text(encoding="utf-8")
    en = (planted / "preview/en" / EXHIBIT / "index.html").read_text(encoding="utf-8")
    assert 'class="admonition hall-note"' in zh and "工作人员注 / Staff note" in zh
    assert "NOTEMARKBLOCKZH" in zh and "待写的小节" in zh
    assert '<span class="hall-note"><span class="hall-note__label">' in zh and "NOTEMARKINLINEZH" in zh
    assert "NOTEMARKBLOCKEN" in en and "Staff note / 工作人员注" in en
    css = (planted / "preview/assets/hall.css").read_text(encoding="utf-8")
    assert ".admonition.hall-note" in css and "span.hall-note" in css


def test_check_strict_lists_every_note_with_file_and_line_and_a_plain_check_passes(planted: Path):
    plain = run_hall(planted, "check")
    assert plain.returncode == 0, plain.stdout + plain.stderr
    assert "hall check --strict" in plain.stdout
    strict = run_hall(planted, "check", "--strict")
    output = strict.stdout + strict.stderr
    assert strict.returncode == 1, output
    assert "Traceback" not in output
    for where in (f"{EXHIBIT}/zh.md:3:", f"{EXHIBIT}/zh.md:7:3", f"{EXHIBIT}/en.md:3:", f"{EXHIBIT}/en.md:5:3",
                  f"{EXHIBIT}/exhibit.yml:3:", f"{EXHIBIT}/exhibit.yml:4:", f"{NEWS}/news.yml:3:", f"{NEWS}/zh.md:3:3"):
        assert where in output, where
    assert "NOTEMARKBLOCKZH" in output and "给工作人员的注" in output and "A note for staff" in output
    assert "修改建议" in output and "How to fix" in output
