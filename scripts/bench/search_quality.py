"""Search benchmark: Material's lunr search against ours (Pagefind + our segmentation).

Builds each hall twice (our search; Material's search plugin with jieba instead) and
measures, per language, in headless Chromium on 127.0.0.1:

* recall: share of the query set (tests/search_queries.yml) for which every page that
  holds the query (tests/support/search_eval.py, from the page text) is among the results;
* page-load search bytes: search files a page fetches before the visitor does anything;
* first-query bytes: search files fetched from opening search to the first results;
  bytes as a static server sends them (gzip -6, or the file as is if that is smaller:
  Pagefind's files are already compressed);
* page open → first results: from navigation start until the first result shows, the
  query typed by a script in the page as soon as the load event has run (median of 7,
  cold cache); for ours also split into Pagefind's start-up, its search, and showing;
* Pagefind alone, stock and ours, in turn in one browser (``--no-stock`` leaves it out):
  stock Pagefind's recall on its own index of the same pages, and page open → first
  result for each engine with no search box (a script imports Pagefind at the load
  event), so that what our segmentation costs is a ratio measured in one run on this
  noisy machine.

Halls: the sample hall, and a synthetic hall of 1000 exhibits + 500 news items per
language (scripts/bench/synthetic_hall.py). Run from the repository root::

    .venv/bin/python scripts/bench/search_quality.py [--exhibits 1000 --news 500] [--out docs/benchmarks/search.md]
        [--work /tmp/bench-search [--reuse-lunr]]

A first full run takes about 30 minutes on a shared 2-core machine (generating the
synthetic hall's photos is much of it; with ``--work`` they are kept for the next run,
and ``--reuse-lunr`` also keeps lunr's site: such a run took 16 minutes).
`--no-synthetic` takes about 3 minutes.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repository: hall, tests.support
from tests.support.search_eval import FRESH_SEARCHES_JS, REPO, Truth, indexed_urls, load_queries, page_texts  # noqa: E402
from tests.support.static_server import serve  # noqa: E402

CHROMIUM = os.environ.get("HALL_CHROMIUM", "/usr/bin/chromium")
SAMPLE_PARTS = ("mkdocs.yml", "exhibits", "content", "theme")
FIRST_QUERY = {"zh": "清真寺", "en": "mosque"}
SYNTHETIC_FIRST_QUERY = {"zh": "民族团结", "en": "unity"}
ENGINES = ("lunr", "pagefind")

# Capture Material's search worker so the benchmark can ask it directly (same index,
# same worker, same query parsing as its search box).
CAPTURE_WORKER = """
(() => {
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      window.__hallWorker = this;
      this.addEventListener("message", (e) => { if (e.data && e.data.type === 1) window.__hallReady = true; });
    }
  };
})();
"""


# ---------------------------------------------------------------- building


def write_config(project: Path, engine: str) -> Path:
    """mkdocs-<engine>.yml: our search, or Material's (with the hall's jieba dictionary)."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = []
    for plugin in config.get("plugins", []):
        name = next(iter(plugin)) if isinstance(plugin, dict) else plugin
        if name in ("search", "material/search"):
            continue
        if name == "hall":
            options = dict(plugin["hall"] if isinstance(plugin, dict) else {})
            options["search"] = engine == "pagefind"
            plugin = {"hall": options}
        plugins.append(plugin)
    if engine == "lunr":
        search = {}
        if (project / "content" / "jieba_user_dict.txt").exists():
            search["jieba_dict_user"] = "content/jieba_user_dict.txt"
        plugins.append({"search": search})
    config["plugins"] = plugins
    path = project / f"mkdocs-{engine}.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build(project: Path, engine: str) -> tuple[Path, float]:
    config = write_config(project, engine)
    site = project / f"site-{engine}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                            cwd=project, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"build of {project} ({engine}) failed:\n{result.stdout}\n{result.stderr}")
    return site, time.perf_counter() - start


