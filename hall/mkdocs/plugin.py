"""The ``hall`` MkDocs plugin: hands the core's validated hall to MkDocs, one language per build.

Methods are MkDocs events in the order they fire. All content work (loading,
validation, page planning, media) happens in the core; this module only translates.
"""

from __future__ import annotations

import logging
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..content import ProblemLog, load_hall
from ..content.linkmap import LinkTable
from ..content.privacy import check_privacy
from ..content.strict import strict_warnings
from ..content.floorplan import check_kiosk_position
from ..i18n import HTML_LANG
from ..media.panoramas import with_panoramas
from ..media.audio import plan_audio, recordings_of
from ..media import (
    MediaPlan,
    cover_photos,
    download_photo_files,
    photo_has_gps,
    plan_crops,
    plan_media,
    published_photo_files,
    rewrite_body_images,
    write_media,
)
from ..outputs.csp import with_policy
from ..outputs.feeds import write_news_feeds
from ..outputs.opendata import write_open_data
from ..outputs.qr import with_link_qr_codes
from ..outputs.sanitize import sanitize_html
from ..outputs.search import build_index, search_pages
from ..outputs.seo import Site, page_seo, share_card_style, site_root, write_seo_files
from ..pages import PageSpec, SiteOptions, SitePlan, plan_site
from ..pages.browse import with_browse
from ..pages.floorplan import floorplan_files
from ..pages.visitplan import with_kiosk_position
from ..pages.problems import with_problems
from .config import HallConfig
from .escaping import escape_nav_titles, escape_own_templates, html_title, theme_scripts
from .filters import site_url_filter, srcset_filter
from .fingerprint import finish_site
from .fragments import FragmentCache
from .globals import template_globals
from .unused import has_material_search, unused_theme_file
from .languages import (
    LanguageBuild,
    collect_language_builds,
    handoff_path,
    read_handoff,
    start_language_build,
    write_handoff,
)
from .links import rewrite_body_links
from .markup import tidy_material_markup, with_html_lang
from .preview import (
    Background,
    finish_other_languages,
    jinja_cache,
    restore_outputs,
    stash_outputs,
)
from .publish import drop_staging_folders, remove_leftovers, staging_folder, strict_warnings_so_far, swap_in
from .quick_exit import after_mkdocs_build
from .settings import (
    build_markdown_extensions_once,
    configure_language,
    site_dir_given,
)
from .switches import (
    ENV_HANDOFF,
    ENV_KIOSK,
    ENV_LANGUAGE,
    ENV_PREVIEW,
    ENV_SERVE,
    switched_on,
)

