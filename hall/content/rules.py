"""What names, statuses and photo formats staff may use: each defined once, for every reader,
the staff tools and the media stage alike."""

from __future__ import annotations

import re
from typing import Literal, get_args

Status = Literal["published", "draft"]
#: An entry's ``status``: drafts are shown in previews, never in a build for publishing.
STATUSES: tuple[str, ...] = get_args(Status)

#: A folder or identifier that becomes part of a URL: a zone, an exhibit folder, a tag,
#: a free page, a figure or timeline-event id (lowercase letters, digits, hyphens).
SLUG_PATTERN = r"[a-z0-9][a-z0-9-]*"
SLUG = re.compile(rf"^{SLUG_PATTERN}$")

#: The photo formats the hall publishes, decided once (content checks them, the media stage
#: reads them): the formats of cameras and phones (JPEG, HEIC/HEIF), of scans (TIFF, PNG), of
#: the web (WebP, AVIF: Pillow decodes both) and GIF, whose first frame alone is published
#: (the media stage warns when a GIF is animated: a still photo or a video says more).
PHOTO_SUFFIXES: tuple[str, ...] = (
    ".jpg", ".jpeg", ".png", ".webp", ".avif", ".heic", ".heif", ".tif", ".tiff", ".gif",
)

#: Notes staff leave for each other (hall/content/notes.py): shown in previews, never published.
#: A Markdown blockquote whose text starts with one of these labels and a colon is a note,
#: whole (``> 待补充：…``, ``> To verify: …``, and the older ``> **待补充 / Placeholder:** …``).
#: "注" and "Note" alone are not block labels: a quote starting "注：" may be meant for visitors.
NOTE_BLOCK_LABELS: tuple[str, ...] = (
    "待补充", "待核实", "编写说明", "工作人员注", "Placeholder", "To verify", "Note for staff",
)
#: Inside 【…】 or [[…]] (in bodies and YAML text fields) the short labels count too:
#: ``【待核实：…】``, ``【注：…】``, ``[[To verify: …]]``, ``[[Note: …]]``.
NOTE_INLINE_LABELS: tuple[str, ...] = (*NOTE_BLOCK_LABELS, "注", "Note")
