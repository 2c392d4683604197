"""The one catalog of UI strings: every key in every language, placeholders alike."""

from __future__ import annotations

import string

from hall.i18n import UI_STRINGS, catalog


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_string_exists_in_every_language_with_the_same_placeholders():
    zh, en = UI_STRINGS["zh"], UI_STRINGS["en"]
    assert zh.keys() == en.keys()
    assert {key for key in zh if _fields(zh[key]) != _fields(en[key])} == set()


def test_a_missing_string_falls_back_to_the_default_language():
    t = catalog("fr", "zh")
    assert t("home") == "首页" and t("news_page", number=2) == "第 2 页"
    assert catalog("en")("exhibit_count", count=3) == "3 exhibits"
