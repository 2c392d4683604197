"""Ground truth for the search query set, from the text of the built pages.

Shared by the search benchmark (scripts/bench/search_quality.py) and the tests. Independent of
the engine: the page text is read from the published HTML with Python's HTML parser
(the article, without the parts search leaves out: route, related cards, breadcrumb),
and a query's true pages are those whose text holds it:

* a piece of the query with Chinese in it: the page text (spaces removed) contains it,
  also inside longer words;
* a Latin word or number: the page has a word with the same English stem (Snowball,
  as Pagefind stems English) on the English site, the same word on the Chinese site.

A query of several pieces needs all of them (search engines AND their terms).
"""

from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable

import yaml

from hall.outputs.search import EXCLUDE_SELECTORS

REPO = Path(__file__).resolve().parents[2]
QUERIES = REPO / "tests" / "search_queries.yml"

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
WORD = re.compile(r"[0-9A-Za-z]+")
# Classes of the parts of a page that search does not index: the same list as the index's
# (the attribute [data-search-exclude] is handled below).
EXCLUDED_CLASSES = {selector[1:] for selector in EXCLUDE_SELECTORS if selector.startswith(".")}
SKIPPED_TAGS = {"script", "style", "template", "noscript", "svg"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


#: Run in a page of the built site with ``[root, queries, urls]``: each query as the search
#: box segments it, by a fresh Pagefind (index chunks one query loaded must not help the
#: next); per query the result ids, or their URLs when ``urls`` (a fragment fetch each).
FRESH_SEARCHES_JS = """async ([root, queries, urls]) => {
  const { segmentQuery } = await import(root + "assets/hall-segment.js");
  const { openPagefind, searchIndex } = await import(root + "assets/hall-pagefind.js");
  const bundle = new URL(root + "pagefind/pagefind.js", location.href).href;
  const out = [];
  for (const q of queries) {
    const pagefind = await openPagefind(bundle, { baseUrl: root });
    const search = await searchIndex(pagefind, bundle, segmentQuery(q));
    out.push(urls ? await Promise.all(search.results.map(async (r) => (await r.data()).url))
                  : search.results.map((r) => r.id));
    await pagefind.destroy();
  }
  return out;
}"""


def load_queries(path: Path = QUERIES) -> list[dict]:
    """The query set: ``[{"q": ..., "lang": "zh"|"en", "why": ...}, ...]``."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


class _ArticleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, in_article, skipped)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        in_article, skipped = self.stack[-1][1:] if self.stack else (False, False)
        if tag == "article" and "md-content__inner" in classes:
            in_article = True
        if tag in SKIPPED_TAGS or classes & EXCLUDED_CLASSES or "data-search-exclude" in attrs:
            skipped = True
        self.stack.append((tag, in_article, skipped))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        if self.stack and self.stack[-1][1] and not self.stack[-1][2]:
            self.parts.append(data)


def article_text(html: str) -> str:
    parser = _ArticleText()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts)).strip()


def indexed_urls(language_root: Path) -> list[str]:
    """URLs (relative to the language root, e.g. ``/exhibits/x/``) of the pages Pagefind indexed."""
    urls = []
    for fragment in sorted((language_root / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        urls.append(json.loads(data[data.index(b"{"):])["url"])
    return urls


def page_texts(language_root: Path, urls: Iterable[str]) -> dict[str, str]:
    texts = {}
    for url in urls:
        path = language_root / url.strip("/") / "index.html" if url.strip("/") else language_root / "index.html"
        texts[url] = article_text(path.read_text(encoding="utf-8"))
    return texts


class Truth:
    """Which pages of one language's site hold a query."""

    def __init__(self, texts: dict[str, str], language: str):
        import snowballstemmer

        self.language = language
        self.stem = snowballstemmer.stemmer("english").stemWord if language == "en" else (lambda w: w)
        self.compact = {url: re.sub(r"\s+", "", text).lower() for url, text in texts.items()}
        self.words = {url: {self.stem(w.lower()) for w in WORD.findall(text)} for url, text in texts.items()}

    def pages(self, query: str) -> set[str]:
        found = set(self.compact)
        for piece in query.split():
            if HAN.search(piece):
                needle = piece.lower()
                found &= {url for url, text in self.compact.items() if needle in text}
            else:
                for word in WORD.findall(piece):
                    stem = self.stem(word.lower())
                    found &= {url for url, words in self.words.items() if stem in words}
        return found
