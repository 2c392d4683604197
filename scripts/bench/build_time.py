"""Build-performance benchmark: our hall build against the same site as plain MkDocs.

For each size N it generates a synthetic hall (N exhibits with 3 photos each, N/2 news
items, both languages; see ``synthetic_hall.py``) and, beside it, the same Markdown as a
plain MkDocs + Material + mkdocs-static-i18n project (section navigation, Material
search with jieba). After one warm-up build of each (photos and caches processed), it
builds them alternately ``--runs`` times and records, per build:

- wall time and peak memory of the whole process tree (the sum of the resident sets of
  the build and its children, polled from /proc every 50 ms; also the largest single
  process from ``wait4``'s ``ru_maxrss``);
- exhibit-page HTML size (median bytes, per language), total site size, search index
  size per language.

Then it profiles our largest build with cProfile (the default language's process and,
separately, the English build that it runs in a child process) and writes
``docs/benchmarks/build.md`` and ``docs/benchmarks/build.json``.

Usage, from the repository root::

    .venv/bin/python scripts/bench/build_time.py                  # N = 50, 200, 1000; 3 runs each
    .venv/bin/python scripts/bench/build_time.py --quick          # N = 20, 50; 1 run; no profile
    .venv/bin/python scripts/bench/build_time.py --sizes 1000 --runs 2 --out /tmp/bench

The machine is shared: ratios measured in the same run (builds alternating) are the
numbers to compare; absolute times move with the load of other work.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # the repository: hall, scripts.bench

from scripts.bench.synthetic_hall import generate_hall, write_plain_project  # noqa: E402

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
LANGUAGES = ("zh", "en")


# -- measuring one build ---------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    result = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                result += [int(c) for c in handle.read().split()]
    except OSError:
        pass
    return result


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


def _tree_rss(root: int) -> int:
    total, stack, seen = 0, [root], set()
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += _rss(pid)
        stack += _children(pid)
    return total


@dataclass
class Run:
    wall_s: float
    peak_tree_rss_mb: float
    max_process_rss_mb: float
    load_before: float
    cpu_s: float = 0.0  # user + system CPU of the whole tree (robust against a busy machine)


def measure(cmd: list[str], cwd: Path, log: Path, env: dict[str, str] | None = None) -> Run:
    """Run ``cmd`` in ``cwd``; wall time, peak RSS of its process tree and of its largest process."""
    load = os.getloadavg()[0]
    with log.open("w") as out:
        start = time.perf_counter()
        process = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env)
        peak = 0
        done = threading.Event()

        def poll() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, _tree_rss(process.pid))
                done.wait(0.05)

        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        poller.join()
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"build failed ({' '.join(cmd)} in {cwd}); see {log}:\n{log.read_text()[-3000:]}")
    return Run(round(wall, 3), round(peak / 2**20, 1), round(usage.ru_maxrss / 1024, 1), round(load, 2),
               round(usage.ru_utime + usage.ru_stime, 3))


def wait_for_old_site_removal(project: Path, timeout: float = 300) -> None:
    """Our build publishes by renaming and leaves deleting the previous site to a detached
    process (hall/mkdocs/plugin.py ``_swap_in``): wait for it, so that its disk and CPU
    work never lands in the next build's time (in earlier runs of this benchmark
    it did: plain's build paid for ours)."""
    deadline = time.monotonic() + timeout
    while any(project.glob(".site.old-*")) and time.monotonic() < deadline:
        time.sleep(0.1)


def mkdocs_cmd() -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--quiet"]


def build_env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


# -- measuring one site ----------------------------------------------------------------------


def _lang_root(site: Path, language: str) -> Path:
    return site if language == LANGUAGES[0] else site / language


def _files(root: Path, skip_languages: bool) -> list[Path]:
    others = {lang for lang in LANGUAGES[1:]}
    result = []
    for path in root.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(root)
        if skip_languages and rel.parts and rel.parts[0] in others:
            continue
        result.append(path)
    return result


