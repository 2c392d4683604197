"""Every mistake of the corpus (tests/mistakes.py), planted in a built copy of the sample hall.

For each: `hall check` and `hall build` name the file (and line), in Chinese and English,
with a fix in both; no traceback; the build fails and the previous site is left exactly as
it was, so nothing of the mistake is published. Warnings of unfinished work pass a plain
check and fail `--strict`, which staff run before publishing."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.mistakes import MISTAKES, Mistake
from tests.support.sites import copy_sample_hall, run_hall

pytestmark = pytest.mark.slow

CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="session")
def built_copy(tmp_path_factory) -> Path:
    project = copy_sample_hall(tmp_path_factory.mktemp("mistakes") / "hall")
    result = run_hall(project, "build")
    assert result.returncode == 0, result.stderr
    return project


def _snapshot(site: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(site).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns) for p in site.rglob("*")}


def _line(project: Path, mistake: Mistake) -> int | None:
    if mistake.line_of is None:
        return None
    lines = (project / mistake.file).read_text(encoding="utf-8", errors="replace").splitlines()
    marker = mistake.line_of
    if marker.startswith("^"):
        return next(number for number, text in enumerate(lines, 1) if text.startswith(marker[1:]))
    return next(number for number, text in enumerate(lines, 1) if marker in text)


def _assert_reported(output: str, project: Path, mistake: Mistake) -> None:
    assert "Traceback" not in output and "内部错误" not in output, output
    files = (mistake.file, *mistake.extra)
    assert any(file in output for file in files), f"{mistake.file} is not named:\n{output}"
    line = _line(project, mistake)
    if line is not None:
        assert f"{mistake.file}:{line}" in output, f"line {line} of {mistake.file} is not named:\n{output}"
    block = output[min(output.index(f) for f in files if f in output):]
    assert CHINESE.search(block) and re.search(r"[A-Za-z]{4,} [a-z]{2,}", block), output
    assert "修改建议" in block and "How to fix" in block, f"no fix in both languages:\n{output}"
    for word in mistake.says:
        assert word in output, f"{word!r} is not in the report:\n{output}"


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.name for m in MISTAKES])
def test_a_mistake_is_named_with_its_fix_and_never_published(mistake: Mistake, built_copy: Path, tmp_path: Path):
    project = tmp_path / "hall"
    shutil.copytree(built_copy, project, symlinks=True)
    before = _snapshot(project / "site")
    mistake.plant(project)

    checked = run_hall(project, "check")
    if mistake.strict:
        assert checked.returncode == 0, checked.stdout + checked.stderr
        _assert_reported(checked.stdout + checked.stderr, project, mistake)
        checked = run_hall(project, "check", "--strict")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    _assert_reported(checked.stdout + checked.stderr, project, mistake)

    built = run_hall(project, "build", *(("--strict",) if mistake.strict else ()))
    assert built.returncode == 1, built.stdout + built.stderr
    _assert_reported(built.stdout + built.stderr, project, mistake)
    assert _snapshot(project / "site") == before, "a failed build changed the published site"


def test_the_corpus_is_large_and_every_mistake_has_its_own_name():
    assert len(MISTAKES) >= 40
    assert len({m.name for m in MISTAKES}) == len(MISTAKES)
