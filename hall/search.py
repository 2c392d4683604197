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
The same query segmentation runs in the browser (theme/assets/hall-search.js);
tests check that both give the same terms. The browser must keep Pagefind from
splitting the query again (hall-search.js ``openPagefind``).
"""

from __future__ import annotations

import hashlib
import html as htmllib
import json
import operator
import re
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

# Han ideographs (URO, extension A, compatibility, extensions B+). Kept in step with the JS.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN_RUN = re.compile(f"[{HAN}]+")
_SPACE = re.compile(r"\s+")

# Markup kept as it is: comments, elements whose text is never page text, and tags
# (attributes hold heading ids, which search results link to); then a run of Han text.
_MARKUP_OR_HAN = re.compile(
    r"(<!--.*?-->"
    r"|<(?P<skip>script|style|template|noscript|svg)\b[^>]*(?<!/)>.*?</(?P=skip)\s*>"
    r"|<[^>]*>)"
    f"|([{HAN}]+)",
    re.S | re.I,
)

# Parts of a page that repeat other pages (route, related cards, breadcrumbs, TOC):
# indexing them would list a page for its neighbour's title. Controls are no text
# either: the read-aloud buttons (朗读本页, on every exhibit), download links and a
# timeline event's link to itself ("#", which showed in excerpts).
EXCLUDE_SELECTORS = (
    ".hall-breadcrumb", ".hall-route", ".hall-section", ".hall-cards", ".md-source-file",
    ".hall-notice", ".headerlink", ".hall-event__anchor", ".hall-read-aloud", ".hall-figure__download",
    "[data-search-exclude]",
)


def index_tokens(run: str) -> list[str]:
    """Tokens indexed for one run of Han characters: its bigrams, then its last character."""
    if len(run) == 1:
        return [run]
    return [*map(operator.add, run[:-1], run[1:]), run[-1]]


def query_tokens(run: str) -> list[str]:
    """Terms searched for one run of Han characters: the character itself, or bigrams that
    cover the run, every other one and the last (民族团结进步 → 民族 团结 进步).

    Any page holding the run holds all its bigrams, so a cover finds every such page; it
    asks Pagefind for half the terms of all bigrams (fewer index chunks to fetch, less
    to score), at the price of pages where the pieces are apart.
    """
    if len(run) == 1:
        return [run]
    starts = list(range(0, len(run) - 1, 2))
    if starts[-1] != len(run) - 2:
        starts.append(len(run) - 2)
    return [run[i:i + 2] for i in starts]


def segment_text(text: str) -> str:
    """The text as indexed: each Han run replaced by its index tokens, spaced."""
    return _HAN_RUN.sub(_spaced_tokens, text)


def _spaced_tokens(match: re.Match) -> str:
    return _spaced(match.group())


def _spaced(run: str) -> str:
    return " " + " ".join(index_tokens(run)) + " "


#: The longest Han run searched as a phrase (``segment_query``). Each of its bigrams may
#: need an index chunk of its own (up to 40 KB at 1000 exhibits, beside 127 KB of
#: Pagefind's start-up files and the first ten results): four keep a query under the
#: 300 KB budget; five reached 307 KB for the costliest six-character run of the
#: 1000-exhibit hall. Longer runs are searched by their cover (``query_tokens``).
PHRASE_MAX = 5
_QUOTED = re.compile(r'\s*"(.*)"\s*', re.S)


def segment_query(query: str) -> str:
    """The query as searched: Han runs as bigrams, everything else unchanged.

    A query that is one run of 2 to ``PHRASE_MAX`` characters is searched as a phrase:
    all its bigrams, quoted, which Pagefind finds only at consecutive places
    (民族团结 → ``"民族 族团 团结"``, 民族 → ``"民族"``). It finds exactly the pages
    holding the run, where the cover's bigrams may lie apart (社区服务 matched
    社区…服务); and Pagefind returns one place per page, not every place of every
    bigram, which made the broadest queries slow (民族团结 on 1502 of 1508 pages: 40 356
    places, 0.11 s more to the first results). Pagefind does not rank a phrase's pages:
    the browser does (hall-search.js ``rankPhrase``). A run the visitor puts in quotes
    is a phrase at any length.
    """
    quoted = _QUOTED.fullmatch(query)  # the visitor asks for a phrase
    run = (quoted.group(1) if quoted else query).strip()
    if _HAN_RUN.fullmatch(run) and len(run) >= 2 and (quoted or len(run) <= PHRASE_MAX):
        return '"' + " ".join(index_tokens(run)[:-1]) + '"'
    spaced = _HAN_RUN.sub(lambda m: " " + " ".join(query_tokens(m.group())) + " ", query)
    return _SPACE.sub(" ", spaced).strip()


#: Written before each block of text (paragraph, heading, list item, table cell…), a
#: word Pagefind keeps in its excerpts but finds no letters in to index. Pagefind joins
#: blocks with a space, as ``segment_text`` spaces every Han run, so without it a
#: heading ran into its paragraph in an excerpt (历史印记本展区介绍…); ``desegment``
#: turns it into one space.
BLOCK_MARK = "¶"
_CLOSING_PUNCTUATION = tuple("。！？；：，、）》」』】")  # no space is needed after these
_BLOCK_TAG = re.compile(r"<(?:p|li|dt|dd|td|th|h[1-6]|figcaption|blockquote|caption|div)\b", re.I)
_RUN_BREAK = re.compile(r"</?(?:p|li|dt|dd|td|th|h[1-6]|figcaption|blockquote|caption|div|br)\b", re.I)


def desegment(text: str) -> str:
    """Undo ``segment_text`` on (a window of) indexed text: 民族 族团 团结 结 → 民族团结.

    A run's tokens overlap by one character and end with a single character, so runs
    join back unambiguously. Spaces next to a Han run are dropped (Chinese is written
    without them), except at a ``BLOCK_MARK`` (``segment_html``), which becomes one
    space unless a full stop or the like ends the block: 时间：1373年 年代：明洪武六年,
    not 1373年年代. The browser does the same on excerpts (theme/assets/hall-search.js).
    """
    out: list[str] = []
    in_run = False  # the last token was a bigram: the run goes on
    after_han = False
    block = False  # a block boundary since the last word
    for sep, word in re.findall(r"(\s*)(\S+)", text):
        if word == BLOCK_MARK:
            block, in_run = bool(out), False
            continue
        han = len(word) <= 2 and bool(_HAN_RUN.fullmatch(word))
        if in_run and han:
            out.append(word[1:])
        else:
            space = block and not out[-1].endswith(_CLOSING_PUNCTUATION)
            out.append((" " if space else "" if (han or after_han or block) else sep) + word)
        in_run = han and len(word) == 2
        after_han = han
        block = False
    return "".join(out)


def segment_html(html: str) -> str:
    """The page with the text of every element segmented (tags, scripts and styles kept),
    and a ``BLOCK_MARK`` before each block.

    A run of Han text goes on across inline markup (民族<strong>团结</strong>): its
    bigrams cross the tag, so that a phrase query finds it (``segment_query``). A block's
    start or end, a line break, or any other text ends the run.
    """
    out: list[str] = []
    run: list[str] = []  # one Han run: its pieces, and the inline markup between them
    at = 0
    for match in _MARKUP_OR_HAN.finditer(html):
        if match.start() > at:
            out.append(_run_tokens(run) + html[at:match.start()])
            run = []
        at = match.end()
        markup = match.group(1)
        if markup is not None and _RUN_BREAK.match(markup):
            out.append(_run_tokens(run) + (f" {BLOCK_MARK} {markup}" if _BLOCK_TAG.match(markup) else markup))
            run = []
        elif markup is None or run:
            run.append(match.group())
        else:
            out.append(markup)
    out.append(_run_tokens(run) + html[at:])
    return "".join(out)


def _run_tokens(pieces: list[str]) -> str:
    """A Han run split by inline markup, each piece replaced by its share of the run's
    index tokens (one per character), the markup kept between them."""
    if not pieces:
        return ""
    tokens = index_tokens("".join(piece for piece in pieces if not piece.startswith("<")))
    out = []
    for piece in pieces:
        if piece.startswith("<"):
            out.append(piece)
        else:
            out.append(" " + " ".join(tokens[:len(piece)]) + " ")
            tokens = tokens[len(piece):]
    return "".join(out)


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


@dataclass
class IndexReport:
    pages: int = 0
    skipped: list[str] = field(default_factory=list)


def build_index(site_dir: Path, pages: Iterable[SearchPage], language: str,
                output: str = "pagefind") -> IndexReport:
    """Write a Pagefind index of ``pages`` (already built in ``site_dir``) to ``site_dir/output``.

    The prepared copies go to a scratch folder that Pagefind's command line indexes in
    one run (``_run_pagefind``).
    """
    site_dir = Path(site_dir)
    report = IndexReport()
    bundle = site_dir / output
    with tempfile.TemporaryDirectory(prefix=".hall-pagefind-", dir=site_dir.parent) as scratch:
        pages_dir = Path(scratch) / "site"
        for page in pages:
            path = site_dir / page.dest_uri
            prepared = prepare_page(path.read_text(encoding="utf-8"), page) if path.is_file() else None
            if prepared is None:
                report.skipped.append(page.dest_uri)
                continue
            target = pages_dir / page.dest_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(prepared, encoding="utf-8")
            report.pages += 1
        # Files an earlier run left empty (see _written): Pagefind does not write a
        # hashed name again.
        for path in bundle.rglob("*"):
            if path.is_file() and path.stat().st_size == 0:
                path.unlink()
        if report.pages:
            config = {
                "site": str(pages_dir),
                "output_path": str(bundle),
                "force_language": index_language(language),
                "exclude_selectors": list(EXCLUDE_SELECTORS),
            }
            (Path(scratch) / "pagefind.json").write_text(json.dumps(config), encoding="utf-8")
            _run_pagefind(Path(scratch))
            _written(bundle)
            shorten_startup_polling(bundle)
            write_search_manifest(bundle)
    _drop_unused_bundle_files(bundle)
    return report


def _run_pagefind(folder: Path) -> None:
    """Run Pagefind's command line with the ``pagefind.json`` in ``folder``.

    Its indexing service (the Python package's way, used before) spends 40% more CPU on
    the same pages: Chinese at 1000 exhibits took 6.5 s instead of 4.6 s (the service
    writes its index more slowly), and it answered "written" before its files held
    their bytes (see ``_written``).
    """
    from pagefind.service import get_executable

    executable = get_executable()
    if executable is None:
        raise RuntimeError("the Pagefind binary is not installed (pip package pagefind[bin])")
    result = subprocess.run([str(executable), "--silent"], cwd=folder, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind failed ({result.returncode}): {(result.stderr or result.stdout).strip()}")


def _written(bundle: Path, timeout: float = 60) -> None:
    """Wait until every file Pagefind wrote to ``bundle`` holds its bytes.

    Pagefind 1.5.2's indexing service answered "written" once each file was created and
    its bytes handed to a background thread (tokio, no flush); stopping it right then
    left files empty (a 0-byte pagefind.js in the English index of the 1000-exhibit
    hall). The command line is checked the same way, cheaply: each file is written in
    one piece, so when none is empty, all are done.
    """
    deadline = time.monotonic() + timeout
    while any(path.stat().st_size == 0 for path in bundle.rglob("*") if path.is_file()):
        if time.monotonic() > deadline:
            raise RuntimeError(f"Pagefind left empty files in {bundle}")
        time.sleep(0.05)


SEARCH_MANIFEST = "hall-search.json"


def write_search_manifest(bundle: Path) -> dict:
    """Write ``SEARCH_MANIFEST`` beside the index: what the browser needs to know of the
    bundle before Pagefind does (hall-search.js ``searchManifest``).

    - ``preload``: the files Pagefind's start-up fetches one after another (its worker
      script, then its entry file, then metadata and WASM). The browser fetches them all
      at once as search opens, and Pagefind then finds them in the HTTP cache: on a
      connection with 100 ms round trips the first results came 0.25 s sooner (0.35 s
      with the query's chunks, below).
    - ``tag``: a hash of the entry file, given to Pagefind as ``metaCacheTag`` so that
      the entry's address is the same for our preload and for Pagefind (by default it
      adds the time), and changes whenever the index does.
    - ``chunks``: every index chunk as [first word, last word, file], so that the
      browser fetches the chunks a query needs while Pagefind is still starting, and
      finds the further chunks a one-character query's bigrams run into (hall-search.js
      ``prefixWords``).
    """
    entry_bytes = (bundle / "pagefind-entry.json").read_bytes()
    entry = json.loads(entry_bytes)
    tag = hashlib.sha256(entry_bytes).hexdigest()[:12]
    preload = ["pagefind-worker.js", f"pagefind-entry.json?ts={tag}"]
    for language in entry.get("languages", {}).values():
        preload += [f"pagefind.{language['hash']}.pf_meta", f"wasm.{language.get('wasm') or 'unknown'}.pagefind"]
    manifest = {"tag": tag, "preload": preload, "chunks": _chunks(bundle, entry)}
    (bundle / SEARCH_MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, separators=(",", ":")),
                                          encoding="utf-8")
    return manifest


def _chunks(bundle: Path, entry: Mapping) -> list[list[str]]:
    """Every index chunk as [first word, last word (as Pagefind trims them), file hash],
    from the metadata file the entry names: gzip, a signature, then CBOR
    [version, pages, [[from, to, hash], …], …]."""
    import gzip

    import cbor2

    chunks: list[list[str]] = []
    for language in entry.get("languages", {}).values():
        path = bundle / f"pagefind.{language['hash']}.pf_meta"
        data = gzip.decompress(path.read_bytes())
        signature = b"pagefind_dcd"
        meta = cbor2.loads(data[len(signature):] if data.startswith(signature) else data)
        try:
            found = [[chunk[0], chunk[1], chunk[2]] for chunk in meta[2]]
            if not (isinstance(meta[0], str) and all(isinstance(part, str) for chunk in found for part in chunk)):
                raise TypeError
        except (TypeError, IndexError, KeyError):
            raise RuntimeError(
                f"Pagefind's index metadata ({path.name}) is not laid out as hall/search.py expects "
                "(was Pagefind upgraded?): one-character Chinese queries would miss pages."
            ) from None
        chunks += found
    return chunks


#: Pagefind 1.5 checks every 50 ms whether its own start-up has finished
#: (``PagefindInstance.getPtr``), so a search asked for while it starts (the first
#: query, typed as search opens) waits up to 50 ms, 25 on average, after Pagefind is
#: ready. Checking every 5 ms costs about 20 wake-ups once.
_STARTUP_POLL = "async getPtr(){while(this.raw_ptr===null){if(this.initError){throw this.initError;}await asyncSleep(50);}"
_STARTUP_POLL_SHORT = _STARTUP_POLL.replace("asyncSleep(50)", "asyncSleep(5)")


def shorten_startup_polling(bundle: Path) -> None:
    """Make Pagefind's scripts (its worker, and the main-thread copy it falls back to)
    check for their start-up every 5 ms instead of 50: 25 ms sooner to the first results
    on average (A/B on the 1000-exhibit hall: start-up 0.174 -> 0.148 s).

    A small patch to generated code, kept to one exact string: when a Pagefind upgrade
    changes it, the files are left as Pagefind wrote them (search works, 25 ms slower)
    and a test in tests/test_build.py says so.
    """
    for name in ("pagefind-worker.js", "pagefind.js"):
        path = bundle / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        if text.count(_STARTUP_POLL) == 1:
            path.write_text(text.replace(_STARTUP_POLL, _STARTUP_POLL_SHORT), encoding="utf-8")


# Pagefind also writes its ready-made UIs; the site uses its own (hall-search.js).
_UNUSED_BUNDLE_FILES = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")


def _drop_unused_bundle_files(bundle: Path) -> None:
    for pattern in _UNUSED_BUNDLE_FILES:
        for path in bundle.glob(pattern):
            path.unlink()


def index_language(language: str) -> str:
    """The language Pagefind is told: Chinese must not be re-segmented by Pagefind.

    For zh/ja/th Pagefind (extended) segments the indexed text again and the browser
    splits the query with Intl.Segmenter (展厅 → 展 + 厅), undoing our bigrams, so our
    pre-segmented Chinese is indexed as "und" (no segmentation, no stemming). English
    keeps its code so Pagefind stems it on both sides.
    """
    return "und" if language.split("-")[0].lower() in ("zh", "ja", "th") else language


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


def search_pages(specs: Iterable[object]) -> list[SearchPage]:
    """The pages of a site plan (``views.PageSpec``) that search lists, with kind and section."""
    pages = []
    for spec in specs:
        view: Mapping = getattr(spec, "view", None) or {}
        kind = SEARCH_KINDS.get(str(view.get("kind", "page")))
        if kind is None or not getattr(spec, "searchable", True):
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
