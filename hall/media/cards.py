"""Share cards: the 1200×630 picture a link preview (WeChat, Weibo, social networks) shows
for a page that has no photo of its own: the page's title set in a CJK font on the hall's
red, the hall's logo and name below, in the palette of theme/assets/hall.css.

Why drawn at build time: a preview without a picture is easily scrolled past, and the
pages without photos (timeline, achievements, news lists, the about pages) are the ones a
visitor shares to say where the hall is and what it holds.

The font is looked for in a list (Debian's Noto Sans CJK, the Makefile installs it; Windows'
Microsoft YaHei and SimHei; macOS' PingFang), configurable as ``share_card_fonts`` in
mkdocs.yml. With none found the build does not fail: every page gets the hall's logo card
(no text) and a warning says once which font to install.

Cards are cached by content hash (title, hall name, font file, logo, layout version) in
``.cache/hall-media/cards/`` beside the photo derivatives, so a warm build draws none; the
site gets hard links to them. Measured on the sample hall's 14 cards (7 per language, Noto
Sans CJK Bold, the shared 2-core build machine): 0.23 s to draw a card, 19–28 KB each
(23.6 KB on average); a warm build links all 14 in 1 ms and draws none.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from .imaging import draw_card, font_faces, text_widths

CARD_SIZE = (1200, 630)
CARDS_DIR = "cards"  # inside .cache/hall-media/
SITE_FOLDER = "assets/cards"  # inside each language's site root
LAYOUT_VERSION = "1"  # bump when the drawing changes: every card is drawn again
#: theme/assets/hall.css: --md-primary-fg-color(--dark), --md-accent-fg-color, --hall-paper
PALETTE = {"primary": "#8c2f1f", "dark": "#6e2215", "accent": "#b5561f", "paper": "#faf6ef", "text": "#ffffff"}
DEFAULT_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",  # Debian, Ubuntu (fonts-noto-cjk)
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",  # Fedora, Arch
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc",
    "C:/Windows/Fonts/msyhbd.ttc",  # Microsoft YaHei Bold, every Windows since Vista
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "/System/Library/Fonts/PingFang.ttc",  # macOS
)
MARGIN = 80
BAND_TOP = 500  # the paper band with the logo and the hall's name, below the title
TITLE_SIZES = (76, 64, 54)  # the first size at which the title fits in MAX_LINES
MAX_LINES = 3
_TOKENS = re.compile(r"[0-9A-Za-z\u00c0-\u024f'’.\-]+\s*|\s+|.")  # a Latin word (with its space) or one character


@dataclass(frozen=True)
class CardStyle:
    """How this build draws its cards: ``font`` is "" when no font was found (logo cards)."""

    font: str
    index: int  # the face inside a .ttc collection
    logo: str  # the logo PNG put on every card ("" for none)
    cache: str  # .cache/hall-media/cards
    fingerprint: str


def find_font(candidates: Sequence[str]) -> tuple[str, int]:
    """The first font file in ``candidates`` that exists and Pillow reads, with the index of
    its Simplified Chinese face ("Noto Sans CJK SC" is the third face of Noto's .ttc; a
    font without an SC face is used as it is); ``("", 0)`` when none is found."""
    for candidate in candidates:
        if not candidate or not os.path.isfile(candidate):
            continue
        faces = font_faces(candidate)
        if faces:
            sc = [i for i, name in enumerate(faces) if " SC" in name and "Mono" not in name]
            return candidate, sc[0] if sc else 0
    return "", 0


def card_style(fonts: Sequence[str], logo: Path | None, cache: Path) -> CardStyle:
    """Resolve the font and fingerprint once per build (``fonts`` empty: ``DEFAULT_FONTS``)."""
    font, index = find_font(tuple(fonts) or DEFAULT_FONTS)
    digest = hashlib.sha256(f"{LAYOUT_VERSION}|{sorted(PALETTE.items())}|{font}|{index}".encode())
    if font:
        digest.update(str(os.path.getsize(font)).encode())
    logo_path = str(logo) if logo is not None and Path(logo).is_file() else ""
    if logo_path:
        digest.update(Path(logo_path).read_bytes())
    return CardStyle(font, index, logo_path, str(cache), digest.hexdigest())


def card_key(style: CardStyle, title: str, site_name: str) -> str:
    """The card's name: a hash of what it shows and how it is drawn (one logo card without a font)."""
    shown = f"{title}\n{site_name}" if style.font else "logo"
    return hashlib.sha256(f"{style.fingerprint}\n{shown}".encode()).hexdigest()[:24]


