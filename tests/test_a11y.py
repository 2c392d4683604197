"""hall/pages/a11y.py: the visitor settings' strings and steps, without a browser."""

from __future__ import annotations

from hall.i18n import strings
from hall.pages.a11y import TEXT_SIZES, a11y_context


def test_text_sizes_reach_200_percent_in_at_least_three_steps():
    assert TEXT_SIZES[0] == 100 and TEXT_SIZES[-1] == 200 and len(TEXT_SIZES) - 1 >= 3
    assert list(TEXT_SIZES) == sorted(TEXT_SIZES)


def test_every_language_has_every_string_and_a_name_for_each_size():
    for language in ("zh", "en"):
        words = strings("a11y", language, "zh")
        assert all(words[f"size_{size}"] for size in TEXT_SIZES), language


def test_unknown_language_falls_back_to_the_default():
    context = a11y_context("fr", "zh")
    assert context["skip"] == "跳到正文" and context["statement_url"] == "accessibility/"
