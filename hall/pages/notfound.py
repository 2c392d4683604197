"""The page for an address that leads nowhere (404.html), in the language of its site first.

Engine-agnostic: its strings (section ``not_found`` of hall/locales), one set per language.
Each language's site has its own 404 page (zh at /404.html, en at /en/404.html). A web server
usually serves the one at the root for every missing address, /en/… included, so each page
speaks its own language first and then, shortly, the others, each with a way home. The
template is theme/404.html; its links are the site's main navigation, and it has a search box.
"""

from __future__ import annotations

from typing import Any

from ..i18n import HTML_LANG, strings


def not_found_context(language: str, languages: tuple[str, ...]) -> dict[str, Any]:
    """What theme/404.html needs: per language, this site's own first, its strings and the
    ``lang`` code of its HTML (a missing string taken from the default language)."""
    default = languages[0] if languages else language
    ordered = [language, *(code for code in languages if code != language)]
    return {
        "languages": [
            {"code": code, "html_lang": HTML_LANG.get(code, code), **strings("not_found", code, default)}
            for code in ordered
        ],
    }
