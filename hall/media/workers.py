"""Running one photo function over many photos in worker processes, with a progress bar
for staff: shared by the build (``render_photo``) and ``hall check`` (``verify_photo``)."""

from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Any, Callable


def run_jobs(function: Callable[..., dict[str, Any]], jobs: list[tuple], workers: int | None,
             progress: Callable[[int, int], None] | None, key_at: int = 1) -> dict[str, dict[str, Any]]:
    """``function(*job)`` for every job, by the job's key (``job[key_at]``), over ``workers``
    processes (default: every core; one: in this process). A worker
    that dies (out of memory …) gives that photo an ``image.corrupt`` verdict marked
    ``transient``, not a crash: it is reported, but not kept as the photo's verdict."""
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    progress = progress or (stderr_progress if len(jobs) > 8 else None)
    results: dict[str, dict[str, Any]] = {}
    if workers == 1:
        for index, job in enumerate(jobs, 1):
            results[job[key_at]] = function(*job)
            if progress:
                progress(index, len(jobs))
        return results
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(function, *job): job[key_at] for job in jobs}
        for index, future in enumerate(as_completed(futures), 1):
            key = futures[future]
            try:
                results[key] = future.result()
            except Exception as err:  # a worker died (out of memory…): report, don't crash
                results[key] = {"error": "image.corrupt", "detail": f"({type(err).__name__}: {err})",
                                "transient": True}  # reported, never recorded as the photo's verdict
            if progress:
                progress(index, len(jobs))
    return results


def stderr_progress(done: int, total: int) -> None:
    """A one-line bar on a terminal; a few lines in a log."""
    width = 30
    filled = width * done // total
    line = f"照片 photos [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
    if sys.stderr.isatty():
        print("\r" + line, end="\n" if done == total else "", file=sys.stderr, flush=True)
    elif done == total or done % max(1, total // 4) == 0:
        print(line, file=sys.stderr, flush=True)
