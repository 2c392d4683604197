"""The "about this site" page: how much of the hall is translated into each language.

Engine-agnostic like ``hall/views.py``: one ``PageSpec`` whose Markdown is a coverage
table per language and the list of entries still shown in Chinese, linked by their
generated pages' source paths so any engine resolves them.
"""

from __future__ import annotations

from typing import Any

from .content.model import Hall
from .i18n import HTML_LANG, LANGUAGE_NAMES, strings
from .translations import translation_status

STATUS_SLUG = "about-this-site"
STATUS_SRC = f"{STATUS_SLUG}/index.md"

def coverage(hall: Hall) -> dict[str, dict[str, Any]]:
    """Per language other than the default: per kind (translated, total), pending and outdated rows."""
    result: dict[str, dict[str, Any]] = {}
    for language in hall.languages[1:]:
        rows = translation_status(hall, language)
        kinds: dict[str, list[int]] = {}
        for row in rows:
            counts = kinds.setdefault(row.kind, [0, 0])
            counts[1] += 1
            counts[0] += row.status != "missing"
        result[language] = {
            "kinds": kinds,
            "pending": [r for r in rows if r.status == "missing"],
            "outdated": [r for r in rows if r.status == "outdated"],
        }
    return result


def plan_status_page(hall: Hall, language: str) -> Any:
    """The "about this site" page of ``language``'s site."""
    from .views import PageSpec

    words = strings("status", language, hall.default_language)
    lines = [f"# {words['title']}", "", words["intro"], "", f"## {words['coverage']}", ""]
    lines.append(f"| {words['language']} | {words['kind']} | {words['done']} | {words['total']} |")
    lines.append("| --- | --- | ---: | ---: |")
    stats = coverage(hall)
    for other, data in stats.items():
        for kind, (done, total) in data["kinds"].items():
            lines.append(f"| {LANGUAGE_NAMES.get(other, other)} | {words[kind]} | {done} | {total} |")
    for other, data in stats.items():
        name = LANGUAGE_NAMES.get(other, other)
        lines += ["", f"## {words['pending']} · {name}", ""]
        if not data["pending"]:
            lines.append(words["none"])
        for row in data["pending"]:
            lines.append(f"- [{_escape(row.title)}](../{row.url}index.md)")
        if data["outdated"]:
            lines += ["", f"## {words['outdated']} · {name}", ""]
            lines += [f"- [{_escape(row.title)}](../{row.url}index.md)" for row in data["outdated"]]
    return PageSpec(
        src_uri=STATUS_SRC,
        dest_uri=f"{STATUS_SLUG}/index.html",
        title=words["title"],
        template="page.html",
        body="\n".join(lines) + "\n",
        view={"kind": "page", "body_fallback": False, "body_lang": HTML_LANG.get(language, language)},
    )


def _escape(text: str) -> str:
    return text.replace("[", "\\[").replace("]", "\\]")


def plan_problems_page(problems: Any, language: str, src_uri: str = "index.md") -> Any:
    """A preview's home page while the content has errors: every problem, both languages."""
    from .views import PageSpec

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
                lines += [f"    {_escape(text)}", ""]
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


def with_problems(plan: Any, problems: Any, language: str) -> Any:
    """``plan`` with its home page replaced by the list of problems (previews only)."""
    from dataclasses import replace

    page = plan_problems_page(problems, language)
    return replace(plan, pages=tuple(page if p.src_uri == page.src_uri else p for p in plan.pages))
