"""What every template of one language's build may read: UI strings, this build's language
and its switch, the footer's filing numbers, the kiosk's settings, QR codes.

Set once per build in the plugin's ``on_env``; kept here so the plugin stays a list of events.
"""

from __future__ import annotations

from typing import Any, Callable

from markupsafe import Markup

from ..i18n import HTML_LANG, LANGUAGE_NAMES, catalog, strings
from ..outputs.publish.marks import site_marks
from ..outputs.qr import public_url, qr_svg
from ..pages.a11y import a11y_context
from ..pages.notfound import not_found_context
from ..pages.route import guide_catalog
from .config import HallConfig
from .settings import root_of


def template_globals(options: HallConfig, language: str, *, preview: bool, kiosk: bool, feeds: bool,
                     footer: list[dict[str, str]], public_site_url: str) -> dict[str, Any]:
    """The Jinja globals of one language's build (``hall_site``, ``hall_t`` …)."""
    languages = tuple(options.languages)
    return {
        "hall_t": catalog(language, languages[0]),
        "hall_site": {
            "language": language,
            "html_lang": HTML_LANG.get(language, language),
            "languages": [
                {"code": code, "name": LANGUAGE_NAMES.get(code, code), "html_lang": HTML_LANG.get(code, code),
                 "root": root_of(code, language, languages), "current": code == language}
                for code in languages
            ],
            "county": options.county.get(language) or options.county.get(languages[0], ""),
            "icp_number": options.icp_number,
            "psb_number": options.psb_number,
            "psb_code": options.psb_code,
            "preview": preview,
            "search": options.search,
            "search_strings": strings("search", language, languages[0]),
            "feeds": feeds,
            "kiosk": kiosk_settings(options, language) if kiosk else None,
            "footer": footer,
        },
        "hall_qr": lambda data, title="": Markup(qr_svg(data, title=title)),
        "hall_a11y": a11y_context(language, languages[0]),  # hall/pages/a11y.py
        "hall_404": not_found_context(language, languages),  # theme/404.html
        "hall_short_name": options.short_name.get(language, ""),  # phone header
        "hall_public_url": _public_url(public_site_url),
        "hall_marks": site_marks(options, language, languages[0]),  # government sites' footer marks
        "hall_plan_t": strings("floorplan", language, languages[0]),  # the floor plan's words (kiosk bar)
        "hall_guide": guide_catalog(language, languages[0]),  # guide numbers and the route (pages/route.py)
    }


def kiosk_settings(options: HallConfig, language: str) -> dict[str, Any]:
    """The kiosk's idle reset and its strings (theme/partials/hall-kiosk.html)."""
    languages = tuple(options.languages)
    return {
        "idle": options.kiosk_idle_seconds,
        "countdown": options.kiosk_countdown_seconds,
        "default_root": root_of(languages[0], language, languages),
        "strings": strings("kiosk", language, languages[0]),
    }


def _public_url(site_url: str) -> Callable[[str], str]:
    return lambda page_url: public_url(site_url, page_url)
