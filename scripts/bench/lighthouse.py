#!/usr/bin/env python3
"""Lighthouse scores of the sample hall (mobile preset) → docs/benchmarks/lighthouse.md.

Builds the sample hall into a temporary folder, serves it on 127.0.0.1 and runs Lighthouse
(npm ``lighthouse``, pinned in tools/package.json; ``npm ci --prefix tools`` first) with
Debian's Chromium on the home page, a zone, an exhibit and the timeline, in both languages.

    .venv/bin/python scripts/bench/lighthouse.py            # writes docs/benchmarks/lighthouse.md
    .venv/bin/python scripts/bench/lighthouse.py --site site # score an existing build instead

Targets (issue 6): accessibility 100, best practices ≥ 95, SEO ≥ 95, performance ≥ 95.
Lighthouse's SEO category checks that pages may be indexed; on 127.0.0.1 everything else
about the site is as published.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import http.server
import io
import json
import os
import platform
import socketserver
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from hall.outputs.publish.objects import cache_control  # noqa: E402
from tests.support.sites import sample_site  # noqa: E402

LIGHTHOUSE = REPO / "tools" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 95}
PAGES = {
    "home": "",
    "zone": "exhibits/history/",
    "exhibit": "exhibits/history/ming-mosque/",
    "timeline": "timeline/",
}


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static server that compresses text and sets caching as the published site's server does
    (deploy/nginx/hall.conf, hall/outputs/publish/objects.py): content-hashed files are kept,
    everything else is revalidated."""

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:  # noqa: D102
        self.send_header("Cache-Control", cache_control(self.path.split("?")[0].lstrip("/")))
        super().end_headers()

    def send_head(self):  # noqa: D102
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        ctype = self.guess_type(path)
        text = ctype.startswith("text/") or ctype in ("application/javascript", "application/json", "image/svg+xml")
        if not text or "gzip" not in self.headers.get("Accept-Encoding", "") or not os.path.isfile(path):
            return super().send_head()
        body = gzip.compress(Path(path).read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(folder: Path):
    handler = functools.partial(_GzipHandler, directory=str(folder))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def lighthouse(url: str, chrome: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        out = Path(tmp) / "report.json"
        env = {**os.environ, "CHROME_PATH": chrome}
        command = [
            str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run",
        ]
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        if result.returncode != 0 or not out.exists():
            raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
        return json.loads(out.read_text(encoding="utf-8"))


def failing_audits(report: dict, category: str) -> list[str]:
    audits = report["audits"]
    out = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            out.append(f"{audit['title']}{value}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="score this built site instead of building the sample hall")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "benchmarks" / "lighthouse.md")
    parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    parser.add_argument("--languages", default="zh,en")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run `npm ci --prefix tools` first.")

    with sample_site(args.site, "hall-lighthouse-") as site:
        server, base = serve(site.resolve())
        rows, notes = [], []
        try:
            for language in args.languages.split(","):
                prefix = "" if language == "zh" else f"{language}/"
                for name, path in PAGES.items():
                    if not (site / prefix / path / "index.html").exists():
                        notes.append(f"- {name} ({language}): page does not exist in this build, not scored.")
                        continue
                    url = base + prefix + path
                    print(f"lighthouse {url}", file=sys.stderr)
                    report = lighthouse(url, args.chrome)
                    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
                    rows.append((name, language, "/" + prefix + path, scores))
                    for category in CATEGORIES:
                        if scores[category] < TARGETS[category] or (scores[category] < 100 and category != "performance"):
                            for audit in failing_audits(report, category):
                                notes.append(f"- {name} ({language}), {category}: {audit}")
                    version = report.get("lighthouseVersion", "?")
                    agent = report.get("environment", {}).get("hostUserAgent", "")
        finally:
            server.shutdown()

    lines = [
        "# Lighthouse scores",
        "",
        f"Measured {dt.date.today().isoformat()} with Lighthouse {version} (mobile preset: emulated phone,"
        " simulated slow 4G and 4× CPU slowdown), Debian Chromium, on the sample hall served from 127.0.0.1"
        " by a static server that gzips text, as production servers do."
        f" Machine: {platform.machine()}, {os.cpu_count()} CPU cores shared with other work.",
        "",
        "Command: `npm ci --prefix tools && .venv/bin/python scripts/bench/lighthouse.py`",
        "",
        "Targets: performance ≥ 95, accessibility 100, best practices ≥ 95, SEO ≥ 95.",
        "",
        "| page | language | path | performance | accessibility | best practices | SEO |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for name, language, path, s in rows:
        cells = [f"{s[c]}" + ("" if s[c] >= TARGETS[c] else " ✗") for c in CATEGORIES]
        lines.append(f"| {name} | {language} | `{path}` | " + " | ".join(cells) + " |")
    lines += ["", "✗ marks a score below its target.", "", "## Audits that did not pass", ""]
    lines += notes or ["None."]
    lines += ["", f"<sub>Browser: {agent}</sub>", ""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print(args.out.read_text(encoding="utf-8"))
    below = [r for r in rows for c in CATEGORIES if r[3][c] < TARGETS[c]]
    return 1 if below else 0


if __name__ == "__main__":
    raise SystemExit(main())
