"""What search indexes of a built site: the pages of a plan that search lists (with kind and
section), each reduced to its segmented article for Pagefind."""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from ...pages.spec import PageSpec
from .segment import segment_html

# Parts of a page that repeat other pages (route, related cards, breadcrumbs, TOC):
# indexing them would list a page for its neighbour's title. Controls are no text
# either: the read-aloud buttons (朗读本页, on every exhibit), download links and a
# timeline event's link to itself ("#", which showed in excerpts).
EXCLUDE_SELECTORS = (
    ".hall-breadcrumb", ".hall-route", ".hall-section", ".hall-cards", ".md-source-file",
    ".hall-notice", ".headerlink", ".hall-event__anchor", ".hall-read-aloud", ".hall-figure__download",
    "[data-search-exclude]",
)



@dataclass(frozen=True)
class SearchPage:
    """One published page to index: where it is, what kind of thing it shows."""

    dest_uri: str  # e.g. "exhibits/history/ming-mosque/index.html"
    title: str
    kind: str  # exhibit | news | timeline | achievement | zone | page
    section: str = ""  # the zone or news category shown under the title


_BODY = re.compile(r'<article class="md-content__inner[^"]*"')


def prepare_page(html: str, page: SearchPage) -> str | None:
    """What Pagefind reads for ``page``: a small document of its article, segmented, with
    kind and meta added.

    The header, navigation and footer (most of a page's bytes) are left out: Pagefind
    indexes only the article anyway, and copying them made 46 MB to write and parse for
    the 1508 Chinese pages of the 1000-exhibit hall instead of 12 MB.
    Returns None when the page has no article to index.
    """
    match = _BODY.search(html)
    if not match:
        return None
    end = html.rfind("</article>")
    article = html[match.end():end if end > match.end() else len(html)]
    meta = (
        f'<div hidden>'
        f'<span data-pagefind-meta="title">{htmllib.escape(page.title)}</span>'
        f'<span data-pagefind-meta="section">{htmllib.escape(page.section)}</span>'
        f'<span data-pagefind-meta="kind">{htmllib.escape(page.kind)}</span></div>'
    )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
        + match.group() + f' data-pagefind-body data-pagefind-filter="kind:{_attr_value(page.kind)}"'
        + segment_html(article) + "</article>" + meta + "</body></html>"
    )


def _attr_value(value: str) -> str:
    return htmllib.escape(value.replace(",", " ").replace(":", " "))


# Page kinds of the core's views → the kinds a visitor can narrow results to.
# Home and list pages (news lists, archives) only repeat other pages: not indexed.
SEARCH_KINDS = {
    "exhibit": "exhibit",
    "news-item": "news",
    "timeline": "timeline",
    "achievements": "achievement",
    "zone": "page",
    "page": "page",
}


def search_pages(specs: Iterable[PageSpec]) -> list[SearchPage]:
    """The pages of a site plan that search lists, with kind and section."""
    pages = []
    for spec in specs:
        view: Mapping = spec.view or {}
        kind = SEARCH_KINDS.get(str(view.get("kind", "page")))
        if kind is None or not spec.searchable:
            continue
        pages.append(SearchPage(spec.dest_uri, spec.title, kind, _section(view)))
    return pages


def _section(view: Mapping) -> str:
    for key in ("zone", "category"):
        value = view.get(key)
        if isinstance(value, Mapping) and value.get("title"):
            return str(value["title"])
        if isinstance(value, str) and value:
            return value
    return ""
