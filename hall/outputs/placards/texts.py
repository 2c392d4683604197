"""What each placard says, taken from the published hall: plain data, no PDF.

The hall handed in is ``Hall.for_audience(False)`` (hall/cli/placards.py): drafts and staff
notes are gone before any text reaches this module, so a placard cannot print one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ...content.guide import visiting_route
from ...content.model import Exhibit, Hall, Localized, Zone
from ...i18n import language_rules, strings
from ...pages.spec import exhibit_url, zone_url
from ..qr import public_url

#: The keypad page visitors key a guide number into (hall/pages, the guide feature).
KEYPAD_URL = "visit/number/"

#: Chinese ends a sentence with 。！？ (and their half-width forms before a space or the end).
_ZH_END = re.compile(r"[。！？]|[!?](?=\s|$)")
#: English ends one with . ! ? followed by a space and a capital, a quote or a digit.
_EN_END = re.compile(r"(?<=[.!?])[”’\"')]?\s+(?=[A-Z“\"'(0-9])")
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """Staff text as one printable line: control characters dropped, runs of spaces (and
    line breaks, tabs, full-width spaces) made one space."""
    kept = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return _SPACES.sub(" ", kept.replace("\u3000", " ")).strip()


#: Curly quotes of Latin-script text as straight ones: a CJK font's curly quotes are
#: full-width, which leaves a gap of half an em inside an English word ("exhibit’ s").
_STRAIGHT = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def for_script(text: str, language: str) -> str:
    """``text`` as it prints well in a CJK font in ``language`` (see ``_STRAIGHT``)."""
    return text if _unspaced(language) else text.translate(_STRAIGHT)


def first_sentence(text: str, language: str) -> str:
    """The first sentence of ``text`` (the summary's): a placard has room for one."""
    text = clean(text)
    if _unspaced(language):
        match = _ZH_END.search(text)
        return text[: match.end()].strip() if match else text
    match = _EN_END.search(text)
    return text[: match.start()].strip() if match else text


def _unspaced(language: str) -> bool:
    """A language written without spaces between words (Chinese): full-width punctuation,
    its quotes kept as written, sentences ended by 。！？ (hall/locales/<code>.yml)."""
    return not language_rules(language).spaces_between_words


@dataclass(frozen=True)
class Bilingual:
    """One text in the hall's first language and, when the hall has one, its second ("" when
    that language has no text of its own: a placard never prints the Chinese twice)."""

    first: str
    second: str = ""


@dataclass(frozen=True)
class ExhibitPlacard:
    guide: str
    title: Bilingual
    summary: Bilingual
    url: str


@dataclass(frozen=True)
class ZonePlacard:
    title: Bilingual
    intro: Bilingual
    numbers: tuple[str, str] | None  # first and last guide number, None for an empty zone
    url: str


@dataclass(frozen=True)
class Poster:
    home_url: str
    keypad_url: str
    numbers: tuple[str, str] | None


@dataclass(frozen=True)
class Wording:
    """The hall's name and the printed labels (hall/locales, section ``placards``), per language."""

    hall_name: Bilingual
    first: dict[str, str]
    second: dict[str, str]
    draft: bool

    def both(self, key: str, **values: object) -> Bilingual:
        second = self.second[key].format(**values) if self.second else ""
        return Bilingual(self.first[key].format(**values), second)


def languages_of(hall: Hall) -> tuple[str, str]:
    """The first language and the second ("" for a one-language hall)."""
    return hall.languages[0], (hall.languages[1] if len(hall.languages) > 1 else "")


def _bilingual(value: Localized | None, hall: Hall, sentence: bool = False) -> Bilingual:
    if not value:
        return Bilingual("")
    first, second = languages_of(hall)

    def text(language: str) -> str:
        raw = value.values.get(language) or ""
        return for_script(first_sentence(raw, language) if sentence else clean(raw), language)

    return Bilingual(text(first), text(second) if second and value.has(second) else "")


def wording(hall: Hall, site_name: dict[str, str], draft: bool) -> Wording:
    first, second = languages_of(hall)
    name = Bilingual(clean(site_name.get(first, "")), for_script(clean(site_name.get(second, "")), second) if second else "")
    labels = {key: for_script(text, second) for key, text in strings("placards", second, first).items()} if second else {}
    return Wording(name, strings("placards", first, first), labels, draft)


def exhibit_placard(exhibit: Exhibit, hall: Hall, site_url: str) -> ExhibitPlacard:
    return ExhibitPlacard(
        guide=exhibit.guide,
        title=_bilingual(exhibit.title, hall),
        summary=_bilingual(exhibit.summary, hall, sentence=True),
        url=public_url(site_url, exhibit_url(exhibit.id)),
    )


def exhibit_placards(hall: Hall, site_url: str) -> list[ExhibitPlacard]:
    """A placard per published exhibit, in visiting order (the order they are hung)."""
    return [exhibit_placard(exhibit, hall, site_url) for exhibit in visiting_route(hall)]


def _number_range(exhibits: tuple[Exhibit, ...]) -> tuple[str, str] | None:
    numbers = sorted((int(e.guide) for e in exhibits if e.guide))
    return (str(numbers[0]), str(numbers[-1])) if numbers else None


def zone_placard(zone: Zone, hall: Hall, site_url: str) -> ZonePlacard:
    return ZonePlacard(
        title=_bilingual(zone.title, hall),
        intro=_bilingual(zone.intro, hall, sentence=True),
        numbers=_number_range(zone.exhibits),
        url=public_url(site_url, zone_url(zone.id)),
    )


def zone_placards(hall: Hall, site_url: str) -> list[ZonePlacard]:
    return [zone_placard(zone, hall, site_url) for zone in hall.zones]


def poster(hall: Hall, site_url: str) -> Poster:
    return Poster(
        home_url=public_url(site_url, ""),
        keypad_url=public_url(site_url, KEYPAD_URL),
        numbers=_number_range(visiting_route(hall)),
    )
