"""The three placard designs: an exhibit's (A6), a zone's (A4) and the entrance poster (A4).

No bleed: every placard is white paper with a safe margin (8 mm on A6, 15 mm on A4) that
nothing is printed in, so an office laser printer (which leaves 4–5 mm at the paper's edge
unprinted) and a guillotine that cuts a millimetre off lose nothing. A QR code on the A6
placard is 34 mm with its quiet zone (about 27 mm of symbol, modules of 0.7–0.9 mm for an
address of 60–90 characters): phones read that at arm's length (50–70 cm); the A4 codes are 70 mm.

One QR code per exhibit, to its Chinese page, with its English title and sentence printed
beside: every page of the site has a language menu that leads to the same page in English,
while two codes on an A6 card would each shrink towards the 20 mm floor and make every
visitor choose before scanning.
"""

from __future__ import annotations

from .drawing import GREY, INK, PRIMARY, DRAFT_RED, Canvas
from .texts import Bilingual, ExhibitPlacard, Poster, Wording, ZonePlacard

A6 = (105.0, 148.0)
A4 = (210.0, 297.0)
A6_MARGIN = 8.0
A4_MARGIN = 15.0
A6_QR = 34.0
A4_QR = 70.0


def _name_line(name: Bilingual) -> str:
    return " · ".join(part for part in (name.first, name.second) if part)


def _draft_band(canvas: Canvas, words: Wording, margin: float, size: float) -> float:
    """"草稿 · DRAFT" in red at the top, with a red frame round the safe area: no one can take
    a draft placard for a finished one. Returns where the content starts."""
    if not words.draft:
        return margin
    pdf = canvas.pdf
    pdf.set_draw_color(*DRAFT_RED)
    pdf.set_line_width(0.8)
    inset = margin / 2
    pdf.rect(canvas.x + inset, canvas.y + inset, canvas.width - 2 * inset, canvas.height - 2 * inset)
    label = _name_line(words.both("draft"))
    return canvas.lines(label, margin, size, 1, bold=True, colour=DRAFT_RED, centre=True, inset=margin) + 1.5


def _header(canvas: Canvas, words: Wording, margin: float, size: float) -> float:
    top = _draft_band(canvas, words, margin, size)
    bottom = canvas.lines(_name_line(words.hall_name), top, size, 1, colour=GREY, inset=margin)
    canvas.rule(bottom + 1.2, margin, weight=0.5 if size < 9 else 0.8)
    return bottom + 3.5


