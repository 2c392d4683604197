"""A third language is one new file: hall/locales/<code>.yml and a line in mkdocs.yml build
the sample hall in three languages, with no code changed (issue 17).

The third language is a pseudo-locale (``xa``, written as English in brackets), so the test
needs no translator: every UI string it shows must come from its file, every language rule
(codes, number forms) from its ``language`` section.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from hall.i18n import LOCALES_DIR, language_rules, locale_catalog
from tests.conftest import copy_sample_hall, run_hall

PSEUDO = "xa"
_PLACEHOLDER = re.compile(r"(\{[^}]*\})")


def _pseudo(text: str) -> str:
    """``3 exhibits`` → ``⟦3 exhibits⟧``, placeholders kept as they are."""
    return f"⟦{text}⟧" if text else text


@pytest.fixture
def pseudo_locale():
    english = yaml.safe_load((LOCALES_DIR / "en.yml").read_text(encoding="utf-8"))
    catalog = {section: {key: _pseudo(value) if isinstance(value, str) else value for key, value in texts.items()}
               for section, texts in english.items() if section != "language"}
    catalog["language"] = {**english["language"], "name": "Pseudo", "html_lang": "en-XA", "og_locale": "en_XA",
                           "more_than": "≥{number}", "more_than_text": "at least {number}"}
    path = LOCALES_DIR / f"{PSEUDO}.yml"
    path.write_text(yaml.safe_dump(catalog, allow_unicode=True), encoding="utf-8")
    locale_catalog.cache_clear()
    language_rules.cache_clear()
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)
        locale_catalog.cache_clear()
        language_rules.cache_clear()


@pytest.mark.slow
def test_a_new_locale_file_builds_the_hall_in_a_third_language(tmp_path: Path, pseudo_locale: Path):
    project = copy_sample_hall(tmp_path / "hall")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "languages: [zh, en]" in text
    config.write_text(text.replace("languages: [zh, en]", f"languages: [zh, en, {PSEUDO}]"), encoding="utf-8")

    result = run_hall(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    home = (site / PSEUDO / "index.html").read_text(encoding="utf-8")
    assert 'lang="en-XA"' in home  # its BCP 47 tag on its content (<html lang> is Material's theme language)
    assert "⟦" in home  # its own UI strings
    assert 'content="en_XA"' in home  # og:locale from its rules
    # Every language's switcher offers the new one, and it offers the other two.
    assert f'href="{PSEUDO}/"' in (site / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="zh-CN"' in home and "Pseudo" in home
    # Number forms come from its rules: "more than" figures read "≥…" on its achievements page.
    achievements = (site / PSEUDO / "achievements/index.html").read_text(encoding="utf-8")
    assert "≥" in achievements and "at least" in achievements
    # Content not written in it falls back to Chinese, marked as such for screen readers.
    exhibit = next((site / PSEUDO / "exhibits").glob("*/*/index.html")).read_text(encoding="utf-8")
    assert 'lang="zh-CN"' in exhibit
    # Its own search index and sitemap.
    assert (site / PSEUDO / "pagefind" / "pagefind-entry.json").is_file()
    assert (site / PSEUDO / "sitemap.xml").is_file() or (site / "sitemap.xml").is_file()
