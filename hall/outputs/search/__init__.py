"""Site search: our own Chinese segmentation, so that the index and the query agree.

Pagefind (a static search engine that loads its index in small chunks on demand)
indexes each language's built pages. Chinese has no spaces between words and the
browser cannot run jieba, so both sides split Chinese the same, simple way:

* index side: every run of Han characters becomes its overlapping character bigrams
  followed by its last character (民族团结 → ``民族 族团 团结 结``), so every character
  starts some token and any two characters in a row are one token;
* query side: a query of one run of two to five characters is the phrase of its bigrams
  (found at consecutive places: exactly the pages holding the run); a longer run, or a
  run among other words, becomes bigrams that cover it (all required); a single
  character stays itself, a prefix of the bigrams it starts (see
  ``write_search_manifest`` for the index chunks such a query needs).

A query therefore finds every page whose text contains it, also inside longer words
(民族 finds 民族团结, 团结 finds 民族团结进步), across jieba's word boundaries and across
inline markup (民族<strong>团结</strong>); place names from the hall's dictionary
(庙川, 北环路, 站院巷) are found whole. Latin text is
left to Pagefind, which lower-cases and stems English on both sides (performances →
perform). The indexed text is reversible (``desegment``), so excerpts read as written.

Only the copy handed to Pagefind is segmented; the published HTML stays as built.
The same query segmentation runs in the browser (theme/assets/hall-segment.js);
tests check that both give the same terms. The browser must keep Pagefind from
splitting the query again (hall-pagefind.js ``openPagefind``).

Modules: ``segment`` (the pure text algorithm), ``pages`` (what is indexed), ``pagefind``
(running Pagefind and what we add to its bundle).
"""

from .pagefind import (
    SEARCH_MANIFEST,
    IndexReport,
    build_index,
    index_language,
    run_pagefind,
    write_search_manifest,
)
from .pages import (
    EXCLUDE_SELECTORS,
    SEARCH_KINDS,
    SearchPage,
    prepare_page,
    search_pages,
)
from .segment import (
    BLOCK_MARK,
    HAN,
    PHRASE_MAX,
    desegment,
    index_tokens,
    query_tokens,
    segment_html,
    segment_query,
    segment_text,
)

__all__ = [
    "BLOCK_MARK", "EXCLUDE_SELECTORS", "HAN", "PHRASE_MAX", "SEARCH_KINDS", "SEARCH_MANIFEST", "IndexReport",
    "SearchPage", "build_index", "desegment", "index_language", "index_tokens", "prepare_page", "query_tokens",
    "run_pagefind", "search_pages", "segment_html", "segment_query", "segment_text", "write_search_manifest",
]
