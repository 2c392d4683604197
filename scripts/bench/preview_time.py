"""Preview speed: time from saving an exhibit's zh.md to `hall serve` serving the new text.

For each hall (the sample hall, and a synthetic hall of N exhibits made by
scripts/bench/synthetic_hall.py), copy it to a temporary folder, start `hall serve` on a free
port, wait for the first build, then several times: append a unique line to one exhibit's
zh.md and poll the page over HTTP until the line is there. Prints each run and the median.

    .venv/bin/python scripts/bench/preview_time.py                  # sample + 200-exhibit hall
    .venv/bin/python scripts/bench/preview_time.py --exhibits 0     # the sample hall only
    .venv/bin/python scripts/bench/preview_time.py --profile        # where a rebuild spends its time
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from scripts.bench.synthetic_hall import generate_hall  # noqa: E402
from tests.support.sites import copy_sample_hall  # noqa: E402


def synthetic(target: Path, exhibits: int, news: int) -> Path:
    generate_hall(target, exhibits, news, seed=1)
    return target


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except Exception:
        return None


def first_exhibit(project: Path) -> tuple[Path, str]:
    from hall.content import load_hall

    hall, _ = load_hall(project)
    exhibit = next(e for z in hall.zones for e in z.exhibits)
    return project / exhibit.folder / "zh.md", f"exhibits/{exhibit.id}/"


def measure(project: Path, runs: int, label: str, timeout: float = 120.0) -> dict[str, object]:
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    zh_md, page = first_exhibit(project)
    url = f"http://127.0.0.1:{port}/{page}"
    started = time.perf_counter()
    log = open(project / "serve.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "hall.cli", "serve", "--port", str(port)],
                              cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        while fetch(url) is None:
            if server.poll() is not None or time.perf_counter() - started > timeout:
                raise RuntimeError(f"{label}: server did not come up; see {project / 'serve.log'}")
            time.sleep(0.1)
        first = time.perf_counter() - started
        times = []
        original = zh_md.read_text(encoding="utf-8")
        for _ in range(runs):
            time.sleep(1.0)  # let the watcher settle between saves
            token = f"bench{uuid.uuid4().hex[:10]}"
            zh_md.write_text(original + f"\n\n{token}\n", encoding="utf-8")
            saved = time.perf_counter()
            while token not in (fetch(url) or ""):
                if time.perf_counter() - saved > timeout:
                    raise RuntimeError(f"{label}: change not served after {timeout} s")
                time.sleep(0.05)
            times.append(time.perf_counter() - saved)
        zh_md.write_text(original, encoding="utf-8")
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    result = {"hall": label, "first_build_s": round(first, 2), "runs_s": [round(t, 2) for t in times],
              "median_s": round(statistics.median(times), 2)}
    print(result, flush=True)
    return result


def profile_rebuild(project: Path, top: int = 25) -> str:
    """One preview build of the default language, in-process, under cProfile."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    cwd = os.getcwd()
    os.chdir(project)
    try:
        def once() -> None:
            config = load_config(str(project / "mkdocs.yml"), site_dir=tempfile.mkdtemp(prefix="bench-preview-"))
            config.plugins.on_startup(command="serve", dirty=False)
            build(config, serve_url="http://127.0.0.1:8000/")
            config.plugins.on_shutdown()

        once()  # warm: imports, caches
        profiler = cProfile.Profile()
        started = time.perf_counter()
        profiler.enable()
        once()
        profiler.disable()
        took = time.perf_counter() - started
    finally:
        os.chdir(cwd)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    return f"in-process preview build: {took:.2f} s\n" + out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--exhibits", type=int, default=200, help="synthetic hall size (0: sample only)")
    parser.add_argument("--news", type=int, default=50)
    parser.add_argument("--profile", action="store_true", help="profile one in-process rebuild of each hall")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-preview-"))
    try:
        halls = [("sample", copy_sample_hall(work / "sample"))]
        if args.exhibits:
            halls.append((f"synthetic-{args.exhibits}", synthetic(work / "synthetic", args.exhibits, args.news)))
        for label, project in halls:
            measure(project, args.runs, label)
            if args.profile:
                print(profile_rebuild(project))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
