"""Personal data that must never reach the public site: ID numbers, mobile numbers, GPS.

``check_privacy`` scans every staff text file that feeds the site (``exhibits/`` and
``content/``: YAML fields and Markdown bodies) for mainland resident ID numbers (18 digits
with the GB 11643-1999 check character, or the old 15-digit form with a valid birth date)
and mobile numbers, and every photo for GPS positions in its EXIF.

* An ID or mobile number is an **error** in a publishing build: the build stops with the
  file, line and column. In a preview (``hall serve``) it is a warning, so staff keep
  seeing their page while they fix it; in a draft entry it is a warning too (a draft is
  never published; it becomes an error when the entry is set to ``published``).
* A number that *is* meant to be public (say the hall's own enquiry line) is allowed in
  one reviewable place, ``content/privacy_allow.yml``: file, kind, the number and a reason.
  One list rather than a field in each entry: it works for every kind of file (pages,
  timeline, news, exhibits), and whoever approves what goes public reads all exceptions
  and their reasons together. The one exception without a listing: the booking ``phone``
  field of ``content/visit.yml`` (hall/content/visit.py), which exists to publish the
  hall's own number; a number elsewhere in that file is still reported.
* GPS in a photo is a **warning**: published copies are re-encoded without any metadata
  (hall/media/), but the original in the repository still says where it was taken.

Engine-agnostic: reports into the ``ProblemLog`` of ``load_hall``; nothing here knows MkDocs.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Literal

from . import yamlfile
from .fields import FieldReader
from .filecache import FileCache, code_version
from .model import Hall
from .problems import ProblemLog
from .yamlfile import load_yaml, mapping_items, read_text

Kind = Literal["id_number", "phone"]
KINDS: tuple[Kind, ...] = ("id_number", "phone")
ALLOW_FILE = "content/privacy_allow.yml"
ALLOW_FIELDS = ("file", "kind", "value", "reason")
SCANNED_FOLDERS = ("exhibits", "content")
SCANNED_SUFFIXES = {".md", ".yml", ".yaml"}

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID18 = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])")
_ID15 = re.compile(r"(?<![0-9A-Za-z])(\d{15})(?![0-9A-Za-z])")
#: 138xxxxxxxx, optionally +86 before it, optionally split 3-4-4 by a space or hyphen;
#: never part of a longer run of digits.
_PHONE = re.compile(r"(?<![0-9])(?:\+?86[ -]?)?(1[3-9]\d(?:\d{8}|[ -]\d{4}[ -]\d{4}))(?![0-9])")
#: What every ID or mobile number contains: 11 digits in a row, or split 3-4-4.
_CANDIDATE = re.compile(r"\d{11}|\d{3}[ -]\d{4}[ -]\d{4}")


def id_checksum_ok(number: str) -> bool:
    """GB 11643-1999: the 18th character is the ISO 7064 MOD 11-2 check of the first 17."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == number[17].upper()


def _valid_birth(year: int, month: int, day: int) -> bool:
    try:
        born = dt.date(year, month, day)
    except ValueError:
        return False
    return dt.date(1890, 1, 1) <= born <= dt.date.today()


def is_id_number(number: str) -> bool:
    """An 18-digit number with a region, a real birth date and the right check character,
    or an old 15-digit one (region, YYMMDD of the 1900s, sequence) with a real date."""
    if len(number) == 18:
        return (number[0] in "123456789" and _valid_birth(int(number[6:10]), int(number[10:12]), int(number[12:14]))
                and id_checksum_ok(number))
    if len(number) == 15 and number.isdigit():
        return number[0] in "123456789" and _valid_birth(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))
    return False


@dataclass(frozen=True)
class Finding:
    kind: Kind
    value: str  # digits only (X kept for IDs)
    line: int
    column: int


