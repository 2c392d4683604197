"""Where a staff Markdown body links to: every inline link, reference definition and raw
``<a href>``, with the place of its address in the text.

One scanner for both sides of a link's life: ``hall check`` reads the addresses to resolve
them (``linkmap.py``), and the MkDocs adapter replaces the same spans with what they resolve
to, so the two cannot read a body differently. Code (fenced blocks and inline spans) is
skipped: a link shown as an example is not a link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

LinkKind = Literal["inline", "reference", "html"]

#: ``[text](address "title")`` or ``![alt](address)``; text may hold one level of [brackets].
_INLINE = re.compile(
    r"\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
    r"\(\s*(?P<target><[^<>\n]*>|[^)\s]+)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\)"
)
#: ``[label]: address "title"`` at the start of a line (footnotes ``[^1]:`` are not links).
_DEFINITION = re.compile(r"^[ ]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(?P<target><[^<>\n]*>|\S+)", re.M)
#: ``<a … href="address" …>`` in raw HTML.
_HTML_HREF = re.compile(r"<a\s[^>]*?\bhref\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s>\"']+))", re.I)
_FENCE = re.compile(r"^[ ]{0,3}(?P<fence>`{3,}|~{3,})[^\n]*\n.*?(?:^[ ]{0,3}(?P=fence)[^\n]*$|\Z)", re.M | re.S)


@dataclass(frozen=True)
class BodyLink:
    """One address in a body: ``text[start:end]`` is the address as the staff wrote it."""

    url: str
    start: int
    end: int
    kind: LinkKind
    image: bool = False  # ``![alt](photo.jpg)``: a photo shown in the text, not a link
    match_start: int = 0  # where the whole link begins (its ``[`` or ``<a``)
    match_end: int = 0
    text: str = ""  # an inline link's text, between its brackets

    def place(self, body: str) -> tuple[int, int]:
        """Line and column (from 1) of the link's beginning, for staff to find it."""
        line = body.count("\n", 0, self.match_start) + 1
        return line, self.match_start - (body.rfind("\n", 0, self.match_start) + 1) + 1


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def without_code(text: str) -> str:
    """The body with code blocks and code spans blanked out, every offset unchanged."""
    if "```" in text or "~~~" in text:
        text = _FENCE.sub(_blank, text)
    return _without_code_spans(text) if "`" in text else text


def _without_code_spans(text: str) -> str:
    """Blank each code span: a run of backticks up to the next run of the same length
    (found with ``str.find``: a regex tried at every character cost 0.1 s at 1000 exhibits)."""
    spans = []
    start = text.find("`")
    while start >= 0:
        width = _run(text, start)
        search, closing = start + width, -1
        while (found := text.find("`", search)) >= 0:
            if _run(text, found) == width:
                closing = found
                break
            search = found + _run(text, found)
        if closing < 0:
            start = text.find("`", start + width)
            continue
        spans.append((start, closing + width))
        start = text.find("`", closing + width)
    for begin, end in reversed(spans):
        text = text[:begin] + re.sub(r"[^\n]", " ", text[begin:end]) + text[end:]
    return text


def _run(text: str, at: int) -> int:
    """How many backticks stand in a row at ``at``."""
    end = at
    while end < len(text) and text[end] == "`":
        end += 1
    return end - at


def body_links(text: str) -> list[BodyLink]:
    """Every link of a body in the order written (photos shown in it flagged ``image``).

    Each pattern runs only on bodies holding its mark: at 1000 exhibits (3 MB of bodies,
    few links) scanning every body with every pattern took 0.8 s, with the marks 0.02 s."""
    scan = without_code(text)
    found: list[BodyLink] = []
    for match in _INLINE.finditer(scan) if "](" in scan else ():
        start, end = match.span("target")
        if text[start] == "<":
            start, end = start + 1, end - 1
        bang = match.start() > 0 and text[match.start() - 1] == "!"
        found.append(BodyLink(text[start:end], start, end, "inline", bang, match.start() - bang,
                              match.end(), text[match.start("text"):match.end("text")]))
    for match in _DEFINITION.finditer(scan) if "]:" in scan else ():
        start, end = match.span("target")
        if text[start] == "<":
            start, end = start + 1, end - 1
        found.append(BodyLink(text[start:end], start, end, "reference", False, match.start(), match.end()))
    for match in _HTML_HREF.finditer(scan) if "<" in scan else ():
        group = next(name for name in ("dq", "sq", "bare") if match.group(name) is not None)
        start, end = match.span(group)
        found.append(BodyLink(text[start:end], start, end, "html", False, match.start(), match.end()))
    return sorted(found, key=lambda link: link.start)


def replace_links(text: str, replacements: dict[BodyLink, str], whole: dict[BodyLink, str] | None = None) -> str:
    """``text`` with each link's address replaced (``replacements``) or, for ``whole``, the
    entire link (``[text](address)`` becomes what is given)."""
    edits = [(link.start, link.end, new) for link, new in replacements.items()]
    edits += [(link.match_start, link.match_end, new) for link, new in (whole or {}).items()]
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text