def card_path(style: CardStyle, title: str, site_name: str) -> str:
    """The card's path inside a language's site root, e.g. ``assets/cards/ab12….png``."""
    return f"{SITE_FOLDER}/{card_key(style, title, site_name)}.png"


def wrap(text: str, widths: Sequence[float], limit: float) -> list[str]:
    """Break ``text`` into lines no wider than ``limit``: Chinese between any two characters,
    Latin words whole (``widths``: each token's width, as ``tokens`` cut it)."""
    lines: list[str] = []
    line, used = "", 0.0
    for token, width in zip(tokens(text), widths):
        if line and used + width > limit and token.strip():
            lines.append(line.rstrip())
            line, used = "", 0.0
        if line or token.strip():
            line, used = line + token, used + width
    if line.strip():
        lines.append(line.rstrip())
    return lines


def tokens(text: str) -> list[str]:
    return _TOKENS.findall(" ".join(text.split()))


def layout_title(style: CardStyle, title: str) -> tuple[int, list[str]]:
    """The largest of ``TITLE_SIZES`` at which the title fits in ``MAX_LINES``; at the
    smallest, lines beyond are cut and the last ends in "…"."""
    limit = CARD_SIZE[0] - 2 * MARGIN
    for size in TITLE_SIZES:
        lines = wrap(title, text_widths(tokens(title), style.font, style.index, size), limit)
        if len(lines) <= MAX_LINES:
            return size, lines
    return size, lines[: MAX_LINES - 1] + [lines[MAX_LINES - 1].rstrip("，,、 ")[:-1] + "…"]


def draw(style: CardStyle, title: str, site_name: str, out: Path) -> None:
    """Draw one card into ``out``: the title on the hall's red, logo and name on paper below."""
    width, height = CARD_SIZE
    bands = [((0, 0, width, height), PALETTE["primary"]), ((0, 0, 24, BAND_TOP), PALETTE["dark"]),
             ((0, BAND_TOP - 10, width, BAND_TOP), PALETTE["accent"]), ((0, BAND_TOP, width, height), PALETTE["paper"])]
    logo = Path(style.logo) if style.logo else None
    if not style.font:  # the logo card: the logo alone, centred on paper above the red band
        bands = [((0, 0, width, height), PALETTE["paper"]), ((0, BAND_TOP, width, height), PALETTE["primary"])]
        draw_card(out, CARD_SIZE, bands, [], logo, ((width - 240) // 2, (BAND_TOP - 240) // 2, 240))
        return
    size, lines = layout_title(style, title)
    leading = round(size * 1.35)
    top = (BAND_TOP - 10 - leading * len(lines)) // 2 - round(size * 0.12)
    texts = [((MARGIN, top + i * leading), line, style.font, style.index, size, PALETTE["text"])
             for i, line in enumerate(lines)]
    name_size = 36
    while name_size > 20 and text_widths([site_name], style.font, style.index, name_size)[0] > width - 2 * MARGIN - 110:
        name_size -= 2
    name_top = BAND_TOP + (height - BAND_TOP) // 2 - round(name_size * 0.7)
    texts.append(((MARGIN + 110, name_top), site_name, style.font, style.index, name_size, PALETTE["primary"]))
    draw_card(out, CARD_SIZE, bands, texts, logo, (MARGIN, BAND_TOP + (height - BAND_TOP - 88) // 2, 88))


def write_cards(style: CardStyle, cards: Iterable[tuple[str, str]], site_dir: Path) -> int:
    """Put the card of each ``(title, site name)`` into ``site_dir``, drawing only those not
    in the cache yet (written beside and renamed, so no build sees half a card). Returns
    the number drawn: 0 on a warm build."""
    cache = Path(style.cache)
    folder = Path(site_dir) / SITE_FOLDER
    drawn = 0
    for title, site_name in dict.fromkeys(cards):
        key = card_key(style, title, site_name)
        cached = cache / f"{key}.png"
        if not cached.is_file():
            cache.mkdir(parents=True, exist_ok=True)
            tmp = cache / f"{key}.tmp-{os.getpid()}-{uuid.uuid4().hex[:6]}.png"
            try:
                draw(style, title, site_name, tmp)
                os.replace(tmp, cached)
            finally:
                tmp.unlink(missing_ok=True)
            drawn += 1
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / cached.name
        if not target.exists():
            try:
                os.link(cached, target)
            except OSError:  # another file system, or one without hard links
                shutil.copyfile(cached, target)
    return drawn
