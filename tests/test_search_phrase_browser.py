"""Chinese phrase search in the browser: exact pages, across inline markup, and their order."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from tests.support.static_server import serve
from tests.conftest import search_site

REPO = Path(__file__).resolve().parent.parent
PAGEFIND_JS = REPO / "theme/assets/hall-pagefind.js"

pytestmark = pytest.mark.browser

# Filler text: every 12th character from 一, which never makes 团结, 庙川 or 社区服务.
FILLER = [chr(0x4E00 + i) for i in range(0, 3000, 12)]


def _site(folder: Path, articles: dict[str, str]) -> Path:
    """A site of ``articles`` (name → article HTML; the name is also the title)."""
    return search_site(folder, {name: (name, article) for name, article in articles.items()})


#: Run in a page of such a site with ``[query, cover]``: the URLs of searchIndex()'s
#: results for segmentQuery(query), their first places, and the URLs of Pagefind's own
#: ranked search for ``cover`` (null to skip it).
SEARCH = """async ([query, cover]) => {
  const { segmentQuery } = await import("/assets/hall-segment.js");
  const { openPagefind, searchIndex } = await import("/assets/hall-pagefind.js");
  const pagefind = await openPagefind("/pagefind/pagefind.js", { baseUrl: "/" });
  const urls = async (results) => Promise.all(results.map(async (r) => (await r.data()).url));
  const search = await searchIndex(pagefind, location.origin + "/pagefind/pagefind.js", segmentQuery(query));
  const ranked = cover ? await urls((await pagefind.search(cover)).results) : null;
  return { urls: await urls(search.results), places: search.results.map((r) => r.words[0]), ranked };
}"""


def _search(page, site: Path, query: str, cover: str | None = None) -> dict:
    server, url = serve(site)
    try:
        page.goto(url)
        return page.evaluate(SEARCH, [query, cover])
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def phrases(tmp_path_factory):
    return _site(tmp_path_factory.mktemp("phrases") / "site", {
        "apart": "<p>社区开展服务</p>",
        "whole": "<p>城市社区服务中心</p>",
        "inline": '<p>各<strong>民族</strong><a href="#x"><em>团结</em></a>进步</p>',
        "blocks": "<h1>民族</h1><p>团结</p>",
        "dense": "<p>" + "".join(FILLER[:30]) + "庙川" * 5 + "</p>",
        "early": "<p>庙川" + "".join(FILLER[:300]) + "</p>",
    })


def test_a_phrase_finds_exactly_the_pages_holding_it(page, phrases):
    """社区服务 is not found where 社区 and 服务 lie apart; 民族团结 and 族团 are found across
    inline markup (strong, a, em) but not from a heading into the next paragraph."""
    assert _search(page, phrases, "社区服务")["urls"] == ["/whole/"]
    assert _search(page, phrases, "民族团结")["urls"] == ["/inline/"]
    assert _search(page, phrases, "族团")["urls"] == ["/inline/"]
    assert set(_search(page, phrases, "民族 团结")["urls"]) == {"/inline/", "/blocks/"}  # two words: both pages


def test_a_phrase_on_few_pages_keeps_pagefinds_ranking(page, phrases):
    """Up to RANKED_UP_TO pages, a phrase's pages come in the order of Pagefind's ranked
    search: five 庙川 in a short page before one at the start of a long page."""
    found = _search(page, phrases, "庙川", cover="庙川")
    assert found["urls"] == ["/dense/", "/early/"] == found["ranked"]


@pytest.fixture(scope="module")
def many_pages(tmp_path_factory):
    """One more page holding 团结 than hall-pagefind.js ranks with Pagefind's ranked search,
    at random places; one of them names it in its title."""
    limit = int(re.search(r"const RANKED_UP_TO = (\d+);", PAGEFIND_JS.read_text(encoding="utf-8")).group(1))
    rng = random.Random(11)
    pages = {}
    for n in range(limit + 1):
        before, after = ("".join(rng.choice(FILLER) for _ in range(rng.randint(1, 200))) for _ in range(2))
        pages[f"p{n:03d}"] = f"<h1>页{n}</h1><p>{before}团结{after}{'团结' * rng.randint(0, 4)}</p>"
    pages["p150"] = "<h1>团结</h1><p>" + "".join(FILLER[:200]) + "</p>"
    return _site(tmp_path_factory.mktemp("many") / "site", pages)


def test_a_phrase_on_many_pages_lists_the_earliest_mention_first(page, many_pages):
    """Beyond RANKED_UP_TO pages (where Pagefind's ranked search returns every place of
    every page and its scores say little), the pages that name the phrase earliest come
    first, the one naming it in its title first of all."""
    found = _search(page, many_pages, "团结")
    assert len(found["urls"]) == len(list(many_pages.glob("p*/index.html")))
    assert found["urls"][0] == "/p150/"
    assert found["places"] == sorted(found["places"])
