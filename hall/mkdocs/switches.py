"""The environment variables that switch a build's mode: set by `hall`, by `mkdocs serve`,
or by the default language's build for the other languages' child builds (which inherit
the environment). One place, so every reader and writer agrees on their names."""

from __future__ import annotations

import os

#: "1": build the touch-screen kiosk variant into site-kiosk/ (`hall build --kiosk`).
ENV_KIOSK = "HALL_KIOSK"
#: The language a child build makes (unset: the default language, which starts the others).
ENV_LANGUAGE = "HALL_BUILD_LANGUAGE"
#: "1": a preview (drafts shown): `hall build --drafts`, and the children of `mkdocs serve`.
ENV_PREVIEW = "HALL_PREVIEW"
#: "1": the build belongs to `mkdocs serve` (its content errors are shown, not fatal).
ENV_SERVE = "HALL_SERVE"
#: A pickle of the loaded hall, handed from the default language's build to the others.
ENV_HANDOFF = "HALL_HANDOFF"
#: "0": turn off the cache of shared page fragments (hall/mkdocs/fragments.py).
ENV_FRAGMENTS = "HALL_FRAGMENT_CACHE"


def switched_on(name: str) -> bool:
    return os.environ.get(name) == "1"
