"""End a finished build's process at once instead of tearing the interpreter down.

After a build of 1000 exhibits the process holds millions of small objects (pages, their
HTML, the navigation, the loaded hall); freeing them one by one at exit took 1.5 s, 8% of
the whole build, for nothing: the site is already written and published. Like mypy, we
flush the output and leave with ``os._exit``.

Only where the exit code is known for certain: the ``mkdocs`` command line after a build
that raised nothing (MkDocs then always exits 0), the ``hall`` command (``hall.cli.run``)
and a language's child build (``hall.mkdocs.languages``), which pass their own code. Never
inside another program that runs builds (pytest, a script), which goes on afterwards.
"""

from __future__ import annotations

import atexit
import logging
import os
import sys


def exit_now(code: int) -> None:
    """Flush everything written so far, then end the process with ``code``."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


def after_mkdocs_build() -> None:
    """Called when MkDocs' build command is done (the plugin's ``on_shutdown``)."""
    if sys.exc_info()[0] is None and _is_mkdocs_command_line():
        atexit.register(exit_now, 0)  # registered last, so it runs first: other handlers are MkDocs' own


def _is_mkdocs_command_line() -> bool:
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    if spec is not None:
        return spec.name == "mkdocs.__main__"  # python -m mkdocs
    return os.path.basename(sys.argv[0]) in ("mkdocs", "mkdocs.exe")  # the mkdocs console script
