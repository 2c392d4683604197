"""Each language is its own MkDocs build; the default language's build runs the others.

The other languages build in child processes (``python -m hall.mkdocs.languages``) into
temporary folders, in parallel with the default language, and land under ``/<lang>/``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ENV_LANGUAGE = "HALL_BUILD_LANGUAGE"
ENV_PREVIEW = "HALL_PREVIEW"


@dataclass
class LanguageBuild:
    """A running build of one non-default language."""

    language: str
    site_dir: Path
    process: subprocess.Popen

    def wait(self) -> tuple[int, str]:
        output, _ = self.process.communicate()
        return self.process.returncode, output

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def start_language_build(config_file: str, language: str, preview: bool, parent: Path) -> LanguageBuild:
    site_dir = Path(tempfile.mkdtemp(prefix=f".hall-{language}-", dir=parent))
    env = {**os.environ, ENV_LANGUAGE: language, ENV_PREVIEW: "1" if preview else "",
           "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "hall.mkdocs.languages", config_file, str(site_dir)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    return LanguageBuild(language, site_dir, process)


def _main(argv: list[str]) -> int:
    """Build one language (chosen by the environment) of the site in ``argv``."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, BuildError, ConfigurationError

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    config_file, site_dir = argv
    try:
        config = load_config(config_file, site_dir=site_dir)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (Abort, BuildError, ConfigurationError) as err:
        print(err, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
