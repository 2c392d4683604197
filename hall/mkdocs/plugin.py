"""The ``hall`` MkDocs plugin: hands the core's validated hall to MkDocs, one language per build.

Methods are MkDocs events in the order they fire. All content work (loading,
validation, page planning, media) happens in the core; this module only translates.
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
import shutil
import subprocess
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from pymdownx.slugs import slugify as unicode_slugify

from ..browse import kiosk_strings, with_browse
from ..content import ProblemLog, load_hall
from ..privacy import check_privacy
from ..i18n import HTML_LANG, LANGUAGE_NAMES, catalog, strings
from ..media import MediaPlan, plan_crops, plan_media, rewrite_body_images, write_media
from ..kiosk import ENV_KIOSK
from ..a11y import a11y_context, tidy_material_markup
from ..seo import Site, page_seo, site_root, write_seo_files
from ..qr import external_links, public_url, qr_svg
from ..views import NavItem, PageSpec, SitePlan, cover_photos, download_photo_files, plan_site, published_photo_files
from ..search import build_index, search_pages
from ..views_news import write_news_feeds
from .config import HallConfig
from .fragments import FragmentCache
from .quick_exit import after_mkdocs_build
from .languages import (ENV_HANDOFF, ENV_LANGUAGE, ENV_PREVIEW, LanguageBuild, handoff_path, read_handoff,
                        start_language_build, write_handoff)
from .preview import (ENV_SERVE, Background, finish_other_languages, jinja_cache, restore_outputs,
                      stash_outputs)
from ..views_status import with_problems

log = logging.getLogger("mkdocs.plugins.hall")

_STAFF_LINK = re.compile(r"(\]\()((?!https?:|mailto:|#|/)[^)\s]*?)(?:zh\.md|en\.md|exhibit\.yml)(#[^)\s]*)?\)")


class HallPlugin(BasePlugin[HallConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.children: list[LanguageBuild] = []
        self.final_site_dir: Path | None = None
        self.pages: dict[str, PageSpec] = {}
        self.background = Background()
        self.handoffs: list[Path] = []  # the loaded hall, pickled for the other languages' builds
        self.nav_urls: set[str] = set()  # pages in the navigation (their chrome is their own)

    # Remember whether this is a preview (`serve`), which shows drafts.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        if command == "serve":  # the other languages' child builds are previews too (hall/mkdocs/preview.py)
            os.environ[ENV_SERVE] = "1"

    # Load and validate the whole hall before anything is written, then set up this
    # language's build: theme language, URLs, navigation, search and the language switch.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        languages = tuple(self.config.languages)
        self.language = os.environ.get(ENV_LANGUAGE) or languages[0]
        self.is_primary = self.language == languages[0]
        self.preview = self.command == "serve" or bool(os.environ.get(ENV_PREVIEW)) or self.config.drafts
        self.kiosk = self.config.kiosk or os.environ.get(ENV_KIOSK) == "1"
        self.root = Path(config.config_file_path).parent.resolve()

        self.background.wait()  # a preview's previous rebuild finishes writing first
        self.stash = None
        if self.command == "serve":  # keep /en/ and the search index served while this rebuild runs
            self.stash = stash_outputs(Path(config.site_dir), ["pagefind", *tuple(self.config.languages)[1:]])
        serving = self.command == "serve" or os.environ.get(ENV_SERVE) == "1"
        handoff = os.environ.get(ENV_HANDOFF)
        if handoff and not self.is_primary:  # the primary has loaded, checked and planned it all
            self.hall, self.media = read_handoff(Path(handoff))
            self._plan_language(config, languages, ProblemLog(self.root))
            _build_markdown_extensions_once(config)
            return config
        if self.kiosk and self.is_primary and self.command == "build" and not _site_dir_given(config):
            config.site_dir = str(self.root / self.config.kiosk_site_dir)  # never overwrite the public site
        if self.is_primary and self.command == "build":
            if self.config.atomic:
                _remove_leftovers(Path(config.site_dir).resolve())
            if len(languages) > 1:
                self._start_other_languages(config, languages[1:])  # they wait for the hand-off below
        hall, problems = load_hall(self.root, languages)
        self.hall = hall.for_audience(self.preview)
        if not problems.errors or serving:
            self.media = self._plan_photos()
            for path in self.handoffs:  # the other languages start rendering now, beside the checks below
                write_handoff(path, (self.hall, self.media))
        if self.is_primary or serving:  # a build's other languages need not repeat it: the primary stops the build
            check_privacy(hall, problems, publishing=not self.preview)  # ID/phone numbers, photo GPS
        if problems.errors and not serving:
            raise PluginError("\n" + problems.format())
        if problems.errors and self.is_primary:  # a preview keeps running and shows them on its home page
            log.error("\n" + problems.format())
        if self.is_primary:
            for warning in problems.warnings:
                log.warning(warning.format())
        self._plan_language(config, languages, problems)

        _build_markdown_extensions_once(config)
        if self.is_primary and self.command == "build" and self.config.atomic:
            self.final_site_dir = Path(config.site_dir).resolve()
            config.site_dir = str(self.final_site_dir.with_name(f".{self.final_site_dir.name}.building-{uuid.uuid4().hex[:8]}"))
        return config

    def _plan_photos(self) -> MediaPlan:
        """Photos are decoded here, before MkDocs cleans or writes anything, so a bad photo
        stops the build with the previous site intact. The other languages' builds start
        after this and find every photo in the cache (hall/media.py): they decode nothing."""
        downloads = () if self.kiosk else download_photo_files(self.hall)  # no downloads on a kiosk
        media = plan_media(self.root, published_photo_files(self.hall), downloads=downloads)
        if not (media.problems and media.problems.errors):
            media = plan_crops(media, cover_photos(self.hall))  # cards, attract screen
        if media.problems and media.problems.errors:
            raise PluginError("\n" + media.problems.format())
        if self.is_primary and media.problems:
            for warning in media.problems.warnings:
                log.warning(warning.format())
        return media

    def _plan_language(self, config: MkDocsConfig, languages: tuple[str, ...], problems: ProblemLog) -> None:
        """This language's pages, navigation and settings, from the loaded hall and photos."""
        self.plan: SitePlan = plan_site(
            self.hall, self.language, self.media.images, media_prefix="" if self.is_primary else "../",
            options={"timeline_order": self.config.timeline_order, "news_per_page": self.config.news_per_page},
        )
        if self.kiosk:  # touch screens have no keyboard: browse by zone, tag and year instead of search
            self.plan = with_browse(self.plan, self.hall, self.media.images, "" if self.is_primary else "../")
        if problems.errors:
            self.plan = with_problems(self.plan, problems, self.language)
        self.pages = {spec.src_uri: spec for spec in self.plan.pages}
        self._configure_language(config, languages)
        self.public_site_url = config.site_url or ""  # this language's public root, for QR codes
        if self.kiosk:  # served from 127.0.0.1: no absolute links (or fetches) to the public site
            config.site_url = None

    def _configure_language(self, config: MkDocsConfig, languages: tuple[str, ...]) -> None:
        language = self.language
        config.theme["language"] = language
        names = self.config.site_name
        primary_name = names.get(languages[0]) or config.site_name
        config.site_name = names.get(language) or primary_name
        if config.copyright and primary_name and primary_name in config.copyright:  # "© <the hall>" in each language
            config.copyright = config.copyright.replace(primary_name, config.site_name)
        if config.site_url and not self.is_primary:
            config.site_url = config.site_url.rstrip("/") + f"/{language}/"
        config.nav = [_nav_entry(item) for item in self.plan.nav]
        config.extra["hall_language"] = language
        # Readable heading anchors in Chinese (#展品介绍, not #_1), unless mkdocs.yml chose a slugify.
        if "toc" in config.markdown_extensions and "slugify" not in config.mdx_configs.get("toc", {}):
            config.mdx_configs.setdefault("toc", {})["slugify"] = unicode_slugify(case="lower")
        config.extra["alternate"] = [
            {"name": LANGUAGE_NAMES.get(other, other), "lang": HTML_LANG.get(other, other), "link": self._root_of(other, languages)}
            for other in languages
        ]
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is not None:  # Material's own search, if a site still lists it (benchmarks do)
            search.config.lang = None  # Material derives it from the theme language

    def _root_of(self, other: str, languages: tuple[str, ...]) -> str:
        """Path from this language's site root to ``other``'s root."""
        up = "" if self.is_primary else "../"
        return up if other == languages[0] else (up + f"{other}/" if other != self.language else "")

    def _start_other_languages(self, config: MkDocsConfig, others: tuple[str, ...]) -> None:
        staging_parent = Path(config.site_dir).resolve().parent
        staging_parent.mkdir(parents=True, exist_ok=True)
        handoff = handoff_path(staging_parent)
        self.handoffs.append(handoff)
        for language in others:
            self.children.append(start_language_build(
                config.config_file_path, language, self.preview, staging_parent, {ENV_HANDOFF: str(handoff)}
            ))

    # Replace whatever MkDocs found in docs_dir by the pages the core planned for this
    # language; theme files stay.
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs_dir = os.path.abspath(config.docs_dir)
        kept = [f for f in files if not (f.abs_src_path and f.abs_src_path.startswith(docs_dir + os.sep))]
        result = Files(kept)
        for spec in self.plan.pages:
            # Its settings go to MkDocs directly (on_page_markdown), not as front matter
            # through MkDocs' pure-Python YAML parser (0.3 s per language at 1000 exhibits).
            # The blank lines keep a body that starts with "---" from being read as front matter.
            file = File.generated(config, spec.src_uri, content="\n\n" + spec.body)
            if not spec.searchable:
                file.inclusion = InclusionLevel.NOT_IN_NAV
            result.append(file)
        return result

    # Staff link to another entry's zh.md / en.md / exhibit.yml as on disk; point such
    # links at the generated page so MkDocs resolves them in every language.
    # Photos in bodies become the same <picture> of derivatives as gallery photos.
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.pages.get(page.file.src_uri)
        if spec is not None:
            page.meta = {**spec.meta, **page.meta}  # title, template, hide (see on_files)
            if spec.source_file:
                prefix = "../" * page.url.count("/") + ("" if self.is_primary else "../")
                markdown = rewrite_body_images(markdown, spec.source_file, self.media.images, prefix)
        return _STAFF_LINK.sub(lambda m: f"{m.group(1)}{m.group(2)}index.md{m.group(3) or ''})", markdown)

    # Pages in the navigation have chrome of their own (marked active; previous/next).
    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        self.nav_urls = {page.url for page in nav.pages}
        return nav

    # Global template data: UI strings, footer filing numbers, this build's language.
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        languages = tuple(self.config.languages)
        footer = [{"title": item.title, "url": found.url} for item in self.plan.footer
                  if (found := files.get_file_from_path(item.src_uri)) is not None]
        # Pages the chrome links to (tabs, drawer, footer) get chrome of their own (fragments.py).
        env.globals["hall_cached"] = FragmentCache(self.nav_urls | {link["url"] for link in footer})
        env.globals["hall_t"] = catalog(self.language, languages[0])
        env.bytecode_cache = jinja_cache(self.root)  # compile templates once, not on every (re)build
        env.filters["hall_url"] = _site_url_filter
        env.filters["hall_srcset"] = _srcset_filter
        env.globals["hall_site"] = {
            "language": self.language,
            "html_lang": HTML_LANG.get(self.language, self.language),
            "languages": [
                {"code": code, "name": LANGUAGE_NAMES.get(code, code), "html_lang": HTML_LANG.get(code, code),
                 "root": self._root_of(code, languages), "current": code == self.language}
                for code in languages
            ],
            "county": self.config.county.get(self.language) or self.config.county.get(languages[0], ""),
            "icp_number": self.config.icp_number,
            "psb_number": self.config.psb_number,
            "psb_code": self.config.psb_code,
            "preview": self.preview,
            "search": self.config.search,
            "search_strings": strings("search", self.language, languages[0]),
            "feeds": bool(self.hall.news and config.site_url),
            "kiosk": self._kiosk_settings(languages),
            "footer": footer,
        }
        env.globals["hall_qr"] = lambda data, title="": Markup(qr_svg(data, title=title))
        env.globals["hall_a11y"] = a11y_context(self.language, languages[0])  # hall/a11y.py
        env.globals["hall_public_url"] = lambda page_url: public_url(self.public_site_url, page_url)
        return env

    def _kiosk_settings(self, languages: tuple[str, ...]) -> dict[str, Any] | None:
        if not self.kiosk:
            return None
        return {
            "idle": self.config.kiosk_idle_seconds,
            "countdown": self.config.kiosk_countdown_seconds,
            "default_root": self._root_of(languages[0], languages),
            "strings": kiosk_strings(self.language, languages[0]),
        }

    # Kiosk build: a link that leaves the site shows its address as a QR code instead of
    # navigating, so every external link on the page gets its QR code now (no network later).
    # Every build: mend Material's few invalid attributes (hall/a11y.py, W3C validity).
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        output = tidy_material_markup(output)
        if not self.kiosk:
            return output
        links = external_links(output)
        if not links:
            return output
        templates = "".join(
            f'<template data-hall-qr-for="{escape(href)}">{qr_svg(href)}</template>' for href in links
        )
        block = f'<div id="hall-kiosk-link-qr" hidden>{templates}</div>'
        index = output.rfind("</body>")
        return output[:index] + block + output[index:] if index >= 0 else output + block

    # Hand each generated page its view data from the core.
    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav) -> dict[str, Any]:
        spec = self.pages.get(page.file.src_uri)
        context["hall"] = spec.view if spec else {}
        if spec is not None:  # canonical, hreflang, Open Graph, schema.org (hall/seo.py)
            context["hall_seo"] = page_seo(self._seo_site(config), self.language, spec.dest_uri, spec.title, spec.view, spec.body)
        return context

    def _seo_site(self, config: MkDocsConfig) -> Site:
        languages = tuple(self.config.languages)
        return Site(site_root(config.site_url or "", self.language, languages[0]), languages,
                    dict(self.config.site_name), dict(self.config.county))

    # Watch the content folders too, so saving an exhibit rebuilds the preview.
    def on_serve(self, server, *, config: MkDocsConfig, builder):
        for folder in ("exhibits", "content"):
            path = self.root / folder
            if path.is_dir():
                server.watch(str(path))
        return server

    # Publish photos once, collect the other languages, then swap the finished site in.
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        # The photos are linked in by a thread while this process waits for the search
        # indexer (a process of its own): 24,000 links at 1000 exhibits, about a second.
        with ThreadPoolExecutor(max_workers=1) as linker:
            media = linker.submit(write_media, self.media, site_dir) if self.is_primary else None
            # Every language writes its own news feeds (absolute URLs from its site_url).
            write_news_feeds(self.hall, self.language, config.site_name, config.site_url, site_dir)
            if self.config.search:  # each language indexes its own pages (hall/search.py)
                index = (site_dir, search_pages(self.plan.pages), self.language)
                if self.command != "serve":
                    build_index(*index)
                elif self.stash is None or not (self.stash / "pagefind").exists():  # preview: indexed once, at start
                    self.background.run(build_index, *index)
            # Sitemap with every language's version of each page; robots.txt at the root.
            write_seo_files(self._seo_site(config), self.language, [s.dest_uri for s in self.plan.pages], site_dir,
                            public=not (self.kiosk or self.preview))
            if media is not None:
                media.result()  # a failure to link is this build's failure
        if not self.is_primary:
            return
        if self.command == "serve":  # preview: this language is served now, the others follow
            restore_outputs(self.stash, site_dir)
            others = tuple(self.config.languages)[1:]
            start = lambda: [start_language_build(config.config_file_path, language, True, site_dir.parent)  # noqa: E731
                             for language in others]
            self.background.run(finish_other_languages, self.background, start, site_dir)
            return
        children, self.children = self.children, []
        failures = []
        try:
            for child in children:
                code, output = child.wait()
                if code != 0:
                    failures.append(f"[{child.language}] {output.strip()}")
                    shutil.rmtree(child.site_dir, ignore_errors=True)
                    continue
                target = site_dir / child.language
                shutil.rmtree(target, ignore_errors=True)
                shutil.move(str(child.site_dir), str(target))
        finally:  # not before: a child that started late (a small hall, a busy machine) still reads it
            self._drop_handoffs()
        if failures:
            for child in children:
                shutil.rmtree(child.site_dir, ignore_errors=True)
            raise PluginError("\n".join(failures))
        if self.final_site_dir is not None:
            _swap_in(site_dir, self.final_site_dir)
            config.site_dir = str(self.final_site_dir)
            self.final_site_dir = None

    def _drop_handoffs(self) -> None:
        for path in self.handoffs:
            path.unlink(missing_ok=True)
            path.with_suffix(".partial").unlink(missing_ok=True)
        self.handoffs = []

    # `mkdocs build` is finished: skip tearing the interpreter down (hall/mkdocs/quick_exit.py).
    def on_shutdown(self) -> None:
        if self.command == "build":
            after_mkdocs_build()

    # A failed build leaves the previous site untouched: drop the staging folder and children.
    def on_build_error(self, *, error: Exception) -> None:
        self._drop_handoffs()
        for child in self.children:
            child.kill()
            shutil.rmtree(child.site_dir, ignore_errors=True)
        self.children = []
        if self.final_site_dir is not None:
            for path in self.final_site_dir.parent.glob(f".{self.final_site_dir.name}.building-*"):
                shutil.rmtree(path, ignore_errors=True)
            self.final_site_dir = None


