"""A preview's home page while the content has errors: every problem, in both languages,
unreadable files first (engine-agnostic)."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from ..content.problems import Problem
from ..i18n import HTML_LANG, strings
from .spec import PageSpec, SitePlan, markdown_link_text


def plan_problems_page(problems: Iterable[Problem], language: str, src_uri: str = "index.md") -> PageSpec:
    """A preview's home page while the content has errors: every problem, both languages."""
    words = strings("problems", language)
    title, intro = words["title"], words["intro"]
    lines = [f"# {title}", "", intro, ""]
    # unreadable files first: a broken file often causes the other problems (links to it)
    for problem in sorted(problems, key=lambda p: (p.level != "error", not p.code.startswith(("file.", "yaml.")))):
        kind = "danger" if problem.level == "error" else "warning"
        lines.append(f'!!! {kind} "{problem.where}"')
        for text in (problem.zh, f"修改建议：{problem.hint_zh}" if problem.hint_zh else "",
                     problem.en, f"How to fix: {problem.hint_en}" if problem.hint_en else ""):
            if text:
                lines += [f"    {markdown_link_text(text)}", ""]
        lines.append(f"    `{problem.code}`")
        lines.append("")
    return PageSpec(
        src_uri=src_uri,
        dest_uri=src_uri.replace(".md", ".html"),
        title=title,
        template="page.html",
        body="\n".join(lines) + "\n",
        view={"kind": "page", "body_fallback": False, "body_lang": HTML_LANG.get(language, language)},
        searchable=False,
    )


def with_problems(plan: SitePlan, problems: Iterable[Problem], language: str) -> SitePlan:
    """``plan`` with its home page replaced by the list of problems (previews only)."""
    page = plan_problems_page(problems, language)
    return replace(plan, pages=tuple(page if p.src_uri == page.src_uri else p for p in plan.pages))
