"""Site search in the browser: lazy loading, recall on the query set, per-language results, UI."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from hall.outputs.search import SEARCH_MANIFEST, desegment, segment_html, segment_query, segment_text
from tests.support.search_eval import FRESH_SEARCHES_JS, Truth, indexed_urls, load_queries, page_texts
from tests.support.static_server import QuietHandler, serve
from tests.conftest import search_site

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.browser

SEARCH_FILES = re.compile(r"/pagefind/|search_index|/workers/search")


def _open(page, url: str):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url, wait_until="networkidle")
    return requests


def _search(page, query: str):
    page.locator("#hall-search-input").click()
    page.locator("#hall-search-input").fill(query)
    page.locator("#hall-search-results .md-search-result__item").first.wait_for(timeout=15000)
    return page.locator("#hall-search-results a.md-search-result__link")


@pytest.mark.parametrize("path", ["", "exhibits/history/ming-mosque/", "en/"])
def test_page_load_fetches_no_search_index(page, site_url, path):
    requests = _open(page, site_url + path)
    assert not [r for r in requests if SEARCH_FILES.search(r)]
    assert page.locator("#hall-search-input").get_attribute("aria-label")


def test_opening_search_loads_the_index_of_this_language_only(page, site_url):
    requests = _open(page, site_url + "en/")
    links = _search(page, "mosque")
    searched = [r for r in requests if "/pagefind/" in r]
    assert searched and all(r.startswith(site_url + "en/pagefind/") for r in searched)
    assert all(h.startswith("/en/") for h in links.evaluate_all("els => els.map(e => e.getAttribute('href'))"))
    # search fetches nothing from another origin (offline kiosks on 127.0.0.1)
    assert not [r for r in requests if not r.startswith(site_url) and re.search(r"pagefind|search|\.wasm", r)]


def _results(page, site_url: str, root: str, queries: list[str], site: Path) -> list[set[str]]:
    page.goto(site_url + root + "404.html")
    ids = page.evaluate(FRESH_SEARCHES_JS, ["/" + root, queries, True])
    return [set(urls) for urls in ids]


@pytest.mark.parametrize("language,root", [("zh", ""), ("en", "en/")])
def test_query_set_finds_every_page_that_holds_the_query(page, site_url, site, language, root):
    queries = [str(q["q"]) for q in load_queries() if q["lang"] == language]
    truth = Truth(page_texts(site / root, indexed_urls(site / root)), language)
    found = _results(page, site_url, root, queries, site)
    misses = {}
    for query, results in zip(queries, found):
        expected = {"/" + root.rstrip("/") + url if root else url for url in truth.pages(query)}
        assert expected, f"{query!r} holds on no page: the query set needs updating"
        if expected - results:
            misses[query] = sorted(expected - results)
    assert not misses
    if language == "zh":
        # A two-character query is one indexed bigram: exactly its pages. Extra pages mean
        # Pagefind split the query again (固原 → 固 原, see hall-pagefind.js openPagefind).
        extra = {q: sorted(r - truth.pages(q)) for q, r in zip(queries, found)
                 if len(q) == 2 and all("\u4e00" <= c <= "\u9fff" for c in q) and r - truth.pages(q)}
        assert not extra
    # Chinese pages search Chinese only, English pages English only.
    everything = set().union(*found)
    assert all(url.startswith("/en/") == (language == "en") for url in everything)


def test_pagefind_starts_with_no_language_of_its_own_and_the_page_keeps_its_own(page, site_url, site):
    """Pagefind is told a language tag the browser rejects, so that it runs the query
    through no Intl.Segmenter (which split 固原 again, and takes 15–40 ms to start); it
    then opens the bundle's only index, and searching still works."""
    page.goto(site_url + "404.html")
    state = page.evaluate("""async () => {
      const { segmentQuery } = await import("/assets/hall-segment.js");
      const { openPagefind, searchIndex, PAGEFIND_LANGUAGE } = await import("/assets/hall-pagefind.js");
      const before = document.documentElement.lang;
      let rejected = false;
      try { Intl.getCanonicalLocales(PAGEFIND_LANGUAGE); } catch (e) { rejected = e instanceof RangeError; }
      const pagefind = await openPagefind("/pagefind/pagefind.js", { baseUrl: "/" });
      const after = document.documentElement.lang;
      const search = await searchIndex(pagefind, location.origin + "/pagefind/pagefind.js", segmentQuery("固原"));
      return { before, after, rejected, found: search.results.length };
    }""")
    assert state["before"] == state["after"] == "zh-CN"
    assert state["rejected"]
    expected = Truth(page_texts(site, indexed_urls(site)), "zh").pages("固原")
    assert expected and state["found"] == len(expected)


