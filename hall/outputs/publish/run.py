"""Carrying out a publish plan stage by stage, with progress in files and bytes."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Callable

from .objects import STAGE_NAMES
from .plan import PublishPlan
from .targets import Target

#: (stage or 4 for deletions, files done, files in stage, bytes done, bytes in stage)
Progress = Callable[[int, int, int, int, int], None]
DELETE = 4


def publish(plan: PublishPlan, target: Target, progress: Progress | None = None, workers: int = 8) -> None:
    """Upload each stage completely (in parallel inside it, 8 connections) before the next
    starts, then delete. A failure stops at once: the stages already done never name a
    missing file, and running the command again finishes the job (done files are skipped)."""
    report = progress or (lambda *_: None)
    for stage in sorted(STAGE_NAMES):
        files = plan.stages.get(stage, [])
        total = sum(f.size for f in files)
        done = sent = 0
        report(stage, 0, len(files), 0, total)
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for file, _ in zip(files, pool.map(target.put, files)):  # map re-raises the first failure
                done += 1
                sent += file.size
                report(stage, done, len(files), sent, total)
    if plan.deletions:
        target.delete(plan.deletions)
        report(DELETE, len(plan.deletions), len(plan.deletions), 0, 0)
