"""The catalogs of UI strings (hall/locales, one per language): every key in every
language, placeholders alike, and the fallback to Chinese."""

from __future__ import annotations

import string

import yaml

from hall.i18n import LOCALES_DIR, catalog, language_rules, locale_catalog, strings


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_string_exists_in_every_language_with_the_same_placeholders():
    zh = locale_catalog("zh")
    languages = sorted(path.stem for path in LOCALES_DIR.glob("*.yml"))
    assert "zh" in languages and "en" in languages
    for language in languages:
        other = locale_catalog(language)
        assert other.keys() == zh.keys(), language
        for section, texts in zh.items():
            assert other[section].keys() == texts.keys(), (language, section)
            if section == "language":  # the language's own rules (codes, numbers): checked below
                continue
            mismatched = {key for key in texts if _fields(texts[key]) != _fields(other[section][key])}
            assert mismatched == set(), (language, section)
            assert all(isinstance(text, str) and text for text in other[section].values()), (language, section)


def test_every_language_states_its_own_rules_and_the_forms_keep_their_placeholders():
    """The ``language`` section: codes and number conventions, one set per file, so a new
    language needs no code (tests/test_third_language.py builds one)."""
    for path in LOCALES_DIR.glob("*.yml"):
        rules = language_rules(path.stem)
        assert rules.name and rules.html_lang and rules.babel and rules.theme and rules.og_locale, path.name
        for form in (rules.more_than, rules.more_than_text, rules.about, rules.money_cny):
            assert _fields(form) == {"number"}, (path.name, form)
        assert _fields(rules.number_unit) == {"number", "unit"}, path.name
    assert language_rules("zh").html_lang == "zh-CN" and language_rules("en").og_locale == "en_US"
    assert language_rules("fr").html_lang == "fr"  # no file: the code itself


def test_catalog_files_are_plain_yaml_a_translator_can_edit():
    for path in LOCALES_DIR.glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert all(isinstance(section, dict) for section in data.values()), path.name


def test_a_missing_string_falls_back_to_the_default_language():
    t = catalog("fr", "zh")
    assert t("home") == "首页" and t("news_page", number=2) == "第 2 页"
    assert catalog("en")("exhibit_count", count=3) == "3 exhibits"
    assert strings("kiosk", "fr", "zh")["close"] == "关闭"
    assert strings("search", "en")["kind_news"] == "News"


def test_search_kinds_use_the_names_of_the_site_s_own_sections():
    """The kind filters say what the tabs say (活动动态, 时间线, 成就), not synonyms."""
    for language in ("zh", "en"):
        ui, search = strings("ui", language), strings("search", language)
        assert search["kind_news"] == ui["news"]
        assert search["kind_timeline"] == ui["timeline"]
        assert search["kind_achievement"] == ui["achievements"]
