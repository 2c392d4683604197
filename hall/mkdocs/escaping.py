"""Staff text is text: every ``{{ }}`` in the hall's own templates is escaped, and the titles
MkDocs hands to Material's templates are already safe as HTML.

MkDocs' Jinja environment has autoescape off, and Material's templates rely on that (they
print ``page.content`` and their own macros' HTML raw). Turning it on for everything would
break Material; escaping field by field in our templates is how the tester's
``<script>`` in a caption got through. So autoescape is on for exactly the templates in our
``custom_dir`` (and Material's ``404.html``, the one page not drawn by one of ours: Jinja
marks block and macro output safe by the *rendered* template's setting, so every template
that can be rendered at the top must be an escaping one, or main.html's ``{{ super() }}``
would escape Material's HTML). HTML we build on purpose is marked safe where it is made
(``page.content``, charts, QR codes, cached chrome, ``tojson``).

Material prints titles raw (the navigation, the footer's previous/next, its ``<title>``,
through ``striptags``, which turns ``&lt;`` back into ``<``): page and navigation titles are
given to MkDocs as ``Markup``, escaped once, so Material's raw print shows the text as typed
and our escaping templates leave them as they are. main.html overrides ``htmltitle``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from jinja2 import Environment, FileSystemBytecodeCache
from markupsafe import Markup, escape

from ..outputs.csp import template_scripts

#: Material templates that MkDocs renders at the top (static_templates) and that extend ours.
MATERIAL_ROOTS = frozenset({"404.html"})

#: Compiled templates are cached on disk (hall/mkdocs/preview.py) by name and source, not by
#: autoescape: a template compiled before escaping was on must not be reused.
BYTECODE_PATTERN = "__jinja2_autoescape_%s.cache"


def own_templates(custom_dir: str | Path | None) -> frozenset[str]:
    """Template names (``main.html``, ``partials/hall-card.html``) in the theme's custom_dir."""
    if not custom_dir or not Path(custom_dir).is_dir():
        return frozenset()
    root = Path(custom_dir)
    return frozenset(path.relative_to(root).as_posix() for path in root.rglob("*.html")
                     if "assets" not in path.relative_to(root).parts)


def autoescape_for(names: frozenset[str]) -> Callable[[str | None], bool]:
    """Jinja's ``autoescape`` callable: on for our templates (and the roots that extend them)."""
    escaped = names | MATERIAL_ROOTS

    def autoescape(template_name: str | None) -> bool:
        return template_name in escaped

    return autoescape


def escape_own_templates(env: Environment, custom_dir: str | Path | None) -> None:
    """Turn autoescape on for our templates in MkDocs' environment (``on_env``)."""
    env.autoescape = autoescape_for(own_templates(custom_dir))
    if isinstance(env.bytecode_cache, FileSystemBytecodeCache):
        env.bytecode_cache.pattern = BYTECODE_PATTERN


def html_title(text: Any) -> Markup:
    """Staff text as a title safe to print raw in HTML (Markup: escaping leaves it alone)."""
    return escape("" if text is None else text)


def escape_nav_titles(items: list[Any]) -> None:
    """Navigation titles (sections, links, pages named in the nav) as ``html_title``s, for
    Material's nav, tabs and footer, which print them raw."""
    for item in items:
        if "title" in vars(item) and item.title is not None:
            item.title = html_title(item.title)
        escape_nav_titles(getattr(item, "children", None) or [])


def theme_scripts(env: Environment) -> tuple:
    """The inline scripts every template the theme can render writes (ours and Material's),
    as patterns for the page's Content-Security-Policy (hall/outputs/csp.py)."""
    sources = []
    for name in env.list_templates(extensions=("html",)):
        try:
            sources.append(env.loader.get_source(env, name)[0])
        except Exception:  # a template the loader lists but cannot read: it renders nothing
            continue
    return template_scripts(sources)
