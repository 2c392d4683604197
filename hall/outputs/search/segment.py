"""Chinese segmentation for search, pure text: the index side (bigrams and last character),
the query side (a phrase of bigrams), and its reverse for excerpts. Mirrored, term for
term, by theme/assets/hall-segment.js; tests check that both give the same terms (see the
package's docstring, ``hall/outputs/search/__init__.py``, for why it works this way)."""

from __future__ import annotations

import operator
import re

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
