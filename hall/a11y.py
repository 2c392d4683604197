"""Visitor accessibility features (text size, high contrast, read aloud): their UI strings.

Engine-agnostic. The behaviour lives in ``theme/assets/hall-a11y.js``; the templates read
these strings (section ``a11y`` of the catalogs in ``hall/locales``) through ``a11y_strings``.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from .i18n import strings

#: Text size steps in percent of the theme's normal size (WCAG 1.4.4 asks for 200%).
TEXT_SIZES: tuple[int, ...] = (100, 125, 150, 200)

#: Where the accessibility statement lives (content/pages/accessibility.{zh,en}.md).
STATEMENT_URL = "accessibility/"

def a11y_strings(language: str, default: str = "zh") -> Mapping[str, str]:
    """The strings of ``language`` (section ``a11y`` of hall/locales), any missing one
    taken from ``default``."""
    return strings("a11y", language, default)


def a11y_context(language: str, default: str = "zh") -> dict[str, Any]:
    """What the templates need: the strings, the text size steps, the statement's path."""
    return {**a11y_strings(language, default), "sizes": TEXT_SIZES, "statement_url": STATEMENT_URL}


_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_TOC_LABEL = re.compile(r'(<label\b[^>]*?)\s+for="__toc"')


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