def find_personal_data(text: str) -> list[Finding]:
    """Every ID number and mobile number in ``text``, with 1-based line and column."""
    if not _CANDIDATE.search(text):  # one quick scan; most texts hold no such run of digits
        return []
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []

    def add(kind: Kind, value: str, start: int, end: int) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        found.append(Finding(kind, value, line, column))

    for match in _ID18.finditer(text):
        if is_id_number(match.group(1)):
            add("id_number", match.group(1).upper(), match.start(1), match.end(1))
    for match in _ID15.finditer(text):
        if is_id_number(match.group(1)):
            add("id_number", match.group(1), match.start(1), match.end(1))
    for match in _PHONE.finditer(text):
        add("phone", re.sub(r"\D", "", match.group(1)), match.start(1), match.end(1))
    return sorted(found, key=lambda f: (f.line, f.column))


def mask(value: str) -> str:
    """Show enough of a number to find it, never the whole of it (reports end up in CI logs)."""
    return value[:3] + "*" * (len(value) - 7) + value[-4:] if len(value) > 7 else "*" * len(value)


@dataclass(frozen=True)
class Allowance:
    file: str
    kind: Kind
    value: str | None
    reason: str


def load_allowances(root: Path, log: ProblemLog, languages: tuple[str, ...]) -> list[Allowance]:
    path = root / ALLOW_FILE
    if not path.exists():
        return []
    data = load_yaml(path, log)
    if data is None:
        return []
    if not isinstance(data, list):
        log.report(
            "yaml.not_list", path, "允许清单应为列表，每一项以“- file: …”开头。",
            "The allowance list should be a list, each item starting with `- file: …`.",
            "参照 EDITING.md 中的示例，每项前加“- ”。", "Put “- ” before each item, as in EDITING.md.",
        )
        return []
    result = []
    for item in mapping_items(data, path, log, "每一项应写成“- file: …”加 kind、reason。",
                              "Each item should be written `- file: …` with kind and reason."):
        fields = FieldReader(item, path, log, languages)
        fields.check_known(ALLOW_FIELDS)
        file = fields.text("file", required=True)
        kind = fields.choice("kind", KINDS, "")
        if "kind" not in item:
            fields.text("kind", required=True)
        reason = fields.text("reason", required=True)
        value = fields.text("value")
        if file and kind and reason:
            result.append(Allowance(file.strip().lstrip("./"), kind, re.sub(r"[^\dXx]", "", value).upper() if value else None,
                                    reason))
    return result


def _staff_files(root: Path) -> Iterable[Path]:
    """Markdown and YAML files under the scanned folders, skipping hidden and ``_`` ones
    (os.walk and plain strings: pathlib's per-path objects cost more than the scan)."""
    for folder in SCANNED_FOLDERS:
        base = os.path.join(root, folder)
        found = []
        for current, folders, files in os.walk(base):
            folders[:] = [name for name in folders if not name.startswith((".", "_"))]
            found += [os.path.join(current, name) for name in files
                      if not name.startswith((".", "_")) and os.path.splitext(name)[1].lower() in SCANNED_SUFFIXES]
        for path in sorted(found):
            if os.path.relpath(path, root).replace(os.sep, "/") != ALLOW_FILE:
                yield Path(path)


def _draft_folders(hall: Hall) -> set[str]:
    folders = {e.folder for e in hall.exhibits.values() if e.status == "draft"}
    folders |= {n.folder for n in hall.news if n.status == "draft"}
    return folders


_WHAT = {
    "id_number": ("身份证号码", "a resident ID number"),
    "phone": ("手机号码", "a mobile phone number"),
}


