#!/usr/bin/env python3
"""How soon a phone on a slow network sees a page and can use it → docs/benchmarks/page-load.md.

Four pages of the sample hall (home, an exhibit in both languages, a tour scene) in Debian's
Chromium as a phone (390 × 844, 3× pixels) under Lighthouse's mobile throttling (150 ms RTT,
1.6 Mbit/s, 4× slower CPU, applied with the DevTools protocol), each load in a fresh browser:
first paint (FCP), largest paint (LCP), DOMContentLoaded (when the page's scripts have run: the
text-size buttons, the lightbox, Material's tabs and search work from then on), and for the tour
its first view (scripts/bench/panorama.py). With ``--before SITE`` a second build is measured in
the same run, one load of each in turn, so that the machine's drift falls on both alike.

    .venv/bin/python scripts/bench/page_load.py                          # builds the sample hall
    .venv/bin/python scripts/bench/page_load.py --site site --before /tmp/old-site
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import platform
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.support.sites import sample_site  # noqa: E402

PAGES = {"home": "", "exhibit": "exhibits/history/ming-mosque/", "exhibit (en)": "en/exhibits/history/ming-mosque/",
         "tour scene": "tour/history/"}
LCP = """window.__hallLcp = 0;
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__hallLcp = e.startTime; })
  .observe({type: 'largest-contentful-paint', buffered: true});"""
TIMES = """() => { const n = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return {fcp: fcp ? fcp.startTime : null, lcp: window.__hallLcp || null, dcl: n.domContentLoadedEventEnd,
          view: (window.__hallMarks || {}).frame || null}; }"""
COLUMNS = (("fcp", "first paint"), ("lcp", "largest paint"), ("dcl", "scripts run (DOMContentLoaded)"),
           ("view", "tour's first view"))


def _module(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", REPO / f"scripts/bench/{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PANORAMA = _module("panorama")


def load(playwright, url: str, tour: bool) -> dict:
    browser = playwright.chromium.launch(executable_path=PANORAMA.CHROMIUM, args=PANORAMA.GL_ARGS)
    context = browser.new_context(**PANORAMA.PHONE)
    page = context.new_page()
    page.add_init_script(PANORAMA.MARKS)
    page.add_init_script(LCP)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", PANORAMA.THROTTLE)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": PANORAMA.CPU_SLOWDOWN})
    page.goto(url, wait_until="load", timeout=120000)
    if tour:
        page.wait_for_function("() => window.__hallMarks.frame", timeout=120000)
    page.wait_for_timeout(500)  # a late largest paint
    times = page.evaluate(TIMES)
    browser.close()
    return times


def measure(sites: dict[str, Path], runs: int) -> dict[str, dict[str, dict[str, float | None]]]:
    """Median of ``runs`` loads of every page of every site, the sites taking turns."""
    from playwright.sync_api import sync_playwright

    lighthouse = _module("lighthouse")
    servers = {name: lighthouse.serve(site.resolve()) for name, site in sites.items()}
    samples: dict[str, dict[str, list[dict]]] = {name: {page: [] for page in PAGES} for name in sites}
    try:
        with sync_playwright() as playwright:
            for _ in range(runs):
                for page, path in PAGES.items():
                    for name, (_, base) in servers.items():
                        samples[name][page].append(load(playwright, base + path, path.startswith("tour/")))
    finally:
        for server, _ in servers.values():
            server.shutdown()
    return {name: {page: {key: (statistics.median(v) if (v := [s[key] for s in runs_ if s[key] is not None]) else None)
                          for key, _ in COLUMNS} for page, runs_ in pages.items()} for name, pages in samples.items()}


def render(results: dict, runs: int, index: float | None) -> str:
    seconds = lambda ms: "–" if ms is None else f"{ms / 1000:.2f} s"  # noqa: E731
    machine = f", Lighthouse's benchmarkIndex {index:.0f}" if index else ""
    lines = [
        "# Page load on a phone under Lighthouse's mobile throttling",
        "",
        f"Measured {dt.date.today().isoformat()} on {platform.machine()} ({os.cpu_count()} cores{machine}), Debian "
        f"Chromium; each figure is the median of {runs} loads, each in a fresh browser"
        + (", the builds taking turns" if len(results) > 1 else "") + ".",
        "Command: `.venv/bin/python scripts/bench/page_load.py"
        + (" --site <after> --before <before>`" if len(results) > 1 else "`"),
        "",
        "| page | build | " + " | ".join(title for _, title in COLUMNS) + " |",
        "| --- | --- | " + " | ".join("---:" for _ in COLUMNS) + " |",
    ]
    for page in PAGES:
        for name, pages in results.items():
            lines.append(f"| {page} | {name} | " + " | ".join(seconds(pages[page][key]) for key, _ in COLUMNS) + " |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="measure this build instead of building the sample hall")
    parser.add_argument("--before", type=Path, help="a second build to measure in the same run")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=REPO / "docs/benchmarks/page-load.md")
    args = parser.parse_args()
    with sample_site(args.site, "hall-page-load-") as site:
        sites = {"before": args.before, "after": site} if args.before else {"this build": site}
        results = measure(sites, args.runs)
    args.out.write_text(render(results, args.runs, PANORAMA.benchmark_index()), encoding="utf-8")
    print(args.out.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
