"""Where the hall is and which languages it has, from mkdocs.yml, for every `hall` command."""

from __future__ import annotations

import argparse
from pathlib import Path

from mkdocs.config import load_config


def config_file_of(args: argparse.Namespace) -> Path:
    path = Path(args.config_file).resolve()
    if not path.exists():
        raise SystemExit(
            f"找不到站点配置文件 {args.config_file}，请在展厅仓库的根目录运行。  "
            f"Cannot find {args.config_file}: run this in the hall repository's root folder."
        )
    return path


def site_languages(config_file: Path) -> tuple[str, ...]:
    """The languages set for the hall plugin in mkdocs.yml, read without building."""
    config = load_config(str(config_file))
    plugin = config.plugins.get("hall")
    return tuple(plugin.config.languages) if plugin else ("zh", "en")
