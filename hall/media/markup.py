"""Photos inside Markdown bodies: which local photos a body shows (``![alt](photo.jpg)``),
and each replaced by the same ``<picture>`` of derivatives as a gallery photo."""

from __future__ import annotations

import posixpath
import re
from html import escape
from typing import Mapping

from ..content.rules import PHOTO_SUFFIXES
from .model import ImageSet


def picture_html(image: ImageSet, alt: str, prefix: str = "", sizes: str = "(min-width: 76em) 48rem, 100vw",
                 lazy: bool = True) -> str:
    """A ``<picture>`` for an image inside a Markdown body (templates use hall-picture.html)."""
    parts = ['<picture class="hall-picture hall-picture--body">']
    for mime in image.mimes:
        if mime != image.fallback.mime:
            parts.append(f'<source type="{mime}" srcset="{escape(image.srcset(mime, prefix))}" sizes="{escape(sizes)}">')
    fallback = image.fallback
    style = f' style="background-image:url({image.placeholder})"' if image.placeholder else ""
    parts.append(
        f'<img src="{escape(prefix + fallback.url)}" srcset="{escape(image.srcset(fallback.mime, prefix))}"'
        f' sizes="{escape(sizes)}" alt="{escape(alt)}" width="{image.width}" height="{image.height}"'
        f' loading="{"lazy" if lazy else "eager"}" decoding="async"{style}>'
    )
    parts.append("</picture>")
    return "".join(parts)



_BODY_IMAGE = re.compile(r'!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+"(?P<title>[^"]*)")?\)')



def _body_source(src: str, body_file: str) -> str | None:
    """The repository-relative photo a body's ``![…](src)`` points at, if it is a local photo."""
    if "://" in src or src.startswith(("/", "#", "data:")) or not src.lower().endswith(PHOTO_SUFFIXES):
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(body_file), src))
    return None if joined.startswith("../") else joined



def body_images(markdown: str, body_file: str) -> list[str]:
    """Repository-relative photos referenced as ``![alt](photo.jpg)`` in a Markdown body."""
    found = (_body_source(m.group("src"), body_file) for m in _BODY_IMAGE.finditer(markdown))
    return [source for source in found if source]



def rewrite_body_images(markdown: str, body_file: str, images: Mapping[str, ImageSet], prefix: str) -> str:
    """Replace each local ``![alt](photo.jpg)`` by a ``<picture>`` of its derivatives
    (``prefix`` leads from the page to the site root holding ``media/``)."""

    def replace(match: re.Match) -> str:
        source = _body_source(match.group("src"), body_file)
        image = images.get(source) if source else None
        if image is None:
            return match.group(0)
        return picture_html(image, match.group("alt"), prefix)

    return _BODY_IMAGE.sub(replace, markdown)
