"""Interleaved A/B of search front ends on one built hall: which variant of a file shows
the first results sooner.

    python scripts/bench/ab_search.py SITE --query 民族团结 --pairs 12 \\
        before=/tmp/hall-search-old.js after=theme/assets/hall-search.js
    python scripts/bench/ab_search.py SITE --root en/ --query unity --latency 100 ...

Each variant is SITE served by a server of its own, with ``/assets/hall-search.js`` (or
``--path``) replaced by the variant's file; ``name=`` with no file serves SITE as built.
Variants take turns, page by page, so that this shared machine's load, which moves by tens
of percent within minutes, weighs on each alike (scripts/bench/search_quality.py measures the
same way: cold cache, the query typed at the load event). ``--latency`` emulates a phone's
connection (Chrome's network emulation: that many ms per round trip, 12 Mbit/s).
"""

from __future__ import annotations

import argparse
import socketserver
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repository: hall, tests.support, scripts.bench

from scripts.bench.search_quality import PHONE_NETWORK, first_results, launch  # noqa: E402
from tests.support.static_server import QuietHandler, serve  # noqa: E402

KEYS = ("seconds", "after_load")


def _server(site: Path, overrides: dict[str, Path]) -> tuple[socketserver.TCPServer, str]:
    """The quiet static server (tests/support/static_server.py), with the files in ``overrides``
    (URL path → file) replaced."""
    class Handler(QuietHandler):
        def translate_path(self, path: str) -> str:
            replaced = overrides.get(path.split("?")[0])
            return str(replaced) if replaced else super().translate_path(path)

    return serve(site, Handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="a built site (e.g. a hall built by scripts/bench/search_quality.py --work)")
    parser.add_argument("variants", nargs="+", help="name=file, or name= for the site as built")
    parser.add_argument("--query", required=True)
    parser.add_argument("--root", default="", help="the language's root, e.g. en/")
    parser.add_argument("--path", default="assets/hall-search.js", help="the file the variants replace, from the root")
    parser.add_argument("--pairs", type=int, default=12)
    parser.add_argument("--latency", type=float, help="ms per round trip (a phone's connection)")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    network = {**PHONE_NETWORK, "latency": args.latency} if args.latency else None
    servers = {}
    for variant in args.variants:
        name, _, file = variant.partition("=")
        overrides = {"/" + args.root + args.path: Path(file).resolve()} if file else {}
        servers[name] = _server(args.site, overrides)
    results: dict[str, list[dict]] = {name: [] for name in servers}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for _ in range(args.pairs):
                for name, (_, base) in servers.items():
                    results[name].append(first_results(browser, args.site, base, args.root, "pagefind", args.query,
                                                         network=network))
        finally:
            browser.close()
            for server, _ in servers.values():
                server.shutdown()
    print(f"{args.query!r}, {args.pairs} rounds, " + (f"{args.latency:.0f} ms round trips" if network else "127.0.0.1"))
    for name, rows in results.items():
        medians = {key: statistics.median(r[key] for r in rows) for key in KEYS}
        print(f"  {name:12s} page open → first results {medians['seconds']:.3f} s, "
              f"typed → first results {medians['after_load']:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