# ---------------------------------------------------------------- serving and sizes


@functools.lru_cache(maxsize=None)
def sent_size(path: Path) -> int:
    """Bytes a static server sends for ``path``: gzip'd, unless that is not smaller."""
    data = path.read_bytes()
    return min(len(data), len(gzip.compress(data, 6)))


def is_search_file(url_path: str) -> bool:
    return "/pagefind/" in url_path or "/search/search_index" in url_path or "/workers/search" in url_path \
        or "/lunr/" in url_path


# ---------------------------------------------------------------- measuring


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=[
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"])


# Types the query from inside the page DELAY ms after the load event has run (no
# test-driver latency), and notes when the first result appears (performance.now(): ms
# since navigation start).
TYPE_AFTER_LOAD = """
window.__bench = {};
let benchDone;
window.__bench.done = new Promise((resolve) => { benchDone = resolve; });
new MutationObserver(() => {
  if (!window.__bench.shown && document.querySelector(RESULT)) {
    window.__bench.shown = performance.now();
    benchDone(window.__bench.shown);
  }
}).observe(document, { subtree: true, childList: true });
addEventListener("load", () => setTimeout(() => {
  window.__bench.typed = performance.now();
  const box = document.querySelector(BOX);
  box.focus();
  box.value = QUERY;
  box.dispatchEvent(new Event("input", { bubbles: true }));
  box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));  // Material's box listens to keys
}, DELAY));
"""

# A visitor needs a moment to tap the search box and type: by then the page has done
# its own work after the load event (e.g. Material reading sitemap.xml).
VISITOR_DELAY_MS = 1500


def _wait_shown(page, timeout_ms: int = 120_000) -> None:
    """Wait for the first result by awaiting a promise the page resolves itself.

    Playwright's ``wait_for_function`` first injects its selector engine into the page
    (a 17 ms script) and then polls on every animation frame: both ran on the page's main
    thread while Pagefind was starting, work no visitor's browser does.
    """
    page.evaluate(f"Promise.race([window.__bench.done, new Promise((_, no) => setTimeout("
                  f"() => no(new Error('no result in {timeout_ms} ms')), {timeout_ms}))])")


#: A phone on a mobile network, as Chrome's DevTools emulate one: every request waits this
#: long for its round trip, and bytes come at this rate (12 Mbit/s down, 6 up).
PHONE_NETWORK = {"offline": False, "latency": 100, "downloadThroughput": 1_500_000, "uploadThroughput": 750_000}


def first_results(browser, site: Path, base: str, page_url: str, engine: str, query: str,
                   delay_ms: int = 0, network: dict | None = None) -> dict:
    """Open a page cold, search ``delay_ms`` after the load event: times (s) and search bytes
    before and after typing; on ``network`` (e.g. PHONE_NETWORK) if given, else 127.0.0.1.

    Times come from the page's clock. For ours, the hall-search performance marks and the
    request times split "typed → shown" into the time until the first index chunk is asked
    for (hall-search.js asks for it while Pagefind starts), from there to Pagefind's answer
    (the rest of its start-up, index chunks, its WASM search), and showing the results
    (fragments, our rendering).
    """
    box = "#hall-search-input" if engine == "pagefind" else ".md-search__input"
    result = "#hall-search-results .md-search-result__item" if engine == "pagefind" else ".md-search-result__item"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(TYPE_AFTER_LOAD.replace("RESULT", repr(result)).replace("BOX", repr(box))
                            .replace("QUERY", repr(query)).replace("DELAY", str(delay_ms)))
    page = context.new_page()
    if network:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", network)
    finished: list = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(base + page_url, wait_until="load")
    _wait_shown(page)
    page.wait_for_load_state("networkidle")
    times = page.evaluate("""() => {
      const marks = {};
      for (const m of performance.getEntriesByType("mark")) marks[m.name] ??= m.startTime;
      return { origin: performance.timeOrigin, load: performance.getEntriesByType("navigation")[0].loadEventEnd,
               typed: window.__bench.typed, shown: window.__bench.shown,
               searched: marks["hall-search:searched"] ?? null };
    }""")
    context.close()

    def size(url: str) -> int:
        path = site / urlparse(url).path.lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        return sent_size(path) if path.is_file() else 0

    seen = set()
    on_load = on_query = 0
    first_chunk = None
    for request in finished:
        path = urlparse(request.url).path
        if not request.url.startswith(base) or not is_search_file(path) or path in seen:
            continue
        seen.add(path)
        at = request.timing["startTime"] - times["origin"]
        if at < times["typed"]:
            on_load += size(request.url)
        else:
            on_query += size(request.url)
        if path.endswith(".pf_index"):
            first_chunk = at if first_chunk is None else min(first_chunk, at)
    ms = 1000
    out = {"seconds": times["shown"] / ms, "after_load": (times["shown"] - times["typed"]) / ms,
           "load_bytes": on_load, "query_bytes": on_query}
    if times["searched"] is not None and first_chunk is not None:
        out["startup"] = (first_chunk - times["typed"]) / ms
        out["search"] = (times["searched"] - first_chunk) / ms
        out["show"] = (times["shown"] - times["searched"]) / ms
    return out


def _results_pagefind(page, base: str, root: str, queries: list[str], fragment_urls: dict[str, str]) -> list[set[str]]:
    page.goto(base + root + "404.html", wait_until="load")
    ids = page.evaluate(FRESH_SEARCHES_JS, ["/" + root, queries, False])
    return [{fragment_urls[i] for i in result} for result in ids]


def _results_lunr(page, base: str, root: str, queries: list[str]) -> list[set[str]]:
    page.goto(base + root + "404.html", wait_until="load")
    page.wait_for_function("window.__hallReady === true", timeout=300_000)
    groups = page.evaluate(
        """async (queries) => {
          const worker = window.__hallWorker;
          const out = [];
          for (const q of queries) {
            const result = await new Promise((resolve) => {
              const on = (e) => { if (e.data.type === 3) { worker.removeEventListener("message", on); resolve(e.data.data); } };
              worker.addEventListener("message", on);
              worker.postMessage({ type: 2, data: q });
            });
            out.push(result.items.map((group) => group[0].location.split("#")[0]));
          }
          return out;
        }""", queries)
    return [{"/" + loc.lstrip("/") if loc else "/" for loc in result} for result in groups]


def _fragment_urls(language_root: Path) -> dict[str, str]:
    mapping = {}
    for fragment in (language_root / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        mapping[fragment.stem] = json.loads(data[data.index(b"{"):])["url"]
    return mapping


def measure(engine: str, site: Path, site_pf: Path, queries: list[dict], first_query: dict[str, str],
            languages=("zh", "en"), runs: int = 7, each_query: bool = True) -> dict:
    """One engine, per language: recall, bytes, time to first results."""
    from playwright.sync_api import sync_playwright

    report: dict = {}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        server, base = serve(site)
        try:
            for language in languages:
                root = "" if language == languages[0] else f"{language}/"
                language_root = site_pf / root  # the truth: pages our search indexes
                urls = indexed_urls(language_root)
                truth = Truth(page_texts(language_root, urls), language)
                asked = [str(q["q"]) for q in queries if q["lang"] == language]
                if engine == "pagefind":
                    page = browser.new_page()
                    found = _results_pagefind(page, base, root, asked, _fragment_urls(site / root))
                    page.close()
                else:
                    context = browser.new_context()
                    context.add_init_script(CAPTURE_WORKER)
                    page = context.new_page()
                    found = _results_lunr(page, base, root, asked)
                    context.close()
                misses = []
                for query, results in zip(asked, found):
                    expected = truth.pages(query)
                    missing = expected - results
                    if missing:
                        misses.append((query, len(expected), len(missing)))
                runs_data = [first_results(browser, site, base, root, engine, first_query[language])
                             for _ in range(runs)]
                cell = {
                    "queries": len(asked),
                    "full": len(asked) - len(misses),
                    "misses": misses,
                    "load_bytes": max(r["load_bytes"] for r in runs_data),
                    "query_bytes": max(r["query_bytes"] for r in runs_data),
                    "pages": len(urls),
                }
                for key in ("seconds", "after_load", "startup", "search", "show"):
                    if all(key in r for r in runs_data):
                        cell[key] = statistics.median(r[key] for r in runs_data)
                later = [first_results(browser, site, base, root, engine, first_query[language], VISITOR_DELAY_MS)
                         for _ in range(runs)]
                cell["typed_later"] = statistics.median(r["after_load"] for r in later)
                phone = [first_results(browser, site, base, root, engine, first_query[language], network=PHONE_NETWORK)
                         for _ in range(runs)]
                cell["phone"] = statistics.median(r["seconds"] for r in phone)
                cell["phone_after_load"] = statistics.median(r["after_load"] for r in phone)
                if engine == "pagefind" and each_query:
                    # Every query of the set, once, cold: how the first query's time generalises.
                    # (Queries that hold on no page of this hall are left out: nothing to show.)
                    measured = [(first_results(browser, site, base, root, engine, q), q)
                                for q in asked if truth.pages(q)]
                    each = sorted((r["seconds"], q) for r, q in measured)
                    cell["each"] = {"median": statistics.median(t for t, _ in each),
                                    "p90": each[int(0.9 * (len(each) - 1))][0], "max": each[-1],
                                    "under": sum(t < 0.6 for t, _ in each), "n": len(each),
                                    "bytes": max((r["query_bytes"], q) for r, q in measured)}
                report[language] = cell
        finally:
            server.shutdown()
            browser.close()
    return report


# ---------------------------------------------------------------- Pagefind alone, stock and ours

# The engine alone, no search box: at the load event a script in the page imports Pagefind,
# searches and fetches the first result's fragment. STOCK: Pagefind as it comes (its own
# index of the same pages, the raw query); otherwise ours (hall-search.js's openPagefind,
# segmentQuery and searchIndex). The same clock as TYPE_AFTER_LOAD.
ENGINE_ONLY = """
window.__bench = {};
let benchDone;
window.__bench.done = new Promise((resolve) => { benchDone = resolve; });
addEventListener("load", async () => {
  window.__bench.typed = performance.now();
  const bundle = new URL(BUNDLE, location.href).href;
  let search;
  if (STOCK) {
    const pagefind = await import(bundle);
    search = await pagefind.search(QUERY);
  } else {
    const { segmentQuery } = await import(ROOT + "assets/hall-segment.js");
    const hall = await import(ROOT + "assets/hall-pagefind.js");
    const pagefind = await hall.openPagefind(bundle, { baseUrl: ROOT });
    search = await hall.searchIndex(pagefind, bundle, segmentQuery(QUERY));
  }
  if (search.results.length) await search.results[0].data();
  window.__bench.count = search.results.length;
  window.__bench.shown = performance.now();
  benchDone(window.__bench.shown);
});
"""

# Stock Pagefind, each query by a fresh instance: the result ids.
STOCK_SEARCHES_JS = """async (queries) => {
  const out = [];
  for (const q of queries) {
    const pagefind = await import(new URL("/pagefind/pagefind.js", location.href).href);
    out.push((await pagefind.search(q)).results.map((r) => r.id));
    await pagefind.destroy();
  }
  return out;
}"""


def stock_site(site: Path) -> tuple[Path, float]:
    """``site`` (our build) with Pagefind's stock index instead of ours: Pagefind run as it
    comes on the built pages (each language from <html lang>, Chinese segmented by
    Pagefind's extended build), with our list of excluded page parts. Files are hard links."""
    from hall.outputs.search import EXCLUDE_SELECTORS, run_pagefind

    stock = site.with_name(site.name + "-stock")
    shutil.rmtree(stock, ignore_errors=True)
    shutil.copytree(site, stock, copy_function=os.link, ignore=lambda folder, names: [n for n in names if n == "pagefind"])
    with tempfile.TemporaryDirectory() as folder:
        config = {"site": str(stock), "output_subdir": "pagefind", "exclude_selectors": list(EXCLUDE_SELECTORS)}
        (Path(folder) / "pagefind.json").write_text(json.dumps(config), encoding="utf-8")
        start = time.perf_counter()
        run_pagefind(Path(folder))
    return stock, time.perf_counter() - start


def _engine_first_results(browser, base: str, root: str, query: str, stock: bool) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    bundle = "/pagefind/pagefind.js" if stock else f"/{root}pagefind/pagefind.js"
    context.add_init_script(ENGINE_ONLY.replace("STOCK", "true" if stock else "false").replace("QUERY", repr(query))
                            .replace("BUNDLE", repr(bundle)).replace("ROOT", repr("/" + root)))
    page = context.new_page()
    page.goto(base + root, wait_until="load")
    _wait_shown(page)
    times = page.evaluate("({typed: window.__bench.typed, shown: window.__bench.shown, count: window.__bench.count})")
    context.close()
    return {"seconds": times["shown"] / 1000, "after_load": (times["shown"] - times["typed"]) / 1000,
            "count": times["count"]}


def measure_engines(site: Path, stock: Path, queries: list[dict], first_query: dict[str, str],
                    languages=("zh", "en"), runs: int = 7) -> dict:
    """Pagefind alone, stock and ours, and ours through the search box, measured in turn
    (query by query) in one browser: recall of stock, and page open → first result for
    the first query and every query. In turn, so that the host's load, which moves by
    tens of percent within minutes here, weighs on the three alike."""
    from playwright.sync_api import sync_playwright

    report: dict = {}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        ours_server, ours_base = serve(site)
        stock_server, stock_base = serve(stock)
        try:
            for language in languages:
                root = "" if language == languages[0] else f"{language}/"
                urls = indexed_urls(site / root)
                truth = Truth(page_texts(site / root, urls), language)
                asked = [str(q["q"]) for q in queries if q["lang"] == language]
                page = browser.new_page()
                page.goto(stock_base + root + "404.html", wait_until="load")
                ids = page.evaluate(STOCK_SEARCHES_JS, asked)
                page.close()
                # Stock's one index holds every language: /en/x/ is our en index's /x/.
                prefix = "/" + root.rstrip("/")
                fragment_urls = {i: url.removeprefix(prefix) if root else url for i, url in _fragment_urls(stock).items()}
                full = sum(truth.pages(q) <= {fragment_urls[i] for i in found} for q, found in zip(asked, ids))
                cells = {"stock": {"queries": len(asked), "full": full}, "ours": {}, "box": {}}

                def arm(name: str, query: str) -> dict:
                    if name == "box":
                        return first_results(browser, site, ours_base, root, "pagefind", query)
                    return _engine_first_results(browser, stock_base if name == "stock" else ours_base, root, query,
                                                 name == "stock")

                firsts: dict[str, list] = {name: [] for name in cells}
                for _ in range(runs):  # in turn here too
                    for name in cells:
                        firsts[name].append(arm(name, first_query[language])["seconds"])
                for name in cells:
                    cells[name]["first"] = statistics.median(firsts[name])
                each: dict[str, list] = {name: [] for name in cells}
                for query in (q for q in asked if truth.pages(q)):
                    for name in each:
                        each[name].append(arm(name, query))
                for name, rows in each.items():
                    seconds = sorted(r["seconds"] for r in rows)
                    cells[name].update(median=statistics.median(seconds), p90=seconds[int(0.9 * (len(seconds) - 1))],
                                       under=sum(t < 0.6 for t in seconds), n=len(seconds),
                                       results=statistics.median(r["count"] for r in rows) if "count" in rows[0] else None)
                cells["ratio"] = statistics.median(o["seconds"] / s["seconds"] for o, s in zip(each["ours"], each["stock"]))
                cells["box_ratio"] = statistics.median(b["seconds"] / s["seconds"] for b, s in zip(each["box"], each["stock"]))
                report[language] = cells
        finally:
            ours_server.shutdown()
            stock_server.shutdown()
            browser.close()
    return report


# ---------------------------------------------------------------- halls and report


def sample_project(work: Path) -> Path:
    project = work / "sample"
    for part in SAMPLE_PARTS:
        source, target = REPO / part, project / part
        if target.is_dir():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        elif source.exists():
            shutil.copy2(source, target)
    return project


def synthetic_project(work: Path, exhibits: int, news: int) -> Path:
    from synthetic_hall import generate_hall

    project = work / f"synthetic-{exhibits}"
    generate_hall(project, exhibits=exhibits, news=news, seed=1)
    return project


def lunr_side(project: Path, queries: list[dict], first_query: dict[str, str], reuse: bool) -> dict:
    """Material's lunr search, built (or with ``reuse``, as built before in ``project``) and measured.

    Its site does not depend on our code, so ``--reuse-lunr`` keeps it between runs
    (``project/site-lunr`` and its build time in ``project/lunr.json``).
    """
    saved = project / "lunr.json"
    site = project / "site-lunr"
    if reuse and saved.is_file() and site.is_dir():
        data = json.loads(saved.read_text(encoding="utf-8"))
        data["reused"] = True
    else:
        site, seconds = build(project, "lunr")
        print(f"{project.name}: built with lunr in {seconds:.1f} s", flush=True)
        data = {"build": seconds, "built": time.strftime("%Y-%m-%d %H:%M")}
        saved.write_text(json.dumps(data), encoding="utf-8")
    data["load"] = _load()
    data["report"] = measure("lunr", site, project / "site-pagefind", queries, first_query)
    data["load"] += " → " + _load()
    return data


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def _kb(n: int) -> str:
    return f"{n / 1024:,.0f} KB" if n >= 1024 else f"{n} B"


def format_report(results: list[dict], command: str) -> str:
    lines = [
        "# Search benchmark: Material lunr vs. Pagefind with our segmentation",
        "",
        f"Made by `{command}` (scripts/bench/search_quality.py); headless Chromium, static server on 127.0.0.1,",
        "2-core machine shared with other work (load averages over 1/5/15 min are given per hall).",
        "Query set: tests/search_queries.yml; a query has full recall when every page whose text",
        "holds it (tests/support/search_eval.py) is among its results, each query searched by a fresh",
        "Pagefind (no index chunk left over from the query before). Bytes are as a static server",
        "sends them (gzip). Time: by the page's own clock, cold cache, median of 7; the query is",
        "typed by a script in the page as soon as the load event has run (the worst case: the",
        f"page's own work after loading competes with search), and again {VISITOR_DELAY_MS / 1000:.1f} s later (a visitor",
        "tapping the search box and typing).",
        "",
        "- **lunr**: Material's search plugin (jieba with the hall's dictionary for Chinese); its",
        "  whole index is fetched and built on every page load.",
        "- **pagefind**: Pagefind 1.5.2 on a copy of each page in which Chinese is written as",
        "  character bigrams plus the run's last character (a run goes on across inline markup);",
        "  the browser searches a query of one run of two to five characters as the phrase of",
        "  its bigrams (exact; up to 300 pages ranked by Pagefind's ranked search of the bigrams",
        "  covering it, beyond that earliest mention first), other runs as bigrams covering them,",
        "  and before a one-character search preloads the index chunks its bigrams run into.",
        "  Chinese is indexed as language `und`, English as `en` (stemmed);",
        "  Pagefind is started while `<html lang>` holds a tag the browser rejects, so that it runs",
        "  the query through no Intl.Segmenter. As search opens, the files Pagefind's start-up asks",
        "  for one after another, and then the query's index chunks, are fetched at once",
        "  (`pagefind/hall-search.json`, written at build time from Pagefind's entry and chunk",
        "  boundaries; hall/outputs/search/, theme/assets/hall-search.js). Nothing is fetched until the",
        "  visitor opens search; the search UI script itself (hall-search.js, about 7 KB",
        "  compressed) loads with the page.",
        "",
    ]
    for hall in results:
        cells = {("lunr", lang): cell for lang, cell in hall["lunr"]["report"].items()}
        cells.update({("pagefind", lang): cell for lang, cell in hall["pagefind"].items()})
        lines += [f"## {hall['title']}", "", "| | " + " | ".join(
            f"{engine} {language}" for engine in ENGINES for language in ("zh", "en")) + " |",
            "| --- |" + " --- |" * 4]

        def row(label, fn):
            lines.append(f"| {label} | " + " | ".join(fn(cells[(e, l)]) for e in ENGINES for l in ("zh", "en")) + " |")

        def secs(key):
            return lambda c: f"{c[key]:.2f} s" if key in c else "–"

        row("pages indexed (ours)", lambda c: str(c["pages"]))
        row("queries with full recall", lambda c: f"{c['full']}/{c['queries']} ({100 * c['full'] / c['queries']:.0f}%)")
        row("search bytes on page load", lambda c: _kb(c["load_bytes"]))
        row("bytes to first results", lambda c: _kb(c["query_bytes"]))
        row("page open → first results", secs("seconds"))
        row("of which: query typed (at load) → first results", secs("after_load"))
        row("↳ to the first index chunk asked for (hall-search.js asks for it while Pagefind starts)", secs("startup"))
        row("↳ from there to Pagefind's answer (its start-up's end, index chunks, search)", secs("search"))
        row("↳ fragments and showing results (our code)", secs("show"))
        row(f"query typed {VISITOR_DELAY_MS / 1000:.1f} s after the load event → first results", secs("typed_later"))
        row(f"on a phone's connection ({PHONE_NETWORK['latency']} ms round trips, 12 Mbit/s): page open → first results",
            secs("phone"))
        row("↳ of which: query typed (at load) → first results", secs("phone_after_load"))
        row("page open → first results, every query of the set (once each): median / 90% / slowest",
            lambda c: (f"{c['each']['median']:.2f} / {c['each']['p90']:.2f} / {c['each']['max'][0]:.2f} s "
                       f"({c['each']['max'][1]})" if "each" in c else "–"))
        row("queries of the set with first results under 0.6 s",
            lambda c: f"{c['each']['under']}/{c['each']['n']}" if "each" in c else "–")
        row("bytes to first results, largest over the set",
            lambda c: f"{_kb(c['each']['bytes'][0])} ({c['each']['bytes'][1]})" if "each" in c else "–")
        lunr = hall["lunr"]
        engines = hall.get("engines")
        if engines:
            lines += ["", "Stock Pagefind, ours, and ours through the search box, measured in turn, query by query, in",
                      "one browser. **stock**: Pagefind as it comes on the same built pages (its extended build",
                      "segments Chinese; the raw query), with our excluded page parts, and no search box: a",
                      "script at the load event imports Pagefind, searches and fetches the first result's",
                      "fragment. **ours**: the same with hall-search.js's openPagefind, segmentQuery and",
                      "searchIndex on our index. **box**: what a visitor gets, the query typed into our search",
                      "box at the load event (as in the table above). Stock built its index in "
                      f"{hall['stock_build']:.1f} s.",
                      "", "| | stock zh | ours zh | box zh | stock en | ours en | box en |",
                      "| --- | --- | --- | --- | --- | --- | --- |"]

            def engine_row(label, fn):
                lines.append(f"| {label} | " + " | ".join(
                    fn(engines[l][n]) for l in ("zh", "en") for n in ("stock", "ours", "box")) + " |")

            engine_row("queries with full recall", lambda c: f"{c['full']}/{c['queries']}" if "full" in c else "as above")
            engine_row("page open → first result, first query", lambda c: f"{c['first']:.2f} s")
            engine_row("every query of the set: median / 90%", lambda c: f"{c['median']:.2f} / {c['p90']:.2f} s")
            engine_row("queries under 0.6 s", lambda c: f"{c['under']}/{c['n']}")
            engine_row("results per query (median)", lambda c: f"{c['results']:.0f}" if c.get("results") is not None else "as ours")
            lines += ["", "Page open → first result, query by query, median of the ratios: ours / stock "
                      + ", ".join(f"{l} {engines[l]['ratio']:.2f}" for l in ("zh", "en"))
                      + "; box / stock " + ", ".join(f"{l} {engines[l]['box_ratio']:.2f}" for l in ("zh", "en")) + "."]
        lines += ["", f"First query: {hall['first_query']['zh']} / {hall['first_query']['en']}. "
                  f"Build time (both languages): lunr {lunr['build']:.1f} s"
                  + (f" (its site built on {lunr['built']} and reused, `--reuse-lunr`)" if lunr.get("reused") else "")
                  + f", pagefind {hall['build']:.1f} s. "
                  + f"Load average during our measurement: {hall['load']}; during lunr's: {lunr['load']}.", ""]
        for engine in ENGINES:
            for language in ("zh", "en"):
                misses = cells[(engine, language)]["misses"]
                if misses:
                    shown = ", ".join(f"{q} ({m}/{n} missing)" for q, n, m in misses[:25])
                    lines.append(f"- {engine} {language} misses: {shown}")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exhibits", type=int, default=1000)
    parser.add_argument("--news", type=int, default=500)
    parser.add_argument("--no-synthetic", action="store_true", help="only the sample hall")
    parser.add_argument("--out", type=Path, help="write the Markdown report here")
    parser.add_argument("--work", type=Path, help="keep the built halls in this folder")
    parser.add_argument("--no-stock", action="store_true", help="leave out stock Pagefind (engine alone)")
    parser.add_argument("--reuse-lunr", action="store_true",
                        help="take lunr's build and numbers from an earlier run in --work, if there")
    args = parser.parse_args(argv)

    command = ("python scripts/bench/search_quality.py " + " ".join(argv if argv is not None else sys.argv[1:])).strip()
    queries = load_queries()
    work = args.work or Path(tempfile.mkdtemp(prefix="hall-bench-search-"))
    work.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        halls = [("Sample hall", lambda: sample_project(work), FIRST_QUERY)]
        if not args.no_synthetic:
            halls.append((f"Synthetic hall: {args.exhibits} exhibits + {args.news} news items per language",
                          lambda: synthetic_project(work, args.exhibits, args.news), SYNTHETIC_FIRST_QUERY))
        for title, make, first_query in halls:
            project = make()
            site, seconds = build(project, "pagefind")
            print(f"{title}: built with pagefind in {seconds:.1f} s", flush=True)
            hall = {"title": title, "first_query": first_query, "build": seconds, "load": _load()}
            hall["pagefind"] = measure("pagefind", site, site, queries, first_query)
            hall["load"] += " → " + _load()
            if not args.no_stock:
                stock, hall["stock_build"] = stock_site(site)
                hall["engines"] = measure_engines(site, stock, queries, first_query)
            hall["lunr"] = lunr_side(project, queries, first_query, args.reuse_lunr)
            results.append(hall)
            print(format_report(results[-1:], command), flush=True)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    text = format_report(results, command)
    if args.out:
        # The hand-written "## Findings" of the report being replaced are kept, for editing.
        old = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
        findings = old[old.index("\n## Findings"):] if "\n## Findings" in old else ""
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n" + findings, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
