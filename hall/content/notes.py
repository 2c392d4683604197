"""Notes staff leave for each other: found, dropped for visitors, marked for previews.

Staff write placeholders and reminders beside the text they are about (EDITING.md, "给工作
人员的注"): a blockquote starting with a note label and a colon (``> 待核实：…``) is a note
whole, and ``【待补充：…】`` or ``[[To verify: …]]`` is a note inside a sentence, in a body or
in a YAML text field (the labels are defined once in hall/content/rules.py). Before this
syntax, such notes were plain text and reached 27 of the sample hall's 68 pages, their search
excerpts and read-aloud. Now a build for publishing drops them from the model itself
(``Hall.for_audience``), so no page, card, feed, search index or sharing text can show them;
a body section left with nothing but notes goes with its heading. Previews keep them, marked
(a ``hall-note`` admonition or span with a visible label), and ``hall check --strict`` lists
each one left in a published entry (hall/content/notecheck.py).

Pure text functions: no model, no files. Fenced code is left as written, so the guide's
examples of the syntax stay examples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..i18n import strings
from .rules import NOTE_BLOCK_LABELS, NOTE_INLINE_LABELS


def _labels(labels: tuple[str, ...]) -> str:
    return "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in sorted(labels, key=len, reverse=True))


_BLOCK_LABELS = _labels(NOTE_BLOCK_LABELS)
_INLINE_LABELS = _labels(NOTE_INLINE_LABELS)
#: The first words of a blockquote that is a note: ``待补充：``, ``**To verify:**``,
#: ``**待补充 / Placeholder:**`` (the older bilingual form), ``**待核实**：``.
_BLOCK_START = re.compile(
    rf"^(?:\*\*|__)?\s*(?:{_BLOCK_LABELS})(?:\s*[/／]\s*(?:{_BLOCK_LABELS}))?\s*(?:\*\*|__)?\s*[:：]", re.IGNORECASE)
#: ``【待核实：…】`` and ``[[Note: …]]``, within one paragraph (never across a blank line).
_INLINE = re.compile(
    rf"【\s*(?:{_INLINE_LABELS})\s*[:：](?:[^】\n]|\n(?![ \t]*\n))*】"
    rf"|\[\[\s*(?:{_INLINE_LABELS})\s*[:：](?:[^\]\n]|\](?!\])|\n(?![ \t]*\n))*\]\]",
    re.IGNORECASE)
_QUOTE = re.compile(r"^ {0,3}> ?")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]|$)")
#: What a line may keep once its notes are gone and still say nothing: a list marker, a quote mark.
_EMPTY_LINE = re.compile(r"^\s*(?:[-*+]|\d+[.)]|>)?\s*$")


@dataclass(frozen=True)
class Note:
    """One note as written, where it starts (1-based line and column of its text)."""

    text: str
    line: int
    column: int
    block: bool


def has_notes(text: str) -> bool:
    """Cheap test first: most texts hold no note, and every build filters them all."""
    return ("【" in text or "[[" in text or ">" in text) and bool(find_notes(text))


def find_notes(text: str, markdown: bool = True) -> list[Note]:
    """Every note of ``text``: block notes (``markdown`` only) and inline ones, in order."""
    notes: list[Note] = []
    lines = text.split("\n")
    starts = _line_starts(lines)
    blocks = _block_notes(lines) if markdown else []
    for first, last in blocks:
        quote = "\n".join(lines[first:last])
        column = len(_QUOTE.match(lines[first]).group(0)) + 1 if _QUOTE.match(lines[first]) else 1
        notes.append(Note(quote, first + 1, column, True))
    in_block = {i for first, last in blocks for i in range(first, last)}
    code = fenced_lines(lines) if markdown else set()
    for match in _INLINE.finditer(text):
        line = text.count("\n", 0, match.start())
        if line in in_block or line in code:
            continue
        notes.append(Note(match.group(0), line + 1, match.start() - starts[line] + 1, False))
    return sorted(notes, key=lambda n: (n.line, n.column))


def strip_field(text: str) -> str:
    """A YAML text without its notes ("" when it held nothing else: the field counts as empty)."""
    if "【" not in text and "[[" not in text:
        return text
    return _drop_inline(text).strip()


def strip_body(text: str, language: str | None = None) -> str:
    """A Markdown body as published: notes gone, and a section left with only notes gone
    with its heading (``language`` unused: the signature of ``mark_body``)."""
    if not has_notes(text):
        return text
    lines = text.split("\n")
    code = fenced_lines(lines)
    removed = {i for first, last in _block_notes(lines) for i in range(first, last)}
    kept: list[str | None] = []
    noted: set[int] = set(removed)
    for i, line in enumerate(lines):
        kept.append(None if i in removed else line)
    segments = _segments(kept, code)
    for indices in segments:
        chunk = "\n".join(kept[i] for i in indices)
        if not _INLINE.search(chunk):
            continue
        new = _drop_inline(chunk).split("\n")
        for i, old, line in zip(indices, chunk.split("\n"), new):
            if line != old:
                noted.add(i)
                kept[i] = None if _EMPTY_LINE.match(line) else line
    _drop_empty_sections(kept, noted, code)
    return _squeeze("\n".join(line for line in kept if line is not None))


def mark_body(text: str, language: str) -> str:
    """A Markdown body for a preview: each note shown as a note, with a visible label
    (a ``hall-note`` admonition for a block, a ``hall-note`` span inside a sentence)."""
    if not has_notes(text):
        return text
    label = note_label(language)
    lines = text.split("\n")
    out = list(lines)
    for first, last in reversed(_block_notes(lines)):
        inner = [_QUOTE.sub("", line, count=1) for line in lines[first:last]]
        out[first:last] = ["", f'!!! hall-note "{label}"', "", *(f"    {line}" if line.strip() else "" for line in inner), ""]
    marked: list[str] = []
    for fenced, chunk in _split_fences(out):
        marked.append(chunk if fenced else _INLINE.sub(lambda m: _inline_mark(m.group(0), label), chunk))
    return "\n".join(marked)


@lru_cache(maxsize=None)
def note_label(language: str) -> str:
    """What a preview writes above a note ("工作人员注 / Staff note"), from hall/locales/."""
    return strings("ui", language).get("staff_note", "")


# -- helpers -----------------------------------------------------------------------------------


def _line_starts(lines: list[str]) -> list[int]:
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    return starts


def fenced_lines(lines: list[str]) -> set[int]:
    """Indices of the lines of fenced code blocks, fences included (a closing fence is the
    opening's character, at least as long), for every scan of a body that must skip code."""
    code: set[int] = set()
    fence = ""
    for i, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence:
            code.add(i)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = ""
        elif match:
            fence = match.group(1)
            code.add(i)
    return code


def _block_notes(lines: list[str]) -> list[tuple[int, int]]:
    """(first, end) line ranges of blockquotes that are notes. A blockquote runs, as
    Python-Markdown reads it, from a ``>`` line through its paragraph (lazy lines too) and on
    through further ``>`` paragraphs after blank lines: it is one quote, so one note."""
    code = fenced_lines(lines)
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if i in code or not _QUOTE.match(lines[i]) or (i and _QUOTE.match(lines[i - 1]) and i - 1 not in code):
            i += 1
            continue
        end = i
        while end < len(lines) and end not in code:
            if lines[end].strip():
                end += 1
                continue
            after = end
            while after < len(lines) and not lines[after].strip():
                after += 1
            if after < len(lines) and after not in code and _QUOTE.match(lines[after]):
                end = after
                continue
            break
        first_text = next((_QUOTE.sub("", line, count=1).strip() for line in lines[i:end]
                           if _QUOTE.sub("", line, count=1).strip()), "")
        if _BLOCK_START.match(first_text):
            found.append((i, end))
        i = end
    return found


def _segments(kept: list[str | None], code: set[int]) -> list[list[int]]:
    """Runs of kept lines outside code, each searched for inline notes as one text."""
    runs: list[list[int]] = [[]]
    for i, line in enumerate(kept):
        if line is None or i in code:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append(i)
    return [run for run in runs if run]


def _split_fences(lines: list[str]) -> list[tuple[bool, str]]:
    code = fenced_lines(lines)
    parts: list[tuple[bool, list[str]]] = []
    for i, line in enumerate(lines):
        fenced = i in code
        if parts and parts[-1][0] == fenced:
            parts[-1][1].append(line)
        else:
            parts.append((fenced, [line]))
    return [(fenced, "\n".join(chunk)) for fenced, chunk in parts]


def _drop_inline(text: str) -> str:
    """Remove inline notes, with the space before one when what follows needs none."""
    def one(match: re.Match[str]) -> str:
        space = match.group(1)
        rest = text[match.end():match.end() + 1]
        return " " if space and rest and not rest.isspace() and rest not in ",.;:!?)]，。；：！？）】、" else ""
    return re.sub(rf"([ \t]*)(?:{_INLINE.pattern})", one, text, flags=re.IGNORECASE)


def _drop_empty_sections(kept: list[str | None], noted: set[int], code: set[int]) -> None:
    """A heading whose section (through its subsections) held notes and now holds nothing
    is dropped with the whole section: a heading over nothing tells visitors nothing."""
    headings = [(i, len(m.group(1))) for i, line in enumerate(kept)
                if line is not None and i not in code and (m := _HEADING.match(line))]
    for n, (start, level) in enumerate(headings):
        if kept[start] is None:
            continue
        end = next((i for i, lv in headings[n + 1:] if lv <= level), len(kept))
        inside = range(start + 1, end)
        heads = {i for i, _ in headings}
        if any(i in noted for i in inside) and not any(
                kept[i] is not None and kept[i].strip() and i not in heads for i in inside):
            for i in range(start, end):
                kept[i] = None


def _squeeze(text: str) -> str:
    """No runs of blank lines where notes were taken out."""
    return re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text).strip("\n") + ("\n" if text.endswith("\n") else "")


def _inline_mark(note: str, label: str) -> str:
    inner = note[1:-1] if note.startswith("【") else note[2:-2]
    return (f'<span class="hall-note"><span class="hall-note__label">{label}</span> '
            f"{inner.strip()}</span>")
