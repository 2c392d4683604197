"""Body links as the site has them: each staff link rewritten to the page it resolves to.

``hall check`` has already refused every link that resolves to nothing, with the same
function (``hall/content/linkmap.py``); here each link that names an entry on disk or by its
site address becomes the relative source path of that entry's generated page
(``../../../news/x/index.md``), which MkDocs turns into the page's URL in this build's
language. Raw ``<a href>`` is not seen by MkDocs, so it gets the final URL directly, and a
link to a photo gets its largest published rendition (as raw HTML, since MkDocs would
otherwise look for the photo among its pages).
"""

from __future__ import annotations

import posixpath
from html import escape
from typing import Callable

from ..content.bodylinks import BodyLink, body_links, replace_links
from ..content.linkmap import LinkTable


def rewrite_body_links(
    markdown: str,
    body_file: str,
    page_src: str,
    table: LinkTable,
    page_url: Callable[[str], str | None],
    photo_url: Callable[[str], str | None],
) -> str:
    """``markdown`` (a staff body shown at ``page_src``) with its links pointing at pages.

    ``page_url`` gives another page's URL relative to this one (for raw HTML), ``photo_url``
    a published photo's; either returns None when it has none, and the link is left as written.
    """
    folder = posixpath.dirname(page_src)
    addresses: dict[BodyLink, str] = {}
    whole: dict[BodyLink, str] = {}
    for link in body_links(markdown):
        if link.image:
            continue
        resolved = table.resolve(link.url, body_file, folder, photos=link.kind != "reference")
        if resolved.kind == "page" and resolved.page is not None:
            if link.kind == "html":
                url = page_url(resolved.page)
                if url is not None:
                    addresses[link] = escape(url + resolved.fragment)
            else:
                addresses[link] = posixpath.relpath(resolved.page, folder or ".") + resolved.fragment
        elif resolved.kind == "photo" and resolved.photo is not None:
            url = photo_url(resolved.photo)
            if url is None:
                continue
            if link.kind == "html":
                addresses[link] = escape(url)
            else:
                whole[link] = f'<a href="{escape(url)}">{link.text}</a>'
    return replace_links(markdown, addresses, whole)
