"""Ids written as their labels: staff see ``宗教`` on the page and in tags.yml, so they write
``tags: [宗教]``; the hall takes it for the id whose label it is (``religion``).

Used for tags, news categories, timeline groups and the zones of the timeline's ``joined``.
A label match is silent, not a warning: the label is what the staff read on the site, it
names exactly one thing (an ambiguous label matches nothing), and the page comes out the
same as with the id, so there is nothing to fix; a warning would only make a ``--strict``
build fail on correct content. Should a label later change, the old text no longer matches
and is reported as unknown, with the list of choices, so nothing goes wrong silently.
"""

from __future__ import annotations

from collections.abc import Mapping

from .model import Localized


def _norm(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def match_label(value: str, labels: Mapping[str, Localized | None]) -> str | None:
    """The id ``value`` names: itself when it is an id, else the one id having ``value`` as
    its label in some language (spaces and letter case ignored); None when none or several."""
    if value in labels:
        return value
    wanted = _norm(value)
    if not wanted:
        return None
    found = {key for key, label in labels.items()
             if label is not None and any(_norm(text) == wanted for text in label.values.values() if text)}
    return found.pop() if len(found) == 1 else None


def choices_zh(labels: Mapping[str, Localized | None]) -> str:
    """``religion（宗教）、history（历史）``: the ids with their Chinese labels."""
    return "、".join(f"{key}（{label.get('zh')}）" if label else key for key, label in labels.items())


def choices_en(labels: Mapping[str, Localized | None]) -> str:
    """``religion (Religion), history (History)``: the ids with their English labels."""
    return ", ".join(f"{key} ({label.get('en')})" if label else key for key, label in labels.items())
