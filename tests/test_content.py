"""Loading and validating the hall: every staff mistake becomes one bilingual, located problem."""

from __future__ import annotations

from pathlib import Path

from hall.content import load_hall
from tests.conftest import REPO

ZONES = "- id: history\n  title: {zh: 历史, en: History}\n"
EXHIBIT = """\
title: {zh: 古建筑清真寺, en: The Historic Mosque}
summary: {zh: 始建于明洪武六年。, en: Founded in 1373.}
date: 1373
order: 10
images:
  - file: a.jpg
    alt: {zh: 占位图, en: Placeholder}
"""


def make_hall(tmp_path: Path, exhibit_yml: str = EXHIBIT, files: dict[str, str | bytes] | None = None) -> Path:
    (tmp_path / "exhibits" / "history" / "mosque").mkdir(parents=True)
    (tmp_path / "exhibits" / "zones.yml").write_text(ZONES, encoding="utf-8")
    folder = tmp_path / "exhibits" / "history" / "mosque"
    (folder / "exhibit.yml").write_text(exhibit_yml, encoding="utf-8")
    (folder / "zh.md").write_text("正文。\n", encoding="utf-8")
    from PIL import Image

    Image.new("RGB", (40, 30), "white").save(folder / "a.jpg")
    for name, content in (files or {}).items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")
    return tmp_path


def only_error(root: Path):
    _, log = load_hall(root)
    assert len(log.errors) == 1, log.format()
    return log.errors[0]


def test_the_sample_hall_loads_without_errors():
    hall, log = load_hall(REPO)
    assert not log.errors, log.format()
    assert [z.id for z in hall.zones] == ["prologue", "history", "customs", "achievements"]
    assert len(hall.exhibits) >= 8
    mosque = hall.exhibits["history/ming-mosque"]
    assert mosque.date.start.year == 1373 and mosque.date.start.precision == "year"
    assert "en" not in hall.exhibits["customs/customs-and-culture"].bodies


def test_a_valid_exhibit(tmp_path):
    hall, log = load_hall(make_hall(tmp_path))
    assert not log.problems, log.format()
    exhibit = hall.exhibits["history/mosque"]
    assert exhibit.title.get("en") == "The Historic Mosque"
    assert exhibit.images[0].file == "exhibits/history/mosque/a.jpg"
    assert exhibit.bodies["zh"].text.startswith("正文")


def test_misspelt_field_suggests_the_right_one(tmp_path):
    problem = only_error(make_hall(tmp_path, EXHIBIT.replace("summary:", "sumary:")))
    assert problem.code == "field.unknown"
    assert problem.file == "exhibits/history/mosque/exhibit.yml"
    assert problem.line == 2
    assert "sumary" in problem.zh and "“summary”" in problem.hint_zh and "“summary”" in problem.hint_en


def test_fullwidth_colon_is_found_on_its_line(tmp_path):
    problem = only_error(make_hall(tmp_path, EXHIBIT.replace("order: 10", "order： 10")))
    assert problem.code == "yaml.fullwidth_colon"
    assert problem.line == 4
    assert "全角冒号" in problem.zh and "full-width colon" in problem.en


def test_tab_indentation(tmp_path):
    problem = only_error(make_hall(tmp_path, EXHIBIT.replace("  - file: a.jpg", "\t- file: a.jpg")))
    assert problem.code == "yaml.tab" and problem.line == 6


def test_chinese_date_is_refused_with_accepted_forms(tmp_path):
    problem = only_error(make_hall(tmp_path, EXHIBIT.replace("date: 1373", "date: 2021年6月30日")))
    assert problem.code == "field.date" and problem.line == 3
    assert "2021-06-30" in problem.hint_zh and "2019-10" in problem.hint_en


def test_missing_photo_suggests_the_closest_file(tmp_path):
    problem = only_error(make_hall(tmp_path, EXHIBIT.replace("file: a.jpg", "file: A.jpg")))
    assert problem.code == "image.missing"
    assert "a.jpg" in problem.hint_en


def test_photo_outside_the_repository(tmp_path):
    problem = only_error(make_hall(tmp_path, EXHIBIT.replace("file: a.jpg", "file: ../../../../etc/passwd")))
    assert problem.code == "image.outside"


