"""Problems staff can cause, reported in Chinese and English with file, line and fix.

A build collects every problem of a run in one pass (a ``ProblemLog``) and stops
before writing anything when any of them is an error.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One mistake, located in a file, explained in both languages, with a fix."""

    code: str
    file: str  # repository-relative, forward slashes
    zh: str
    en: str
    hint_zh: str = ""
    hint_en: str = ""
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    level: Level = "error"

    @property
    def where(self) -> str:
        place = self.file
        if self.line:
            place += f":{self.line}"
            if self.column:
                place += f":{self.column}"
        return place

    def format(self) -> str:
        """Plain text for a terminal: location, then Chinese, then English."""
        mark = "错误 error" if self.level == "error" else "警告 warning"
        lines = [f"[{mark}] {self.where}", f"  {self.zh}"]
        if self.hint_zh:
            lines.append(f"  修改建议：{self.hint_zh}")
        lines.append(f"  {self.en}")
        if self.hint_en:
            lines.append(f"  How to fix: {self.hint_en}")
        return "\n".join(lines)


@dataclass
class ProblemLog:
    """Collects problems of one run; knows the repository root to shorten paths."""

    root: Path
    problems: list[Problem] = field(default_factory=list)

    def rel(self, path: Path | str) -> str:
        """``path`` relative to the repository, with forward slashes.

        Paths under the root as given are cut by string (no ``resolve()``: it costs an lstat
        per path component, tens of thousands per build); others are resolved first."""
        absolute = os.path.abspath(path)
        for prefix in self._root_prefixes():
            if absolute.startswith(prefix):
                return absolute[len(prefix):].replace(os.sep, "/")
        try:
            return Path(path).resolve().relative_to(self.resolved_root()).as_posix()
        except ValueError:
            return Path(path).as_posix()

    def _root_prefixes(self) -> tuple[str, ...]:
        return (os.path.join(os.path.abspath(self.root), ""), os.path.join(str(self.resolved_root()), ""))

    def resolved_root(self) -> Path:
        # Resolved once: rel() runs for every file of the hall (thousands of lstat calls saved).
        resolved = self.__dict__.get("_root_resolved")
        if resolved is None or self.__dict__.get("_root_of_resolved") is not self.root:
            resolved = self.__dict__["_root_resolved"] = Path(self.root).resolve()
            self.__dict__["_root_of_resolved"] = self.root
        return resolved

    def add(self, problem: Problem) -> None:
        if problem not in self.problems:
            self.problems.append(problem)

    def report(
        self,
        code: str,
        file: Path | str,
        zh: str,
        en: str,
        hint_zh: str = "",
        hint_en: str = "",
        *,
        line: int | None = None,
        column: int | None = None,
        level: Level = "error",
    ) -> None:
        self.add(Problem(code, self.rel(file), zh, en, hint_zh, hint_en, line, column, level))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "warning"]

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(self.problems, key=lambda p: (p.level != "error", p.file, p.line or 0)))

    def format(self) -> str:
        body = "\n\n".join(p.format() for p in self)
        summary = (
            f"共 {len(self.errors)} 个错误、{len(self.warnings)} 个警告。"
            f" {len(self.errors)} error(s), {len(self.warnings)} warning(s)."
        )
        return f"{body}\n\n{summary}" if body else summary


class ContentErrors(Exception):
    """Raised when a load found errors; carries the whole log for one report."""

    def __init__(self, log: ProblemLog):
        super().__init__(log.format())
        self.log = log
