"""The sample hall copied into a temporary folder, and the two commands run on it.

Tests and benchmarks build a copy, never the repository itself, so the repository's own
``site/`` and ``.cache/`` are left alone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[2]
SAMPLE_PARTS = ("mkdocs.yml", "exhibits", "content", "theme")  # what a build reads


def copy_sample_hall(target: Path) -> Path:
    """Copy the repository's sample hall (config, content, theme) into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for part in SAMPLE_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part, dirs_exist_ok=True)
        elif source.exists():
            shutil.copy2(source, target / part)
    return target


@contextmanager
def sample_site(site: Path | None, prefix: str) -> Iterator[Path]:
    """``site`` when given (a benchmark's ``--site``), else the sample hall built by ``mkdocs
    build`` in a temporary folder named ``prefix…``, removed afterwards."""
    if site is not None:
        yield site
        return
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        project = copy_sample_hall(tmp / "hall")
        run_mkdocs(project, "build")
        yield project / "site"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def finished_sample_hall(target: Path) -> Path:
    """The sample hall with its one missing translation stubbed and its notes for staff taken
    out, as a hall ready to publish would be: ``--strict`` passes on it (a strict check lists
    every note left in a published entry)."""
    from hall.content.notes import find_notes, strip_body

    project = copy_sample_hall(target)
    (project / "exhibits/customs/customs-and-culture/en.md").write_text("English text.\n", encoding="utf-8")
    (project / "content/visit.yml").unlink(missing_ok=True)  # optional, and nothing but notes so far
    for path in (*project.glob("exhibits/**/*.*"), *project.glob("content/**/*.*")):
        if path.suffix in (".md", ".yml"):
            text = path.read_text(encoding="utf-8")
            for note in find_notes(text, markdown=False) if path.suffix == ".yml" else ():
                text = text.replace(note.text, "1", 1)  # a text every field takes (a phone too): YAML stays YAML
            path.write_text(strip_body(text) if path.suffix == ".md" else text, encoding="utf-8")
    return project


def _env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run_mkdocs(project: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """``mkdocs ARGS`` in ``project``; fails the caller with MkDocs' output when ``check``."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", *args], cwd=project, env=_env(), capture_output=True, text=True
    )
    if check and result.returncode != 0:
        raise AssertionError(f"mkdocs {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def run_hall(project: Path, *args: str) -> subprocess.CompletedProcess:
    """``hall ARGS`` in ``project``, as staff run it."""
    return subprocess.run(
        [sys.executable, "-m", "hall.cli", *args], cwd=project, env=_env(), capture_output=True, text=True
    )