@pass_context
def _site_url_filter(context, path: str) -> str:
    """A path from this language's site root (may start with ../ for shared media) made
    relative to the current page; MkDocs' own `url` filter mangles such paths."""
    return _from_site_root(context.get("base_url") or ".", path)


@pass_context
def _srcset_filter(context, srcset: str) -> str:
    """``a.jpg 480w, b.jpg 960w`` with each URL made relative to the current page."""
    base = context.get("base_url") or "."
    return ", ".join(f"{_from_site_root(base, url)} {width}" for url, _, width in
                     (item.rpartition(" ") for item in srcset.split(", ")))


def _from_site_root(base: str, path: str) -> str:
    if not path or "://" in path or path.startswith(("/", "#", "data:")):
        return path
    joined = posixpath.normpath(posixpath.join(base, path))
    return joined + "/" if path.endswith("/") and not joined.endswith("/") else joined


def _build_markdown_extensions_once(config: MkDocsConfig) -> None:
    """Python-Markdown builds every extension anew for each page (a third of a millisecond,
    a tenth of the Markdown time at 1500 pages); built once here, every page's Markdown
    reuses them. Safe: each new ``Markdown()`` resets the extensions it registers."""
    import markdown

    builder = markdown.Markdown()
    config.markdown_extensions = [
        builder.build_extension(name, config.mdx_configs.get(name, {})) if isinstance(name, str) else name
        for name in config.markdown_extensions
    ]