def test_browser_segmentation_matches_python(page, site_url):
    texts = [str(q["q"]) for q in load_queries()] + ["民族团结 mosques", "𠀀𠀁x", "　清真寺　", "A–B 1373年",
                                                    "民族团结进步示范", ' "民族团结进步示范" ', '"unity"', "𠀀𠀁𠀂"]
    indexed = [re.sub(r"\s+", " ", segment_text(t)).strip()
               for t in ["古建筑清真寺始建于明洪武六年（1373年）。", "民族团结进步示范社区：庙川社区", "X县 Long March 长征"]]
    blocks = segment_html("<h2>历史印记</h2><p>本展区。</p><dl><dt>时间：1373年</dt><dd>年代</dd></dl><p>Long March</p>")
    indexed.append(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", blocks)).strip())
    page.goto(site_url + "404.html")
    result = page.evaluate(
        """async ([q, d]) => {
          const m = await import("/assets/hall-segment.js");
          return { q: q.map(m.segmentQuery), d: d.map(m.desegmentText) };
        }""", [texts, indexed])
    assert result["q"] == [segment_query(t) for t in texts]
    assert result["d"] == [desegment(t) for t in indexed]


def test_results_show_title_section_excerpt_and_land_on_the_heading(page, site_url):
    page.goto(site_url)
    links = _search(page, "民族团结")
    first = page.locator("#hall-search-results .md-search-result__item").first
    assert first.locator("h1").inner_text()
    assert first.locator(".hall-search__section").inner_text()
    # the excerpt reads as written (no bigram spaces) and marks the query
    marks = page.locator("#hall-search-results .hall-search__excerpt mark").all_inner_texts()
    assert "民族团结" in marks
    excerpt = page.locator("#hall-search-results .hall-search__excerpt").first.inner_text()
    assert "族团 团结" not in excerpt
    # a result inside a section lands on its heading
    hrefs = links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    with_anchor = next(h for h in hrefs if "#" in h)
    page.goto(site_url.rstrip("/") + with_anchor)
    anchor = unquote(with_anchor.split("#", 1)[1])
    assert page.locator(f"[id='{anchor}']").count() == 1


def test_results_can_be_narrowed_by_kind(page, site_url):
    page.goto(site_url)
    _search(page, "民族团结")
    page.locator(".hall-search__kind[data-kind='news']").click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('#hall-search-results .hall-search__section')]"
        ".every(e => e.textContent.startsWith('活动动态'))")
    sections = page.locator("#hall-search-results .hall-search__section").all_inner_texts()
    assert sections and all(s.startswith("活动动态") for s in sections)
    chip = page.locator(".hall-search__kind[data-kind='news']")
    assert chip.get_attribute("aria-pressed") == "true"
    # the filters say what the tabs say
    assert chip.inner_text() == page.locator(".md-tabs__link", has_text="活动动态").first.inner_text()


def test_search_by_keyboard_only(page, site_url):
    errors: list = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(site_url + "en/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "hall-search-input"
    page.keyboard.type("performances")
    page.locator("#hall-search-results .md-search-result__item").first.wait_for(timeout=15000)
    status = page.locator("#hall-search-status")
    assert status.get_attribute("role") == "status" and re.search(r"\d|one", status.inner_text())
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    page.keyboard.press("/")
    assert page.locator("#__search").is_checked()
    page.keyboard.press("ArrowDown")
    href = page.evaluate("document.activeElement.getAttribute('href')")
    assert href and href.startswith("/en/")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(site_url.rstrip("/") + href.split("#")[0])))
    assert "perform" in page.locator("article").first.inner_text().lower()
    assert not errors


def test_pinyin_being_composed_is_not_searched(page, site_url):
    """A Chinese input method shows pinyin in the box until a character is chosen: only the
    characters are searched (no 'nothing found' flashing for 'qingzhensi')."""
    _open(page, site_url)
    page.locator("#hall-search-input").click()
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.imeSetComposition", {"text": "qingzhensi", "selectionStart": 10, "selectionEnd": 10})
    page.wait_for_timeout(800)  # time enough for Pagefind to start and a search to answer
    assert page.locator("#hall-search-input").input_value() == "qingzhensi"
    assert not page.evaluate("performance.getEntriesByName('hall-search:searched').length")
    cdp.send("Input.insertText", {"text": "清真寺"})  # the input method commits the characters
    page.locator("#hall-search-results .md-search-result__item").first.wait_for(timeout=15000)
    assert page.locator("#hall-search-input").input_value() == "清真寺"
    titles = page.locator("#hall-search-results .md-search-result__article h1").all_inner_texts()
    assert any("清真寺" in title for title in titles)


