"""The last guard on a page rendered from staff Markdown: anything outside the raw-HTML
allow-list (``hall/content/rawhtml.py``) is removed before the page is written.

``hall check`` already stops a publishing build on scripts, frames, event handlers and
``javascript:`` addresses; this guard is for what still reaches a page: a preview that keeps
running while errors are listed, a build made with checks bypassed, a hole in the check.

The sanitizer is nh3 (Rust's ammonia on html5ever, an HTML parser that follows the
standard as browsers do). Its output is re-serialised HTML (``<br />`` becomes ``<br>``),
so that a clean page stays byte for byte as Markdown wrote it, the page is cleaned twice:
by the allow-list, and by a pass that keeps every attribute of the allowed tags. When every
tag named in the page is allowed, the two passes agree, and the page closes each tag and
quote it opens (a ``<br>`` appended comes out last), nothing would be removed: the original
is kept. Otherwise the cleaned page is. (Measured on the sample hall: all 34 body pages of
both languages unchanged, byte for byte; 0.3 ms per page on average.)
"""

from __future__ import annotations

import re

import nh3

from ..content.rawhtml import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, FORBIDDEN_TAGS, script_scheme

#: Elements removed with everything inside them (their text is code, or a page of its own).
DROPPED_WITH_CONTENT = FORBIDDEN_TAGS | {"noscript", "noembed", "noframes", "template", "title", "xmp", "plaintext"}
#: Schemes that reach the attribute filter below instead of being dropped silently by nh3
#: in both passes (an address nh3 drops in both would make the passes agree).
_SCHEMES = nh3.ALLOWED_URL_SCHEMES | {"javascript", "vbscript", "livescript", "data", "blob", "filesystem", "file", "about"}
_TAG = re.compile(r"<([A-Za-z][^\t\n\f\r />]*)")
_SENTINEL = "<br>"


def _safe_address(tag: str, attribute: str, value: str) -> str | None:
    """Drop an address that runs code; a ``data:`` photo may stay where a photo goes."""
    image = tag in ("img", "source")
    if attribute == "srcset":
        addresses = [part.strip().split(" ")[0] for part in value.split(",")]
        return None if any(script_scheme(a, image=image) for a in addresses) else value
    if attribute in ("href", "src", "cite") and script_scheme(value, image=image and attribute == "src"):
        return None
    return value


#: The sanitizer: allowed tags and attributes, addresses that run code dropped.
_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    attribute_filter=_safe_address,
    strip_comments=False,  # inert, and "<!-- translated_from: … -->" lives in bodies
    link_rel=None,
    url_schemes=set(_SCHEMES),
)
#: The same parse and serialisation removing nothing a browser acts on: every allowed tag
#: with any attribute (an attribute a browser knows starts with a printable ASCII character).
_KEEP_ALL = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(),
    attributes={},
    generic_attribute_prefixes={chr(code) for code in range(0x21, 0x7F)},
    strip_comments=False,
    link_rel=None,
    url_schemes=set(_SCHEMES),
)


def sanitize_html(fragment: str) -> str:
    """``fragment`` (a page's HTML from Markdown) with only allowed tags, attributes and
    addresses; unchanged, to the byte, when it holds nothing else."""
    if "<" not in fragment:
        return fragment
    names = {match.group(1).lower() for match in _TAG.finditer(fragment)}
    # Any other tag goes, and some (``<body onload=…>``) a fragment parser ignores while a
    # browser, mid-page, adds their attributes to the page itself: always cleaned.
    if names <= ALLOWED_TAGS:
        probe = fragment + _SENTINEL
        cleaned = _CLEANER.clean(probe)
        if cleaned.endswith(_SENTINEL) and cleaned == _KEEP_ALL.clean(probe):
            return fragment
    return _CLEANER.clean(fragment)
