"""What the plugin sets in MkDocs' configuration for one language's build: the theme
language, names, URL, navigation, heading anchors and the language switch; and the
Markdown extensions built once for every page."""

from __future__ import annotations

from typing import Any, Mapping

import markdown
from mkdocs.config.defaults import MkDocsConfig
from pymdownx.slugs import slugify as unicode_slugify

from ..i18n import HTML_LANG, LANGUAGE_NAMES, theme_language
from ..pages import NavItem, SitePlan


def root_of(other: str, language: str, languages: tuple[str, ...]) -> str:
    """Path from ``language``'s site root to ``other``'s root (the default one is at /)."""
    up = "" if language == languages[0] else "../"
    return up if other == languages[0] else (up + f"{other}/" if other != language else "")


def configure_language(config: MkDocsConfig, plan: SitePlan, languages: tuple[str, ...],
                       site_names: Mapping[str, str]) -> None:
    language = plan.language
    config.theme["language"] = theme_language(language)
    primary_name = site_names.get(languages[0]) or config.site_name
    config.site_name = site_names.get(language) or primary_name
    if config.copyright and primary_name and primary_name in config.copyright:  # "© <the hall>" in each language
        config.copyright = config.copyright.replace(primary_name, config.site_name)
    if config.site_url and language != languages[0]:
        config.site_url = config.site_url.rstrip("/") + f"/{language}/"
    config.nav = [nav_entry(item) for item in plan.nav]
    config.extra["hall_language"] = language
    # Readable heading anchors in Chinese (#展品介绍, not #_1), unless mkdocs.yml chose a slugify.
    if "toc" in config.markdown_extensions and "slugify" not in config.mdx_configs.get("toc", {}):
        config.mdx_configs.setdefault("toc", {})["slugify"] = unicode_slugify(case="lower")
    config.extra["alternate"] = [
        {"name": LANGUAGE_NAMES.get(other, other), "lang": HTML_LANG.get(other, other),
         "link": root_of(other, language, languages)}
        for other in languages
    ]
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None:  # Material's own search, if a site still lists it (benchmarks do)
        search.config.lang = None  # Material derives it from the theme language


def nav_entry(item: NavItem) -> Any:
    if item.children:
        return {item.title: [nav_entry(child) for child in item.children]}
    return {item.title: item.src_uri}


def build_markdown_extensions_once(config: MkDocsConfig) -> None:
    """Python-Markdown builds every extension anew for each page (a third of a millisecond,
    a tenth of the Markdown time at 1500 pages); built once here, every page's Markdown
    reuses them. Safe: each new ``Markdown()`` resets the extensions it registers."""
    builder = markdown.Markdown()
    config.markdown_extensions = [
        builder.build_extension(name, config.mdx_configs.get(name, {})) if isinstance(name, str) else name
        for name in config.markdown_extensions
    ]


def site_dir_given(config: MkDocsConfig) -> bool:
    """Was ``site_dir`` set on the command line (``-d``), not just in mkdocs.yml?"""
    return any("site_dir" in user_config for user_config in config.user_configs[1:])