def site_stats(site: Path) -> dict:
    """Exhibit-page HTML size (median bytes), site size and search index size per language."""
    stats: dict = {"site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file())}
    stats["html_bytes"] = sum(p.stat().st_size for p in site.rglob("*.html"))
    stats["files"] = sum(1 for p in site.rglob("*") if p.is_file())
    for language in LANGUAGES:
        root = _lang_root(site, language)
        pages = sorted(root.glob("exhibits/*/exhibit-*/index.html"))
        stats[f"exhibit_pages_{language}"] = len(pages)
        stats[f"exhibit_html_median_{language}"] = int(statistics.median(p.stat().st_size for p in pages)) if pages else 0
        # The index lives in a top-level folder: search/ (Material, also mkdocs-static-i18n,
        # which writes one index for all languages) or pagefind/ (ours after the search work).
        search = [
            p for p in _files(root, skip_languages=language == LANGUAGES[0])
            if any(key in p.relative_to(root).parts[0].lower() for key in ("search", "pagefind"))
            and len(p.relative_to(root).parts) > 1 and p.suffix != ".html"
        ]
        stats[f"search_bytes_{language}"] = sum(p.stat().st_size for p in search)
        stats[f"search_files_{language}"] = sorted(str(p.relative_to(site)) for p in search)
    return stats


# -- profiling ----------------------------------------------------------------------------------


#: Where the time goes: (label, module path fragment, function name); cumulative seconds.
PROFILE_BUCKETS = (
    ("load and validate the hall (load_hall)", "hall/content/loader.py", "load_hall"),
    ("plan photos (plan_media)", "hall/media/plan.py", "plan_media"),
    ("plan pages (plan_site)", "hall/pages/site.py", "plan_site"),
    ("MkDocs: read + render Markdown (_populate_page)", "mkdocs/commands/build.py", "_populate_page"),
    ("MkDocs: render templates + write HTML (_build_page)", "mkdocs/commands/build.py", "_build_page"),
    ("  of which Jinja templates (Template.render)", "jinja2/environment.py", "render"),
    ("  of which search indexing, jieba (search on_page_context)", "material/plugins/search/plugin.py", "on_page_context"),
    ("search: write index (search on_post_build)", "material/plugins/search/plugin.py", "on_post_build"),
    ("jieba: load dictionary (Tokenizer.initialize)", "jieba/__init__.py", "initialize"),
    ("MkDocs: copy static files (Files.copy_static_files)", "mkdocs/structure/files.py", "copy_static_files"),
    ("MkDocs: load config + plugins (load_config)", "mkdocs/config/base.py", "load_config"),
    ("search: Pagefind index, both sides (build_index)", "hall/outputs/search/pagefind.py", "build_index"),
    ("  of which waiting for Pagefind (epoll poll)", "~", "<method 'poll' of 'select.epoll' objects>"),
    ("  of which preparing pages (prepare_page: bigram segmentation)", "hall/outputs/search/pages.py", "prepare_page"),
    ("publish photos (write_media)", "hall/media/plan.py", "write_media"),
    ("atomic publish: swap in, delete the old site (swap_in)", "hall/mkdocs/publish.py", "swap_in"),
    ("MkDocs: empty the staging site folder (clean_directory)", "mkdocs/utils/__init__.py", "clean_directory"),
    ("wait for the other language's process (LanguageBuild.wait)", "hall/mkdocs/languages.py", "wait"),
    ("start the other language's process", "hall/mkdocs/languages.py", "start_language_build"),
    ("whole build (mkdocs build)", "mkdocs/commands/build.py", "build"),
)


def profile_build(project: Path, out: Path, language: str | None) -> dict:
    """cProfile one build: the default language's process, or one other language alone."""
    prof = out / f"profile-{language or 'primary'}.prof"
    if language is None:
        cmd = [sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "mkdocs", "build", "--quiet"]
        env = build_env()
    else:
        target = Path(tempfile.mkdtemp(prefix=f"bench-{language}-"))
        cmd = [sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "hall.mkdocs.languages",
               str(project / "mkdocs.yml"), str(target)]
        env = {**build_env(), "HALL_BUILD_LANGUAGE": language}
    start = time.perf_counter()
    subprocess.run(cmd, cwd=project, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    if language is not None:
        shutil.rmtree(target, ignore_errors=True)
    return summarize_profile(prof, wall, language)


def summarize_profile(prof: Path, wall: float, language: str | None) -> dict:
    """Group a cProfile file's cumulative times into :data:`PROFILE_BUCKETS`."""
    stats = pstats.Stats(str(prof))
    raw = stats.stats  # type: ignore[attr-defined]
    buckets = []
    for label, fragment, name in PROFILE_BUCKETS:
        cumulative = 0.0
        for (filename, _line, func), (_cc, _nc, _tt, ct, _callers) in raw.items():
            if func == name and filename.replace(os.sep, "/").endswith(fragment):
                cumulative = max(cumulative, ct)  # the outermost entry; recursion is already folded
        if cumulative >= 0.01:
            buckets.append({"what": label, "seconds": round(cumulative, 2)})
    top = sorted(
        ((ct, tt, f"{Path(fn).name}:{line}({func})") for (fn, line, func), (_cc, _nc, tt, ct, _c) in raw.items()),
        key=lambda item: item[1], reverse=True,
    )[:12]
    return {
        "build": language or "primary (zh, runs en in a child process)",
        "wall_s_under_profiler": round(wall, 2),
        "buckets": buckets,
        "top_self_time": [{"function": name, "self_s": round(tt, 2), "cumulative_s": round(ct, 2)} for ct, tt, name in top],
    }


# -- the benchmark ----------------------------------------------------------------------------


@dataclass
class SizeResult:
    exhibits: int
    news: int
    ours: list[Run] = field(default_factory=list)
    plain: list[Run] = field(default_factory=list)
    ours_site: dict = field(default_factory=dict)
    plain_site: dict = field(default_factory=dict)
    generate_s: float = 0.0


def _median(runs: list[Run], key: str) -> float:
    return round(statistics.median(getattr(r, key) for r in runs), 3)


def bench_size(n: int, runs: int, work: Path) -> SizeResult:
    news = n // 2
    ours_dir, plain_dir = work / f"ours-{n}", work / f"plain-{n}"
    start = time.perf_counter()
    generate_hall(ours_dir, n, news, seed=1)  # replaces the content, keeps .cache/ (photos done)
    write_plain_project(ours_dir, plain_dir)
    result = SizeResult(n, news, generate_s=round(time.perf_counter() - start, 2))
    logs = work / "logs"
    logs.mkdir(exist_ok=True)
    print(f"N={n}: generated in {result.generate_s} s; warm-up builds", flush=True)
    measure(mkdocs_cmd(), ours_dir, logs / f"ours-{n}-warmup.log", build_env())
    wait_for_old_site_removal(ours_dir)
    measure(mkdocs_cmd(), plain_dir, logs / f"plain-{n}-warmup.log", build_env())
    for i in range(runs):
        order = (("ours", ours_dir), ("plain", plain_dir))
        if i % 2:
            order = order[::-1]  # alternate which goes first
        for name, project in order:
            run = measure(mkdocs_cmd(), project, logs / f"{name}-{n}-{i}.log", build_env())
            wait_for_old_site_removal(project)
            getattr(result, name).append(run)
            print(f"N={n} run {i + 1}/{runs} {name}: {run.wall_s:.2f} s, CPU {run.cpu_s:.2f} s, tree {run.peak_tree_rss_mb:.0f} MB, "
                  f"load {run.load_before}", flush=True)
    result.ours_site = site_stats(ours_dir / "site")
    result.plain_site = site_stats(plain_dir / "site")
    return result


def _kb(value: int) -> str:
    return f"{value / 1024:,.1f} KB"


def _mb(value: int) -> str:
    return f"{value / 2**20:,.1f} MB"


def write_report(results: list[SizeResult], profiles: list[dict], meta: dict, md: Path, js: Path,
                 notes: str = "") -> None:
    md.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "meta": meta,
        "sizes": [
            {
                **{k: v for k, v in asdict(r).items() if k not in ("ours", "plain")},
                "ours_runs": [asdict(x) for x in r.ours],
                "plain_runs": [asdict(x) for x in r.plain],
                "ours_wall_median_s": _median(r.ours, "wall_s"),
                "plain_wall_median_s": _median(r.plain, "wall_s"),
                "wall_ratio_ours_over_plain": round(_median(r.ours, "wall_s") / _median(r.plain, "wall_s"), 3),
                "ours_cpu_median_s": _median(r.ours, "cpu_s"),
                "plain_cpu_median_s": _median(r.plain, "cpu_s"),
                "cpu_ratio_ours_over_plain": round(_median(r.ours, "cpu_s") / max(_median(r.plain, "cpu_s"), 1e-9), 3),
                "ours_peak_tree_rss_median_mb": _median(r.ours, "peak_tree_rss_mb"),
                "plain_peak_tree_rss_median_mb": _median(r.plain, "peak_tree_rss_mb"),
                "rss_ratio_ours_over_plain": round(_median(r.ours, "peak_tree_rss_mb") / _median(r.plain, "peak_tree_rss_mb"), 3),
            }
            for r in results
        ],
        "profiles": profiles,
    }
    js.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    lines = [
        "# Build performance: our hall build against plain MkDocs",
        "",
        "Generated by `scripts/bench/build_time.py` (do not edit by hand; rerun it). Raw numbers: `build.json`.",
        "",
        f"- When: {meta['date']}; commit `{meta['commit']}`{' with uncommitted changes' if meta['dirty'] else ''}.",
        f"- Machine: {meta['cpus']} cores, **shared with other engineers' work** (load average before each build is in "
        "`build.json`); absolute times move with that load, so compare the **ratios**, measured in the same run with "
        "the two builds alternating.",
        f"- Python {meta['python']}, MkDocs {meta['versions'].get('mkdocs')}, Material {meta['versions'].get('mkdocs-material')}, "
        f"mkdocs-static-i18n {meta['versions'].get('mkdocs-static-i18n')}, jieba {meta['versions'].get('jieba')}.",
        f"- Each size: one warm-up build of each project (photos and caches already processed), then {meta['runs']} "
        "alternating builds of each; medians shown.",
        "- **Ours**: the synthetic hall (`scripts/bench/synthetic_hall.py`, seed 1) built with `mkdocs build` "
        "(both languages: zh in the main process, en in a parallel child process; atomic publish).",
        "- **Plain**: the same Markdown and photos as a plain MkDocs + Material + mkdocs-static-i18n project "
        "(suffix structure, section navigation: zones as sections, exhibit and news pages linked from their section's "
        "index page; Material search with jieba). mkdocs-static-i18n writes **one** search index holding both "
        "languages (under `search/`), shown in the zh column.",
        "- Peak memory: the sum of the resident sets of the build's whole process tree, polled every 50 ms. "
        "CPU: user + system seconds of the whole tree (from `wait4`), which a busy machine disturbs far less "
        "than wall time; wall time is what a user waits, and on an idle machine ours can overlap its two "
        "languages on two cores, which CPU time does not show.",
        "",
        "| N exhibits (news) | wall ours | wall plain | ratio ours/plain | CPU ours | CPU plain | CPU ratio | peak RSS ours | peak RSS plain | RSS ratio |"
        " exhibit page zh / en ours | exhibit page zh / en plain | site ours | site plain | search index zh / en ours | search index plain |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r, d in zip(results, data["sizes"]):
        o, p = r.ours_site, r.plain_site
        lines.append(
            f"| {r.exhibits} ({r.news}) | {d['ours_wall_median_s']:.2f} s | {d['plain_wall_median_s']:.2f} s | "
            f"**{d['wall_ratio_ours_over_plain']:.2f}** | {d['ours_cpu_median_s']:.2f} s | {d['plain_cpu_median_s']:.2f} s | "
            f"**{d['cpu_ratio_ours_over_plain']:.2f}** | {d['ours_peak_tree_rss_median_mb']:.0f} MB | "
            f"{d['plain_peak_tree_rss_median_mb']:.0f} MB | {d['rss_ratio_ours_over_plain']:.2f} | "
            f"{_kb(o['exhibit_html_median_zh'])} / {_kb(o['exhibit_html_median_en'])} | "
            f"{_kb(p['exhibit_html_median_zh'])} / {_kb(p['exhibit_html_median_en'])} | "
            f"{_mb(o['site_bytes'])} | {_mb(p['site_bytes'])} | "
            f"{_kb(o['search_bytes_zh'])} / {_kb(o['search_bytes_en'])} | "
            f"{_kb(p['search_bytes_zh'] + p['search_bytes_en'])} |"
        )
    lines += ["", "Individual runs (wall seconds / CPU seconds; load average before the build):", ""]
    for r in results:
        lines.append(f"- N = {r.exhibits}: ours {', '.join(f'{x.wall_s:.1f}/{x.cpu_s:.1f} ({x.load_before:.0f})' for x in r.ours)}; "
                     f"plain {', '.join(f'{x.wall_s:.1f}/{x.cpu_s:.1f} ({x.load_before:.0f})' for x in r.plain)}")
    if profiles:
        lines += ["", "## Where our build's time goes (cProfile, largest N)", ""]
        for prof in profiles:
            lines += [f"**{prof['build']}**, {prof['wall_s_under_profiler']:.1f} s under the profiler "
                      "(cumulative seconds; nested rows overlap their parents):", "",
                      "| what | seconds |", "| --- | --- |"]
            lines += [f"| {b['what']} | {b['seconds']:.2f} |" for b in prof["buckets"]]
            lines += ["", "Top functions by self time: " + "; ".join(
                f"`{t['function']}` {t['self_s']:.2f} s" for t in prof["top_self_time"][:8]) + ".", ""]
    if notes:
        lines += ["", "## Analysis", "", notes.strip(), ""]
    md.write_text("\n".join(lines) + "\n", encoding="utf-8")


def rerender(out: Path, notes_file: Path | None) -> int:
    """Rewrite build.md from build.json, measuring nothing."""
    data = json.loads((out / "build.json").read_text(encoding="utf-8"))
    results = []
    for size in data["sizes"]:
        result = SizeResult(size["exhibits"], size["news"], generate_s=size.get("generate_s", 0.0))
        result.ours = [Run(**run) for run in size["ours_runs"]]
        result.plain = [Run(**run) for run in size["plain_runs"]]
        result.ours_site, result.plain_site = size["ours_site"], size["plain_site"]
        results.append(result)
    notes = notes_file.read_text(encoding="utf-8") if notes_file else ""
    write_report(results, data.get("profiles", []), data["meta"], out / "build.md", out / "build.json", notes)
    print(f"rewrote {out / 'build.md'}")
    return 0


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    result = {}
    for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "jieba", "Markdown", "Jinja2"):
        try:
            result[name] = version(name)
        except PackageNotFoundError:
            result[name] = "not installed"
    return result


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[50, 200, 1000],
                        help="comma-separated exhibit counts (default: 50,200,1000)")
    parser.add_argument("--runs", type=int, default=3, help="alternating measured builds of each (default: 3)")
    parser.add_argument("--quick", action="store_true", help="sizes 20,50, one run, no profile")
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile of the largest size")
    parser.add_argument("--profile-en", action="store_true",
                        help="also profile the English build alone (what the child process does)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "hall-bench",
                        help="folder for the generated projects (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "benchmarks",
                        help="folder for build.md and build.json (default: docs/benchmarks)")
    parser.add_argument("--notes", type=Path, help="a Markdown file whose text becomes the report's analysis")
    parser.add_argument("--rerender", action="store_true",
                        help="measure nothing: rewrite build.md from build.json (e.g. with new --notes)")
    args = parser.parse_args(argv)
    if args.rerender:
        return rerender(args.out, args.notes)
    if args.quick:
        args.sizes, args.runs, args.no_profile = [20, 50], 1, True
    args.work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)

    meta = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "dirty": bool(_git("status", "--porcelain", "--", "hall", "theme", "mkdocs.yml")),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "versions": _versions(),
        "runs": args.runs,
        "sizes": args.sizes,
    }
    results = [bench_size(n, args.runs, args.work) for n in args.sizes]
    profiles = []
    if not args.no_profile:
        largest = args.work / f"ours-{max(args.sizes)}"
        print(f"profiling our N={max(args.sizes)} build", flush=True)
        profiles.append(profile_build(largest, args.out, None))
        if args.profile_en:
            profiles.append(profile_build(largest, args.out, "en"))
        for prof in args.out.glob("profile-*.prof"):
            shutil.move(str(prof), str(args.work / prof.name))  # keep the raw profiles out of the repo
    notes = args.notes.read_text(encoding="utf-8") if args.notes else ""
    write_report(results, profiles, meta, args.out / "build.md", args.out / "build.json", notes)
    print(f"wrote {args.out / 'build.md'} and {args.out / 'build.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
