"""Publishing a finished build: it is written into a staging folder beside the site and
swapped in with two renames only when every language succeeded, so visitors (and a failed
build) never see half a site; leftovers of an interrupted build are cleared next time."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import uuid
from pathlib import Path


def staging_folder(final: Path) -> Path:
    """Where a build of ``final`` writes until it succeeds."""
    return final.with_name(f".{final.name}.building-{uuid.uuid4().hex[:8]}")


def drop_staging_folders(final: Path) -> None:
    """A failed build: its staging folders go, the published site stays."""
    for path in final.parent.glob(f".{final.name}.building-*"):
        shutil.rmtree(path, ignore_errors=True)


def remove_leftovers(final: Path) -> None:
    """Staging folders an interrupted build (Ctrl+C, power cut) left beside the site."""
    for pattern in (f".{final.name}.building-*", f".{final.name}.old-*", ".hall-*-*"):
        for path in final.parent.glob(pattern):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:  # a language hand-off (.hall-handoff-*.pickle)
                path.unlink(missing_ok=True)


def swap_in(staging: Path, final: Path) -> None:
    """Replace ``final`` by ``staging`` with two renames, so readers never see a half site."""
    old = final.with_name(f".{final.name}.old-{uuid.uuid4().hex[:8]}")
    if final.exists():
        final.rename(old)  # refused (a file in it held open on Windows): nothing has moved yet
    try:
        staging.rename(final)
    except OSError:  # put the previous site back before the error is told: never no site at all
        if old.exists():
            old.rename(final)
        raise
    if old.exists():  # deleting a large old site takes seconds: let a detached process do it
        subprocess.Popen(
            [sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)", str(old)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # whatever it leaves (power cut) the next build's remove_leftovers removes


def strict_warnings_so_far() -> int:
    """Warnings MkDocs has counted for ``--strict`` in this build. MkDocs aborts a strict
    build only after ``on_post_build``, where the finished site is swapped in: checked just
    before the swap, they stop it, so a strict build never publishes a site it then fails."""
    from mkdocs.utils import CountHandler

    counters = [h for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler)]
    return sum(count for counter in counters for _, count in counter.get_counts())
