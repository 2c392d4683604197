"""Partial dates: the precision written is the precision kept and shown.

Museum dates are often only a year (1373) or a month (2019-10). A ``PartialDate``
keeps exactly what was written; a ``DateSpan`` is one date or a range (2019/2021).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Precision = Literal["year", "month", "day"]

ACCEPTED_FORMS_ZH = "可接受的写法：1373、2019-10、2021-06-30，区间写作 2019/2021。"
ACCEPTED_FORMS_EN = "Accepted forms: 1373, 2019-10, 2021-06-30; a range is written 2019/2021."

_ISO = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_CHINESE = re.compile(r"^(\d{1,4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?$")
_DOTTED = re.compile(r"^(\d{1,4})[./](\d{1,2})(?:[./](\d{1,2}))?$")


class DateFormatError(ValueError):
    """A date that is not in an accepted form; ``suggestion`` is the ISO form when guessable,
    ``impossible`` says in both languages why a well-formed date cannot exist (2021-02-30)."""

    def __init__(self, value: str, suggestion: str | None = None,
                 impossible: tuple[str, str, str, str] | None = None):
        super().__init__(value)
        self.value = value
        self.suggestion = suggestion
        self.impossible = impossible

    def explain(self) -> tuple[str, str, str, str]:
        """Message and fix, Chinese then English (zh, en, hint_zh, hint_en), for a problem report."""
        if self.impossible:
            reason_zh, reason_en, hint_zh, hint_en = self.impossible
            return (f"日期“{self.value}”不存在：{reason_zh}。", f"The date “{self.value}” does not exist: {reason_en}.",
                    hint_zh, hint_en)
        suggestion_zh = f"这里应写作 {self.suggestion}。" if self.suggestion else ""
        suggestion_en = f"Here: {self.suggestion}. " if self.suggestion else ""
        return (f"日期“{self.value}”的写法无法识别。", f"The date “{self.value}” is not in a form the hall reads.",
                f"{suggestion_zh}{ACCEPTED_FORMS_ZH}", f"{suggestion_en}{ACCEPTED_FORMS_EN}")


_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def impossible_date(year: int, month: int | None, day: int | None) -> tuple[str, str, str, str] | None:
    """Why year-month-day cannot be a real date, with the fix, in Chinese and English; None
    when it can. Staff copy dates from certificates and reports, where a slip (2021-02-30,
    2021-13-01) is easy: the fix never invents a day, it offers the precision that is known."""
    keep_year = (f"核对原始资料后改正；只知道年份就只写 {year}，不要编造月日。",
                 f"Check the source and correct it; when only the year is known write just {year}, never an invented day.")
    if month is not None and not 1 <= month <= 12:
        return (f"月份只能是 1–12（这里写的是 {month}）", f"a month is 1 to 12 (here it is {month})", *keep_year)
    if day is None or month is None:
        return None
    if year < 1:
        return ("公元前或 0 年的日期只能写年份", "a date before year 1 can be written as a year only",
                f"只写年份：{year}。", f"Write the year only: {year}.")
    days = calendar.monthrange(year, month)[1] if year <= 9999 else 31
    if 1 <= day <= days:
        return None
    hint = (f"核对原始资料后改正；只知道年月就写 {year}-{month:02d}，不要编造日子。",
            f"Check the source and correct it; when only the month is known write {year}-{month:02d}, never an invented day.")
    if month == 2 and day == 29:
        return (f"{year}年不是闰年，2月没有29日", f"{year} is not a leap year, so February has no 29th", *hint)
    if day < 1:
        return ("日子从 1 日开始", "a day of the month starts at 1", *hint)
    return (f"{month}月没有{day}日（只有{days}天）", f"{_MONTHS_EN[month - 1]} has no {_ordinal(day)} (it has {days} days)",
            *hint)


@dataclass(frozen=True, order=True)
class PartialDate:
    """A year, a year and month, or a full day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month}")
        if self.day is not None:
            if self.month is None:
                raise ValueError("day without month")
            dt.date(self.year, self.month, self.day)  # raises for 2021-02-30

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)


@dataclass(frozen=True)
class DateSpan:
    """One partial date, or a range between two."""

    start: PartialDate
    end: PartialDate | None = None

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return self.start.sort_key

    def iso(self) -> str:
        return self.start.iso() + (f"/{self.end.iso()}" if self.end else "")


def _from_parts(year: str, month: str | None, day: str | None, written: str = "") -> PartialDate:
    """The date of the parts matched; ``DateFormatError`` saying why when it cannot exist."""
    numbers = (int(year), int(month) if month else None, int(day) if day else None)
    reason = impossible_date(*numbers)
    if reason:
        raise DateFormatError(written or "-".join(part for part in (year, month, day) if part), None, reason)
    try:
        return PartialDate(*numbers)
    except ValueError:  # out of the calendar's range (year 10000 with a day)
        raise DateFormatError(written) from None


def parse_partial_date(value: object) -> PartialDate:
    """Parse 1373, "2019-10", a YAML date or "2021-06-30"; explain anything else."""
    if isinstance(value, bool):
        raise DateFormatError(str(value))
    if isinstance(value, dt.datetime):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, int):
        return PartialDate(value)
    text = str(value).strip()
    match = _ISO.match(text)
    if match:
        return _from_parts(*match.groups(), written=text)
    for pattern in (_CHINESE, _DOTTED):
        match = pattern.match(text)
        if match:
            raise DateFormatError(text, _from_parts(*match.groups(), written=text).iso())  # impossible: says why
    raise DateFormatError(text)


def parse_date_span(value: object) -> DateSpan:
    """Parse a date or a range written ``start/end`` (also ``start–end`` with an en dash)."""
    if isinstance(value, str):
        parts = re.split(r"\s*(?:/|–|—|～|~)\s*", value.strip())
        if len(parts) == 2 and "." not in value:
            start, end = parse_partial_date(parts[0]), parse_partial_date(parts[1])
            if end.sort_key < start.sort_key:
                raise DateFormatError(value, f"{end.iso()}/{start.iso()}")
            return DateSpan(start, end)
    return DateSpan(parse_partial_date(value))
