#!/usr/bin/env python3
"""The 720° tour's costs → docs/benchmarks/panorama.md.

* Cold build time per panorama: the sample tour's panoramas through the media stage
  (hall/media/panoramas.py) with an empty cache, then warm.
* Bytes before the first view of a scene on a phone (390 × 844, 3× pixels, touch), counted
  from the browser's Resource Timing entries until the viewer says it is ready, in a fresh browser;
  and the same on a desktop.
* Time to the first view under Lighthouse's mobile throttling (150 ms RTT, 1.6 Mbit/s down,
  4× slower CPU), applied with the Chrome DevTools Protocol, Chromium drawing WebGL in
  software (SwiftShader); and Lighthouse itself (mobile preset) on the scene page when
  tools/ has it: its LCP is the preview photo's, the first thing a visitor sees.
* The same, calibrated: a CPU slowdown is relative to the machine, whose speed changes from
  one machine and one hour to the next. Lighthouse's own CPU benchmark (its benchmarkIndex,
  from tools/node_modules/lighthouse) is run in the bench's Chromium, and the throttled run is
  repeated with the slowdown that brings this machine where Lighthouse's 4× brings the desktop
  it was chosen for (docs/throttling.md in Lighthouse: a high-end desktop, index 1500–2000).

    .venv/bin/python scripts/bench/panorama.py              # builds the sample hall, writes the doc
    .venv/bin/python scripts/bench/panorama.py --site site  # measure an existing build
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from hall.content import load_hall  # noqa: E402
from hall.media.model import MediaPlan  # noqa: E402
from hall.media.panoramas import with_panoramas  # noqa: E402
from tests.support.sites import sample_site  # noqa: E402

CHROMIUM = os.environ.get("HALL_CHROMIUM", "/usr/bin/chromium")
GL_ARGS = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist"]
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
#: Lighthouse's mobile preset (simulated throttling), applied here for real.
THROTTLE = {"latency": 150, "downloadThroughput": 1638.4 * 1024 / 8, "uploadThroughput": 750 * 1024 / 8, "offline": False}
CPU_SLOWDOWN = 4
THROTTLED_RUNS = 5
#: Where Lighthouse's 4× puts the middle of the high-end desktop bracket (1750 / 4): the mid-tier
#: phone the calibrated run aims at.
TARGET_INDEX = 1750 / CPU_SLOWDOWN
LIGHTHOUSE_FUNCTIONS = REPO / "tools/node_modules/lighthouse/core/lib/page-functions.js"
SCENE = "tour/history/"
#: Times taken inside the page, in the task that changes the viewer (a MutationObserver), not by
#: polling from outside: a poll from Playwright waits for a busy, throttled main thread and
#: read up to 2 s late. "frame": two animation frames after the viewer is ready, when its
#: first frame has been drawn.
MARKS = """window.__hallMarks = {};
new MutationObserver(() => {
  const viewer = document.getElementById('hall-tour-viewer'), marks = window.__hallMarks;
  if (!viewer) return;
  if (viewer.hasAttribute('data-state') && !marks.state) {
    marks.state = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => { marks.frame = performance.now(); }));
  }
  if (viewer.hasAttribute('data-sharp') && !marks.sharp) marks.sharp = performance.now();
}).observe(document, {subtree: true, childList: true, attributes: true});"""


def _lighthouse_module():
    spec = importlib.util.spec_from_file_location("bench_lighthouse", REPO / "scripts/bench/lighthouse.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_times() -> dict[str, float]:
    hall, _ = load_hall(REPO)
    with tempfile.TemporaryDirectory(prefix="hall-pano-cache-") as cache:
        start = time.perf_counter()
        cold = with_panoramas(MediaPlan({}, {}), REPO, hall.tour, cache_dir=Path(cache))
        cold_s = time.perf_counter() - start
        start = time.perf_counter()
        with_panoramas(MediaPlan({}, {}), REPO, hall.tour, cache_dir=Path(cache))
        warm_s = time.perf_counter() - start
        sizes: dict[int, list[int]] = {}
        for image in cold.images.values():
            for r in image.renditions:
                sizes.setdefault(r.width, []).append(cold.copies[r.url].stat().st_size)
    count = len(hall.tour.files)
    return {"count": count, "cold": cold_s, "per_panorama": cold_s / count, "warm": warm_s,
            "decoded": cold.decoded, "sizes": {w: sum(v) / len(v) for w, v in sorted(sizes.items())}}


def cube_faces_bytes(path: Path, face: int = 1024, quality: int = 80) -> tuple[int, int]:
    """Bytes of the six cube faces (``face`` px, bilinear) cut from an equirectangular JPEG,
    against the 4096 px equirectangular at the same quality: the other phone-safe choice
    (Pannellum's "cubemap"), measured here rather than in the build (Pillow stays in imaging.py)."""
    import io

    import numpy as np
    from PIL import Image

    with Image.open(path) as opened:
        source = np.asarray(opened.convert("RGB").resize((4096, 2048)), dtype=np.float32)
    height, width = source.shape[:2]
    a, b = np.meshgrid((np.arange(face) + 0.5) / face * 2 - 1, (np.arange(face) + 0.5) / face * 2 - 1)
    one = np.ones_like(a)
    total = 0
    for x, y, z in ((a, -b, one), (one, -b, -a), (-a, -b, -one), (-one, -b, a), (a, one, b), (a, -one, -b)):
        lon, lat = np.arctan2(x, z), np.arctan2(y, np.hypot(x, z))
        u = (lon / (2 * np.pi) + 0.5) * width - 0.5
        v = (0.5 - lat / np.pi) * height - 0.5
        u0, v0 = np.floor(u).astype(int), np.clip(np.floor(v).astype(int), 0, height - 2)
        fu, fv = (u - u0)[..., None], np.clip(v - v0, 0, 1)[..., None]
        u1 = (u0 + 1) % width
        u0 %= width
        pixels = (source[v0, u0] * (1 - fu) * (1 - fv) + source[v0, u1] * fu * (1 - fv)
                  + source[v0 + 1, u0] * (1 - fu) * fv + source[v0 + 1, u1] * fu * fv)
        out = io.BytesIO()
        Image.fromarray(pixels.clip(0, 255).astype(np.uint8)).save(out, "JPEG", quality=quality)
        total += out.tell()
    out = io.BytesIO()
    Image.fromarray(source.astype(np.uint8)).save(out, "JPEG", quality=quality)
    return total, out.tell()


def benchmark_index_source() -> str | None:
    """Lighthouse's ``computeBenchmarkIndex`` as a JS expression, read from the installed package
    (npm ci --prefix tools), so the index is the one its reports print as "CPU/Memory Power"."""
    if not LIGHTHOUSE_FUNCTIONS.exists():
        return None
    source = LIGHTHOUSE_FUNCTIONS.read_text(encoding="utf-8")
    start = source.index("function computeBenchmarkIndex()")
    depth = 0
    for end in range(source.index("{", start), len(source)):
        depth += {"{": 1, "}": -1}.get(source[end], 0)
        if depth == 0:
            return f"({source[start:end + 1]})()"
    return None


def benchmark_index(rate: float = 1) -> float | None:
    """This machine's benchmarkIndex in the bench's Chromium at CPU slowdown ``rate`` (the median
    of three: each takes one second)."""
    from playwright.sync_api import sync_playwright

    expression = benchmark_index_source()
    if expression is None:
        return None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=GL_ARGS)
        page = browser.new_page()
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": rate})
        values = sorted(page.evaluate(expression) for _ in range(3))
        browser.close()
    return values[1]


