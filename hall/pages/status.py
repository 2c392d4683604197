"""The "about this site" page: how much of the hall is translated into each language.

Engine-agnostic: one ``PageSpec`` whose Markdown is a coverage
table per language and the list of entries still shown in Chinese, linked by their
generated pages' source paths so any engine resolves them.
"""

from __future__ import annotations

from typing import Any

from ..content.model import Hall
from ..content.translations import translation_status
from ..i18n import HTML_LANG, LANGUAGE_NAMES, strings
from .spec import PageSpec, markdown_link_text

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


def plan_status_page(hall: Hall, language: str) -> PageSpec:
    """The "about this site" page of ``language``'s site."""
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
            lines.append(f"- [{markdown_link_text(row.title)}](../{row.url}index.md)")
        if data["outdated"]:
            lines += ["", f"## {words['outdated']} · {name}", ""]
            lines += [f"- [{markdown_link_text(row.title)}](../{row.url}index.md)" for row in data["outdated"]]
    return PageSpec(
        src_uri=STATUS_SRC,
        dest_uri=f"{STATUS_SLUG}/index.html",
        title=words["title"],
        template="page.html",
        body="\n".join(lines) + "\n",
        view={"kind": "page", "body_fallback": False, "body_lang": HTML_LANG.get(language, language)},
    )
