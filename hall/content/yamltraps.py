"""The traps of typing YAML with a Chinese input method, each named with its line, column and fix.

Staff type on Windows with a Chinese input method switched on, so their YAML breaks in a few
ways that PyYAML explains badly: in English, about a character they cannot see or tell apart
(a full-width colon or dash, a curly quote, a no-break space, a zero-width space, a tab, a line
indented by 3 spaces). Two passes name them:

- ``find_traps`` reads every line before parsing and finds the characters that are mistakes
  wherever they stand in a line's structure (indentation, list dash, key, the space after the
  colon). Text inside values, block texts (``|``) and quoted texts is left alone.
- ``explain_syntax_error`` (hall/content/yamlsyntax.py) runs when PyYAML fails, and names the
  trap on the line it failed at (curly quotes used as quotes, a colon inside ``{…}``, a line
  that does not line up); what it does not recognise keeps a plain bilingual message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

#: Spaces that look like an ordinary space but are not one for YAML. (U+3000, the full-width
#: space of Chinese input methods, has its own message: ``yaml.fullwidth_space``.)
INVISIBLE_SPACES = {
    "\u00a0": ("不换行空格", "no-break space"),
    "\u2002": ("半角空格 en space", "en space"),
    "\u2003": ("全角空格 em space", "em space"),
    "\u2007": ("数字空格", "figure space"),
    "\u2009": ("窄空格", "thin space"),
    "\u202f": ("窄不换行空格", "narrow no-break space"),
}
ZERO_WIDTH = {
    "\u200b": ("零宽空格", "zero-width space"),
    "\u200c": ("零宽非连接符", "zero-width non-joiner"),
    "\u200d": ("零宽连接符", "zero-width joiner"),
    "\u2060": ("零宽不换行符", "word joiner"),
    "\ufeff": ("零宽不换行空格（BOM）", "zero-width no-break space (BOM)"),
}
#: Characters an input method gives for “-” that cannot start a list item.
LIST_DASHES = {
    "－": ("全角破折号", "full-width dash"),
    "—": ("破折号", "em dash"),
    "–": ("短破折号", "en dash"),
    "−": ("减号", "minus sign"),
    "‐": ("连字符", "hyphen"),
    "·": ("间隔号", "middle dot"),
    "・": ("中点", "middle dot"),
    "•": ("圆点", "bullet"),
}
CURLY_QUOTES = "“”‘’"
_ODD_LEADING = "\t\u3000" + "".join(INVISIBLE_SPACES) + "".join(ZERO_WIDTH)
_KEY = re.compile(r"([^\s#'\"{}\[\],:：][^#:：]*?)[ \t]*:(?=[ \t]|$)")
_FULLWIDTH_COLON = re.compile(r"([^\s:：#'\"][^:：#'\"]*?)\s*：")
_BLOCK_TEXT = re.compile(r"[|>][0-9+-]*$")


@dataclass(frozen=True)
class Trap:
    """One named slip: its code, place (1-based) and the words staff read."""

    code: str
    line: int
    column: int
    zh: str
    en: str
    hint_zh: str
    hint_en: str


def find_traps(text: str) -> Iterator[Trap]:
    """Every slip in the structure of ``text``'s lines, before PyYAML reads it."""
    for number, line in _structural_lines(text):
        yield from _line_traps(number, line)


# -- one line -------------------------------------------------------------------------------