def test_pressing_the_search_button_starts_pagefind_before_the_box_opens(page, site_url):
    requests = _open(page, site_url)
    page.locator('label[for="__search"].md-header__button').dispatch_event("pointerdown")
    page.wait_for_function("() => performance.getEntriesByName('hall-search:open').length > 0")
    page.wait_for_timeout(300)
    assert [r for r in requests if r.endswith("/pagefind/pagefind.js")]


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}], ids=["desktop", "phone"])
def test_search_opens_without_animation(browser, site_url, viewport):
    """Material fades and widens its search box as it opens; those frames competed with
    Pagefind's start-up (75 ms of the time to first results at 1000 exhibits)."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(site_url, wait_until="load")
    box = page.locator("#hall-search-input")
    if viewport["width"] >= 1220:  # desktop: the box is in the header (Material's 76.25em)
        box.click()
    else:  # phone: the search button opens it
        page.locator('label[for="__search"].md-header__button').first.click()
    box.fill("清真寺")
    running = page.evaluate("""() => document.getAnimations()
      .filter((a) => a.effect && a.effect.target && a.effect.target.closest && a.effect.target.closest(".md-search"))
      .map((a) => `${a.effect.target.className} ${a.transitionProperty || a.animationName}`)""")
    assert page.locator(".md-search__inner").is_visible()
    context.close()
    assert running == []


def _search_on_a_phone(phone, site_url: str, query: str) -> None:
    """Open search from the header of the home page and type ``query``, until results show."""
    phone.goto(site_url, wait_until="networkidle")
    phone.locator('label[for="__search"].md-header__button').first.click()
    phone.locator("#hall-search-input").fill(query)
    phone.locator("#hall-search-results .md-search-result__item").first.wait_for()


def test_result_filters_are_finger_sized_on_phones(phone, site_url):
    """The kind filters (全部 展品 新闻 …) and "more results" were 27 px tall on a phone."""
    _search_on_a_phone(phone, site_url, "民族")
    phone.locator(".hall-search__kind").first.wait_for()
    sizes = phone.eval_on_selector_all(
        ".hall-search__kind, .hall-search__more:not([hidden])",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [e.innerText, r.width, r.height]; })")
    assert len(sizes) >= 3 and all(w >= 44 and h >= 44 for _, w, h in sizes), sizes


def test_open_search_fits_a_phone_screen(phone, site_url):
    """Material's scaled circle made the page 1262 px wide while search was open: phones
    widened their layout and results ran off the screen (hall-search.css)."""
    _search_on_a_phone(phone, site_url, "清真寺")
    widths = phone.evaluate("""() => ({ layout: innerWidth, content: document.documentElement.scrollWidth,
      results: document.querySelector('.md-search-result').getBoundingClientRect().right })""")
    phone.locator(".md-search__options button[type=reset], label.md-search__icon[for=__search]").first.click()
    phone.keyboard.press("Escape")
    header_options = phone.locator(".md-header__option").first.is_visible()
    assert widths == {"layout": 390, "content": 390, "results": 390}, widths
    assert header_options  # shown again once search is closed


@pytest.fixture(scope="module")
def many_chunks(tmp_path_factory):
    """A site of 150 pages of random Han text: its index has many chunks, and a
    character's bigrams spread over several of them (as in large halls)."""
    rng = random.Random(3)
    alphabet = [chr(0x4E00 + i) for i in range(0, 3000, 12)]  # 250 characters
    texts = {f"/p{n}/": "".join(rng.choice(alphabet) for _ in range(1500)) for n in range(150)}
    site = search_site(tmp_path_factory.mktemp("many-chunks") / "site",
                       {f"p{n}": (f"页{n}", f"<h1>页{n} page {n}</h1><p>{texts[f'/p{n}/']}</p>") for n in range(150)})
    manifest = json.loads((site / "pagefind" / SEARCH_MANIFEST).read_text(encoding="utf-8"))
    assert len(list((site / "pagefind/index").iterdir())) > 10 and _spreading(manifest)  # the case this is about
    return site, texts, manifest


def _spreading(manifest: dict) -> list[str]:
    """Characters whose bigrams run on past a chunk boundary (one starts with them)."""
    return sorted({word[0] for chunk in manifest["chunks"] for word in chunk[:2]
                   if len(word) > 1 and "\u4e00" <= word[0] <= "\u9fff"})