def exhibit_a6(canvas: Canvas, placard: ExhibitPlacard, words: Wording) -> None:
    """Guide number large, title and one sentence in both languages, QR code to the exhibit's
    page (zh; the page's language menu leads to English) with the audio-guide line."""
    m = A6_MARGIN
    top = _header(canvas, words, m, 7)
    top = canvas.lines(_name_line(words.both("exhibit_number")), top, 7.5, 1, colour=GREY, inset=m)
    top = canvas.lines(placard.guide, top - 0.5, 44, 1, bold=True, colour=PRIMARY, inset=m, leading=1.05)
    top = canvas.lines(placard.title.first, top + 1, 16, 2, bold=True, inset=m, leading=1.25)
    top = canvas.lines(placard.title.second, top + 0.5, 11, 2, bold=True, inset=m, leading=1.25)
    qr_top = canvas.height - m - A6_QR
    # the summaries share what is left above the QR code: 4 lines of Chinese, up to 5 of English
    top = canvas.lines(placard.summary.first, top + 2.5, 9, 4, inset=m)
    room = int((qr_top - 2 - (top + 1.5)) // (8 * 0.3528 * 1.3))
    canvas.lines(placard.summary.second, top + 1.5, 8, max(0, min(5, room)), colour=GREY, inset=m)
    canvas.qr(placard.url, m - 2.5, qr_top, A6_QR)  # the quiet zone may sit in the margin: it is white
    column = canvas.at(canvas.x + m + A6_QR - 0.5, canvas.y, canvas.width - 2 * m - A6_QR + 0.5, canvas.height)
    audio = words.both("audio_guide")
    text_top = qr_top + 7
    text_top = column.lines(audio.first, text_top, 10, 2, bold=True)
    text_top = column.lines(audio.second, text_top + 0.5, 8.5, 2, bold=True)
    hint = words.both("language_hint")
    column.lines(hint.second or hint.first, text_top + 1.5, 7, 2, colour=GREY)


def zone_a4(canvas: Canvas, placard: ZonePlacard, words: Wording) -> None:
    """Zone name in both languages, its guide numbers, its intro's first sentence, QR code."""
    m = A4_MARGIN
    top = _header(canvas, words, m, 10) + 6
    top = canvas.lines(placard.title.first, top, 40, 2, bold=True, inset=m, leading=1.2)
    top = canvas.lines(placard.title.second, top + 1, 24, 2, bold=True, inset=m, leading=1.2)
    if placard.numbers:
        top = canvas.lines(_name_line(words.both("zone_numbers")), top + 8, 11, 2, colour=GREY, inset=m)
        first, last = placard.numbers
        top = canvas.lines(first if first == last else f"{first}–{last}", top, 36, 1, bold=True, colour=PRIMARY, inset=m)
    top = canvas.lines(placard.intro.first, top + 8, 14, 4, inset=m)
    canvas.lines(placard.intro.second, top + 2, 12, 4, colour=GREY, inset=m)
    qr_top = canvas.height - m - 16 - A4_QR
    canvas.qr(placard.url, (canvas.width - A4_QR) / 2, qr_top, A4_QR)
    scan = words.both("zone_scan")
    below = canvas.lines(scan.first, qr_top + A4_QR + 1, 13, 1, bold=True, centre=True, inset=m)
    canvas.lines(scan.second, below, 11, 1, bold=True, colour=GREY, centre=True, inset=m)


def poster_a4(canvas: Canvas, poster: Poster, words: Wording) -> None:
    """The entrance poster: the hall's name, how the guide works, two QR codes (the online
    hall's home page and the number keypad) and where the numbers are."""
    m = A4_MARGIN
    top = _draft_band(canvas, words, m, 12) + 8
    top = canvas.lines(words.hall_name.first, top, 30, 2, bold=True, colour=PRIMARY, inset=m, centre=True, leading=1.25)
    top = canvas.lines(words.hall_name.second, top + 1, 17, 2, bold=True, colour=PRIMARY, inset=m, centre=True, leading=1.25)
    canvas.rule(top + 5, m + 20, weight=1.0)
    how = words.both("poster_instructions")
    top = canvas.lines(how.first, top + 12, 17, 3, inset=m, centre=True, leading=1.45)
    top = canvas.lines(how.second, top + 2, 13, 3, colour=GREY, inset=m, centre=True)
    qr_top = top + 12
    gap = (canvas.width - 2 * A4_QR) / 3
    for index, (url, key) in enumerate(((poster.home_url, "poster_home"), (poster.keypad_url, "poster_keypad"))):
        left = gap + index * (A4_QR + gap)
        canvas.qr(url, left, qr_top, A4_QR)
        label = canvas.at(canvas.x + left - gap / 2, canvas.y, A4_QR + gap, canvas.height)
        caption = words.both(key)
        below = label.lines(caption.first, qr_top + A4_QR + 1, 14, 2, bold=True, centre=True, inset=2)
        label.lines(caption.second, below + 0.5, 11, 2, bold=True, colour=GREY, centre=True, inset=2)
    numbers = words.both("poster_numbers")
    bottom = canvas.height - m - 30
    canvas.rule(bottom - 4, m + 20, weight=1.0)
    below = canvas.lines(numbers.first, bottom, 16, 1, bold=True, inset=m, centre=True)
    below = canvas.lines(numbers.second, below + 0.5, 13, 1, colour=GREY, inset=m, centre=True)
    if poster.numbers:
        first, last = poster.numbers
        canvas.lines(f"{first}–{last}", below + 2, 16, 1, bold=True, colour=INK, inset=m, centre=True)
