"""The ``hall`` MkDocs plugin: hands the core's validated hall to MkDocs, one language per build.

Methods are MkDocs events in the order they fire. All content work (loading,
validation, page planning, media) happens in the core; this module only translates.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import uuid
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..content import load_hall
from ..i18n import HTML_LANG, LANGUAGE_NAMES, catalog
from ..media import MediaPlan, plan_media, write_media
from ..views import NavItem, PageSpec, SitePlan, plan_site
from .config import HallConfig
from .languages import ENV_LANGUAGE, ENV_PREVIEW, LanguageBuild, start_language_build

log = logging.getLogger("mkdocs.plugins.hall")

_STAFF_LINK = re.compile(r"(\]\()((?!https?:|mailto:|#|/)[^)\s]*?)(?:zh\.md|en\.md|exhibit\.yml)(#[^)\s]*)?\)")


class HallPlugin(BasePlugin[HallConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.children: list[LanguageBuild] = []
        self.final_site_dir: Path | None = None
        self.pages: dict[str, PageSpec] = {}

    # Remember whether this is a preview (`serve`), which shows drafts.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    # Load and validate the whole hall before anything is written, then set up this
    # language's build: theme language, URLs, navigation, search and the language switch.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        languages = tuple(self.config.languages)
        self.language = os.environ.get(ENV_LANGUAGE) or languages[0]
        self.is_primary = self.language == languages[0]
        self.preview = self.command == "serve" or bool(os.environ.get(ENV_PREVIEW)) or self.config.drafts
        self.root = Path(config.config_file_path).parent.resolve()

        hall, problems = load_hall(self.root, languages)
        if problems.errors:
            raise PluginError("\n" + problems.format())
        if self.is_primary:
            for warning in problems.warnings:
                log.warning(warning.format())
        self.hall = hall.for_audience(self.preview)

        self.media: MediaPlan = plan_media(self.root, self._photo_files())
        self.plan: SitePlan = plan_site(
            self.hall, self.language, self.media.images, media_prefix="" if self.is_primary else "../"
        )
        self.pages = {spec.src_uri: spec for spec in self.plan.pages}
        self._configure_language(config, languages)

        if self.is_primary and self.command == "build" and self.config.atomic:
            self.final_site_dir = Path(config.site_dir).resolve()
            config.site_dir = str(self.final_site_dir.with_name(f".{self.final_site_dir.name}.building-{uuid.uuid4().hex[:8]}"))
        if self.is_primary and len(languages) > 1:
            self._start_other_languages(config, languages[1:])
        return config

    def _photo_files(self) -> list[str]:
        return [photo.file for zone in self.hall.zones for e in zone.exhibits for photo in e.images]

    def _configure_language(self, config: MkDocsConfig, languages: tuple[str, ...]) -> None:
        language = self.language
        config.theme["language"] = language
        names = self.config.site_name
        config.site_name = names.get(language) or names.get(languages[0]) or config.site_name
        if config.site_url and not self.is_primary:
            config.site_url = config.site_url.rstrip("/") + f"/{language}/"
        config.nav = [_nav_entry(item) for item in self.plan.nav]
        config.extra["hall_language"] = language
        config.extra["alternate"] = [
            {"name": LANGUAGE_NAMES.get(other, other), "lang": HTML_LANG.get(other, other), "link": self._root_of(other, languages)}
            for other in languages
        ]
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is not None:
            search.config.lang = None  # Material derives it from the theme language
            if language == "zh" and self.config.jieba_user_dict:
                search.config.jieba_dict_user = str(self.root / self.config.jieba_user_dict)
            else:
                search.config.jieba_dict_user = None

    def _root_of(self, other: str, languages: tuple[str, ...]) -> str:
        """Path from this language's site root to ``other``'s root."""
        up = "" if self.is_primary else "../"
        return up if other == languages[0] else (up + f"{other}/" if other != self.language else "")

    def _start_other_languages(self, config: MkDocsConfig, others: tuple[str, ...]) -> None:
        staging_parent = Path(config.site_dir).resolve().parent
        staging_parent.mkdir(parents=True, exist_ok=True)
        for language in others:
            self.children.append(
                start_language_build(config.config_file_path, language, self.preview, staging_parent)
            )

    # Replace whatever MkDocs found in docs_dir by the pages the core planned for this
    # language; theme files stay.
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs_dir = os.path.abspath(config.docs_dir)
        kept = [f for f in files if not (f.abs_src_path and f.abs_src_path.startswith(docs_dir + os.sep))]
        result = Files(kept)
        for spec in self.plan.pages:
            file = File.generated(config, spec.src_uri, content=spec.markdown)
            if not spec.searchable:
                file.inclusion = InclusionLevel.NOT_IN_NAV
            result.append(file)
        return result

    # Staff link to another entry's zh.md / en.md / exhibit.yml as on disk; point such
    # links at the generated page so MkDocs resolves them in every language.
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return _STAFF_LINK.sub(lambda m: f"{m.group(1)}{m.group(2)}index.md{m.group(3) or ''})", markdown)

    # Global template data: UI strings, footer filing numbers, this build's language.
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        languages = tuple(self.config.languages)
        env.globals["hall_t"] = catalog(self.language, languages[0])
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
        }
        return env

    # Hand each generated page its view data from the core.
    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav) -> dict[str, Any]:
        spec = self.pages.get(page.file.src_uri)
        context["hall"] = spec.view if spec else {}
        return context

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
        if not self.is_primary:
            return
        write_media(self.media, site_dir)
        children, self.children = self.children, []
        failures = []
        for child in children:
            code, output = child.wait()
            if code != 0:
                failures.append(f"[{child.language}] {output.strip()}")
                shutil.rmtree(child.site_dir, ignore_errors=True)
                continue
            target = site_dir / child.language
            shutil.rmtree(target, ignore_errors=True)
            shutil.move(str(child.site_dir), str(target))
        if failures:
            for child in children:
                shutil.rmtree(child.site_dir, ignore_errors=True)
            raise PluginError("\n".join(failures))
        if self.final_site_dir is not None:
            _swap_in(site_dir, self.final_site_dir)
            config.site_dir = str(self.final_site_dir)
            self.final_site_dir = None

    # A failed build leaves the previous site untouched: drop the staging folder and children.
    def on_build_error(self, *, error: Exception) -> None:
        for child in self.children:
            child.kill()
            shutil.rmtree(child.site_dir, ignore_errors=True)
        self.children = []
        if self.final_site_dir is not None:
            for path in self.final_site_dir.parent.glob(f".{self.final_site_dir.name}.building-*"):
                shutil.rmtree(path, ignore_errors=True)
            self.final_site_dir = None


def _nav_entry(item: NavItem) -> Any:
    if item.children:
        return {item.title: [_nav_entry(child) for child in item.children]}
    return {item.title: item.src_uri}


def _swap_in(staging: Path, final: Path) -> None:
    """Replace ``final`` by ``staging`` with two renames, so readers never see a half site."""
    old = final.with_name(f".{final.name}.old-{uuid.uuid4().hex[:8]}")
    if final.exists():
        final.rename(old)
    staging.rename(final)
    shutil.rmtree(old, ignore_errors=True)
