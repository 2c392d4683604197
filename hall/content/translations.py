"""Translation status: which entries lack a translation, or have one older than the Chinese.

A translation records the Chinese text it was made from as a short fingerprint, in an
HTML comment anywhere in the translated body (``en.md``, ``about.en.md``)::

    <!-- translated_from: 3f9a1c2e -->

The fingerprint is the first 8 hex digits of the SHA-256 of the Chinese body as the hall
reads it (UTF-8, BOM dropped, LF line ends), so it does not change when a file is merely
re-saved on Windows. ``hall translated en.md`` writes or updates it. When the Chinese text
changes, the fingerprints differ and the translation is reported as outdated.

Why a fingerprint rather than git dates: it works in a copy without git history (a zip
from a colleague, a shallow CI clone), it is not fooled by a commit that only touched the
translation's spacing, and it is one comment that works the same for exhibits, news and
free pages (which have no YAML file to hold it). An HTML comment is invisible on the site.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .model import Body, Hall, Localized
from .problems import ProblemLog
from .tags import TAGS_FILE
from .yamlfile import read_text

Status = Literal["ok", "missing", "outdated", "unrecorded"]
MARKER = re.compile(r"<!--\s*translated_from:\s*([0-9a-fA-F]{4,64})\s*-->")

STATUS_TEXT = {
    "ok": ("已译", "up to date"),
    "missing": ("缺译文", "missing"),
    "outdated": ("中文已修改", "Chinese changed since"),
    "unrecorded": ("未登记来源", "source not recorded"),
}


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.replace("\r\n", "\n").lstrip("\ufeff").encode("utf-8")).hexdigest()[:8]


def recorded_source(text: str) -> str | None:
    match = MARKER.search(text)
    return match.group(1).lower()[:8] if match else None


@dataclass(frozen=True)
class EntryStatus:
    kind: str  # "exhibit", "news", "page"; "tag" (tag_label_status)
    id: str
    title: str  # in the default language
    url: str  # from the site root of a language, e.g. "exhibits/history/ming-mosque/"
    source_file: str  # the Chinese body
    file: str  # the translation's file (may not exist)
    status: Status


def _status(bodies: dict[str, Body] | object, title: Localized | None, language: str, default: str) -> Status:
    body = bodies.get(language)  # type: ignore[union-attr]
    source = bodies.get(default)  # type: ignore[union-attr]
    if body is None or (title is not None and not title.has(language)):
        return "missing"
    recorded = recorded_source(body.text)
    if recorded is None:
        return "unrecorded"
    if source is not None and recorded != fingerprint(source.text):
        return "outdated"
    return "ok"


def translation_status(hall: Hall, language: str) -> list[EntryStatus]:
    """The state of every exhibit, news item and free page in ``language``."""
    default = hall.default_language
    result: list[EntryStatus] = []

    def add(kind: str, id: str, title: Localized | None, url: str, folder: str, bodies, name: str) -> None:
        source = bodies.get(default)
        result.append(EntryStatus(
            kind, id, title.get(default) if title else id, url,
            source.file if source else "", f"{folder}/{name}", _status(bodies, title, language, default),
        ))

    for zone in hall.zones:
        for exhibit in zone.exhibits:
            add("exhibit", exhibit.id, exhibit.title, f"exhibits/{exhibit.id}/", exhibit.folder, exhibit.bodies,
                f"{language}.md")
    for item in hall.news:
        add("news", item.id, item.title, f"news/{item.id}/", item.folder, item.bodies, f"{language}.md")
    for page in hall.pages:
        folder = page.bodies[default].file.rsplit("/", 1)[0]
        add("page", page.slug, None, f"{page.slug}/", folder, page.bodies, f"{page.slug}.{language}.md")
    return result


def tag_label_status(hall: Hall, language: str) -> list[EntryStatus]:
    """Each tag of exhibits/tags.yml: ``missing`` when it has no label in ``language`` (its
    pages then show the Chinese one), else ``ok``. Not part of ``translation_status``:
    tags have no page of their own for "about this site" to list."""
    return [
        EntryStatus("tag", slug, f"{label.get(hall.default_language) or slug} ({slug})", "", TAGS_FILE, TAGS_FILE,
                    "ok" if label.has(language) else "missing")
        for slug, label in hall.tag_labels.items()
    ]


def format_table(hall: Hall, languages: tuple[str, ...] | None = None, show_ok: bool = False) -> tuple[str, int]:
    """A plain-text table per language; returns it and the number of missing translations
    (entries and tag labels)."""
    out: list[str] = []
    missing = 0
    for language in languages or hall.languages[1:]:
        rows = translation_status(hall, language) + tag_label_status(hall, language)
        done = sum(1 for r in rows if r.status == "ok")
        missing += sum(1 for r in rows if r.status == "missing")
        out.append(f"== {language}: {done}/{len(rows)} 已译且为最新  up to date ==")
        shown = [r for r in rows if show_ok or r.status != "ok"]
        if not shown:
            out.append("  全部译文齐全且为最新。 Every translation is present and up to date.")
            continue
        width = max(_width(r.file) for r in shown)
        out.append(f"  {_pad('状态 status', 32)} {_pad('文件 file', width)}  条目 entry")
        for r in shown:
            zh, en = STATUS_TEXT[r.status]
            out.append(f"  {_pad(zh + ' ' + en, 32)} {_pad(r.file, width)}  {r.title}")
    out.append(
        "说明：译完后运行 hall translated <译文文件> 记录所依据的中文版本；中文再修改时这里会提示“中文已修改”。\n"
        "Note: after translating, run `hall translated <file>` to record which Chinese text it follows; "
        "when the Chinese changes later, it is listed here as changed."
    )
    return "\n".join(out), missing


def _width(text: str) -> int:
    """Columns a terminal gives ``text``: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def mark_translated(path: Path, source: Path) -> str:
    """Write (or update) the ``translated_from`` comment of ``path`` from ``source``; return it."""

    log = ProblemLog(path.parent)
    source_text = read_text(source, log)
    text = read_text(path, log)
    if source_text is None or text is None:
        raise ValueError(log.format())
    stamp = f"<!-- translated_from: {fingerprint(source_text)} -->"
    if MARKER.search(text):
        text = MARKER.sub(stamp, text, count=1)
    else:
        text = stamp + "\n\n" + text
    path.write_text(text, encoding="utf-8")
    return stamp


def source_of(path: Path, default: str = "zh") -> Path:
    """``en.md`` → ``zh.md``; ``about.en.md`` → ``about.zh.md``."""
    parts = path.name.split(".")
    if len(parts) == 2:
        return path.with_name(f"{default}.md")
    return path.with_name(".".join(parts[:-2] + [default, parts[-1]]))