def test_one_character_queries_find_every_page_when_the_index_has_many_chunks(page, many_chunks):
    """The manifest's chunk boundaries (hall/outputs/search/ write_search_manifest) make a
    one-character search load every chunk its bigrams are in (hall-pagefind.js prefixWords)."""
    site, texts, manifest = many_chunks
    queries = _spreading(manifest)[:12]
    server, url = serve(site)
    try:
        page.goto(url + "p0/")
        found = page.evaluate(FRESH_SEARCHES_JS, ["/", queries, True])
        plain = page.evaluate("""async (queries) => {
          const { openPagefind } = await import("/assets/hall-pagefind.js");
          const out = [];
          for (const q of queries) {
            const pagefind = await openPagefind("/pagefind/pagefind.js", { baseUrl: "/" });
            out.push((await pagefind.search(q)).results.length);
            await pagefind.destroy();
          }
          return out;
        }""", queries)
    finally:
        server.shutdown()
    for query, urls in zip(queries, found):
        assert set(urls) == {u for u, t in texts.items() if query in t}, query
    # Without the table Pagefind misses pages (if this starts failing, Pagefind loads every
    # chunk of a prefix itself and the table can go).
    assert any(n < len(found[i]) for i, n in enumerate(plain))


class _CountingHandler(QuietHandler):
    """Records every path asked for and the status answered (before answering, so a
    page's await sees it); sends ``cache_control`` if set."""

    asked: list[str] = []
    answered: list[tuple[str, int]] = []
    cache_control: str | None = None

    def send_response(self, code, message=None):
        type(self).answered.append((self.path.split("?")[0], code))
        super().send_response(code, message)

    def end_headers(self):
        if self.cache_control:
            self.send_header("Cache-Control", self.cache_control)
        super().end_headers()

    def do_GET(self):
        type(self).asked.append(self.path.split("?")[0])
        return super().do_GET()


def _counting_server(folder: Path, cache_control: str | None = None):
    handler = type("Counting", (_CountingHandler,), {"asked": [], "answered": [], "cache_control": cache_control})
    server, url = serve(folder, handler)
    return server, handler, url


def test_the_browser_names_the_index_chunks_pagefind_will_load(page, many_chunks):
    """hall-pagefind.js chunksFor() predicts the chunks Pagefind asks for, so it can fetch
    them while Pagefind starts: query by query, exactly those (no bytes fetched twice or
    for nothing)."""
    site, texts, manifest = many_chunks
    rng = random.Random(5)
    text = texts["/p7/"]
    queries = ([text[i:i + n] for n in (2, 3, 4, 6) for i in rng.sample(range(len(text) - 6), 4)]
               + _spreading(manifest)[:4] + ["页12", "page", "pages 12", "丁一", "zzz"])
    server, handler, url = _counting_server(site, "no-store")  # every query asks anew
    try:
        page.goto(url + "p0/")
        for query in queries:
            predicted = page.evaluate("""async (q) => {
              const { segmentQuery } = await import("/assets/hall-segment.js");
              const { chunksFor, searchManifest } = await import("/assets/hall-pagefind.js");
              return chunksFor(await searchManifest(location.origin + "/pagefind/pagefind.js"), segmentQuery(q));
            }""", query)
            handler.asked.clear()
            page.evaluate("""async (q) => {
              const { segmentQuery } = await import("/assets/hall-segment.js");
              const { openPagefind } = await import("/assets/hall-pagefind.js");
              const pagefind = await openPagefind("/pagefind/pagefind.js", { baseUrl: "/" });
              await pagefind.search(segmentQuery(q));
              await pagefind.destroy();
            }""", query)
            loaded = sorted({p.rsplit("/", 1)[1].removesuffix(".pf_index") for p in handler.asked if p.endswith(".pf_index")})
            assert predicted == loaded, query
    finally:
        server.shutdown()


@pytest.mark.parametrize("cache_control", ["max-age=600", None])
def test_search_opening_fetches_pagefinds_start_up_files_at_once_and_none_twice(page, site, cache_control):
    """Opening search fetches the manifest's files together (on a phone each is a round
    trip apart when Pagefind asks for them one by one) and Pagefind takes them from the
    HTTP cache. With caching headers (README, serving the site) the server sees each file
    once; without (and files written seconds ago), Pagefind may ask again, but no file is
    sent twice (304 Not Modified)."""
    server, handler, url = _counting_server(site, cache_control)
    try:
        page.goto(url)
        assert not [p for p in handler.asked if "/pagefind/" in p]  # nothing before search opens
        _search(page, "清真寺")
        page.wait_for_timeout(300)  # the kind filters' chunk, after the first results
        asked = [p for p in handler.asked if "/pagefind/" in p]
        sent = [p for p, code in handler.answered if "/pagefind/" in p and code == 200]
    finally:
        server.shutdown()
    manifest = json.loads((site / "pagefind" / SEARCH_MANIFEST).read_text(encoding="utf-8"))
    for file in manifest["preload"]:
        assert "/pagefind/" + file.split("?")[0] in asked, file
    assert sorted({p for p in sent if sent.count(p) > 1}) == []
    if cache_control:
        assert sorted({p for p in asked if asked.count(p) > 1}) == []


