"""`hall serve` made live: what a preview rebuild may leave for after the page is served.

Measured on the sample hall (docs/benchmarks/preview.md), a rebuild spent its time in
three places that a staff member looking at the Chinese page does not wait for:

* compiling the same Jinja templates again on every rebuild (MkDocs makes a new Jinja
  environment each time): a bytecode cache in ``.cache/jinja`` keeps them compiled
  (for every build, not only previews; Jinja checks each template's source checksum);
* building the other languages, each a child process that imports MkDocs and renders
  every page: under ``serve`` they start *after* the default language is written and
  land under ``/<lang>/`` a few seconds later, in the background;
* the search index (Pagefind): under ``serve`` it is rebuilt in the background too.

A preview also keeps running when the content has errors: the problems are printed and
shown on the preview's home page, and the next save rebuilds as usual.
"""

from __future__ import annotations

import logging
import shutil
import threading
import uuid
from pathlib import Path
from typing import Any, Callable

from jinja2 import FileSystemBytecodeCache

log = logging.getLogger("mkdocs.plugins.hall")

#: Set by the default language's preview so its child builds (other languages) know it too.


def jinja_cache(root: Path) -> FileSystemBytecodeCache:
    folder = Path(root) / ".cache" / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


class Background:
    """Work a preview rebuild finishes after the default language's pages are served."""

    def __init__(self) -> None:
        self.threads: list[threading.Thread] = []
        self.children: list[Any] = []  # other languages' builds still running
        self.cancelled = False

    def run(self, function: Callable[..., Any], *args: Any) -> None:
        thread = threading.Thread(target=self._guard, args=(function, *args), daemon=True)
        thread.start()
        self.threads.append(thread)

    @staticmethod
    def _guard(function: Callable[..., Any], *args: Any) -> None:
        try:
            function(*args)
        except Exception as err:  # a preview must keep running; say what went wrong
            log.error(f"预览后台任务失败 Preview background task failed: {err}")

    def wait(self) -> None:
        """Before the next rebuild: stop the previous one's language builds (their pages are
        out of date already) and let its other work end, so two rebuilds never write at once."""
        self.cancelled = True
        for child in self.children:
            child.kill()
        for thread in self.threads:
            thread.join()
        self.threads, self.children, self.cancelled = [], [], False


def finish_other_languages(background: Background, start: Callable[[], list[Any]], site_dir: Path) -> None:
    """Start the other languages' builds, wait for them, swap each into ``site_dir/<lang>``."""
    children = start()
    background.children.extend(children)
    for child in children:
        code, output = child.wait()
        if background.cancelled:
            shutil.rmtree(child.site_dir, ignore_errors=True)
            continue
        if code != 0:
            log.error(f"[{child.language}] {output.strip()}")
            shutil.rmtree(child.site_dir, ignore_errors=True)
            continue
        target = site_dir / child.language
        old = site_dir / f".{child.language}.old-{uuid.uuid4().hex[:8]}"
        if target.exists():
            target.rename(old)
        shutil.move(str(child.site_dir), str(target))
        shutil.rmtree(old, ignore_errors=True)


def stash_outputs(site_dir: Path, names: list[str]) -> Path | None:
    """Before MkDocs cleans a preview's site folder: keep the other languages and the search
    index aside, so they stay served (slightly stale) until their new versions land."""
    site_dir = Path(site_dir)
    present = [name for name in names if (site_dir / name).exists()]
    if not present:
        return None
    stash = site_dir.parent / f".{site_dir.name}.stash-{uuid.uuid4().hex[:8]}"
    stash.mkdir()
    for name in present:
        (site_dir / name).rename(stash / name)
    return stash


def restore_outputs(stash: Path | None, site_dir: Path) -> None:
    if stash is None:
        return
    for path in stash.iterdir():
        target = Path(site_dir) / path.name
        if not target.exists():
            path.rename(target)
    shutil.rmtree(stash, ignore_errors=True)
