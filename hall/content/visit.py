"""Visiting information: ``content/visit.yml``, one staff file for the hall's address, opening
hours, closed days, booking phone, how to get there and the building's accessibility.

One file rather than a paragraph in ``about.*.md``: the home page and the about page both
show it (hall/pages/visit.py), a phone number becomes a ``tel:`` link only when it is a
field of its own, and the privacy check (privacy.py) accepts a mobile number in exactly
this field, the hall's public booking line, while still refusing one anywhere else.
The file is optional: without it the site shows no visiting strip, and nothing is reported.
"""

from __future__ import annotations

import re

from .context import ReadContext
from .fields import FieldReader
from .model import Localized, OpeningHours, Visit
from .notes import strip_field
from .yamlfile import YMap, mapping_items

VISIT_FILE = "content/visit.yml"
VISIT_FIELDS = ("address", "hours", "closed", "phone", "booking", "directions", "accessibility")
HOURS_FIELDS = ("days", "time")

#: A phone number as staff write it: digits, optionally a leading +, split by spaces,
#: hyphens or brackets (0871-1234567, (0871) 123 4567, +86 138 0000 0000).
_PHONE = re.compile(r"^\+?[\d\s()\-]{5,24}$")


def read_visit(ctx: ReadContext) -> Visit | None:
    """The visiting information, or None when the file is absent or unreadable (reported)."""
    path = ctx.root / VISIT_FILE
    fields = ctx.mapping_file(path, VISIT_FIELDS)
    if fields is None:
        return None
    phone, phone_line = _phone(fields)
    return Visit(
        file=ctx.log.rel(path),
        address=fields.localized("address"),
        hours=_hours(ctx, fields),
        closed=fields.localized("closed"),
        phone=phone,
        phone_line=phone_line,
        booking=fields.localized("booking"),
        directions=fields.localized("directions"),
        accessibility=fields.localized("accessibility"),
    )


def tel_href(phone: str) -> str | None:
    """The ``tel:`` link of a phone number, or None for a placeholder that holds no number yet."""
    if not phone or not _PHONE.match(phone.strip()):
        return None
    return "tel:" + re.sub(r"[^\d+]", "", phone)


def _phone(fields: FieldReader) -> tuple[Localized | None, int | None]:
    """One number, the same in every language; a staff note (【待补充：预约电话】) stands for
    one not known yet, and is dropped from public builds like any note (Hall.for_audience)."""
    phone = fields.text("phone")
    if phone is None or not phone.strip():
        return None, None
    phone = phone.strip()
    mark = fields.data.mark_of("phone") if isinstance(fields.data, YMap) else None
    number = strip_field(phone).strip()
    if number and not _PHONE.match(number):
        fields.report(
            "phone", "visit.phone",
            f"预约电话“{phone}”不是一个电话号码：只能写数字、空格、连字符和括号。",
            f"The booking phone “{phone}” is not a phone number: write only digits, spaces, hyphens and brackets.",
            "只写一个号码，例如 phone: \"0871-1234567\"；说明文字（如接听时间）写在 booking 中。"
            "号码还不知道时写 phone: 【待补充：预约电话】。",
            "Write one number only, e.g. phone: \"0871-1234567\"; put words (such as when it is answered) "
            "in booking. While the number is not known, write phone: \"[[Placeholder: booking phone]]\".",
        )
        return None, None
    return Localized({fields.languages[0]: phone}, fields.languages[0]), mark.line if mark else None


def _hours(ctx: ReadContext, fields: FieldReader) -> tuple[OpeningHours, ...]:
    """Opening hours as rows (days → time): a list read as a definition list by screen readers."""
    items = fields.get("hours", list)
    if items is None:
        return ()
    rows = []
    for item in mapping_items(items, fields.path, ctx.log,
                              "开放时间的每一行应写成“- days: …”加“time: …”。",
                              "Each row of the opening hours should be written `- days: …` with `time: …`."):
        row = ctx.reader(item, fields.path)
        row.check_known(HOURS_FIELDS)
        days: Localized | None = row.localized("days", required=True)
        if days is not None:
            rows.append(OpeningHours(days, row.localized("time")))
    return tuple(rows)
