"""Reading staff YAML (hall/content/yamlfile.py, yamltraps.py, yamlsyntax.py) and ranking what
goes wrong (hall/content/problems.py): each input-method trap is named with its character, line,
column and fix in both languages; one typo gives one error, listed first, and no follow-on
errors in the entries that name the broken one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hall.content import load_hall
from hall.content.problems import ProblemLog
from tests.support.sites import copy_sample_hall
from tests.test_content import EXHIBIT, make_hall, only_error

MOSQUE = "exhibits/history/ming-mosque/exhibit.yml"


def exhibit_line(text: str, number: int) -> str:
    return text.split("\n")[number - 1]


# -- one test per trap ------------------------------------------------------------------------


def test_a_no_break_space_after_a_colon_is_named_with_its_code_point(tmp_path):
    problem = only_error(make_hall(tmp_path, EXHIBIT.replace("order: 10", "order:\u00a010")))
    assert problem.code == "yaml.invisible_space"
    assert (problem.line, problem.column) == (4, 7)  # the no-break space itself
    assert "不换行空格 U+00A0" in problem.zh and "no-break space (U+00A0)" in problem.en
    assert "普通空格" in problem.hint_zh and "ordinary space" in problem.hint_en


@pytest.mark.parametrize("char, name", [("\u200b", "U+200B"), ("\ufeff", "U+FEFF")])
def test_a_zero_width_character_before_a_key_is_named(tmp_path, char, name):
    problem = only_error(make_hall(tmp_path, EXHIBIT.replace("order: 10", f"{char}order: 10")))
    assert problem.code == "yaml.zero_width"
    assert (problem.line, problem.column) == (4, 1)
    assert name in problem.zh and name in problem.en
    assert "看不见的字符" in problem.zh and "invisible character" in problem.en
    assert "删到行首" in problem.hint_zh and "delete back to the start of the line" in problem.hint_en


def test_curly_quotes_used_as_yaml_quotes_are_named_where_they_open(tmp_path):
    yml = EXHIBIT.replace("en: Founded in 1373.}", "en: “Founded: 1373”}")
    problem = only_error(make_hall(tmp_path, yml))
    assert problem.code == "yaml.curly_quote"
    assert problem.line == 2 and problem.column == exhibit_line(yml, 2).index("“") + 1
    assert "弯引号 “ ” ‘ ’ 不能当作 YAML 引号" in problem.zh and "Curly quotes “ ” ‘ ’ are not YAML quotes" in problem.en
    assert '半角直引号 "' in problem.hint_zh and 'straight quotes "' in problem.hint_en and "no quotes" in problem.hint_en


def test_curly_quotes_around_text_with_a_comma_in_braces_are_named_not_reported_as_two_fields(tmp_path):
    yml = EXHIBIT.replace("en: The Historic Mosque", "en: “The Mosque, Old Town”")
    problem = only_error(make_hall(tmp_path, yml))
    assert problem.code == "yaml.curly_quote"
    assert (problem.line, problem.column) == (1, exhibit_line(yml, 1).index("“") + 1)


@pytest.mark.parametrize("dash, name_zh, name_en", [
    ("－", "全角破折号", "full-width dash"), ("—", "破折号", "em dash"), ("·", "间隔号", "middle dot"),
])
def test_a_full_width_dash_starting_a_list_item_is_named(tmp_path, dash, name_zh, name_en):
    problem = only_error(make_hall(tmp_path, EXHIBIT.replace("  - file: a.jpg", f"  {dash} file: a.jpg")))
    assert problem.code == "yaml.fullwidth_dash"
    assert (problem.line, problem.column) == (6, 3)
    assert f"{name_zh}“{dash}”不能作为列表符号" in problem.zh and f"The {name_en} “{dash}” cannot start a list item" in problem.en
    assert "半角减号“-”" in problem.hint_zh and "half-width - " in problem.hint_en


def test_a_colon_in_text_inside_braces_is_named_not_called_an_unclosed_bracket(tmp_path):
    yml = EXHIBIT.replace("en: The Historic Mosque", "en: Opening hours: 10:00")
    problem = only_error(make_hall(tmp_path, yml))
    assert problem.code == "yaml.colon_in_flow"
    line = exhibit_line(yml, 1)
    assert (problem.line, problem.column) == (1, line.index("hours:") + len("hours") + 1)  # the colon in the text
    assert "花括号 { } 里的文字含有冒号" in problem.zh and "A colon inside {…}" in problem.en
    assert "引号括起来" in problem.hint_zh and "Put the text in quotes" in problem.hint_en


def test_a_line_indented_by_three_spaces_is_named_with_the_count(tmp_path):
    problem = only_error(make_hall(tmp_path, EXHIBIT.replace("    alt: {zh: 占位图", "   alt: {zh: 占位图")))
    assert problem.code == "yaml.indent"
    assert (problem.line, problem.column) == (7, 4)
    assert "缩进了 3 个空格" in problem.zh and "indented by 3 space(s)" in problem.en
    assert "2 个空格" in problem.hint_zh and "Indent by 2 spaces per level" in problem.hint_en


def test_of_two_lines_that_do_not_line_up_the_odd_one_is_named(tmp_path):
    problem = only_error(make_hall(tmp_path, " " + EXHIBIT))  # the first line, not the second, is off
    assert problem.code == "yaml.indent" and (problem.line, problem.column) == (1, 2)
    assert "缩进了 1 个空格" in problem.zh


def test_dashes_colons_and_quotes_inside_text_are_left_alone(tmp_path):
    yml = EXHIBIT.replace("summary: {zh: 始建于明洪武六年。, en: Founded in 1373.}", (
        "summary:\n"
        "  zh: |\n"
        "    — 始建于明洪武六年\n"
        "    · 时间：10:00\n"
        "  en: “Founded” in 1373 — see below\n"
    )).replace("en: The Historic Mosque", "en: “The Historic Mosque”")
    hall, log = load_hall(make_hall(tmp_path, yml))
    assert not log.errors, log.format()
    exhibit = hall.exhibits["history/mosque"]
    assert exhibit.summary.get("zh") == "— 始建于明洪武六年\n· 时间：10:00"  # a full-width colon in text is text
    assert exhibit.title.get("en") == "“The Historic Mosque”"  # quotes shown, nothing YAML would misread


# -- one typo, one error ----------------------------------------------------------------------


def _break_mosque(project: Path, old: str, new: str) -> None:
    path = project / MOSQUE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_one_mis_indented_line_gives_one_error_and_no_suggestions_about_other_files(tmp_path):
    project = copy_sample_hall(tmp_path)  # three other files name the mosque: related, home, timeline
    _break_mosque(project, "\norder: 10", "\n order: 10")
    _, log = load_hall(project)
    [problem] = log.errors
    assert problem.code == "yaml.indent" and problem.file == MOSQUE and problem.line == 8
    assert not any("你是不是" in p.hint_zh for p in log), log.format()


def test_a_full_width_colon_in_one_exhibit_gives_no_wrong_did_you_mean_in_others(tmp_path):
    project = copy_sample_hall(tmp_path)
    _break_mosque(project, "\norder: 10", "\norder： 10")
    _, log = load_hall(project)
    assert [(p.code, p.file) for p in log.errors] == [("yaml.fullwidth_colon", MOSQUE)], log.format()


def test_a_misspelt_id_next_to_a_broken_exhibit_is_pointed_at_the_broken_one(tmp_path):
    project = copy_sample_hall(tmp_path)
    _break_mosque(project, "\norder: 10", "\norder： 10")
    related = project / "exhibits/prologue/exhibition-hall/exhibit.yml"
    text = related.read_text(encoding="utf-8")
    related.write_text(text.replace("related: [history/ming-mosque,", "related: [history/ming-mosqe,"), encoding="utf-8")
    _, log = load_hall(project)
    assert [p.code for p in log.errors] == ["yaml.fullwidth_colon", "reference.related"], log.format()
    assert "“history/ming-mosque”" in log.errors[1].hint_zh  # not long-march-memorials, the closest one that parsed


def test_links_to_an_exhibit_that_did_not_parse_are_not_dead(tmp_path):
    project = copy_sample_hall(tmp_path)
    _break_mosque(project, "\norder: 10", "\n order: 10")
    body = project / "exhibits/customs/customs-and-culture/zh.md"
    body.write_text(body.read_text(encoding="utf-8") + "\n见[清真寺](../../history/ming-mosque/zh.md)"
                    "与[同一展品](/exhibits/history/ming-mosque/)。\n", encoding="utf-8")
    _, log = load_hall(project)
    assert [p.file for p in log.errors] == [MOSQUE], log.format()


def test_links_to_a_news_item_that_did_not_parse_are_not_dead(tmp_path):
    project = copy_sample_hall(tmp_path)
    news = sorted((project / "content/news").glob("*/news.yml"))[0]
    news.write_text(news.read_text(encoding="utf-8").replace("\ntitle:", "\ntitle： ", 1), encoding="utf-8")
    body = project / "exhibits/customs/customs-and-culture/zh.md"
    body.write_text(body.read_text(encoding="utf-8") + f"\n见[动态](/news/{news.parent.name}/)。\n", encoding="utf-8")
    _, log = load_hall(project)
    assert [(p.code, p.file) for p in log.errors] == [
        ("yaml.fullwidth_colon", news.relative_to(project).as_posix())], log.format()


def test_a_zone_whose_exhibits_did_not_parse_is_not_called_empty(tmp_path):
    project = copy_sample_hall(tmp_path)
    for folder in (project / "exhibits/customs").iterdir():
        yml = folder / "exhibit.yml"
        yml.write_text(yml.read_text(encoding="utf-8").replace("\norder:", "\norder：", 1), encoding="utf-8")
    _, log = load_hall(project)
    assert {p.code for p in log} == {"yaml.fullwidth_colon"}, log.format()


def test_a_broken_zone_list_gives_one_error_not_one_per_reference(tmp_path):
    project = copy_sample_hall(tmp_path)
    zones = project / "exhibits/zones.yml"
    zones.write_text(zones.read_text(encoding="utf-8").replace("- id: history", "- id： history"), encoding="utf-8")
    _, log = load_hall(project)
    assert [(p.code, p.file) for p in log.errors] == [("yaml.fullwidth_colon", "exhibits/zones.yml")], log.format()


# -- ranking ----------------------------------------------------------------------------------


def test_problems_are_ranked_parse_then_field_then_cross_entry_then_warnings(tmp_path):
    log = ProblemLog(tmp_path)
    log.report("unfinished.empty_zone", "a.yml", "空", "empty", level="warning")
    log.report("reference.related", "a.yml", "引用", "reference", line=1)
    log.report("field.unknown", "b.yml", "字段", "field", line=9)
    log.report("field.unknown", "b.yml", "字段", "field", line=2, column=7)
    log.report("field.unknown", "b.yml", "字段", "field", line=2, column=3)
    log.report("yaml.not_mapping", "a.yml", "形状", "shape", line=5)  # it parsed: a field error
    log.report("yaml.syntax", "z.yml", "格式", "syntax", line=3)
    log.report("file.gbk", "y.yml", "编码", "encoding")
    assert [(p.code, p.file, p.line, p.column) for p in log] == [
        ("file.gbk", "y.yml", None, None),
        ("yaml.syntax", "z.yml", 3, None),
        ("yaml.not_mapping", "a.yml", 5, None),
        ("field.unknown", "b.yml", 2, 3),
        ("field.unknown", "b.yml", 2, 7),
        ("field.unknown", "b.yml", 9, None),
        ("reference.related", "a.yml", 1, None),
        ("unfinished.empty_zone", "a.yml", None, None),
    ]


def test_a_file_that_does_not_parse_is_listed_before_field_errors_in_files_sorting_earlier(tmp_path):
    project = copy_sample_hall(tmp_path)
    _break_mosque(project, "\norder: 10", "\n order: 10")
    room = project / "exhibits/achievements/activity-room/exhibit.yml"
    room.write_text(room.read_text(encoding="utf-8").replace("\norder:", "\nordr:", 1), encoding="utf-8")
    _, log = load_hall(project)
    assert [(p.code, p.file) for p in log.errors] == [
        ("yaml.indent", MOSQUE), ("field.unknown", "exhibits/achievements/activity-room/exhibit.yml")]
    assert log.format().index(MOSQUE) < log.format().index("activity-room")


def test_a_quote_left_open_is_named_where_it_opens_not_where_the_next_line_breaks(tmp_path):
    yml = EXHIBIT.replace("summary: {zh: 始建于明洪武六年。, en: Founded in 1373.}",
                          'summary:\n  zh: "始建于明洪武六年。\n  en: "Founded in 1373."')
    problem = only_error(make_hall(tmp_path, yml))
    assert problem.code == "yaml.syntax" and (problem.line, problem.column) == (3, 7)
    assert problem.zh == "引号没有配对闭合。" and problem.en == "A quotation mark is opened but never closed."
