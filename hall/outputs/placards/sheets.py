"""Placards onto paper: one A6 page per exhibit, four A6 per A4 sheet (imposition) with cut
marks, the zones' and the entrance poster's A4 pages; each PDF written whole or not at all.

Four A6 (105 × 148 mm) tile an A4 sheet (210 × 297 mm) exactly, so the sheet's own edges are
the placards' outer edges and two guillotine cuts, one down the middle and one across, free
all four. The cut marks therefore lie on those two cut lines, from the paper's edge into the
placards' blank 8 mm margin and as a cross where the four corners meet: the cut runs through
them (0.25 pt lines), so nothing of a mark is left on a finished placard.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal, TypeVar

from fpdf import FPDF

from .designs import A4, A6, exhibit_a6, poster_a4, zone_a4
from .drawing import Canvas, new_document
from .fonts import PlacardFont, subset_font
from .texts import ExhibitPlacard, Wording

Item = TypeVar("Item")
Part = Literal["exhibits", "zones", "poster"]
Sheet = Literal["a4", "a6"]

#: Cut marks: from 3 mm to 7 mm in from the paper's edge (inside what printers print, inside
#: the placards' 8 mm margin), and a 4 mm cross at the centre.
MARK_FROM, MARK_TO, MARK_CROSS = 3.0, 7.0, 4.0
MARK_WEIGHT = 0.25 * 25.4 / 72


@dataclass(frozen=True)
class Job:
    """What ``hall placards`` was asked to print, with the texts already taken from the hall."""

    exhibits: Sequence[ExhibitPlacard]
    zones: Sequence
    poster: object
    words: Wording
    font: PlacardFont
    parts: tuple[Part, ...] = ("exhibits", "zones", "poster")
    sheets: tuple[Sheet, ...] = ("a6", "a4")


def _document(job: Job, what: str) -> FPDF:
    name = " · ".join(part for part in (job.words.hall_name.first, job.words.hall_name.second) if part)
    licence = job.font.licence.split(". ")[0] if job.font.licence else "see the font's own licence"
    subject = f"{what}. Font: {job.font.regular.name} ({licence})"
    return new_document(job.font, f"{name} – {what}", name, subject)


def _pages(pdf: FPDF, job: Job, items: Sequence[Item], size: tuple[float, float],
           draw: Callable[[Canvas, Item, Wording], None], memo: dict) -> None:
    for item in items:
        pdf.add_page(format=size)
        draw(Canvas(pdf, job.font, 0, 0, *size, memo), item, job.words)


def impose(pdf: FPDF, job: Job, items: Sequence[Item], draw: Callable[[Canvas, Item, Wording], None],
           memo: dict) -> None:
    """Four A6 placards per A4 sheet, left to right then top to bottom, with cut marks."""
    width, height = A6
    for start in range(0, len(items), 4):
        pdf.add_page(format=A4)
        for slot, item in enumerate(items[start:start + 4]):
            draw(Canvas(pdf, job.font, (slot % 2) * width, (slot // 2) * height, width, height, memo), item, job.words)
        cut_marks(pdf)


def cut_marks(pdf: FPDF) -> None:
    """Marks on the two cut lines of a 4-up A4 sheet (see the module's docstring)."""
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(MARK_WEIGHT)
    x, y = A6[0], A6[1]
    for a, b in ((MARK_FROM, MARK_TO), (A4[1] - MARK_TO, A4[1] - MARK_FROM)):
        pdf.line(x, a, x, b)  # the vertical cut, at the top and bottom edges
    for a, b in ((MARK_FROM, MARK_TO), (A4[0] - MARK_TO, A4[0] - MARK_FROM)):
        pdf.line(a, y, b, y)  # the horizontal cut, at the left and right edges
    pdf.line(x - MARK_CROSS, y, x + MARK_CROSS, y)
    pdf.line(x, y - MARK_CROSS, x, y + MARK_CROSS)


def write_pdf(pdf: FPDF, path: Path) -> Path:
    """Write ``pdf`` to ``path`` through a temporary file: an interrupted or failed run leaves
    the last good PDF in place (and never half a PDF a printer would choke on)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.part")
    try:
        pdf.output(str(temporary))
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path


def _characters(job: Job) -> str:
    """Every character this run may print (staff texts, labels, the hall's name)."""
    parts: list[str] = [*job.words.first.values(), *job.words.second.values(),
                        job.words.hall_name.first, job.words.hall_name.second]
    for placard in job.exhibits:
        parts += [placard.guide, placard.title.first, placard.title.second, placard.summary.first, placard.summary.second]
    for zone in job.zones:
        parts += [zone.title.first, zone.title.second, zone.intro.first, zone.intro.second]
    return "".join(set("".join(parts)))


def write_placards(job: Job, out: Path) -> list[Path]:
    """Every PDF the job asks for, in ``out``; returns their paths, plus the README."""
    with tempfile.TemporaryDirectory(prefix="hall-placard-font-") as folder:
        printing = replace(job, font=subset_font(job.font, _characters(job), Path(folder)))
        written = _write_all(printing, out)
    if written:
        written.append(write_readme(job, out))
    return written


def _write_all(job: Job, out: Path) -> list[Path]:
    written: list[Path] = []
    memo: dict = {}  # text widths and QR codes, measured and made once for every PDF of the run
    if "exhibits" in job.parts and job.exhibits:
        if "a6" in job.sheets:
            pdf = _document(job, "Exhibit placards, A6")
            _pages(pdf, job, job.exhibits, A6, exhibit_a6, memo)
            written.append(write_pdf(pdf, out / "exhibits-a6.pdf"))
        if "a4" in job.sheets:
            pdf = _document(job, "Exhibit placards, four A6 per A4 sheet")
            impose(pdf, job, job.exhibits, exhibit_a6, memo)
            written.append(write_pdf(pdf, out / "exhibits-a4.pdf"))
    if "zones" in job.parts and job.zones:
        pdf = _document(job, "Zone placards, A4")
        _pages(pdf, job, job.zones, A4, zone_a4, memo)
        written.append(write_pdf(pdf, out / "zones-a4.pdf"))
    if "poster" in job.parts:
        pdf = _document(job, "Entrance poster, A4")
        _pages(pdf, job, [job.poster], A4, poster_a4, memo)
        written.append(write_pdf(pdf, out / "entrance-poster-a4.pdf"))
    return written


def write_readme(job: Job, out: Path) -> Path:
    """README.txt beside the PDFs: how to print and cut them, and the embedded font's licence."""
    font = job.font
    text = "\n".join([
        "说明牌 / Placards (hall placards)",
        "",
        "打印：实际尺寸（100%，不要“适合页面”），白色纸张，无出血；A6 单页用 A6 纸，exhibits-a4.pdf 用 A4 纸，",
        "沿裁切标记横竖各裁一刀，得到四张 A6。",
        "Print at actual size (100 %, not 'fit to page') on white paper; no bleed. exhibits-a6.pdf on A6 paper;",
        "exhibits-a4.pdf on A4, then one cut down the middle and one across, along the marks: four A6 placards.",
        "",
        f"字体 / Font: {font.regular.name}" + (f", {font.bold.name}" if font.bold != font.regular else ""),
        f"  {Path(font.regular.file).name}" + (f", {Path(font.bold.file).name}" if font.bold != font.regular else ""),
        "  已嵌入 PDF（子集）/ embedded in the PDFs (subset).",
        f"许可 / Licence: {font.licence or '字体文件未注明，请核实 / not stated in the font file: check it allows embedding'}",
        *([f"  {font.licence_url}"] if font.licence_url else []),
        "",
    ])
    path = out / "README.txt"
    path.write_text(text, encoding="utf-8")
    return path
