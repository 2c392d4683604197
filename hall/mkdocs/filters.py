"""Jinja filters the hall's templates use for URLs: paths from this language's site root
(which may lead up to the shared ``media/``) made relative to the current page."""

from __future__ import annotations

import posixpath

from jinja2 import pass_context


@pass_context
def site_url_filter(context, path: str) -> str:
    """A path from this language's site root (may start with ../ for shared media) made
    relative to the current page; MkDocs' own `url` filter mangles such paths."""
    return from_site_root(context.get("base_url") or ".", path)


@pass_context
def srcset_filter(context, srcset: str) -> str:
    """``a.jpg 480w, b.jpg 960w`` with each URL made relative to the current page."""
    base = context.get("base_url") or "."
    return ", ".join(f"{from_site_root(base, url)} {width}" for url, _, width in
                     (item.rpartition(" ") for item in srcset.split(", ")))


def from_site_root(base: str, path: str) -> str:
    if not path or "://" in path or path.startswith(("/", "#", "data:")):
        return path
    joined = posixpath.normpath(posixpath.join(base, path))
    return joined + "/" if path.endswith("/") and not joined.endswith("/") else joined
