"""Partial dates keep the precision they were written with, in both languages."""

import datetime as dt

import pytest

from hall.dates import DateFormatError, PartialDate, parse_date_span, parse_partial_date
from hall.i18n import format_date_span, format_partial_date


@pytest.mark.parametrize(
    "value, precision, iso",
    [
        (1373, "year", "1373"),
        ("2019-10", "month", "2019-10"),
        (dt.date(2021, 6, 30), "day", "2021-06-30"),
        ("2021-06-30", "day", "2021-06-30"),
    ],
)
def test_precision_is_kept(value, precision, iso):
    date = parse_partial_date(value)
    assert date.precision == precision
    assert date.iso() == iso


@pytest.mark.parametrize(
    "value, zh, en",
    [
        (1373, "1373年", "1373"),
        ("2019-10", "2019年10月", "October 2019"),
        ("2021-06-30", "2021年6月30日", "June 30, 2021"),
    ],
)
def test_dates_are_shown_at_their_precision(value, zh, en):
    date = parse_partial_date(value)
    assert format_partial_date(date, "zh") == zh
    assert format_partial_date(date, "en") == en


def test_ranges():
    span = parse_date_span("2019/2021")
    assert span.iso() == "2019/2021"
    assert format_date_span(span, "en") == "2019–2021"
    assert parse_date_span("2019–2021").end == PartialDate(2021)
    with pytest.raises(DateFormatError):
        parse_date_span("2021/2019")


@pytest.mark.parametrize("value, suggestion", [("2021年6月30日", "2021-06-30"), ("2021.6.30", "2021-06-30"), ("2019年10月", "2019-10")])
def test_chinese_and_dotted_dates_are_refused_with_the_iso_form(value, suggestion):
    with pytest.raises(DateFormatError) as err:
        parse_partial_date(value)
    assert err.value.suggestion == suggestion


@pytest.mark.parametrize("value", ["2021-02-30", "2021-13", "soon", True])
def test_impossible_dates_are_refused(value):
    with pytest.raises(DateFormatError):
        parse_partial_date(value)


def test_sorting_puts_a_year_before_its_months():
    dates = [parse_partial_date(v) for v in ("2019-10", 2019, "2019-10-01", 1373)]
    assert [d.iso() for d in sorted(dates, key=lambda d: d.sort_key)] == ["1373", "2019", "2019-10", "2019-10-01"]
