"""The summary shown once on an entry's page.

Staff often open a body with the summary itself (the Ming mosque's Chinese body did), so the
page showed it twice and read-aloud read it twice. When the body's first paragraph opens with
what the summary says, the page leaves out the separate summary and keeps the paragraph: the
body is the staff's whole text, in its place under its heading, and it is what search
indexes; the summary still serves cards, feeds and sharing. Dropping the paragraph instead
would rewrite staff text and could leave its heading with nothing under it.

"Says the same" is compared on normalised text (Unicode NFKC, Markdown marks, punctuation,
spaces and case removed), whole sentences at a time: a summary that is the paragraph's first
sentence or sentences counts, a summary that is only the paragraph's first few words does not.
"""

from __future__ import annotations

import re
import unicodedata

#: Blocks that are not the body's text: headings, notes and other blockquotes, comments,
#: attribute lists, horizontal rules and photos on their own line.
_SKIPPED_BLOCK = re.compile(r"^(#{1,6}\s|#{1,6}$|>|<!--|\{:|([-*_]\s*){3,}$|!\[[^\]]*\]\([^)]*\)\s*$)")
#: Blocks that are something other than a paragraph (lists, tables, HTML, admonitions, code).
_OTHER_BLOCK = re.compile(r"^([-*+]\s|\d+[.)]\s|\||<|!!!|\?\?\?|```|~~~|    )")
_SETEXT_UNDERLINE = re.compile(r"^(=+|-+)\s*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>|\{:[^}]*\}|\[\^[^\]]+\]")
_SENTENCE_END = re.compile(r"(?<=[。！？!?])|(?<=\.)(?=\s)")
_HEADING_LINE = re.compile(r"^#{1,6}(\s|$)")


def first_paragraph(markdown: str) -> str:
    """The body's first paragraph as written (its lines joined), or "" when the body's
    first block of text is a list, a table or anything else that is not a paragraph."""
    for block in re.split(r"\n[ \t]*\n", markdown.replace("\r\n", "\n").strip()):
        lines = block.strip("\n").splitlines()
        while lines and (not lines[0].strip() or _HEADING_LINE.match(lines[0])):
            lines.pop(0)  # a heading written right above its paragraph, without a blank line
        if not lines or _SKIPPED_BLOCK.match(lines[0]):
            continue
        if len(lines) == 2 and _SETEXT_UNDERLINE.match(lines[1].strip()):
            continue  # a heading underlined with === or ---
        if _OTHER_BLOCK.match(lines[0]):
            return ""
        return " ".join(line.strip() for line in lines if line.strip())
    return ""


def normalised(text: str) -> str:
    """Text reduced to what it says: no Markdown marks, punctuation, spaces or case."""
    text = _TAG.sub("", _LINK.sub(r"\1", unicodedata.normalize("NFKC", text)))
    return "".join(ch for ch in text.casefold() if unicodedata.category(ch)[0] not in "PZSC")


def repeats_summary(summary: str, markdown: str) -> bool:
    """Whether the body's first paragraph opens with the summary, sentence for sentence."""
    wanted = normalised(summary)
    if not wanted:
        return False
    said = ""
    for sentence in _SENTENCE_END.split(first_paragraph(markdown)):
        said += normalised(sentence)
        if said == wanted:
            return True
        if len(said) >= len(wanted):
            return False
    return False


def lead(summary: str, markdown: str | None) -> str:
    """The summary to show under the title: the summary, or "" when the body repeats it."""
    return "" if markdown and repeats_summary(summary, markdown) else summary
