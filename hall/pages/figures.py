"""Achievement figures as text, per language, with Babel; the qualifier is never dropped.

    106 families        → 106户 / 106 families
    20, more_than       → 20余次 / 20+ sessions
    120000 yuan         → 12万元 / ¥120,000
    26000 yuan          → 2.6万元 / ¥26,000
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.numbers import format_compact_decimal, format_decimal

from ..content.model import Figure
from ..i18n import join_number_unit, language_rules, locale_for


@dataclass(frozen=True)
class FigureText:
    number: str  # the big part of a figure card: "20余", "20+", "12万", "¥120,000", "约20"
    unit: str  # the counting word after it: "次", "sessions", "元", ""
    full: str  # the whole phrase for running text and text alternatives

    def __str__(self) -> str:
        return self.full


def format_amount(value: float, language: str, currency: str | None = None) -> str:
    """A number in the language's way: 12万 / 120,000; with currency 12万 (元 follows) / ¥120,000."""
    rules = language_rules(language)
    locale = locale_for(language)
    if rules.compact_from is not None and abs(value) >= rules.compact_from:
        text = format_compact_decimal(value, locale=locale, fraction_digits=2)
    else:
        text = format_decimal(value, locale=locale)
    return rules.money_cny.format(number=text) if currency == "CNY" else text


def format_figure(figure: Figure, language: str) -> FigureText:
    """The figure's number, qualifier and unit in ``language`` (forms from its locale file)."""
    rules = language_rules(language)
    amount = format_amount(figure.value, language, figure.currency)
    if figure.currency == "CNY":
        unit = rules.money_cny_unit
    else:
        unit = figure.unit.get(language) if figure.unit else ""
    number, text = {
        "more_than": (rules.more_than, rules.more_than_text),
        "about": (rules.about, rules.about),
    }.get(figure.qualifier, ("{number}", "{number}"))
    number = number.format(number=amount)
    return FigureText(number, unit, join_number_unit(text.format(number=amount), unit, language))
