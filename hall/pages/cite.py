"""The "cite this page" box of an exhibit: its words in the page's language.

The citation names the hall (the site's name) as the responsible party, never a person.
It has no "updated" date: the build date would say the text changed when only the site was
rebuilt (and make identical builds differ), and GB/T 7714-2015 and Chicago both leave it out
when it is not known. The access date is the reader's own day, filled in by
theme/assets/hall-cite.js in the visitor's browser: a date printed at build time would be
wrong for anyone citing later; without JS the box shows a bracketed placeholder.
"""

from __future__ import annotations

from ..i18n import strings


def cite_words(language: str, default_language: str = "zh") -> dict[str, str]:
    """The box's heading, labels and the access-date placeholders (hall/locales: opendata)."""
    words = strings("opendata", language, default_language)
    return {key.removeprefix("cite_"): text for key, text in words.items() if key.startswith("cite_")}
