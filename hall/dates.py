"""Partial dates: the precision written is the precision kept and shown.

Museum dates are often only a year (1373) or a month (2019-10). A ``PartialDate``
keeps exactly what was written; a ``DateSpan`` is one date or a range (2019/2021).
"""

from __future__ import annotations

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
    """A date that is not in an accepted form; ``suggestion`` is the ISO form when guessable."""

    def __init__(self, value: str, suggestion: str | None = None):
        super().__init__(value)
        self.value = value
        self.suggestion = suggestion


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


def _from_parts(year: str, month: str | None, day: str | None) -> PartialDate:
    return PartialDate(int(year), int(month) if month else None, int(day) if day else None)


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
        try:
            return _from_parts(*match.groups())
        except ValueError:
            raise DateFormatError(text) from None
    for pattern in (_CHINESE, _DOTTED):
        match = pattern.match(text)
        if match:
            try:
                suggestion = _from_parts(*match.groups()).iso()
            except ValueError:
                suggestion = None
            raise DateFormatError(text, suggestion)
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
