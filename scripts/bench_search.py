"""Search benchmark: Material's lunr search against ours (Pagefind + our segmentation).

Builds each hall twice (our search; Material's search plugin with jieba instead) and
measures, per language, in headless Chromium on 127.0.0.1:

* recall: share of the query set (tests/search_queries.yml) for which every page that
  holds the query (scripts/search_eval.py, from the page text) is among the results;
* page-load search bytes: search files a page fetches before the visitor does anything;
* first-query bytes: search files fetched from opening search to the first results;
  bytes as a static server sends them (gzip -6, or the file as is if that is smaller:
  Pagefind's files are already compressed);
* page open → first results: from navigation start until the first result shows, the
  query typed as soon as the page has loaded (median of 3, cold cache).

Halls: the sample hall, and a synthetic hall of 1000 exhibits + 500 news items per
language (scripts/synthetic_hall.py). Run from the repository root::

    .venv/bin/python scripts/bench_search.py [--exhibits 1000 --news 500] [--out docs/benchmarks/search.md]

A full run took 24 minutes on a shared 2-core machine (the two builds of the synthetic
hall take 14 of them); `--no-synthetic` takes about 1 minute.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import shutil
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_eval import REPO, Truth, indexed_urls, load_queries, page_texts  # noqa: E402

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


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(folder: Path):
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@functools.lru_cache(maxsize=None)
def sent_size(path: Path) -> int:
    """Bytes a static server sends for ``path``: gzip'd, unless that is not smaller."""
    data = path.read_bytes()
    return min(len(data), len(gzip.compress(data, 6)))


def is_search_file(url_path: str) -> bool:
    return "/pagefind/" in url_path or "/search/search_index" in url_path or "/workers/search" in url_path \
        or "/lunr/" in url_path


# ---------------------------------------------------------------- measuring


