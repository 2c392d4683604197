"""One MkDocs build of a configuration file, as `mkdocs build` runs it (plugins' start-up
and shut-down events included): shared by `hall build` and the other languages' builds."""

from __future__ import annotations

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig


def run_build(config_file: str, **overrides: str) -> MkDocsConfig:
    """Build the site of ``config_file`` (``overrides`` as ``mkdocs build`` options, e.g.
    ``site_dir``); returns the configuration it built with. MkDocs' own exceptions
    (``Abort``, ``BuildError``, ``ConfigurationError``) pass to the caller."""
    config = load_config(config_file, **overrides)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return config