log = logging.getLogger("mkdocs.plugins.hall")


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
        self.kiosk = self.config.kiosk or switched_on(ENV_KIOSK)
        self.kiosk_position = os.environ.get("HALL_KIOSK_POSITION") or self.config.kiosk_position  # its "you are here"
        self.root = Path(config.config_file_path).parent.resolve()

        self.background.wait()  # a preview's previous rebuild finishes writing first
        self.stash = None
        if self.command == "serve":  # keep /en/ and the search index served while this rebuild runs
            self.stash = stash_outputs(Path(config.site_dir), ["pagefind", *tuple(self.config.languages)[1:]])
        serving = self.command == "serve" or switched_on(ENV_SERVE)
        handoff = os.environ.get(ENV_HANDOFF)
        if handoff and not self.is_primary:  # the primary has loaded, checked and planned it all
            self.hall, self.media = read_handoff(Path(handoff))
            self._plan_language(config, languages, ProblemLog(self.root))
            build_markdown_extensions_once(config)
            return config
        if self.kiosk and self.is_primary and self.command == "build" and not site_dir_given(config):
            config.site_dir = str(self.root / self.config.kiosk_site_dir)  # never overwrite the public site
        if self.is_primary and self.command == "build":
            if self.config.atomic:
                remove_leftovers(Path(config.site_dir).resolve())
            if len(languages) > 1:
                self._start_other_languages(config, languages[1:])  # they wait for the hand-off below
        hall, problems = load_hall(self.root, languages)
        if self.kiosk:  # the kiosk's place must be one of content/floorplan.yml's kiosks
            check_kiosk_position(hall.floorplan, self.kiosk_position, Path(config.config_file_path), problems)
        self.hall = hall.for_audience(self.preview)
        if not problems.errors or serving:
            self.media = self._plan_photos()
            for path in self.handoffs:  # the other languages start rendering now, beside the checks below
                write_handoff(path, (self.hall, self.media))
        if self.is_primary or serving:  # a build's other languages need not repeat it: the primary stops the build
            check_privacy(hall, problems, publishing=not self.preview, has_gps=photo_has_gps)  # ID/phone numbers, GPS
        if config.strict and not serving:  # `mkdocs build --strict`: stop here, not after the site is swapped in
            strict_warnings(hall, problems)  # notes left for staff in published entries, then warnings
        if problems.errors and not serving:
            raise PluginError("\n" + problems.format())
        if problems.errors and self.is_primary:  # a preview keeps running and shows them on its home page
            log.error("\n" + problems.format())
        if self.is_primary:
            for warning in problems.warnings:
                log.warning(warning.format())
        self._plan_language(config, languages, problems)

        build_markdown_extensions_once(config)
        if self.is_primary and self.command == "build" and self.config.atomic:
            self.final_site_dir = Path(config.site_dir).resolve()
            config.site_dir = str(staging_folder(self.final_site_dir))
        return config

    def _plan_photos(self) -> MediaPlan:
        """Photos are decoded here, before MkDocs cleans or writes anything, so a bad photo
        stops the build with the previous site intact. The other languages' builds start
        after this and find every photo in the cache (hall/media/): they decode nothing."""
        downloads = () if self.kiosk else download_photo_files(self.hall)  # no downloads on a kiosk
        media = plan_media(self.root, published_photo_files(self.hall), downloads=downloads)
        if not (media.problems and media.problems.errors):
            media = plan_crops(media, cover_photos(self.hall))  # cards, attract screen
            media = plan_audio(media, self.root, recordings_of(self.hall))  # tags stripped (media/audio.py)
            media = with_panoramas(media, self.root, self.hall.tour)  # the 720° tour (hall/media/panoramas.py)
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
            options=SiteOptions(timeline_order=self.config.timeline_order, news_per_page=self.config.news_per_page),
            audio=self.media.audio,
        )
        if self.kiosk:  # touch screens have no keyboard: browse by zone, tag and year instead of search
            self.plan = with_browse(self.plan, self.hall, self.media.images, "" if self.is_primary else "../")
            self.plan = with_kiosk_position(self.plan, self.hall, self.media.images, self.kiosk_position)  # visitplan.py
        if problems.errors:
            self.plan = with_problems(self.plan, problems, self.language)
        self.pages = {spec.src_uri: spec for spec in self.plan.pages}
        self.links = LinkTable(self.hall)  # what body links point at (hall/content/linkmap.py)
        configure_language(config, self.plan, languages, self.config.site_name)
        self.cards = share_card_style(self.root, config.theme.custom_dir, self.config.share_card_fonts,  # seo.py
                                      log.warning if self.is_primary else None)
        self.public_site_url = config.site_url or ""  # this language's public root, for QR codes
        if self.kiosk:  # served from 127.0.0.1: no absolute links (or fetches) to the public site
            config.site_url = None

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
        search = has_material_search(config.plugins)
        kept = [f for f in files if not (f.abs_src_path and f.abs_src_path.startswith(docs_dir + os.sep))
                and not unused_theme_file(f, kiosk=self.kiosk, material_search=search)]
        result = Files(kept)
        for spec in self.plan.pages:
            # Its settings go to MkDocs directly (on_page_markdown), not as front matter
            # through MkDocs' pure-Python YAML parser (0.3 s per language at 1000 exhibits).
            # The blank lines keep a body that starts with "---" from being read as front matter.
            file = File.generated(config, spec.src_uri, content="\n\n" + spec.body)
            if not spec.searchable:
                file.inclusion = InclusionLevel.NOT_IN_NAV
            result.append(file)
        for dest, source in floorplan_files(self.hall):  # the scanned plan under the floor plan, as drawn
            result.append(File.generated(config, dest, abs_src_path=str(source)))
        return result

    # Pages in the navigation have chrome of their own (marked active; previous/next).
    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        self.nav_urls = {page.url for page in nav.pages}
        escape_nav_titles(nav.items)  # Material prints them raw (hall/mkdocs/escaping.py)
        return nav

    # Staff link to another entry by its path on disk or its site address; point each link
    # at the generated page so MkDocs resolves it in this language (hall/mkdocs/links.py).
    # Photos in bodies become the same <picture> of derivatives as gallery photos.
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.pages.get(page.file.src_uri)
        if spec is not None:
            page.meta = {**spec.meta, "title": html_title(spec.title), **page.meta}  # see on_files; title: escaping.py
            if spec.source_file:
                prefix = "../" * page.url.count("/") + ("" if self.is_primary else "../")
                markdown = rewrite_body_links(
                    markdown, spec.source_file, spec.src_uri, self.links,
                    lambda src: (found := files.get_file_from_path(src)) and found.url_relative_to(page.file),
                    lambda photo: (image := self.media.images.get(photo)) and prefix + image.fallback.url)
                markdown = rewrite_body_images(markdown, spec.source_file, self.media.images, prefix)
        return markdown

    # Raw HTML of a staff body is cut to the allow-list, whatever the checks let by (a preview).
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.pages.get(page.file.src_uri)
        return sanitize_html(html) if spec is not None and spec.source_file else html

    # Global template data: UI strings, footer filing numbers, this build's language.
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        footer = [{"title": item.title, "url": found.url} for item in self.plan.footer
                  if (found := files.get_file_from_path(item.src_uri)) is not None]
        # Pages the chrome links to (tabs, drawer, footer) get chrome of their own (fragments.py).
        env.globals["hall_cached"] = FragmentCache(self.nav_urls | {link["url"] for link in footer})
        env.bytecode_cache = jinja_cache(self.root)  # compile templates once, not on every (re)build
        escape_own_templates(env, config.theme.custom_dir)  # every {{ }} in theme/ escapes (escaping.py)
        self.scripts = theme_scripts(env)  # the only inline scripts a page's policy allows (csp.py)
        env.filters["hall_url"] = site_url_filter
        env.filters["hall_srcset"] = srcset_filter
        env.globals.update(template_globals(  # hall/mkdocs/globals.py
            self.config, self.language, preview=self.preview, kiosk=self.kiosk,
            feeds=bool(self.hall.news and config.site_url), footer=footer, public_site_url=self.public_site_url))
        return env

    # The 404 page is drawn by a theme template, not a page: it gets its policy here.
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        output = with_html_lang(output_content, config.theme["language"], HTML_LANG.get(self.language, self.language))
        return with_policy(output, allow_inline=switched_on(ENV_SERVE), known=self.scripts)  # csp.py

    # Hand each generated page its view data from the core.
    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav) -> dict[str, Any]:
        spec = self.pages.get(page.file.src_uri)
        context["hall"] = spec.view if spec else {}
        if spec is not None:  # canonical, hreflang, Open Graph, schema.org (hall/outputs/seo.py)
            context["hall_seo"] = page_seo(self._seo_site(config), self.language, spec.dest_uri, spec.title, spec.view, spec.body)
        return context

    def _seo_site(self, config: MkDocsConfig) -> Site:
        languages = tuple(self.config.languages)
        return Site(site_root(config.site_url or "", self.language, languages[0]), languages,
                    dict(self.config.site_name), dict(self.config.county), getattr(self, "cards", None))

    # Kiosk build: a link that leaves the site shows its address as a QR code instead of
    # navigating, so every external link on the page gets its QR code now (no network later).
    # Every build: mend Material's few invalid attributes (W3C validity). Last, the page's
    # Content-Security-Policy, with the hashes of the theme's inline scripts it holds.
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        output = with_html_lang(tidy_material_markup(output), config.theme["language"], HTML_LANG.get(self.language, self.language))
        return with_policy(with_link_qr_codes(output) if self.kiosk else output, allow_inline=switched_on(ENV_SERVE),
                           known=self.scripts)

    # Publish photos once, collect the other languages, then swap the finished site in.
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        # The photos are linked in by a thread while this process waits for the search
        # indexer (a process of its own): 24,000 links at 1000 exhibits, about a second.
        with ThreadPoolExecutor(max_workers=1) as linker:
            media = linker.submit(write_media, self.media, site_dir) if self.is_primary else None
            # Every language writes its own news feeds (absolute URLs from its site_url).
            write_news_feeds(self.hall, self.language, config.site_name, config.site_url, site_dir)
            write_open_data(self.hall, self.language, self._seo_site(config), self.media.images, site_dir)  # outputs/opendata/
            if self.config.search:  # each language indexes its own pages (hall/outputs/search/)
                index = (site_dir, search_pages(self.plan.pages), self.language)
                if self.command != "serve":
                    build_index(*index)
                elif self.stash is None or not (self.stash / "pagefind").exists():  # preview: indexed once, at start
                    self.background.run(build_index, *index)
            # Sitemap with every language's version of each page; robots.txt at the root.
            write_seo_files(self._seo_site(config), self.language, self.plan.pages, site_dir,
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
        try:
            failures = collect_language_builds(children, site_dir)
        finally:  # not before: a child that started late (a small hall, a busy machine) still reads it
            self._drop_handoffs()
        if failures:
            raise PluginError("\n".join(failures))
        if config.strict and strict_warnings_so_far():  # see publish.py: MkDocs would abort after the swap
            raise PluginError("严格模式：上面有警告，原有站点未被改动。 Strict mode: warnings above; the previous site is untouched.")
        finish_site(site_dir, kiosk=self.kiosk)  # hashed names for our CSS/JS (fingerprint.py)
        if self.final_site_dir is not None:
            swap_in(site_dir, self.final_site_dir)
            config.site_dir = str(self.final_site_dir)
            self.final_site_dir = None

    def _drop_handoffs(self) -> None:
        for path in self.handoffs:
            path.unlink(missing_ok=True)
            path.with_suffix(".partial").unlink(missing_ok=True)
        self.handoffs = []

    # A failed build leaves the previous site untouched: drop the staging folder and children.
    def on_build_error(self, *, error: Exception) -> None:
        self._drop_handoffs()
        for child in self.children:
            child.kill()
            shutil.rmtree(child.site_dir, ignore_errors=True)
        self.children = []
        if self.final_site_dir is not None:
            drop_staging_folders(self.final_site_dir)
            self.final_site_dir = None

    # Watch the content folders too, so saving an exhibit rebuilds the preview.
    def on_serve(self, server, *, config: MkDocsConfig, builder):
        for folder in ("exhibits", "content"):
            path = self.root / folder
            if path.is_dir():
                server.watch(str(path))
        return server

    # `mkdocs build` is finished: skip tearing the interpreter down (hall/mkdocs/quick_exit.py).
    def on_shutdown(self) -> None:
        if self.command == "build":
            after_mkdocs_build()

