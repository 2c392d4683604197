"""Achievement figures as text, per language, with Babel; the qualifier is never dropped.

    106 families        → 106户 / 106 families
    20, more_than       → 20余次 / 20+ sessions
    120000 yuan         → 12万元 / ¥120,000
    26000 yuan          → 2.6万元 / ¥26,000
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.numbers import format_compact_decimal, format_decimal

from .content.achievements import Figure
from .i18n import locale_for


@dataclass(frozen=True)
class FigureText:
    number: str  # the big part of a figure card: "20余", "20+", "12万", "¥120,000", "约20"
    unit: str  # the counting word after it: "次", "sessions", "元", ""
    full: str  # the whole phrase for running text and text alternatives

    def __str__(self) -> str:
        return self.full


def format_amount(value: float, language: str, currency: str | None = None) -> str:
    """A number in the language's way: 12万 / 120,000; with currency 12万 (元 follows) / ¥120,000."""
    locale = locale_for(language)
    if language == "zh":
        if abs(value) >= 10000:
            return format_compact_decimal(value, locale=locale, fraction_digits=2)
        return format_decimal(value, locale=locale)
    text = format_decimal(value, locale=locale)
    if currency == "CNY":
        # The narrow symbol ¥ reads naturally in an English text about a Chinese county;
        # Babel's standard English symbol is "CN¥".
        return f"¥{text}"
    return text


def format_figure(figure: Figure, language: str) -> FigureText:
    """The figure's number, qualifier and unit in ``language``."""
    number = format_amount(figure.value, language, figure.currency)
    if figure.currency == "CNY":
        unit = "元" if language == "zh" else ""
    else:
        unit = figure.unit.get(language) if figure.unit else ""
    if language == "zh":
        if figure.qualifier == "more_than":
            number = f"{number}余"
        elif figure.qualifier == "about":
            number = f"约{number}"
        return FigureText(number, unit, f"{number}{unit}")
    if figure.qualifier == "more_than":
        number = f"{number}+"
        full = f"more than {format_amount(figure.value, language, figure.currency)}" + (f" {unit}" if unit else "")
    elif figure.qualifier == "about":
        number = f"about {number}"
        full = number + (f" {unit}" if unit else "")
    else:
        full = number + (f" {unit}" if unit else "")
    return FigureText(number, unit, full)