def first_view(url: str, device: dict, throttle: bool, rate: float = CPU_SLOWDOWN) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=GL_ARGS)
        context = browser.new_context(**device)
        page = context.new_page()
        page.add_init_script(MARKS)
        if throttle:
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", THROTTLE)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
        page.goto(url)
        page.wait_for_function("() => window.__hallMarks.frame", timeout=120000)
        ready_ms = page.evaluate("window.__hallMarks.frame")
        state = page.get_attribute("#hall-tour-viewer", "data-state")
        # the page's first paint of text or an image
        fcp = page.evaluate("() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null")
        # every response until the first frame, as sent (transferSize: headers and encoded body),
        # the XHR too; a URL fetched twice counts twice
        before = [(name, size) for name, size, end in page.evaluate(
            """() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
                     .map(e => [e.name, e.transferSize, e.responseEnd])""") if end <= ready_ms]
        sharp_ms = None
        if state == "ready":  # the chosen width replaces the first view's (hall-tour.js)
            page.wait_for_function("() => window.__hallMarks.sharp", timeout=120000)
            sharp_ms = page.evaluate("window.__hallMarks.sharp")
        browser.close()
    kinds: dict[str, int] = {}
    for name, size in before:
        kind = ("panorama" if "-4096." in name or "-2048." in name else "preview" if "-1024." in name else
                "pannellum" if "pannellum" in name else "page" if name.endswith("/") else
                "fonts" if "/fonts/" in name else "other css/js/images")
        kinds[kind] = kinds.get(kind, 0) + size
    return {"state": state, "ready_ms": ready_ms, "sharp_ms": sharp_ms, "fcp_ms": fcp, "bytes": sum(size for _, size in before), "kinds": kinds,
            "requests": len(before)}