def test_unknown_related_exhibit(tmp_path):
    problem = only_error(make_hall(tmp_path, EXHIBIT + "related: [history/mosqe]\n"))
    assert problem.code == "reference.related" and problem.line == 8
    assert "history/mosque" in problem.hint_en


def test_duplicate_key(tmp_path):
    problem = only_error(make_hall(tmp_path, EXHIBIT + "order: 20\n"))
    assert problem.code == "yaml.duplicate_key" and problem.line == 8


def test_missing_title_and_wrong_type_are_reported_together(tmp_path):
    root = make_hall(tmp_path, EXHIBIT.replace("title:", "#title:").replace("order: 10", "order: first"))
    _, log = load_hall(root)
    assert {p.code for p in log.errors} == {"field.missing", "field.type"}


def test_comma_in_a_flow_mapping(tmp_path):
    problem = only_error(make_hall(tmp_path, EXHIBIT.replace("en: The Historic Mosque", "en: The Mosque, Old Town")))
    assert problem.code == "field.comma_in_flow"
    assert "引号" in problem.hint_zh


def test_gbk_file_is_explained_and_bom_crlf_are_accepted(tmp_path):
    root = make_hall(tmp_path, files={})
    folder = root / "exhibits" / "history" / "mosque"
    (folder / "exhibit.yml").write_bytes(("\ufeff" + EXHIBIT).replace("\n", "\r\n").encode("utf-8"))
    _, log = load_hall(root)
    assert not log.errors, log.format()
    (folder / "exhibit.yml").write_bytes(EXHIBIT.encode("gb18030"))
    problem = only_error(root)
    assert problem.code == "file.gbk" and "hall fix-encoding" in problem.hint_en


def test_exhibit_folder_without_yml_and_unknown_zone(tmp_path):
    root = make_hall(tmp_path, files={"exhibits/history/orphan/zh.md": "文字", "exhibits/histroy/x/zh.md": "文字"})
    _, log = load_hall(root)
    assert {p.code for p in log.errors} == {"exhibit.no_yml", "zone.unknown"}
    unknown = next(p for p in log.errors if p.code == "zone.unknown")
    assert "history" in unknown.hint_zh


def test_stray_file_is_a_warning(tmp_path):
    root = make_hall(tmp_path, files={"exhibits/history/mosque/notes.txt": "内部笔记"})
    _, log = load_hall(root)
    assert not log.errors
    assert [p.code for p in log.warnings] == ["exhibit.stray_file"]


def test_drafts_are_only_in_previews(tmp_path):
    root = make_hall(tmp_path, EXHIBIT + "status: draft\n")
    hall, log = load_hall(root)
    assert [p.code for p in log.problems] == ["unfinished.empty_zone"]  # its zone's only exhibit is a draft
    assert "history/mosque" in hall.for_audience(include_drafts=True).exhibits
    assert "history/mosque" not in hall.for_audience(include_drafts=False).exhibits


def test_problem_format_names_file_line_and_both_languages(tmp_path):
    problem = only_error(make_hall(tmp_path, EXHIBIT.replace("order: 10", "order： 10")))
    text = problem.format()
    assert text.splitlines()[0] == "[错误 error] exhibits/history/mosque/exhibit.yml:4:6"
    assert "修改建议" in text and "How to fix" in text


def test_a_page_gives_its_settings_to_the_engine_directly_or_as_front_matter():
    from mkdocs.utils.meta import get_data

    from hall.pages import PageSpec

    body = "---\n\n正文：“引号”与 `代码`\n"  # a body that starts with a rule is not front matter
    spec = PageSpec("a/index.md", "a/index.html", "古建筑清真寺: “明”", "exhibit.html", body, hide=("toc",))
    assert spec.meta == {"title": "古建筑清真寺: “明”", "template": "exhibit.html", "hide": ["toc"]}
    assert get_data(spec.markdown) == (body, spec.meta)  # as one file, what MkDocs would read
    assert get_data("\n\n" + body)[1] == {}  # as the plugin hands it over (its settings go directly)
    assert PageSpec("b/index.md", "b/index.html", "B", "page.html").meta == {"title": "B", "template": "page.html"}
