"""Drawing on a PDF page in millimetres: text fitted by measured width, vector QR codes.

Every shape is drawn relative to an origin, so one placard design serves both its own A6
page and its quarter of an imposed A4 sheet (hall/outputs/placards/sheets.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import segno
from fpdf import FPDF

from .fonts import PlacardFont

#: Regular and bold family names inside the PDF.
FAMILY = "hallcjk"
#: Points to millimetres.
PT = 25.4 / 72
#: Colours (RGB) of the hall's print identity, the share cards' (hall/media/cards.py).
INK = (26, 26, 26)
GREY = (90, 90, 90)
PRIMARY = (140, 47, 31)
DRAFT_RED = (200, 0, 0)
#: A Latin word with its trailing space, a run of spaces, or any single other character
#: (each Chinese character is a place a line may break).
_TOKEN = re.compile(r"[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]+\s*|\s+|.")
#: Closing punctuation never starts a line: it hangs at the end of the line before.
_CLOSING = set("，。、；：！？）》」』”’,.;:!?)")
ELLIPSIS = "…"


def new_document(font: PlacardFont, title: str, author: str, subject: str) -> FPDF:
    """An empty PDF in millimetres with the CJK font registered (embedded and subset on output)."""
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    pdf.add_font(FAMILY, "", font.regular.file, collection_font_number=font.regular.index)
    pdf.add_font(FAMILY, "B", font.bold.file, collection_font_number=font.bold.index)
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_subject(subject)
    pdf.set_creator("hall placards")
    return pdf


@dataclass(frozen=True)
class Canvas:
    """A placard's area on a page: its origin (top left) and size, in mm."""

    pdf: FPDF
    font: PlacardFont
    x: float
    y: float
    width: float
    height: float
    #: Measurements and QR codes already made in this run, shared by every placard: the
    #: imposed A4 sheets repeat the A6 pages, and segno spends ~8 ms choosing a code's mask.
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def _width(self, token: str, style: str, size: float) -> float:
        key = ("w", style, size, token)
        if key not in self.memo:
            self.memo[key] = self.pdf.get_string_width(token)
        return self.memo[key]

    def at(self, x: float, y: float, width: float, height: float) -> "Canvas":
        """Another area of the same page, sharing this run's memo."""
        return Canvas(self.pdf, self.font, x, y, width, height, self.memo)

    def fit(self, text: str, size: float, width: float, max_lines: int, bold: bool = False) -> list[str]:
        """``text`` broken into at most ``max_lines`` lines no wider than ``width`` mm, as
        measured in the font at ``size`` pt; the last line ends in "…" when text is left over."""
        style = "B" if bold else ""
        self.pdf.set_font(FAMILY, style, size)
        text = self.font.printable(text)
        lines: list[str] = []
        line, used = "", 0.0  # the line so far and its width (glyph widths add up: no kerning)
        tokens = _TOKEN.findall(text)
        for position, token in enumerate(tokens):
            stripped = token.rstrip()
            if not line or used + self._width(stripped, style, size) <= width or token in _CLOSING:
                line += token
                used += self._width(token, style, size)
                continue
            lines.append(line.rstrip())
            if len(lines) == max_lines:
                return lines[:-1] + [self._ellipsized(lines[-1] + " " + "".join(tokens[position:]), width)]
            line = token.lstrip()
            used = self._width(line, style, size)
        if line.strip():
            lines.append(line.rstrip())
        return lines

    def _ellipsized(self, line: str, width: float) -> str:
        """The longest start of ``line`` that fits in ``width`` with "…" after it, cut after
        a whole word in Latin script (never "aim of t…")."""
        full = line
        while line and self.pdf.get_string_width(line.rstrip(" ,;:，、；：") + ELLIPSIS) > width:
            line = line[:-1]
        cut_in_word = len(line) < len(full) and line[-1:].isascii() and line[-1:].isalnum() and full[len(line)].isalnum()
        if cut_in_word and " " in line:
            line = line.rsplit(" ", 1)[0]
        return line.rstrip(" ,;:，、；：") + ELLIPSIS

    def lines(self, text: str, top: float, size: float, max_lines: int, *, bold: bool = False,
              colour: tuple[int, int, int] = INK, centre: bool = False, inset: float = 0.0,
              leading: float = 1.3) -> float:
        """Draw ``text`` from ``top`` (mm below the origin) within the insets; returns the
        bottom of the last line (``top`` when there is no text)."""
        if not text:
            return top
        width = self.width - 2 * inset
        step = size * PT * leading
        self.pdf.set_text_color(*colour)
        baseline = top + size * PT * 0.88
        fitted = self.fit(text, size, width, max_lines, bold)
        for index, line in enumerate(fitted):
            left = inset
            if centre:
                left = (self.width - self.pdf.get_string_width(line)) / 2
            self.pdf.text(self.x + left, self.y + baseline + index * step, line)
        return top + len(fitted) * step

    def qr(self, data: str, left: float, top: float, size: float) -> None:
        """A vector QR code of ``data`` (error correction M) whose symbol plus its four-module
        quiet zone is ``size`` mm square: one filled rectangle per run of dark modules."""
        modules, runs = self._qr_runs(data)
        cell = size / modules
        pdf = self.pdf
        pdf.set_fill_color(255, 255, 255)
        pdf.rect(self.x + left, self.y + top, size, size, style="F")
        pdf.set_fill_color(0, 0, 0)
        x0, y0 = self.x + left + 4 * cell, self.y + top + 4 * cell
        k, page_height = pdf.k, pdf.h
        # one path of rectangles filled once (fpdf2's rect() would write a fill per run:
        # 280 runs a code, 4x slower); a hair wider and taller than a module, so no white
        # seam shows between runs
        path = " ".join(
            f"{(x0 + start * cell) * k:.3f} {(page_height - y0 - row * cell) * k:.3f} "
            f"{(length * cell + 0.01) * k:.3f} {-(cell + 0.01) * k:.3f} re"
            for row, start, length in runs
        )
        pdf._out(f"{path} f")  # noqa: SLF001 - fpdf2 2.8's content-stream writer (pinned)

    def _qr_runs(self, data: str) -> tuple[int, list[tuple[int, int, int]]]:
        """The code's size in modules (quiet zone included) and its dark runs (row, start, length)."""
        key = ("qr", data)
        if key not in self.memo:
            code = segno.make(data, error="m", micro=False)
            runs = []
            for row, bits in enumerate(code.matrix):
                start = None
                for column, bit in enumerate((*bits, 0)):
                    if bit and start is None:
                        start = column
                    elif not bit and start is not None:
                        runs.append((row, start, column - start))
                        start = None
            self.memo[key] = (code.symbol_size(border=4)[0], runs)
        return self.memo[key]

    def rule(self, top: float, inset: float, colour: tuple[int, int, int] = PRIMARY, weight: float = 0.6) -> None:
        self.pdf.set_draw_color(*colour)
        self.pdf.set_line_width(weight)
        self.pdf.line(self.x + inset, self.y + top, self.x + self.width - inset, self.y + top)
