"""Strict mode, for the check or build just before publishing: nothing unfinished goes out.

One meaning wherever ``--strict`` is given (``hall check``, ``hall build``): every warning is
an error (unfinished work, unknown tags …: hall/content/unfinished.py; each note left for staff
in a published entry: hall/content/notecheck.py), and every published
entry exists in every language of the site. ``mkdocs build --strict`` gets the first half
from the plugin: MkDocs' own strict mode is about warnings, and a missing translation is
not one (the page shows the Chinese with a notice), so only the ``hall`` commands add it.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Hall
from .notecheck import check_notes
from .problems import ProblemLog
from .translations import translation_status


def warnings_as_errors(log: ProblemLog) -> None:
    """Turn every warning of ``log`` into an error, keeping its text, place and fix."""
    log.problems[:] = [replace(p, level="error") if p.level == "warning" else p for p in log.problems]


def strict_warnings(hall: Hall, log: ProblemLog) -> None:
    """``mkdocs build --strict``: notes left for staff are reported, then every warning
    becomes an error (translations are the ``hall`` commands' part, see above)."""
    check_notes(hall, log)  # each note in a published entry (hall/content/notecheck.py)
    warnings_as_errors(log)


def strict_problems(hall: Hall, log: ProblemLog) -> None:
    """``--strict``: missing translations and notes left for staff are reported, then every
    warning becomes an error."""
    missing_translations(hall, log)
    strict_warnings(hall, log)


def missing_translations(hall: Hall, log: ProblemLog) -> None:
    """Every published entry must exist in every language (strict mode only)."""
    for language in hall.languages[1:]:
        for row in translation_status(hall.for_audience(False), language):
            if row.status == "missing":
                log.report(
                    "translation.missing", row.file,
                    f"缺少{language}译文：{row.title}（严格模式要求所有语言齐全）。",
                    f"The {language} translation of “{row.id}” is missing (strict mode needs every language).",
                    f"新建 {row.file} 写入译文，并确认标题等字段有 {language}: …；或不加 --strict 构建（页面会注明译文待补）。",
                    f"Create {row.file} with the translation and give the title an `{language}:` text; or build "
                    "without --strict (the page then says the translation is pending).",
                )
