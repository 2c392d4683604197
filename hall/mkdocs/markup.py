"""Mending the few spots where Material 9.8.1's templates write invalid HTML (W3C validity,
checked by tests/test_html_valid.py), and its ``<html lang>``, which is its own UI language
code (``zh``) rather than the page's language tag (``zh-CN``: screen readers pick a Mandarin
voice and browsers Simplified Chinese glyphs by it; hall/locales/*.yml ``html_lang``)."""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_TOC_LABEL = re.compile(r'(<label\b[^>]*?)\s+for="__toc"')


def with_html_lang(html: str, theme_language: str, html_lang: str) -> str:
    """The page's ``<html lang>`` set to ``html_lang`` where Material wrote ``theme_language``."""
    if theme_language == html_lang:
        return html
    return html.replace(f'<html lang="{theme_language}"', f'<html lang="{html_lang}"', 1)


def tidy_material_markup(html: str) -> str:
    """Fix three spots where Material 9.8.1's templates write invalid HTML (Nu checker errors):
    ``tabindex=""`` on section labels of the navigation, ``autocomplete`` on the drawer and
    search checkboxes, and a TOC label pointing at a ``__toc`` checkbox that pages outside
    the navigation (exhibits, news) do not have."""
    html = html.replace(' tabindex=""', "")  # a plain replace: a regex scan costs 0.5 ms a page
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r"\1", html)
    return html
