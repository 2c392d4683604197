"""Page chrome rendered once per shape, not once per page.

Material's header, tabs, navigation drawer, footer and script tags are most of the cost
of rendering a page (its nav partials alone call hundreds of macros), yet on a hall's
exhibit and news pages they come out the same for every page in the same folder: those
pages are not in the navigation, so nothing in it is marked as theirs. Templates wrap
such chrome in ``{% call hall_cached("name", extra…) %}…{% endcall %}``; the first page
of each shape renders it and the others reuse the HTML.

A shape is the fragment's name, the page's folder (MkDocs makes every URL in the chrome
relative to the page: ``exhibits/history/`` is ``../`` from one exhibit of that zone and
``../../history/`` from another zone's, so only pages in the same folder share them; an
exhibit page never links to itself outside the content), the page itself when the
chrome links to it (in the navigation it is marked active and has previous/next links;
a footer link to it reads ``./``), and whatever else the template passes. The table of
contents is each page's own and is never cached. ``tests/test_fragments.py`` checks
that a site built with the cache is byte for byte the one built without it.
"""

from __future__ import annotations

import os
import posixpath
from typing import Any, Callable, Hashable

from jinja2 import pass_context
from markupsafe import Markup

from .switches import (
    ENV_FRAGMENTS,  # "0": every fragment rendered on every page (the tests compare both builds)
)


class FragmentCache:
    """The ``hall_cached`` template global of one build (a new one per build)."""

    def __init__(self, own_urls: set[str]) -> None:
        self.own_urls = own_urls  # pages the chrome links to: their chrome is their own
        self.enabled = os.environ.get(ENV_FRAGMENTS, "1") != "0"
        self.store: dict[tuple[Hashable, ...], Markup] = {}
        self.misses = 0

    @pass_context
    def __call__(self, context, name: str, *extra: Hashable, caller: Callable[[], str]) -> Markup:
        if not self.enabled:
            return Markup(caller())
        page = context.get("page")
        url = getattr(page, "url", None)
        own = url if url in self.own_urls or page is None else ""
        meta = getattr(page, "meta", None) or {}
        folder = posixpath.dirname(url.rstrip("/")) if url is not None else None
        key = (name, context.get("base_url"), folder, own, _frozen(meta.get("hide")), *extra)
        html = self.store.get(key)
        if html is None:
            self.misses += 1
            html = self.store[key] = Markup(caller())
        return html


def _frozen(value: Any) -> Hashable:
    if isinstance(value, (list, tuple, set)):
        return tuple(sorted(map(str, value)))
    return value if isinstance(value, Hashable) else repr(value)
