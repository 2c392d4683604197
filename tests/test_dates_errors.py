"""Impossible dates (2021-02-30, 2021-13-01) are staff mistakes told in both languages with
file, line and fix, in every field that holds a date, instead of stopping `hall check`
with "内部错误：day is out of range for month" (issue 18)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hall.content import ProblemLog, load_hall
from hall.content.yamlfile import load_yaml
from hall.dates import DateFormatError, PartialDate, parse_date_span, parse_partial_date
from tests.support.sites import copy_sample_hall, run_hall


@pytest.mark.parametrize("written, zh, en", [
    ("2021-02-30", "2月没有30日", "February has no 30th"),
    ("2021-13-01", "月份只能是 1–12", "a month is 1 to 12"),
    ("2021-13", "月份只能是 1–12", "a month is 1 to 12"),
    ("2021-00", "月份只能是 1–12", "a month is 1 to 12"),
    ("2021-04-31", "4月没有31日", "April has no 31st"),
    ("2021-02-29", "2021年不是闰年", "2021 is not a leap year"),
    ("2021-06-00", "日子从 1 日开始", "a day of the month starts at 1"),
    ("2021年2月30日", "2月没有30日", "February has no 30th"),
])
def test_an_impossible_date_says_why_in_both_languages(written, zh, en):
    with pytest.raises(DateFormatError) as caught:
        parse_partial_date(written)
    message_zh, message_en, hint_zh, hint_en = caught.value.explain()
    assert zh in message_zh and written in message_zh
    assert en in message_en and "does not exist" in message_en
    assert "不要编造" in hint_zh and "never an invented day" in hint_en


def test_the_fix_offers_the_precision_that_is_known():
    _, _, hint_zh, hint_en = pytest.raises(DateFormatError, parse_partial_date, "2021-02-30").value.explain()
    assert "2021-02" in hint_zh and "2021-02" in hint_en
    _, _, hint_zh, hint_en = pytest.raises(DateFormatError, parse_partial_date, "2021-13-01").value.explain()
    assert "只写 2021" in hint_zh and "write just 2021" in hint_en


@pytest.mark.parametrize("written, expected", [
    (1373, PartialDate(1373)),
    ("2019-10", PartialDate(2019, 10)),
    ("2024-02-29", PartialDate(2024, 2, 29)),
    (dt.date(2021, 6, 30), PartialDate(2021, 6, 30)),
])
def test_partial_and_real_dates_still_read(written, expected):
    assert parse_partial_date(written) == expected


def test_a_range_with_an_impossible_end_names_the_impossible_part():
    with pytest.raises(DateFormatError) as caught:
        parse_date_span("2019-10/2021-02-30")
    assert caught.value.value == "2021-02-30"
    assert parse_date_span("2019-10/2021-02-28").end == PartialDate(2021, 2, 28)


def test_yaml_keeps_an_unquoted_impossible_date_as_the_text_written(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("date: 2021-02-30\nother: 2021-13-01\ngood: 2021-06-30\n", encoding="utf-8")
    log = ProblemLog(tmp_path)
    data = load_yaml(path, log)  # PyYAML alone raises ValueError: day is out of range for month
    assert data == {"date": "2021-02-30", "other": "2021-13-01", "good": dt.date(2021, 6, 30)}
    assert log.problems == []
    assert data.mark_of("other").line == 2


EXHIBIT = "exhibits/history/ming-mosque/exhibit.yml"
NEWS = "content/news/2021-long-march-visits/news.yml"
TIMELINE = "content/timeline.yml"
ACHIEVEMENTS = "content/achievements.yml"

#: Every field the model reads with hall/dates.py: (file, text replaced, its replacement with {date}).
DATE_FIELDS = {
    "exhibit date": (EXHIBIT, "date: 1373\n", "date: {date}\n"),
    "news date": (NEWS, "date: 2021\n", "date: {date}\n"),
    "timeline event date": (TIMELINE, "    date: 1373\n", "    date: {date}\n"),
    "achievement period": (ACHIEVEMENTS, "        value: 106\n", "        value: 106\n        period: {date}\n"),
}


def _write_date(project: Path, field: str, date: str) -> int:
    """Put ``date`` into ``field`` of the sample hall; return the line it is on."""
    name, old, new = DATE_FIELDS[field]
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the sample hall changed: {old!r} not in {name}"
    text = text.replace(old, new.format(date=date), 1)
    path.write_text(text, encoding="utf-8")
    return next(number for number, line in enumerate(text.split("\n"), 1) if line.strip().endswith(f": {date}"))


@pytest.mark.parametrize("field", sorted(DATE_FIELDS))
@pytest.mark.parametrize("date, zh, en", [
    ("2021-02-30", "2月没有30日", "February has no 30th"),  # unquoted: a YAML timestamp PyYAML cannot build
    ('"2021-13-01"', "月份只能是 1–12", "a month is 1 to 12"),  # quoted: text read by hall/dates.py
])
def test_every_date_field_reports_an_impossible_date_at_its_line(tmp_path, field, date, zh, en):
    project = copy_sample_hall(tmp_path / "hall")
    line = _write_date(project, field, date)
    _, log = load_hall(project)
    dates = [p for p in log.errors if p.code == "field.date"]
    assert len(dates) == 1, log.format()
    problem = dates[0]
    assert (problem.file, problem.line) == (DATE_FIELDS[field][0], line)
    assert zh in problem.zh and en in problem.en and problem.hint_zh and problem.hint_en


def test_an_impossible_date_in_a_year_field_or_a_text_field_is_reported_or_kept_as_text(tmp_path):
    project = copy_sample_hall(tmp_path / "hall")
    timeline = project / TIMELINE
    timeline.write_text(timeline.read_text(encoding="utf-8").replace("from: 1368", "from: 2021-02-30"), encoding="utf-8")
    home = project / "content/home.yml"
    home.write_text(home.read_text(encoding="utf-8").replace(
        "zh: 中华民族一家亲，同心共筑中国梦", "zh: 2021-02-30"), encoding="utf-8")
    hall, log = load_hall(project)
    assert [(p.code, p.file) for p in log.errors] == [("field.type", TIMELINE)], log.format()
    assert hall.home.subtitle.get("zh") == "2021-02-30"  # text that looks like a date stays text


@pytest.mark.slow
def test_hall_check_names_the_file_and_line_instead_of_an_internal_error(tmp_path):
    project = copy_sample_hall(tmp_path / "hall")
    line = _write_date(project, "exhibit date", "2021-02-30")
    result = run_hall(project, "check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "内部错误" not in result.stderr and "Internal error" not in result.stderr
    assert f"{EXHIBIT}:{line}" in result.stderr
    assert "2月没有30日" in result.stderr and "February has no 30th" in result.stderr