def throttled_median(url: str, runs: int = THROTTLED_RUNS, rate: float = CPU_SLOWDOWN) -> dict:
    """The throttled phone run ``runs`` times in fresh browsers (a shared 2-core machine is noisy):
    the median run by first view, with every run's first view beside it."""
    results = sorted((first_view(url, PHONE, True, rate) for _ in range(runs)), key=lambda run: run["ready_ms"])
    return {**results[len(results) // 2], "all_ms": [run["ready_ms"] for run in results], "rate": rate}


def lighthouse_run(url: str) -> dict | None:
    binary = REPO / "tools/node_modules/.bin/lighthouse"
    if not binary.exists():
        return None
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        out = Path(tmp) / "report.json"
        result = subprocess.run([str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
                                 "--only-categories=performance",
                                 "--chrome-flags=--headless=new " + " ".join(GL_ARGS)],
                                env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True)
        if result.returncode != 0:
            return {"error": result.stderr[-300:]}
        report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    return {"score": round(report["categories"]["performance"]["score"] * 100),
            **{key: audits[key]["numericValue"] for key in
               ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "total-byte-weight")}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="measure this built site instead of building the sample hall")
    parser.add_argument("--out", type=Path, default=REPO / "docs/benchmarks/panorama.md")
    args = parser.parse_args()
    build = build_times()
    hall, _ = load_hall(REPO)
    cube = [cube_faces_bytes(REPO / name) for name in hall.tour.files]
    build["cube"] = (sum(c for c, _ in cube) / len(cube), sum(e for _, e in cube) / len(cube))
    lh = _lighthouse_module()
    with sample_site(args.site, "hall-pano-bench-") as site:
        server, base = lh.serve(site)
        try:
            url = f"{base.rstrip('/')}/{SCENE}"
            index = benchmark_index()
            runs = {"phone": first_view(url, PHONE, False), "desktop": first_view(url, DESKTOP, False),
                    "phone, Lighthouse mobile throttling": throttled_median(url)}
            calibration = None
            if index:
                rate = round(max(1.0, index / TARGET_INDEX), 1)
                calibration = {"index": index, "rate": rate, "throttled_index": benchmark_index(rate),
                               "index_at_4": benchmark_index(CPU_SLOWDOWN)}
                runs[f"phone, calibrated ({rate:g}× CPU)"] = throttled_median(url, rate=rate)
            lighthouse = lighthouse_run(url)
        finally:
            server.shutdown()
    args.out.write_text(render(build, runs, lighthouse, calibration), encoding="utf-8")
    print(args.out.read_text(encoding="utf-8"))
    return 0


def render(build: dict, runs: dict, lighthouse: dict | None, calibration: dict | None = None) -> str:
    kb = lambda n: f"{n / 1024:.0f} KB"  # noqa: E731
    lines = [
        "# 720° tour: bytes, first view, build time",
        "",
        f"Measured {dt.date.today().isoformat()} on {platform.machine()} ({os.cpu_count()} cores), Debian Chromium with "
        "software WebGL (SwiftShader), the sample hall's placeholder panoramas (4096 × 2048 JPEG, about 300 KB each).",
        "Command: `.venv/bin/python scripts/bench/panorama.py`",
        "",
        "## Build time per panorama (hall/media/panoramas.py)",
        "",
        f"{build['count']} panoramas, cold cache: {build['cold']:.2f} s in all, **{build['per_panorama']:.2f} s per panorama** "
        f"(decode once, 1024/2048/4096 px JPEG and a 16 px placeholder, spread over the cores); "
        f"warm: {build['warm'] * 1000:.0f} ms (nothing decoded).",
        "",
        "| width | mean file size |",
        "| ---: | ---: |",
        *(f"| {w} px | {kb(size)} |" for w, size in build["sizes"].items()),
        "",
        f"Cube faces instead (6 × 1024 px, the same sharpness at the horizon, same JPEG quality): "
        f"{kb(build['cube'][0])} per panorama, against {kb(build['cube'][1])} for the 4096 px equirectangular.",
        "",
        f"## Bytes and time before the first view of `{SCENE}`",
        "",
        "Bytes: every response (headers and body as sent; text gzipped by the bench server, as by any web server, "
        "cached as deploy/nginx/hall.conf says) finished before the first view. First view: from navigation to the "
        "viewer's first frame (two animation frames after Pannellum's first `load`, drawn from the 1024 px preview's "
        "own file), timed inside the page; sharp view: until the chosen width (2048 px on a phone, 4096 px on a "
        "desktop) has replaced it.",
        "",
        "| profile | state | bytes before first view | requests | first paint (FCP) | first view | sharp view | by kind |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, run in runs.items():
        kinds = ", ".join(f"{kind} {kb(size)}" for kind, size in sorted(run["kinds"].items(), key=lambda kv: -kv[1]))
        sharp = f"{run['sharp_ms'] / 1000:.2f} s" if run["sharp_ms"] else "–"
        fcp = f"{run['fcp_ms'] / 1000:.2f} s" if run["fcp_ms"] else "–"
        lines.append(f"| {name} | {run['state']} | **{kb(run['bytes'])}** | {run['requests']} | {fcp} "
                     f"| **{run['ready_ms'] / 1000:.2f} s** | {sharp} | {kinds} |")
    for name, run in runs.items():
        if "all_ms" in run:
            lines += ["", f"{name}: the median of {len(run['all_ms'])} runs; every run's first view: "
                      + ", ".join(f"{ms / 1000:.2f} s" for ms in run["all_ms"]) + "."]
    lines += ["", "## How fast this machine was", ""]
    if calibration is None:
        lines.append("Lighthouse is not installed (`npm ci --prefix tools`): no benchmarkIndex, no calibrated run.")
    else:
        lines += [
            f"Lighthouse's benchmarkIndex (\"CPU/Memory Power\") in the bench's Chromium: **{calibration['index']:.0f}** "
            f"unthrottled, {calibration['index_at_4']:.0f} at Lighthouse's 4× slowdown. Lighthouse chose 4× to bring a "
            f"high-end desktop (1500–2000) to a mid-tier phone, about {TARGET_INDEX:.0f}; on this machine that takes "
            f"{calibration['rate']:g}× (measured: {calibration['throttled_index']:.0f}), the calibrated row above. "
            "A slower machine gets a smaller slowdown, a faster one a larger: the calibrated row is the one to "
            "compare across machines and days.",
        ]
    lines += ["", "## Lighthouse (mobile preset, performance only) on the scene page", ""]
    if lighthouse is None:
        lines.append("Lighthouse is not installed (`npm ci --prefix tools`).")
    elif "error" in lighthouse:
        lines.append(f"Lighthouse failed: `{lighthouse['error']}`")
    else:
        lines += [
            "| score | FCP | LCP | TBT | total bytes |",
            "| ---: | ---: | ---: | ---: | ---: |",
            f"| {lighthouse['score']} | {lighthouse['first-contentful-paint'] / 1000:.2f} s "
            f"| {lighthouse['largest-contentful-paint'] / 1000:.2f} s | {lighthouse['total-blocking-time']:.0f} ms "
            f"| {kb(lighthouse['total-byte-weight'])} |",
        ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
