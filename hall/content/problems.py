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

#: The order problems are listed in. A file that does not parse (or cannot be decoded) comes
#: first: everything after it may follow from it. Then mistakes in single fields, then
#: mistakes between entries (a link, a ``related`` id, two entries sharing an address), then
#: warnings. Staff fix the first problem first, so the first one must be the real one.
PARSE, FIELD, CROSS_ENTRY, WARNING = range(4)
_NOT_PARSE = ("yaml.not_mapping", "yaml.not_list")  # the file parsed; its shape is wrong
_CROSS_ENTRY = ("reference.", "link.", "id.", "timeline.link", "tag.unknown")


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
    def rank(self) -> int:
        """``PARSE``, ``FIELD``, ``CROSS_ENTRY`` or ``WARNING``: where the problem is listed."""
        if self.level != "error":
            return WARNING
        if self.code.startswith(("file.", "yaml.")) and self.code not in _NOT_PARSE:
            return PARSE
        if self.code.startswith(_CROSS_ENTRY):
            return CROSS_ENTRY
        return FIELD

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
    #: Entries whose file exists but could not be read (YAML that does not parse, a file that
    #: is not UTF-8): their identifiers (exhibits ``zone/slug``, news folder names) and their
    #: folders (on disk and on the site). They exist, so links and ``related`` lists naming
    #: them are not dead: reporting those would bury the one real error under follow-on ones.
    unparsed_entries: set[str] = field(default_factory=set)
    unparsed_folders: set[str] = field(default_factory=set)

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

    def mark_unparsed(self, identifier: str, *folders: str) -> None:
        """Remember an entry that exists but could not be read (its problem is reported already)."""
        self.unparsed_entries.add(identifier)
        self.unparsed_folders.update(folder.strip("/") for folder in folders)

    def unparsed_exhibits(self) -> list[str]:
        """The exhibits ("zone/folder") that exist but could not be read: a reference may name
        them, and they are still the closest guess for a misspelt id."""
        return sorted(i for i in self.unparsed_entries if "/" in i)

    def is_unparsed(self, name: str) -> bool:
        """Whether ``name`` (an identifier, a repository path or a site address) is, or lies in,
        an entry that could not be read: a reference to it is no mistake of its own."""
        name = name.strip("/")
        return name in self.unparsed_entries or any(
            name == folder or name.startswith(folder + "/") for folder in self.unparsed_folders)

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
        """Ranked (see ``PARSE``), then by file, line and column."""
        return iter(sorted(self.problems, key=lambda p: (p.rank, p.file, p.line or 0, p.column or 0)))

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
