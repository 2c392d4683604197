"""Languages, localized dates and numbers (Babel), and the UI strings Material lacks
(one catalog per language in ``hall/locales``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping

import yaml
from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.lists import format_list as babel_format_list
from babel.numbers import format_decimal
from babel.units import format_unit

from .dates import DateSpan, PartialDate

BABEL_LOCALES = {"zh": "zh_Hans_CN", "en": "en"}
LANGUAGE_NAMES = {"zh": "简体中文", "en": "English"}
HTML_LANG = {"zh": "zh-CN", "en": "en"}


@lru_cache(maxsize=None)
def locale_for(language: str) -> Locale:
    return Locale.parse(BABEL_LOCALES.get(language, language))


def format_partial_date(date: PartialDate, language: str) -> str:
    """Show a date at the precision it was written: 1373年 / 2019年10月 / 2021年6月30日."""
    locale = locale_for(language)
    day = date.first_day()
    if date.precision == "year":
        return format_skeleton("y", day, locale=locale)
    if date.precision == "month":
        return format_skeleton("yMMMM", day, locale=locale)
    return format_date(day, format="long", locale=locale)


def format_date_span(span: DateSpan, language: str) -> str:
    start = format_partial_date(span.start, language)
    if span.end is None:
        return start
    return f"{start}–{format_partial_date(span.end, language)}"


def format_list(items: list[str], language: str) -> str:
    """"序厅、历史印记和民俗文化" / "Prologue, History, and Customs"."""
    return babel_format_list(items, locale=locale_for(language)) if items else ""


def format_number(value: float, language: str) -> str:
    return format_decimal(value, locale=locale_for(language))


def format_pixels(width: int, height: int, language: str) -> str:
    """A photo's size in pixels, "4000 × 3000" / "4,000 × 3,000": Chinese writes pixel
    counts without a thousands separator, English groups them."""
    grouped = language != "zh"
    numbers = (format_decimal(v, locale=locale_for(language), group_separator=grouped) for v in (width, height))
    return " × ".join(numbers)


def format_file_size(size: int, language: str) -> str:
    """Bytes in the decimal units phones and browsers show: "312 kB", "3.2 MB"."""
    locale = locale_for(language)
    if size < 999_500:
        return format_unit(max(1, round(size / 1000)), "digital-kilobyte", length="short", locale=locale)
    return format_unit(size / 1_000_000, "digital-megabyte", length="short", format="#,##0.0", locale=locale)


@dataclass(frozen=True)
class Catalog:
    """UI strings of one language, falling back to the default language's."""

    language: str
    strings: Mapping[str, str]
    fallback: Mapping[str, str]

    def __call__(self, key: str, **values: object) -> str:
        text = self.strings.get(key) or self.fallback.get(key) or key
        return text.format(**values) if values else text


#: One catalog of UI strings per language (hall/locales/zh.yml, en.yml …), in sections.
LOCALES_DIR = Path(__file__).parent / "locales"


@lru_cache(maxsize=None)
def locale_catalog(language: str) -> Mapping[str, Mapping[str, str]]:
    """``hall/locales/<language>.yml``: section → key → string; empty for a language
    without a file (its strings then all come from the default language)."""
    path = LOCALES_DIR / f"{language}.yml"
    if not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*", language) or not path.is_file():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def strings(section: str, language: str, default_language: str = "zh") -> dict[str, str]:
    """One section of ``language``'s catalog, a key it lacks taken from the default language."""
    return {**locale_catalog(default_language).get(section, {}), **locale_catalog(language).get(section, {})}


def catalog(language: str, default_language: str = "zh") -> Catalog:
    """The page strings (section ``ui``) of ``language``, as a function: ``t("exhibit_count", count=3)``."""
    return Catalog(language, locale_catalog(language).get("ui", {}), locale_catalog(default_language).get("ui", {}))