def test_search_fetches_pagefinds_start_up_files_and_the_querys_chunks_without_waiting_for_pagefind(
        page, site_url, site):
    """With Pagefind's worker held back (Pagefind never gets to ask for a file itself),
    opening search and typing still fetch what Pagefind would have asked for one after
    another: its worker, entry, metadata and WASM, and the index chunk of the query."""
    held = []
    page.route("**/pagefind/pagefind-worker.js", lambda route: held.append(route))
    asked: set[str] = set()
    page.on("request", lambda request: asked.add(request.url.split("?")[0].removeprefix(site_url.rstrip("/"))))
    page.goto(site_url)
    page.locator("#hall-search-input").click()
    page.locator("#hall-search-input").fill("清真寺")
    manifest = json.loads((site / "pagefind" / SEARCH_MANIFEST).read_text(encoding="utf-8"))
    terms = [t.encode() for t in segment_query("清真寺").split()]
    chunks = {hash_ for from_, to, hash_ in manifest["chunks"]
              if any(from_.encode() <= t <= to.encode() for t in terms)}
    expected = {"/pagefind/" + f.split("?")[0] for f in manifest["preload"]} | {
        f"/pagefind/index/{h}.pf_index" for h in chunks}
    assert chunks
    for _ in range(60):  # 3 s: Pagefind falls back to running without its worker after 5
        if expected <= asked:
            break
        page.wait_for_timeout(50)
    assert held and expected <= asked, sorted(expected - asked)


def test_an_excerpt_that_cuts_into_a_paragraph_says_so(page, site_url):
    """Pagefind's excerpt is a window of the indexed words: 党史和… could show as
    史和民族团结…. A side that cuts into a block of the page gets "…"."""
    page.goto(site_url + "404.html")
    content = "¶ 党史 史和 和民 民族 族团 团结 结 。 ¶ 下一 一段 段"
    cuts = page.evaluate("""async ([content, excerpts]) => {
      const { excerptCut } = await import("/assets/hall-search.js");
      return excerpts.map((e) => excerptCut(e, content));
    }""", [content, ["史和 和民 民族", "党史 史和", "团结 结 。", "¶ 下一 一段 段", content, "不在 在页", ""]])
    assert cuts == [[True, True], [False, True], [True, False], [False, False], [False, False],
                    [False, False], [False, False]]
    _search(page, "宣讲")
    excerpts = page.locator("#hall-search-results .hall-search__excerpt").all_inner_texts()
    assert any(e.startswith("…") or e.endswith("…") for e in excerpts), excerpts


def test_an_excerpt_does_not_repeat_the_title_shown_above_it(page, site_url):
    """A window at the top of a page starts with the page's title, or its end, which the
    result shows just above: that first block is left out, if more text follows."""
    page.goto(site_url + "404.html")
    cases = [
        ("¶ 历史 史印 印记 记 ¶ 民族 族团 团结 结", "历史印记"),
        ("建筑 筑清 清真 真寺 寺 ¶ 时间 间 ： 1373 年", "古建筑清真寺"),
        ("历史 史印 印记 记", "历史印记"),  # nothing follows: kept
        ("民族 族团 团结 结 ¶ 下一", "历史印记"),  # not the title: kept
        ("印记 记 本展 展区", "历史印记"),  # no block ends: kept
        ("¶ 历史 史印 印记 记 ¶ 民族", ""),
    ]
    left = page.evaluate("""async (cases) => {
      const { titleLead } = await import("/assets/hall-search.js");
      return cases.map(([e, t]) => [...e].slice(titleLead(e, t)).join(""));
    }""", cases)
    assert left == [" 民族 族团 团结 结", " 时间 间 ： 1373 年"] + [e for e, _ in cases[2:]]
    _search(page, "历史印记")
    items = page.locator("#hall-search-results .md-search-result__item")
    shown = [(item.locator("h1").inner_text(), item.locator(".hall-search__excerpt").inner_text())
             for item in items.all()]
    assert shown and not [(t, e) for t, e in shown if e.startswith(t)]
