"""Benchmark the photo pipeline (hall/media/) and write docs/benchmarks/media.md.

Makes N synthetic 12-megapixel JPEGs (4000x3000, a quarter with EXIF orientation 6,
half with GPS), then measures per photo, for three widths x (WebP + JPEG):

* ours, one core   - hall.media.render_photo, one photo after another
* ours, all cores  - hall.media.plan_media over every core (wall time / N)
* naive            - full decode, each width resized from the original, saved (WebP + JPEG)
* floor            - the reduced-scale (draft) decode alone
* sigal            - sigal.image.generate_image once per width (JPEG only), against ours
                     with JPEG only: like for like. Runs in a separate venv that has sigal
* AVIF             - what adding AVIF at the same widths would cost, and its size

and the SSIM of our derivatives against the naive pipeline's and against an uncompressed
reference (full decode, Lanczos resize, no encoding).

Usage, from the repository root::

    .venv/bin/python scripts/bench/media_quality.py                 # 40 photos, writes the report
    .venv/bin/python scripts/bench/media_quality.py --photos 8 --no-report   # a quick look

sigal lives in its own venv (so it does not pin anything in ours)::

    python3.11 -m venv .cache/bench-venv
    .cache/bench-venv/bin/pip install sigal==2.6.1 Pillow==13.0.0 numpy==2.4.6

Needs numpy (the `test` extra).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from hall.media import MediaSettings, plan_media, render_photo  # noqa: E402

REPORT = ROOT / "docs" / "benchmarks" / "media.md"
SIGAL_PYTHON = ROOT / ".cache" / "bench-venv" / "bin" / "python"
WIDTHS = (480, 960, 1600)


# ---------------------------------------------------------------------------- photos


def make_photos(folder: Path, count: int, size=(4000, 3000)) -> list[Path]:
    """Deterministic photo-like JPEGs: soft colour fields, mid-scale texture, sensor noise."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    width, height = size
    for index in range(count):
        path = folder / f"photo-{index:02d}.jpg"
        paths.append(path)
        if path.exists():
            continue
        rng = np.random.default_rng(index)
        field = Image.fromarray(rng.integers(30, 225, (9, 12, 3), dtype=np.uint8)).resize(size, Image.BICUBIC)
        texture = Image.fromarray(rng.integers(0, 255, (height // 20, width // 20), dtype=np.uint8)).resize(size, Image.BICUBIC)
        pixels = np.asarray(field, dtype=np.float32)
        pixels += (np.asarray(texture, dtype=np.float32)[..., None] - 128) * 0.35
        pixels += rng.normal(0, 4, (height, width, 1)).astype(np.float32)
        image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
        exif = Image.Exif()
        exif[0x010F] = "BenchCam"
        exif[0xA431] = f"SERIAL{index:04d}"
        if index % 4 == 0:
            exif[0x0112] = 6
        if index % 2 == 0:
            exif[0x8825] = {1: "N", 2: (30.0, 15.0, float(index)), 3: "E", 4: (103.0, 5.0, 9.0)}
        image.save(path, "JPEG", quality=90, exif=exif.tobytes())
    return paths


# ---------------------------------------------------------------------------- pipelines


def naive(path: Path, out: Path, formats=("webp", "jpeg")) -> None:
    """Full decode, orient, each width resized from the full original, saved."""
    with Image.open(path) as opened:
        image = ImageOps.exif_transpose(opened)
        image.load()
    for width in WIDTHS:
        height = round(image.height * width / image.width)
        resized = image.resize((width, height), Image.LANCZOS)
        if "webp" in formats:
            resized.save(out / f"{path.stem}-{width}.webp", "WEBP", quality=80)
        if "jpeg" in formats:
            resized.save(out / f"{path.stem}-{width}.jpg", "JPEG", quality=82)


def reference(path: Path) -> dict[int, Image.Image]:
    with Image.open(path) as opened:
        image = ImageOps.exif_transpose(opened).convert("RGB")
    return {w: image.resize((w, round(image.height * w / image.width)), Image.LANCZOS) for w in WIDTHS}


def floor(path: Path) -> None:
    with Image.open(path) as opened:
        orientation = opened.getexif().get(0x0112, 1)
        w, h = opened.size
        target = (1600, round(1600 * w / h)) if orientation in (5, 6, 7, 8) else (1600, round(1600 * h / w))
        opened.draft("RGB", target)
        opened.load()


def timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return (time.perf_counter() - start) * 1000


def ours_serial(paths: list[Path], settings: MediaSettings, cache: Path) -> list[float]:
    times = []
    for index, path in enumerate(paths):
        key = f"{index:02d}" + "0" * 30
        times.append(timed(render_photo, str(path), key, str(cache), settings))
    return times


def ours_parallel(paths: list[Path], settings: MediaSettings, root: Path, workers: int) -> float:
    cache = root / f".cache-{workers}"
    shutil.rmtree(cache, ignore_errors=True)
    start = time.perf_counter()
    plan = plan_media(root, [p.relative_to(root).as_posix() for p in paths], settings,
                      cache_dir=cache, workers=workers, progress=lambda done, total: None)
    elapsed = (time.perf_counter() - start) * 1000
    assert plan.decoded == len(paths) and not plan.problems.errors
    return elapsed / len(paths)


SIGAL_SNIPPET = textwrap.dedent("""
    import json, sys, time
    from sigal import image
    from sigal.settings import read_settings
    paths, out, widths = json.loads(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
    settings = read_settings()
    times = []
    for p in paths:
        start = time.perf_counter()
        for w in widths:
            s = dict(settings, img_size=(w, round(w * 3 / 4)))
            image.generate_image(p, f"{out}/{w}-{p.rsplit('/', 1)[1]}", s,
                                 options={"quality": 82, "optimize": True, "progressive": True})
        times.append((time.perf_counter() - start) * 1000)
    print(json.dumps(times))
""")


def sigal_times(paths: list[Path], out: Path, python: Path) -> list[float] | None:
    if not python.exists():
        return None
    out.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [str(python), "-c", SIGAL_SNIPPET, json.dumps([str(p) for p in paths]), str(out), json.dumps(WIDTHS)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def sigal_version(python: Path) -> str:
    result = subprocess.run([str(python), "-c", "import sigal; print(sigal.__version__)"], capture_output=True, text=True)
    return result.stdout.strip() or "?"


def avif_cost(paths: list[Path], cache: Path) -> tuple[list[float], dict[str, float]]:
    """Time of our pipeline with AVIF added (speed 8), and mean bytes per format at 960 px."""
    settings = MediaSettings(formats=("avif", "webp", "jpeg"))
    times = ours_serial(paths, settings, cache)
    sizes: dict[str, list[int]] = {}
    for entry in cache.glob("*/*"):
        for file in entry.glob("960.*"):
            sizes.setdefault(file.suffix, []).append(file.stat().st_size)
    return times, {k: statistics.mean(v) / 1024 for k, v in sizes.items()}


# ---------------------------------------------------------------------------- SSIM


def _box(a: np.ndarray, size: int = 7) -> np.ndarray:
    """Mean over size x size windows (valid part), via an integral image."""
    s = np.pad(a, ((1, 0), (1, 0))).cumsum(0).cumsum(1)
    return (s[size:, size:] - s[:-size, size:] - s[size:, :-size] + s[:-size, :-size]) / (size * size)


def ssim(a: Image.Image, b: Image.Image) -> float:
    """Mean SSIM of the luma of two same-sized images (7x7 uniform window, as scikit-image)."""
    x = np.asarray(a.convert("L"), dtype=np.float64)
    y = np.asarray(b.convert("L"), dtype=np.float64)
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    mx, my = _box(x), _box(y)
    n = 49
    vx = (_box(x * x) - mx * mx) * n / (n - 1)
    vy = (_box(y * y) - my * my) * n / (n - 1)
    cxy = (_box(x * y) - mx * my) * n / (n - 1)
    value = ((2 * mx * my + c1) * (2 * cxy + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2))
    return float(value.mean())


def quality(paths: list[Path], ours_cache: Path, naive_dir: Path) -> dict[tuple[str, int], dict[str, float]]:
    rows: dict[tuple[str, int], dict[str, list[float]]] = {}
    for index, path in enumerate(paths):
        entry = ours_cache / f"{index:02d}" / (f"{index:02d}" + "0" * 30)
        refs = reference(path)
        for ext in ("webp", "jpg"):
            for width in WIDTHS:
                ours = Image.open(entry / f"{width}.{ext}")
                theirs = Image.open(naive_dir / f"{path.stem}-{width}.{ext}")
                row = rows.setdefault((ext, width), {"vs_naive": [], "ours_ref": [], "naive_ref": [],
                                                     "ours_kb": [], "naive_kb": []})
                row["vs_naive"].append(ssim(ours, theirs))
                row["ours_ref"].append(ssim(ours, refs[width]))
                row["naive_ref"].append(ssim(theirs, refs[width]))
                row["ours_kb"].append((entry / f"{width}.{ext}").stat().st_size / 1024)
                row["naive_kb"].append((naive_dir / f"{path.stem}-{width}.{ext}").stat().st_size / 1024)
    return {key: {k: statistics.mean(v) for k, v in row.items()} for key, row in rows.items()}


# ---------------------------------------------------------------------------- main


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{v:.2f}" for v in os.getloadavg())
    return f"{cpu}, {os.cpu_count()} cores, load average before the run {load}; Python {platform.python_version()}, Pillow {Image.__version__}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--photos", type=int, default=40, help="number of synthetic photos (default 40)")
    parser.add_argument("--quality-photos", type=int, default=8, help="photos used for SSIM and AVIF (default 8)")
    parser.add_argument("--workdir", type=Path, default=None, help="keep photos here between runs")
    parser.add_argument("--sigal-python", type=Path, default=SIGAL_PYTHON)
    parser.add_argument("--no-report", action="store_true", help="print only; do not write docs/benchmarks/media.md")
    args = parser.parse_args(argv)

    before = machine()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="hall-bench-"))
    photos_dir = work / "photos"
    print(f"making {args.photos} photos in {photos_dir} …", file=sys.stderr)
    paths = make_photos(photos_dir, args.photos)
    settings = MediaSettings(widths=WIDTHS)
    cores = os.cpu_count() or 1
    results: dict[str, list[float]] = {}

    def step(name: str, values: list[float]) -> None:
        results[name] = values
        print(f"{name:<28} median {statistics.median(values):7.1f} ms/photo", file=sys.stderr)

    step("floor", [timed(floor, p) for p in paths])
    cache = work / "ours"
    shutil.rmtree(cache, ignore_errors=True)
    step("ours, 1 core", ours_serial(paths, settings, cache))
    naive_dir = work / "naive"
    shutil.rmtree(naive_dir, ignore_errors=True)
    naive_dir.mkdir()
    step("naive, 1 core", [timed(naive, p, naive_dir) for p in paths])
    jpeg_cache = work / "ours-jpeg"
    shutil.rmtree(jpeg_cache, ignore_errors=True)
    step("ours JPEG only, 1 core", ours_serial(paths, MediaSettings(widths=WIDTHS, formats=("jpeg",)), jpeg_cache))
    sigal = sigal_times(paths, work / "sigal", args.sigal_python)
    if sigal:
        step("sigal JPEG only, 1 core", sigal)
    one = ours_parallel(paths, settings, work, 1)
    print(f"{'ours via plan_media, 1':<28} {one:7.1f} ms/photo (wall / N)", file=sys.stderr)
    many = ours_parallel(paths, settings, work, cores)
    print(f"{'ours via plan_media, ' + str(cores):<28} {many:7.1f} ms/photo (wall / N)", file=sys.stderr)

    subset = paths[: args.quality_photos]
    print("SSIM …", file=sys.stderr)
    ssim_rows = quality(subset, cache, naive_dir)
    avif_dir = work / "avif"
    shutil.rmtree(avif_dir, ignore_errors=True)
    avif_times, avif_kb = avif_cost(subset, avif_dir)
    ours_subset = statistics.median(results["ours, 1 core"][: len(subset)])
    print(f"with AVIF: median {statistics.median(avif_times):.1f} ms/photo vs {ours_subset:.1f}; KB at 960 {avif_kb}",
          file=sys.stderr)

    report = render_report(args, before, results, one, many, cores, ssim_rows, avif_times, ours_subset, avif_kb,
                           sigal_version(args.sigal_python) if sigal else None, len(subset))
    print(report)
    if not args.no_report:
        REPORT.parent.mkdir(parents=True, exist_ok=True)
        REPORT.write_text(report, encoding="utf-8")
        print(f"wrote {REPORT.relative_to(ROOT)}", file=sys.stderr)
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def render_report(args, before, results, one, many, cores, ssim_rows, avif_times, ours_subset, avif_kb,
                  sigal_version, subset) -> str:
    med = {name: statistics.median(values) for name, values in results.items()}
    ours = med["ours, 1 core"]
    lines = [
        "# Photo pipeline benchmark",
        "",
        f"Written by `scripts/bench/media_quality.py` ({args.photos} synthetic 4000×3000 JPEGs, quality 90; a quarter with EXIF",
        "orientation 6, half with GPS). Three widths (480, 960, 1600) × (WebP + JPEG) per photo, unless said otherwise.",
        f"Machine: {before}.",
        "The machine is shared: other builds and tests ran at the same time, so the multi-core figure is a lower bound.",
        "",
        "## Time per photo",
        "",
        "| pipeline | median ms / photo | vs ours |",
        "| --- | ---: | ---: |",
        f"| **ours** (`hall.media`, draft decode, one decode for all sizes), 1 core | **{ours:.0f}** | 1.00× |",
        f"| ours through `plan_media`, 1 worker (wall ÷ N, incl. hashing and cache writes) | {one:.0f} | {one / ours:.2f}× |",
        f"| ours through `plan_media`, {cores} workers (wall ÷ N) | {many:.0f} | {many / ours:.2f}× (speed-up {one / many:.2f}×) |",
        f"| naive Pillow (full decode, each size from the original, WebP q80 m4 + JPEG q82), 1 core | {med['naive, 1 core']:.0f} | {med['naive, 1 core'] / ours:.2f}× |",
        f"| floor: reduced-scale (draft) decode alone, 1 core | {med['floor']:.0f} | {med['floor'] / ours:.2f}× |",
        "",
        "Like for like with sigal (JPEG only, the same three sizes, quality 82; sigal adds progressive, ours does not):",
        "",
        "| pipeline | median ms / photo |",
        "| --- | ---: |",
        f"| ours, JPEG only, 1 core | {med['ours JPEG only, 1 core']:.0f} |",
    ]
    if sigal_version:
        ratio = med["sigal JPEG only, 1 core"] / med["ours JPEG only, 1 core"]
        lines += [
            f"| sigal {sigal_version} `generate_image` once per size, 1 core | {med['sigal JPEG only, 1 core']:.0f} |",
            "",
            f"Ours is **{ratio:.1f}× faster** than sigal like for like. sigal decodes the full 12 MP photo once per size;",
            "ours decodes once, at the DCT scale the largest size needs, and resizes each size from the next larger one.",
            "sigal ran in its own venv (`.cache/bench-venv`, sigal and the same Pillow), not in the project's.",
        ]
    else:
        lines += ["", "sigal was not measured (no venv at `.cache/bench-venv`, see the script's docstring)."]
    lines += [
        "",
        f"## Quality (SSIM, first {subset} photos, luma, 7×7 window)",
        "",
        "`vs naive`: ours against the naive pipeline's file. `vs reference`: against an uncompressed Lanczos resize of",
        "the full decode. 1.0 is identical.",
        "",
        "| format | width | SSIM ours vs naive | ours vs reference | naive vs reference | KB ours | KB naive |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for (ext, width), row in sorted(ssim_rows.items()):
        lines.append(
            f"| {ext} | {width} | {row['vs_naive']:.4f} | {row['ours_ref']:.4f} | {row['naive_ref']:.4f} | "
            f"{row['ours_kb']:.0f} | {row['naive_kb']:.0f} |"
        )
    avif = statistics.median(avif_times)
    lines += [
        "",
        "## AVIF",
        "",
        f"Adding AVIF (Pillow's libavif, speed 8, quality 60) at the same three widths: {avif:.0f} ms per photo instead of",
        f"{ours_subset:.0f} ms (+{avif - ours_subset:.0f} ms, {avif / ours_subset:.1f}×), on the first {subset} photos. Mean size at 960 px: "
        + ", ".join(f"{ext.lstrip('.')} {kb:.0f} KB" for ext, kb in sorted(avif_kb.items())) + ".",
        "",
        ("**Decision: no AVIF for now.** " if avif / ours_subset > 1.5 else "**Decision: AVIF is affordable; consider enabling it.** ") + (
            f"It costs {avif / ours_subset:.1f}× the cold build time per photo, while every browser our visitors use "
            "(WeChat's built-in browser, phone browsers, the kiosk's Chromium) already takes WebP. The setting exists "
            "(`MediaSettings(formats=(\"avif\", \"webp\", \"jpeg\"))`) if a later measurement on real photos says the bytes are worth it."
        ),
        "",
        "## How to run",
        "",
        "```",
        "python3.11 -m venv .cache/bench-venv && .cache/bench-venv/bin/pip install sigal==2.6.1 Pillow==13.0.0 numpy==2.4.6",
        f".venv/bin/python scripts/bench/media_quality.py            # {args.photos} photos, writes this file",
        ".venv/bin/python scripts/bench/media_quality.py --photos 8 --no-report   # quick look",
        "```",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
