"""Visitor accessibility features (text size, high contrast, read aloud): their UI strings.

Engine-agnostic. The behaviour lives in ``theme/assets/hall-a11y.js``; the templates read
these strings (section ``a11y`` of the catalogs in ``hall/locales``) through ``a11y_context``.
"""

from __future__ import annotations

from typing import Any

from ..i18n import strings

#: Text size steps in percent of the theme's normal size (WCAG 1.4.4 asks for 200%).
TEXT_SIZES: tuple[int, ...] = (100, 125, 150, 200)

#: Where the accessibility statement lives (content/pages/accessibility.{zh,en}.md).
STATEMENT_URL = "accessibility/"


def a11y_context(language: str, default: str) -> dict[str, Any]:
    """What the templates need: the strings (section ``a11y`` of hall/locales, a missing
    one taken from ``default``), the text size steps, the statement's path."""
    return {**strings("a11y", language, default), "sizes": TEXT_SIZES, "statement_url": STATEMENT_URL}
