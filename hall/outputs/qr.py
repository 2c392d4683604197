"""QR codes as inline SVG, made at build time (segno), so kiosks need no network.

Two uses: "continue on your phone" (the public address of the page on screen) and the
kiosk's answer to a link that leaves the site (the address to open on a phone instead).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

import segno
from markupsafe import escape

_HREF = re.compile(r"""<a\b[^>]*?\bhref=(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_EXTERNAL_SCHEMES = ("http", "https", "mailto", "tel")


@lru_cache(maxsize=4096)
def qr_svg(data: str, *, title: str = "", css_class: str = "hall-qr__code") -> str:
    """An inline ``<svg>`` QR code of ``data``, scalable (viewBox only), dark on white.

    Error correction M survives a smudged screen or a phone held at an angle; the
    four-module quiet zone is what phone scanners expect.
    """
    code = segno.make(data, error="m", micro=False)
    return code.svg_inline(
        scale=1, border=4, omitsize=True, dark="#000", light="#fff",
        title=html.escape(title or data, quote=False), svgclass=css_class, lineclass=None,
    )


def public_url(site_url: str, page_url: str) -> str:
    """The public address of a page: ``site_url`` joined with the page's site-relative URL."""
    if not site_url:
        return ""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, page_url.lstrip("/"))


def is_external(href: str, own_origins: tuple[str, ...] = ()) -> bool:
    """Does following ``href`` leave the site? Relative links and own origins stay."""
    parts = urlsplit(href.strip())
    if parts.scheme.lower() not in _EXTERNAL_SCHEMES:
        return False
    if parts.scheme.lower() in ("mailto", "tel"):
        return True
    origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
    return origin not in own_origins


def external_links(page_html: str, own_origins: tuple[str, ...] = ()) -> list[str]:
    """Every distinct external link target in ``page_html``, in document order."""
    found: dict[str, None] = {}
    for match in _HREF.finditer(page_html):
        href = html.unescape(match.group(1) if match.group(1) is not None else match.group(2))
        if is_external(href, own_origins):
            found.setdefault(href)
    return list(found)


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}" if parts.scheme and parts.netloc else ""


def with_link_qr_codes(page_html: str) -> str:
    """A kiosk page with, for each link that leaves the site, its address as a QR code in a
    hidden ``<template>`` (the kiosk shows it instead of navigating: no network later)."""
    links = external_links(page_html)
    if not links:
        return page_html
    templates = "".join(
        f'<template data-hall-qr-for="{escape(href)}">{qr_svg(href)}</template>' for href in links
    )
    block = f'<div id="hall-kiosk-link-qr" hidden>{templates}</div>'
    index = page_html.rfind("</body>")
    return page_html[:index] + block + page_html[index:] if index >= 0 else page_html + block
