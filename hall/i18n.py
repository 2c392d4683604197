"""Languages, localized dates and numbers (Babel), and the UI strings Material lacks.

Every language rule lives here or in its locale file (``hall/locales/<code>.yml``: the
``language`` section holds its codes and number conventions, the other sections its UI
strings), so a new language is a new file, not new code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, Mapping

import yaml
from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.lists import format_list as babel_format_list
from babel.numbers import format_decimal
from babel.units import format_unit

from .dates import DateSpan, PartialDate

#: One catalog of UI strings per language (hall/locales/zh.yml, en.yml …), in sections.
LOCALES_DIR = Path(__file__).parent / "locales"
_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*")


@lru_cache(maxsize=None)
def locale_catalog(language: str) -> Mapping[str, Mapping[str, Any]]:
    """``hall/locales/<language>.yml``: section → key → string; empty for a language
    without a file (its strings then all come from the default language)."""
    path = LOCALES_DIR / f"{language}.yml"
    if not _LANGUAGE_CODE.fullmatch(language) or not path.is_file():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


@dataclass(frozen=True)
class LanguageRules:
    """The ``language`` section of a locale file: how the language is named and coded, and
    how it writes numbers. A language without a file is its own code everywhere."""

    name: str
    html_lang: str
    babel: str
    theme: str
    og_locale: str
    description_length: int = 160
    title_length: int = 120  # a longer title is warned about (hall/content/unfinished.py)
    spaces_between_words: bool = True
    group_pixel_digits: bool = True
    compact_from: int | None = None
    number_unit: str = "{number} {unit}"
    money_cny: str = "¥{number}"
    money_cny_unit: str = ""
    more_than: str = "{number}+"
    more_than_text: str = "more than {number}"
    about: str = "about {number}"


@lru_cache(maxsize=None)
def language_rules(language: str) -> LanguageRules:
    own = {key: value for key, value in (locale_catalog(language).get("language") or {}).items()
           if key in LanguageRules.__dataclass_fields__}
    codes = {"name": language, "html_lang": language, "babel": language, "theme": language, "og_locale": language}
    return LanguageRules(**{**codes, **own})


class _RuleView(Mapping[str, str]):
    """One rule of every language that has a locale file, read like a dict:
    ``HTML_LANG.get(code, code)``."""

    def __init__(self, rule: str) -> None:
        self.rule = rule

    def __getitem__(self, language: str) -> str:
        if "language" not in locale_catalog(language):
            raise KeyError(language)
        return getattr(language_rules(language), self.rule)

    def __iter__(self) -> Iterator[str]:
        return (path.stem for path in sorted(LOCALES_DIR.glob("*.yml")))

    def __len__(self) -> int:
        return sum(1 for _ in self)


LANGUAGE_NAMES: Mapping[str, str] = _RuleView("name")
HTML_LANG: Mapping[str, str] = _RuleView("html_lang")


def theme_language(language: str) -> str:
    """The theme's own language (Material's ``theme.language``) for ``language``."""
    return language_rules(language).theme


def og_locale(language: str) -> str:
    return language_rules(language).og_locale


@lru_cache(maxsize=None)
def locale_for(language: str) -> Locale:
    return Locale.parse(language_rules(language).babel)


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


def join_number_unit(number: str, unit: str, language: str) -> str:
    """"20余次" / "20+ sessions": a number and its counting word, as the language joins them."""
    return language_rules(language).number_unit.format(number=number, unit=unit).strip()


def format_pixels(width: int, height: int, language: str) -> str:
    """A photo's size in pixels, "4000 × 3000" / "4,000 × 3,000": Chinese writes pixel
    counts without a thousands separator, English groups them."""
    grouped = language_rules(language).group_pixel_digits
    numbers = (format_decimal(v, locale=locale_for(language), group_separator=grouped) for v in (width, height))
    return " × ".join(numbers)


def format_file_size(size: int, language: str) -> str:
    """Bytes in the decimal units phones and browsers show: "312 kB", "3.2 MB" (a few bytes are
    "1 kB", nothing is "0 kB")."""
    locale = locale_for(language)
    if size < 999_500:
        return format_unit(max(1 if size else 0, round(size / 1000)), "digital-kilobyte", length="short", locale=locale)
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


def strings(section: str, language: str, default_language: str = "zh") -> dict[str, str]:
    """One section of ``language``'s catalog, a key it lacks taken from the default language."""
    return {**locale_catalog(default_language).get(section, {}), **locale_catalog(language).get(section, {})}


def catalog(language: str, default_language: str = "zh") -> Catalog:
    """The page strings (section ``ui``) of ``language``, as a function: ``t("exhibit_count", count=3)``."""
    return Catalog(language, locale_catalog(language).get("ui", {}), locale_catalog(default_language).get("ui", {}))