def _site_dir_given(config: MkDocsConfig) -> bool:
    """Was ``site_dir`` set on the command line (``-d``), not just in mkdocs.yml?"""
    return any("site_dir" in user_config for user_config in config.user_configs[1:])


def _nav_entry(item: NavItem) -> Any:
    if item.children:
        return {item.title: [_nav_entry(child) for child in item.children]}
    return {item.title: item.src_uri}


def _remove_leftovers(final: Path) -> None:
    """Staging folders an interrupted build (Ctrl+C, power cut) left beside the site."""
    for pattern in (f".{final.name}.building-*", f".{final.name}.old-*", ".hall-*-*"):
        for path in final.parent.glob(pattern):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:  # a language hand-off (.hall-handoff-*.pickle)
                path.unlink(missing_ok=True)


def _swap_in(staging: Path, final: Path) -> None:
    """Replace ``final`` by ``staging`` with two renames, so readers never see a half site."""
    old = final.with_name(f".{final.name}.old-{uuid.uuid4().hex[:8]}")
    if final.exists():
        final.rename(old)
    staging.rename(final)
    if old.exists():  # deleting a large old site takes seconds: let a detached process do it
        subprocess.Popen(
            [sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)", str(old)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # whatever it leaves (power cut) the next build's _remove_leftovers removes
