"""Each language is its own MkDocs build; the default language's build runs the others.

The other languages build in child processes (``python -m hall.mkdocs.languages``) into
temporary folders, in parallel with the default language, and land under ``/<lang>/``.
"""

from __future__ import annotations

import logging
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort, BuildError, ConfigurationError

from ..content.system_problems import system_problem
from .build import run_build
from .switches import ENV_LANGUAGE, ENV_PREVIEW


@dataclass
class LanguageBuild:
    """A running build of one non-default language."""

    language: str
    site_dir: Path
    process: subprocess.Popen

    def wait(self) -> tuple[int, str]:
        output, _ = self.process.communicate()
        return self.process.returncode, output

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def handoff_path(parent: Path) -> Path:
    return parent / f".hall-handoff-{uuid.uuid4().hex[:12]}.pickle"


def write_handoff(path: Path, state: object) -> None:
    """Pickle what the default language's build loaded (the hall, the photo plan) so the
    other languages' builds start from it instead of reading and checking every file again.
    Written aside and renamed, so a waiting reader never sees half a file."""
    partial = path.with_suffix(".partial")
    with partial.open("wb") as stream:
        pickle.dump(state, stream, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, path)


def read_handoff(path: Path) -> Any:
    """Wait for the default language's build to hand the hall over, then read it.

    The other languages start as soon as the default one does, so their start-up
    (imports, configuration) overlaps its loading and photo processing.
    """
    parent = os.getppid()
    while not path.exists():
        if os.getppid() != parent:  # the default build is gone: nothing will come
            raise SystemExit(1)
        time.sleep(0.02)
    with path.open("rb") as stream:
        return pickle.load(stream)


def collect_language_builds(children: list[LanguageBuild], site_dir: Path) -> list[str]:
    """Wait for the other languages' builds and move each finished site to ``site_dir/<lang>/``.
    Returns the failed builds' output; when any failed, no child's folder is left behind."""
    failures = []
    for child in children:
        code, output = child.wait()
        if code != 0:
            failures.append(f"[{child.language}] {output.strip()}")
            shutil.rmtree(child.site_dir, ignore_errors=True)
            continue
        target = site_dir / child.language
        shutil.rmtree(target, ignore_errors=True)
        shutil.move(str(child.site_dir), str(target))
    if failures:
        for child in children:
            shutil.rmtree(child.site_dir, ignore_errors=True)
    return failures


def start_language_build(
    config_file: str, language: str, preview: bool, parent: Path, extra_env: dict[str, str] | None = None
) -> LanguageBuild:
    site_dir = Path(tempfile.mkdtemp(prefix=f".hall-{language}-", dir=parent))
    env = {**os.environ, ENV_LANGUAGE: language, ENV_PREVIEW: "1" if preview else "",
           "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    process = subprocess.Popen(
        [sys.executable, "-m", "hall.mkdocs.languages", config_file, str(site_dir)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    return LanguageBuild(language, site_dir, process)


def _main(argv: list[str]) -> int:
    """Build one language (chosen by the environment) of the site in ``argv``."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    config_file, site_dir = argv
    try:
        run_build(config_file, site_dir=site_dir)
    except (Abort, BuildError, ConfigurationError) as err:
        print(err, file=sys.stderr)
        return 1
    except OSError as err:  # a full disk, a refused write: explained as the primary build would
        print(system_problem(err, Path(config_file).resolve().parent, "build").format(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    from .quick_exit import exit_now

    exit_now(_main(sys.argv[1:]))  # no interpreter teardown: the parent is waiting for this process
