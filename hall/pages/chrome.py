"""How much of the documentation framework a page shows: the navigation sidebar and the
table of contents, decided per page from the plan (engine-agnostic).

Material draws both columns on every page by default. In an exhibition they are mostly noise:
the timeline, the achievements and every free page sit alone in their navigation section, so
their sidebar held one link (the page itself), and exhibit and news pages are in no section at
all, so theirs was an empty column beside the text. A table of contents beside an exhibit's
three short sections is a second copy of what is on screen. The rules, one place for all pages:

- **navigation**: shown only where the page's section of the navigation has two links or more
  (the zones: every zone); hidden on a page alone in its section or in none. Phones keep the
  whole navigation in the drawer either way.
- **table of contents**: shown only on a long page with sections: at least ``TOC_MIN_HEADINGS``
  headings (``##`` and below) and ``TOC_MIN_LENGTH`` of text. In the sample hall that is the
  accessibility statement (5 headings, about 2,900); the exhibits (3 headings at most, under
  1,300) and "about" (3 headings, about 1,200 to 1,500) have none.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from ..content.notes import fenced_lines
from .spec import NavItem, PageSpec

#: Fewest section headings for a table of contents: with two, both are on screen anyway.
TOC_MIN_HEADINGS = 3
#: Least text for a table of contents, in ``text_length`` units: about 650 Chinese characters or
#: 2,000 letters of English, a little more than a desktop screen (shorter pages are read whole).
TOC_MIN_LENGTH = 2000

_SECTION_HEADING = re.compile(r"^ {0,3}#{2,6}[ \t]+\S")
_ANY_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
#: Markdown that is not read: images, links' targets, attribute lists, HTML tags, emphasis marks.
_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|\{[^}\n]*\}|<[^>\n]+>|[*_`>#|\[\]-]")
_WIDE = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_SPACE = re.compile(r"\s+")


def _prose_lines(markdown: str) -> Iterable[str]:
    """The lines of ``markdown`` outside fenced code."""
    lines = markdown.splitlines()
    code = fenced_lines(lines)
    return (line for i, line in enumerate(lines) if i not in code)


def section_headings(markdown: str) -> int:
    """How many headings below the page title (``##`` … ``######``) a body has, code aside:
    the entries its table of contents would list."""
    return sum(1 for line in _prose_lines(markdown) if _SECTION_HEADING.match(line))


def text_length(markdown: str) -> int:
    """How long a body reads, headings and markup aside: a Chinese (or other wide) character
    counts 3, any other character 1, so that a text and its translation measure about alike
    (the sample's English bodies are 2.5 to 4 times as many characters as the Chinese)."""
    text = _MARKUP.sub("", "\n".join(line for line in _prose_lines(markdown) if not _ANY_HEADING.match(line)))
    text = _SPACE.sub(" ", text).strip()
    wide = len(_WIDE.findall(text))
    return 3 * wide + (len(text) - wide)


def wants_toc(markdown: str) -> bool:
    """Whether a body is long enough, in enough sections, for a table of contents."""
    return section_headings(markdown) >= TOC_MIN_HEADINGS and text_length(markdown) >= TOC_MIN_LENGTH


def section_sizes(nav: Iterable[NavItem]) -> dict[str, int]:
    """For every page in the navigation, how many links its top-level section holds (a page
    standing alone at the top level is a section of one)."""
    sizes: dict[str, int] = {}
    for top in nav:
        links = [item.src_uri for item in _walk(top) if item.src_uri]
        for src_uri in links:
            sizes[src_uri] = len(links)
    return sizes


def _walk(item: NavItem) -> Iterable[NavItem]:
    yield item
    for child in item.children:
        yield from _walk(child)


def with_chrome(pages: Iterable[PageSpec], nav: Iterable[NavItem]) -> tuple[PageSpec, ...]:
    """The pages, each hiding the navigation where its section would show one link or none,
    and the table of contents where its body is short (``wants_toc``); what a section already
    hides stays hidden."""
    sizes = section_sizes(nav)
    planned = []
    for page in pages:
        hide = list(page.hide)
        if sizes.get(page.src_uri, 0) < 2 and "navigation" not in hide:
            hide.append("navigation")
        if "toc" not in hide and not wants_toc(page.body):
            hide.append("toc")
        planned.append(replace(page, hide=tuple(hide)) if tuple(hide) != page.hide else page)
    return tuple(planned)
