"""Licences of photos and of the open data: the ids staff may write, their localized names
and links, and ``content/licences.yml``, the hall-wide defaults.

The defaults live in a content file, not in mkdocs.yml: which rights the hall grants is a
decision about its content, made by the staff who edit it (and checked with file and line
like any content field), and it travels with the content when a hall is copied.
Without the file, or a field in it, nothing is claimed beyond the law: "all rights reserved"
(版权所有). A Creative Commons licence is a grant the hall must have decided to make; the
generator never makes it for them, and the sample hall, whose photos are placeholders, makes none.
"""

from __future__ import annotations

from typing import Any

from ..i18n import strings
from .context import ReadContext
from .fields import FieldReader, closest

LICENCE_FILE = "content/licences.yml"
LICENCE_FIELDS = ("photos", "data")
#: What is claimed when staff say nothing: the rights the law gives, no grant.
DEFAULT_LICENCE = "all-rights-reserved"

#: SPDX ids (and two plain ones) → the page that states the licence ("" : none to link).
LICENCES: dict[str, str] = {
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC-BY-NC-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
    "CC-BY-NC-SA-4.0": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    "CC-BY-ND-4.0": "https://creativecommons.org/licenses/by-nd/4.0/",
    "CC-BY-NC-ND-4.0": "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "public-domain": "https://creativecommons.org/publicdomain/mark/1.0/",
    "all-rights-reserved": "",
}
_BY_FOLDED = {key.casefold(): key for key in LICENCES}


def licence_key(licence_id: str) -> str:
    """The catalog key of a licence's name (hall/locales, section ``opendata``)."""
    return "licence_" + licence_id.lower().replace("-", "_").replace(".", "_")


def licence_view(licence_id: str, language: str) -> dict[str, str]:
    """A licence as the pages and data show it: its id, its name in ``language``, its link."""
    words = strings("opendata", language)
    name = words[licence_key(licence_id)]
    return {"id": licence_id, "name": name, "short": short_name(licence_id, name), "label": words["licence"],
            "url": LICENCES.get(licence_id, "")}


def short_name(licence_id: str, name: str) -> str:
    """What a photo caption shows: "CC BY-NC 4.0" (Creative Commons' own short form), else the name."""
    if licence_id.startswith("CC-"):
        parts = licence_id.split("-")
        return f"CC {'-'.join(parts[1:-1])} {parts[-1]}"
    if licence_id.startswith("CC0"):
        return "CC0 1.0"
    return name


def read_licence(reader: FieldReader, key: str) -> str | None:
    """A licence id from field ``key`` (case-insensitive: ``cc-by-4.0`` is CC-BY-4.0), or
    None when absent or unknown (reported with the closest known id)."""
    value = reader.text(key)
    if value is None or not value.strip():
        return None
    found = _BY_FOLDED.get(value.strip().casefold())
    if found:
        return found
    guess = closest(value.strip(), LICENCES)
    known = ", ".join(LICENCES)
    reader.report(
        key, "licence.unknown", f"未知的许可“{value}”。", f"Unknown licence “{value}”.",
        (f"你是不是想写“{guess}”？" if guess else "") + f"可用的许可：{known}。",
        (f"Did you mean “{guess}”? " if guess else "") + f"Known licences: {known}.",
    )
    return None


def read_licence_defaults(ctx: ReadContext) -> tuple[str, str]:
    """The default licence of photos and the licence of the data downloads, from
    ``content/licences.yml`` (optional: both "all rights reserved" without it)."""
    path = ctx.root / LICENCE_FILE
    if not path.exists():
        return DEFAULT_LICENCE, DEFAULT_LICENCE
    fields = ctx.mapping_file(path, LICENCE_FIELDS)
    if fields is None:
        return DEFAULT_LICENCE, DEFAULT_LICENCE
    return read_licence(fields, "photos") or DEFAULT_LICENCE, read_licence(fields, "data") or DEFAULT_LICENCE


def licence_of(photo: Any, default: str) -> str:
    """A photo's own licence, else the hall's default."""
    return getattr(photo, "licence", None) or default