def _line_traps(number: int, line: str) -> Iterator[Trap]:
    """At most one slip per place: the indentation, the list dash, the key and its colon."""
    position = 0
    while True:  # the indentation, and after each list dash the space before what follows
        start = position
        while position < len(line) and (line[position] == " " or line[position] in _ODD_LEADING):
            position += 1
        odd = next((i for i in range(start, position) if line[i] != " "), None)
        if odd is not None:
            yield _odd_space(number, odd, line[odd])
            return
        if line.startswith("-", position) and line[position + 1:position + 2] in ("", " ", *_ODD_LEADING):
            position += 1
            continue
        if position < len(line) and line[position] in LIST_DASHES and starts_item(line, position + 1):
            yield dash_trap(number, position, line[position])
            return
        break
    body = line[position:]
    fullwidth = _FULLWIDTH_COLON.match(body)
    if fullwidth:
        yield Trap(
            "yaml.fullwidth_colon", number, position + fullwidth.end(),
            f"“{fullwidth.group(1)}”后面用了全角冒号“：”，应为半角冒号“:”。",
            f"A full-width colon “：” follows “{fullwidth.group(1)}”; YAML needs the ASCII colon “:”.",
            "切换到英文输入法，把“：”改成“: ”（冒号后加一个空格）。",
            "Switch the input method to English and type “: ” (colon, then a space).",
        )
        return
    key = _KEY.match(body)
    if key is None:
        match = re.match(r"([^\s#'\"{}\[\],:：][^#:：]*?):([\u3000" + "".join(INVISIBLE_SPACES) + "".join(ZERO_WIDTH) + "])", body)
        if match:  # “key:” followed by a space YAML does not see: the line is no field at all
            if match.group(2) == "\u3000":
                yield Trap(
                    "yaml.fullwidth_space", number, position + match.end(),
                    f"“{match.group(1)}:”后面是全角空格，应为半角空格。",
                    f"A full-width space follows “{match.group(1)}:”; YAML needs an ASCII space.",
                    "删除这个全角空格，用英文输入法输入一个普通空格。",
                    "Delete the full-width space and type an ordinary space with the English input method.",
                )
            else:
                yield _odd_space(number, position + match.end() - 1, match.group(2))
        return
    value_start = position + key.end()
    value = line[value_start:]
    gap = len(value) - len(value.lstrip(" \t"))
    if value[gap:gap + 1] and value[gap] in _ODD_LEADING:
        yield _odd_space(number, value_start + gap, value[gap])
        return
    yield from _curly_traps(number, line, position)


def starts_item(line: str, index: int) -> bool:
    """What follows a dash-like character at ``index`` makes it a list marker: a space, or a key."""
    return line[index:index + 1] in ("", " ", "\u3000") or _KEY.match(line, index) is not None


def _curly_traps(number: int, line: str, start: int) -> Iterator[Trap]:
    """A curly quote opening a value whose text holds what YAML reads as structure (“: ”, “,” in
    ``{…}``): the staff member meant it as a quote. A value merely shown in “ ” is left alone."""
    depth = 0
    straight: str | None = None
    index = start
    while index < len(line):
        char = line[index]
        if straight:
            straight = None if char == straight else straight
        elif char in "\"'" and opens_value(line, start, index):
            straight = char
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth = max(0, depth - 1)
        elif char == "#" and line[index - 1:index] in (" ", ""):
            return
        elif char in CURLY_QUOTES and opens_value(line, start, index):
            family = "“”" if char in "“”" else "‘’"
            end = next((i for i in range(index + 1, len(line)) if line[i] in family), len(line))
            quoted = line[index + 1:end]
            significant = (": ", " #") + ((",", ":", "{", "}", "[", "]") if depth else ())
            if any(mark in quoted for mark in significant) or quoted.endswith(":"):
                yield curly_quote(number, index)
                return
            index = end
        index += 1


def opens_value(line: str, start: int, index: int) -> bool:
    """Whether ``line[index]`` is the first character of a value (after “: ”, “- ”, “{”, “[”, “,”)."""
    before = line[start:index].rstrip(" ")
    return before == "" or before.endswith((":", "-", "{", "[", ","))


def curly_quote(number: int, index: int) -> Trap:
    return Trap(
        "yaml.curly_quote", number, index + 1,
        "弯引号 “ ” ‘ ’ 不能当作 YAML 引号：它们会被当作文字的一部分，文字中的冒号或逗号会把这一行拆坏。",
        "Curly quotes “ ” ‘ ’ are not YAML quotes: they are read as part of the text, and a colon or "
        "comma inside breaks the line.",
        "切换到英文输入法，改用半角直引号 \"，例如 en: \"The Mosque, Old Town\"；或去掉引号。",
        "Use straight quotes \" typed with the English input method, e.g. en: \"The Mosque, Old Town\"; "
        "or use no quotes.",
    )


