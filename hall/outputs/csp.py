"""The Content-Security-Policy of every page: nothing runs but our own files and the inline
scripts the page was built with.

A static site cannot send headers everywhere it is hosted (a county's web host, a kiosk's
local server), so the policy travels in the page, as ``<meta http-equiv>``, first in
``<head>`` (a policy covers only what follows it). Inline scripts are allowed by their
SHA-256, computed from the finished page: Material's own (``__md_scope``, the palette) embed
the page's base URL, so their hashes differ from folder to folder. A script that staff text
smuggled in, or that anything injects later, has no hash and does not run.

What the site needs, besides its own origin:
* ``'wasm-unsafe-eval'``: Pagefind's search runs WebAssembly (compiling it is "eval" to CSP);
* ``data:`` images: the blurred placeholders under every photo, and Material's inline icons;
* inline styles (``'unsafe-inline'`` in ``style-src`` only): photo placeholders, focal points
  and chart bars are ``style`` attributes, which hashes cannot allow in the browsers visitors
  hold (``style-src-attr`` and ``'unsafe-hashes'`` are missing from older WeChat and Android
  browsers, where the bars would vanish). Styles cannot run code; staff text is escaped.
Under ``mkdocs serve`` (``hall serve``), MkDocs injects an inline live-reload script with a
new id on every request: previews allow inline scripts instead of hashing them.
``frame-ancestors`` cannot be set from a ``<meta>`` (browsers ignore it there): a host that
wants it sends it as a header.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Iterable

#: The marker theme/main.html leaves where the policy goes (first in <head>).
PLACEHOLDER = "hall-csp-policy"

#: ``type`` values a browser runs as script; any other (JSON, ld+json) is data, not run, not hashed.
SCRIPT_TYPES = frozenset({"", "text/javascript", "application/javascript", "module", "text/ecmascript"})

_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_ATTR = re.compile(r"""\b(?P<name>type|src)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))""", re.IGNORECASE)
_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="' + PLACEHOLDER + '">')


def inline_scripts(html: str) -> list[str]:
    """The text of each inline script the browser would run, exactly as in the page."""
    found = []
    for match in _SCRIPT.finditer(html):
        attrs = {m.group("name").lower(): (m.group("dq") or m.group("sq") or m.group("bare") or "")
                 for m in _ATTR.finditer(match.group("attrs"))}
        if "src" in attrs or attrs.get("type", "").strip().lower() not in SCRIPT_TYPES:
            continue
        found.append(match.group("body"))
    return found


_TEMPLATE_SCRIPT = re.compile(r"<script>(?P<body>.*?)</script\s*>", re.DOTALL)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


def template_scripts(sources: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    """Patterns of the inline scripts the theme's templates write (``sources``: their text).

    Only these are hashed into a page's policy: a script that reached a page some other way
    (staff text that slipped past escaping or the sanitizer) gets no hash and does not run.
    A Jinja expression inside a template's script (Material's base URL) matches any text
    without quotes or ``<``, which is all a ``tojson``'d or URL value can be."""
    patterns = {}
    for source in sources:
        for match in _TEMPLATE_SCRIPT.finditer(source):
            parts = _JINJA.split(match.group("body"))
            if any(part.strip() for part in parts):
                patterns["[^\"<]*?".join(re.escape(part) for part in parts)] = None
    return tuple(re.compile(pattern, re.DOTALL) for pattern in patterns)


def script_hash(script: str) -> str:
    """A CSP source for one inline script: ``'sha256-…'`` of its UTF-8 text."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(script_hashes: Iterable[str] = (), *, allow_inline: bool = False) -> str:
    """The policy for a page whose inline scripts have ``script_hashes`` (``allow_inline``:
    any inline script, for previews; a hash would switch ``'unsafe-inline'`` off)."""
    inline = ["'unsafe-inline'"] if allow_inline else list(dict.fromkeys(script_hashes))
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *inline])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def with_policy(html: str, *, allow_inline: bool = False, known: Iterable[re.Pattern[str]] | None = None) -> str:
    """``html`` with theme/main.html's placeholder replaced by the policy for its own scripts:
    those matching ``known`` (``template_scripts``), or every inline script when it is None."""
    if PLACEHOLDER not in html:
        return html
    ours = inline_scripts(html)
    if known is not None:
        known = tuple(known)
        ours = [script for script in ours if any(pattern.fullmatch(script) for pattern in known)]
    hashes = [] if allow_inline else [script_hash(script) for script in ours]
    content = policy(hashes, allow_inline=allow_inline)
    return _META.sub(lambda _: f'<meta http-equiv="Content-Security-Policy" content="{content}">', html, count=1)