def check_privacy(hall: Hall, log: ProblemLog, *, publishing: bool = True,
                  has_gps: Callable[[Path], bool] | None = None) -> None:
    """Report ID numbers, mobile numbers (errors when publishing) and, given ``has_gps``,
    photo GPS (warnings)."""
    root = Path(hall.root)
    allowances = load_allowances(root, log, hall.languages)
    used: set[Allowance] = set()
    drafts = _draft_folders(hall)
    cache = FileCache(root, "privacy", code_version(sys.modules[__name__], yamlfile))  # unchanged files are not read again
    for path in _staff_files(root):
        rel = log.rel(path)
        in_draft = any(rel.startswith(folder + "/") for folder in drafts)
        for finding in cache.value(path, lambda: _scan(path, root)):
            if _is_booking_phone(hall, rel, finding):
                continue
            allowed = next((a for a in allowances if a.file == rel and a.kind == finding.kind
                            and a.value in (None, finding.value)), None)
            if allowed:
                used.add(allowed)
                continue
            what_zh, what_en = _WHAT[finding.kind]
            level = "error" if publishing and not in_draft else "warning"
            later_zh = "（草稿或预览中暂为警告，发布时会阻止构建）" if level == "warning" else ""
            later_en = " (a warning in drafts and previews; it stops a publishing build)" if level == "warning" else ""
            log.report(
                f"privacy.{finding.kind}", path,
                f"这里像是{what_zh}（{mask(finding.value)}），个人信息不能发布到公开网站{later_zh}。",
                f"This looks like {what_en} ({mask(finding.value)}); personal data must not be published{later_en}.",
                "删除这个号码，或改写成不含个人信息的说法。如果它确实应当公开（例如展厅的公开咨询电话），"
                f"请经负责人同意后在 {ALLOW_FILE} 中登记：文件、类型 {finding.kind}、号码和理由。",
                "Delete the number, or rewrite the sentence without personal data. If it really is meant to be "
                f"public (say the hall's own enquiry line), have it approved and list it in {ALLOW_FILE} "
                f"with the file, kind {finding.kind}, the number and a reason.",
                line=finding.line, column=finding.column, level=level,
            )
    for allowance in allowances:
        if allowance not in used:
            log.report(
                "privacy.allow_unused", root / ALLOW_FILE,
                f"允许清单中 {allowance.file} 的 {allowance.kind} 没有匹配到任何号码。",
                f"The allowance for {allowance.kind} in {allowance.file} matches no number.",
                "号码已删除时，请把这一项也从清单中删除。", "If the number was removed, remove this item from the list too.",
                level="warning",
            )
    if has_gps is not None:
        check_photo_gps(hall, log, has_gps, cache)
    cache.save()


def _is_booking_phone(hall: Hall, rel: str, finding: Finding) -> bool:
    """The hall's public booking number, on the line of visit.yml's ``phone`` field."""
    visit = hall.visit
    return (visit is not None and finding.kind == "phone" and rel == visit.file and visit.phone is not None
            and finding.line == visit.phone_line and finding.value in re.sub(r"\D", "", visit.phone.get(visit.phone.default)))


def _scan(path: Path, root: Path) -> tuple[list[Finding], bool]:
    """The personal data in one staff file, but for YAML comments (never published); kept
    in the cache unless the file could not be read."""
    text = read_text(path, ProblemLog(root))  # encoding problems are the loader's to report
    if not text:
        return [], text is not None
    findings = find_personal_data(text)
    if findings and path.suffix.lower() in (".yml", ".yaml"):
        lines = text.split("\n")
        findings = [f for f in findings if not lines[f.line - 1].lstrip().startswith("#")]
    return findings, True


def check_photo_gps(hall: Hall, log: ProblemLog, has_gps: Callable[[Path], bool],
                    cache: FileCache | None = None) -> None:
    """Warn of each photo whose EXIF says where it was taken; ``has_gps`` reads a photo's
    EXIF (``hall.media.photo_has_gps``: the media stage is the one that opens images)."""
    for file in dict.fromkeys(photo.file for photo in hall.entry_photos()):
        path = Path(hall.root) / file
        if not path.is_file():
            continue
        if cache.value(path, lambda: (has_gps(path), True)) if cache else has_gps(path):
            log.report(
                "privacy.gps", path,
                "照片的 EXIF 信息中记录了拍摄地点（GPS 坐标）。网站上的图片副本不含这些信息，但仓库中的原图仍然含有。",
                "The photo's EXIF records where it was taken (GPS position). The copies on the site carry no "
                "metadata, but the original in the repository still does.",
                "用图片软件删除位置信息后再放回（Windows：右键→属性→详细信息→删除属性和个人信息），"
                "拍摄时也可关闭相机的位置记录。",
                "Remove the location with an image editor and put the photo back (Windows: right-click → "
                "Properties → Details → Remove Properties and Personal Information); or turn off location "
                "tagging in the camera.",
                level="warning",
            )