def _odd_space(number: int, index: int, char: str) -> Trap:
    if char == "\t":
        return Trap(
            "yaml.tab", number, index + 1,
            "这里用了制表符（Tab）缩进，YAML 只允许空格缩进。",
            "A tab is used for indentation here; YAML allows only spaces.",
            "把这个 Tab 换成两个空格。", "Replace the tab with two spaces.",
        )
    if char == "\u3000":
        return Trap(
            "yaml.fullwidth_space", number, index + 1,
            "这里有一个全角空格（U+3000），YAML 只认半角空格。",
            "A full-width space (U+3000) here; YAML only accepts the ASCII space.",
            "删除这个全角空格，用英文输入法输入普通空格。",
            "Delete the full-width space and type ordinary spaces with the English input method.",
        )
    code = f"U+{ord(char):04X}"
    if char in ZERO_WIDTH:
        name_zh, name_en = ZERO_WIDTH[char]
        return Trap(
            "yaml.zero_width", number, index + 1,
            f"这里有一个看不见的字符（{name_zh} {code}），字段名因此无法识别。",
            f"An invisible character ({name_en}, {code}) stands here, so the field name is not recognised.",
            "把光标放在字段名前，用退格键删到行首，再重新输入缩进空格（常见于从网页或微信复制的文字）。",
            "Put the cursor before the field name, delete back to the start of the line and retype the "
            "spaces (it often comes with text copied from a web page or a chat).",
        )
    name_zh, name_en = INVISIBLE_SPACES[char]
    return Trap(
        "yaml.invisible_space", number, index + 1,
        f"这里有一个不可见的空格（{name_zh} {code}），YAML 不把它当作空格。",
        f"An invisible {name_en} ({code}) here; YAML does not read it as a space.",
        "删除它，输入一个普通空格。", "Delete it and type an ordinary space.",
    )


def dash_trap(number: int, index: int, char: str) -> Trap:
    name_zh, name_en = LIST_DASHES[char]
    return Trap(
        "yaml.fullwidth_dash", number, index + 1,
        f"{name_zh}“{char}”不能作为列表符号。",
        f"The {name_en} “{char}” cannot start a list item.",
        "切换到英文输入法，改用半角减号“-”，后面加一个空格，例如“- file: a.jpg”。",
        "Use a half-width - followed by a space for list items, e.g. “- file: a.jpg”.",
    )


# -- which lines are structure --------------------------------------------------------------


def _structural_lines(text: str) -> Iterator[tuple[int, str]]:
    """The lines whose start is YAML structure: not comments, blank lines, the lines of a block
    text (``|``, ``>``), nor the continuation of a quoted, bracketed or plain text."""
    block_owner: int | None = None  # the column a block text's lines are indented past
    plain_owner: int | None = None  # the same for the continuation lines of a plain text
    open_quote: str | None = None
    flow_depth = 0
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if not line.strip(" \t"):
            continue
        if block_owner is not None and indent > block_owner:
            continue
        block_owner = None
        if open_quote:
            open_quote = None if closes(line, 0, open_quote) else open_quote
            continue
        if flow_depth:
            flow_depth = _flow_depth(line, flow_depth)
            continue
        if plain_owner is not None and indent > plain_owner:
            continue
        plain_owner = None
        if line.lstrip().startswith("#"):
            continue
        yield number, line
        block_owner, plain_owner, open_quote, flow_depth = _what_follows(line)


def _what_follows(line: str) -> tuple[int | None, int | None, str | None, int]:
    """What the value on ``line`` opens: (block text owner, plain text owner, quote, bracket depth)."""
    match = re.match(r"^( *)((?:[-" + "".join(LIST_DASHES) + r"] +)*)", line)
    owner = len(match.group(1)) if match else 0
    position = match.end() if match else 0
    key = _KEY.match(line, position)
    if key:
        owner, position = position, key.end()
    value = line[position:].strip(" ")
    if not value:
        return None, None, None, 0
    if value[0] in "\"'":
        return None, None, (None if closes(value, 1, value[0]) else value[0]), 0
    if value[0] in "[{":
        return None, None, None, _flow_depth(value, 0)
    if _BLOCK_TEXT.match(re.sub(r"\s+#.*$", "", value)):
        return owner, None, None, 0
    return None, owner, None, 0


def closes(text: str, start: int, quote: str) -> bool:
    """Whether a ``quote`` text that is open at ``start`` closes on this line."""
    index = start
    while index < len(text):
        char = text[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and text[index + 1:index + 2] == "'":
                index += 2
                continue
            return True
        index += 1
    return False


def _flow_depth(text: str, depth: int) -> int:
    """Bracket depth after ``text``, skipping quoted parts."""
    quote: str | None = None
    for char in text:
        if quote:
            quote = None if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth = max(0, depth - 1)
    return depth
