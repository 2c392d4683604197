"""The MkDocs adapter (hall/mkdocs/plugin.py), driven event by event as MkDocs drives it.

The plugin is a thin adapter: its pages come from the core's plan through MkDocs' own API
(``File.generated``), never from files written into the staff's tree, and its methods are
MkDocs events in the order they fire, so a reader can follow a build top to bottom."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from hall.mkdocs import plugin as plugin_module
from hall.mkdocs.config import HallConfig
from hall.pages import SiteOptions
from tests.support.sites import copy_sample_hall

#: MkDocs' events in the order a build fires them (mkdocs/commands/build.py: pages are read
#: and rendered to HTML before on_env; templates are drawn after it; on_serve follows the
#: first build of `mkdocs serve`).
FIRING_ORDER = (
    "on_startup", "on_config", "on_pre_build", "on_files", "on_nav",
    "on_pre_page", "on_page_read_source", "on_page_markdown", "on_page_content", "on_env",
    "on_pre_template", "on_template_context", "on_post_template", "on_page_context", "on_post_page",
    "on_post_build", "on_build_error", "on_serve", "on_shutdown",
)


def _tree(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_size
            for p in root.rglob("*") if p.is_file() and ".cache" not in p.parts}


@pytest.fixture(scope="module")
def configured(tmp_path_factory):
    """The sample hall's config after ``on_config``, one language, as `mkdocs build` would have it."""
    project = copy_sample_hall(tmp_path_factory.mktemp("plugin"))
    before = _tree(project)
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["hall"]
    plugin.config.atomic = False
    plugin._start_other_languages = lambda *args: None  # this language only: no child builds
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    return project, before, config, plugin


def test_every_planned_page_becomes_a_generated_file_and_the_staff_tree_is_untouched(configured):
    project, before, config, plugin = configured
    files = config.plugins.on_files(get_files(config), config=config)
    pages = {f.src_uri: f for f in files.documentation_pages()}
    assert set(pages) == {spec.src_uri for spec in plugin.plan.pages}
    assert {f.generated_by for f in pages.values()} == {"hall"}
    exhibit = pages["exhibits/history/ming-mosque/index.md"]
    assert "清真寺" in exhibit.content_string
    assert _tree(project) == before, "the plugin wrote into the staff's tree"


def test_the_page_settings_come_from_the_plan_not_front_matter(configured):
    _, _, config, plugin = configured
    files = config.plugins.on_files(get_files(config), config=config)
    file = files.get_file_from_path("exhibits/history/ming-mosque/index.md")
    assert not file.content_string.lstrip().startswith("---")
    assert plugin.pages[file.src_uri].template == "exhibit.html"


def test_the_plugin_options_take_their_defaults_from_the_core():
    defaults = {name: option.default for name, option in HallConfig._schema}
    assert defaults["timeline_order"] == SiteOptions.timeline_order
    assert defaults["news_per_page"] == SiteOptions.news_per_page


def test_the_plugin_methods_are_mkdocs_events_in_firing_order():
    tree = ast.parse(inspect.getsource(plugin_module.HallPlugin))
    methods = [node.name for node in tree.body[0].body if isinstance(node, ast.FunctionDef)]
    events = [name for name in methods if name.startswith("on_")]
    assert set(events) <= set(FIRING_ORDER), f"not an MkDocs event: {set(events) - set(FIRING_ORDER)}"
    assert events == sorted(events, key=FIRING_ORDER.index)