def _launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=[
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"])


def _first_results(browser, site: Path, base: str, page_url: str, engine: str, query: str) -> dict:
    """Open a page cold, search at once; time to the first result and search bytes fetched."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    fetched: list[tuple[float, str]] = []
    page.on("request", lambda r: fetched.append((time.perf_counter(), r.url)))
    start = time.perf_counter()
    page.goto(base + page_url, wait_until="load")
    box = "#hall-search-input" if engine == "pagefind" else ".md-search__input"
    item = "#hall-search-results .md-search-result__item" if engine == "pagefind" else ".md-search-result__item"
    opened = time.perf_counter()
    page.click(box)
    page.fill(box, query)
    page.dispatch_event(box, "keyup")  # Material's search box listens to key events
    page.wait_for_selector(item, timeout=60_000)
    shown = time.perf_counter()
    first, after_load = shown - start, shown - opened
    page.wait_for_load_state("networkidle")
    context.close()

    def size(url: str) -> int:
        path = site / urlparse(url).path.lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        return sent_size(path) if path.is_file() else 0

    seen = set()
    on_load = on_query = 0
    for at, url in fetched:
        path = urlparse(url).path
        if not url.startswith(base) or not is_search_file(path) or path in seen:
            continue
        seen.add(path)
        if at < opened:
            on_load += size(url)
        else:
            on_query += size(url)
    return {"seconds": first, "after_load": after_load, "load_bytes": on_load, "query_bytes": on_query}


def _results_pagefind(page, base: str, root: str, queries: list[str], fragment_urls: dict[str, str]) -> list[set[str]]:
    page.goto(base + root + "404.html", wait_until="load")
    ids = page.evaluate(
        """async ([root, queries]) => {
          const { segmentQuery } = await import(root + "assets/hall-search.js");
          const pagefind = await import(root + "pagefind/pagefind.js");
          await pagefind.options({ baseUrl: root });
          const out = [];
          for (const q of queries) {
            const search = await pagefind.search(segmentQuery(q));
            out.push(search.results.map((r) => r.id));
          }
          return out;
        }""", ["/" + root, queries])
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
        import json
        data = gzip.decompress(fragment.read_bytes())
        mapping[fragment.stem] = json.loads(data[data.index(b"{"):])["url"]
    return mapping


def measure(site_pf: Path, site_lunr: Path, queries: list[dict], first_query: dict[str, str],
            languages=("zh", "en"), runs: int = 3) -> dict:
    """Both engines, per language: recall, bytes, time to first results."""
    from playwright.sync_api import sync_playwright

    report: dict = {}
    with sync_playwright() as playwright:
        browser = _launch(playwright)
        for engine, site in (("lunr", site_lunr), ("pagefind", site_pf)):
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
                    runs_data = [_first_results(browser, site, base, root, engine, first_query[language])
                                 for _ in range(runs)]
                    report[(engine, language)] = {
                        "queries": len(asked),
                        "full": len(asked) - len(misses),
                        "misses": misses,
                        "seconds": statistics.median(r["seconds"] for r in runs_data),
                        "after_load": statistics.median(r["after_load"] for r in runs_data),
                        "load_bytes": max(r["load_bytes"] for r in runs_data),
                        "query_bytes": max(r["query_bytes"] for r in runs_data),
                        "pages": len(urls),
                    }
            finally:
                server.shutdown()
        browser.close()
    return report


# ---------------------------------------------------------------- halls and report


def sample_project(work: Path) -> Path:
    project = work / "sample"
    project.mkdir(parents=True)
    for part in SAMPLE_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, project / part)
        elif source.exists():
            shutil.copy2(source, project / part)
    return project


def synthetic_project(work: Path, exhibits: int, news: int) -> Path:
    from synthetic_hall import generate_hall

    project = work / f"synthetic-{exhibits}"
    generate_hall(project, exhibits=exhibits, news=news, seed=1)
    return project


def _kb(n: int) -> str:
    return f"{n / 1024:,.0f} KB" if n >= 1024 else f"{n} B"


def format_report(results: list[tuple[str, dict, dict]], command: str) -> str:
    lines = [
        "# Search benchmark: Material lunr vs. Pagefind with our segmentation",
        "",
        f"Made by `{command}` (scripts/bench_search.py); headless Chromium, static server on 127.0.0.1,",
        "2-core machine. Query set: tests/search_queries.yml; a query has full recall when every page",
        "whose text holds it (scripts/search_eval.py) is among its results. Bytes are as a static",
        "server sends them (gzip). Time: navigation start → first result shown, query typed as soon",
        "as the page has loaded, cold cache, median of 3 (\"page loaded → first results\" leaves the",
        "page's own loading out). The machine is shared, so times vary by ±0.3 s from run to run.",
        "",
        "- **lunr**: Material's search plugin (jieba with the hall's dictionary for Chinese); its",
        "  whole index is fetched and built on every page load.",
        "- **pagefind**: Pagefind 1.5.2 on a copy of each page in which Chinese is written as",
        "  character bigrams plus the run's last character; the browser turns the query into the",
        "  same bigrams (hall/search.py, theme/assets/hall-search.js). Chinese is indexed as",
        "  language `und` so that neither Pagefind's own segmentation nor the browser's",
        "  Intl.Segmenter splits the bigrams again; English keeps `en` and Pagefind's stemming.",
        "  Nothing is fetched until the visitor opens search; the search UI script itself",
        "  (hall-search.js, about 4 KB compressed) loads with the page.",
        "",
    ]
    for title, report, builds in results:
        lines += [f"## {title}", "", "| | " + " | ".join(
            f"{engine} {language}" for engine in ENGINES for language in ("zh", "en")) + " |",
            "| --- |" + " --- |" * 4]
        cells = {key: report[key] for key in report}

        def row(label, fn):
            lines.append(f"| {label} | " + " | ".join(fn(cells[(e, l)]) for e in ENGINES for l in ("zh", "en")) + " |")

        row("pages indexed (ours)", lambda c: str(c["pages"]))
        row("queries with full recall", lambda c: f"{c['full']}/{c['queries']} ({100 * c['full'] / c['queries']:.0f}%)")
        row("search bytes on page load", lambda c: _kb(c["load_bytes"]))
        row("bytes to first results", lambda c: _kb(c["query_bytes"]))
        row("page open → first results", lambda c: f"{c['seconds']:.2f} s")
        row("of which: page loaded → first results", lambda c: f"{c['after_load']:.2f} s")
        lines += ["", "Build time (both languages): " + ", ".join(f"{e} {builds[e]:.1f} s" for e in ENGINES), ""]
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
    args = parser.parse_args(argv)

    queries = load_queries()
    work = args.work or Path(tempfile.mkdtemp(prefix="hall-bench-search-"))
    work.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        halls = [("Sample hall", sample_project(work), FIRST_QUERY)]
        if not args.no_synthetic:
            halls.append((f"Synthetic hall: {args.exhibits} exhibits + {args.news} news items per language",
                          synthetic_project(work, args.exhibits, args.news), SYNTHETIC_FIRST_QUERY))
        for title, project, first_query in halls:
            builds = {}
            sites = {}
            for engine in ENGINES:
                sites[engine], builds[engine] = build(project, engine)
                print(f"{title}: built with {engine} in {builds[engine]:.1f} s", flush=True)
            report = measure(sites["pagefind"], sites["lunr"], queries, first_query)
            results.append((title, report, builds))
            print(format_report(results[-1:], ""), flush=True)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    command = "python scripts/bench_search.py" + (" " + " ".join(argv if argv is not None else sys.argv[1:])).rstrip()
    text = format_report(results, command.strip())
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
