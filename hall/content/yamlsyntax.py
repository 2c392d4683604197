"""When PyYAML fails: the trap on the line it failed at, named, or its failure in both languages.

PyYAML stops at the first failure with an English message about tokens ("mapping values are
not allowed here", "did not find expected key"). The cause is most often one of the slips of
hall/content/yamltraps.py that only shows once the file is parsed: curly quotes used as
quotes, a colon inside ``{…}``, a line indented by 1 or 3 spaces.
"""

from __future__ import annotations

import re

import yaml

from .yamltraps import CURLY_QUOTES, LIST_DASHES, Trap, closes, curly_quote, dash_trap, opens_value, starts_item


def explain_syntax_error(err: yaml.MarkedYAMLError, text: str) -> Trap:
    """The named trap on the line PyYAML failed at, or a plain bilingual account of the failure."""
    mark = err.problem_mark or err.context_mark
    lines = text.split("\n")
    number = mark.line + 1 if mark else 0
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    said = f"{err.problem} {err.context}".lower()
    structural = "quoted scalar" not in said and "flow" not in said  # not an unclosed quote or bracket
    for trap in (_curly_on(line, number, mark.column if mark else 0), _quote_opened_above(lines, mark),
                 _colon_in_flow(err, line, number),
                 _dash_on(line, number), _misaligned(lines, number) if structural else None):
        if trap:
            return trap
    return _plain(err, mark)


def _curly_on(line: str, number: int, failed_at: int) -> Trap | None:
    """A curly quote opening a value before the place the line failed at."""
    start = len(line) - len(line.lstrip(" -"))
    for index, char in enumerate(line[:failed_at]):
        if char in CURLY_QUOTES and opens_value(line, start, index):
            return curly_quote(number, index)
    return None


def _quote_opened_above(lines: list[str], mark: yaml.Mark | None) -> Trap | None:
    """``zh: "text`` left open: the quote runs on to the next line's opening quote, and PyYAML
    fails on the text after that one. The quote to close is the one that opened above."""
    if mark is None or mark.line >= len(lines) or not lines[mark.line][:mark.column].rstrip(" ").endswith(('"', "'")):
        return None
    for number in range(mark.line - 1, -1, -1):
        text = lines[number]
        if not text.strip():
            continue
        opened = re.match(r"\s*(?:-\s+)*(?:[^\s#'\"{}\[\],:][^#:]*?:\s+)?([\"'])", text)
        if opened and not closes(text, opened.end(), opened.group(1)):
            return _unclosed_quote(number + 1, opened.start(1) + 1)
        return None
    return None


def _unclosed_quote(line: int, column: int) -> Trap:
    return Trap(
        "yaml.syntax", line, column, "引号没有配对闭合。", "A quotation mark is opened but never closed.",
        "检查这一行的引号是否成对（引号从这里开始，一直没有结束）。",
        "Check that the quotes on this line come in pairs (the quote opened here is never closed).",
    )


def _colon_in_flow(err: yaml.MarkedYAMLError, line: str, number: int) -> Trap | None:
    """``{zh: 时间: 10:00, …}``: the colon in the text starts another field inside the braces."""
    problem, context = err.problem_mark, err.context_mark
    if problem is None or context is None or problem.line != context.line:
        return None
    in_mapping = "flow mapping" in (err.context or "") or ("':'" in (err.problem or "") and "{" in line[:problem.column])
    item_start = max(line.rfind("{", 0, problem.column), line.rfind(",", 0, problem.column))
    item = line[item_start + 1:problem.column + 1]
    if not in_mapping or item_start < 0 or item.count(":") < 2:
        return None
    second = line.index(":", line.index(":", item_start + 1) + 1)  # the colon in the text
    return Trap(
        "yaml.colon_in_flow", number, second + 1,
        "花括号 { } 里的文字含有冒号“:”，冒号后面的部分被当成了另一个字段。",
        "A colon inside {…}: the text after it is read as another field.",
        "把这段文字用半角引号括起来，例如 {zh: \"时间: 10:00\", en: \"Opening: 10:00\"}。",
        "Put the text in quotes, e.g. {zh: \"时间: 10:00\", en: \"Opening: 10:00\"}.",
    )


def _dash_on(line: str, number: int) -> Trap | None:
    stripped = line.lstrip(" ")
    if stripped[:1] and stripped[0] in LIST_DASHES and starts_item(stripped, 1):
        return dash_trap(number, len(line) - len(stripped), stripped[0])
    return None


def _misaligned(lines: list[str], number: int) -> Trap | None:
    """The failing line starts in a column no line above it uses, and the line above does not
    open a new level (``key:`` with nothing after it): an indentation slip, often 1 or 3 spaces.
    Of the two lines, the one indented by an odd number of spaces is named."""
    if not 1 <= number <= len(lines):
        return None
    line = lines[number - 1]
    indent = len(line) - len(line.lstrip(" "))
    columns: set[int] = set()
    above: tuple[int, str, int] | None = None
    for previous_number, previous in enumerate(lines[:number - 1], start=1):
        body = previous.lstrip(" ")
        if not body or body.startswith("#"):
            continue
        start = len(previous) - len(body)
        columns.add(start)
        dashes = re.match(r"(?:- +)+", body)
        if dashes:
            columns.add(start + dashes.end())
        above = (start, previous, previous_number)
    if above is None or indent in columns:
        return None
    above_indent, above_line, above_number = above
    opens = re.sub(r"\s+#.*$", "", above_line).rstrip().endswith((":", "-", "|", ">"))
    if opens and indent > above_indent:
        return None
    if above_indent % 2 and not indent % 2:  # the line above is the odd one out
        return _indent_trap(above_number, above_indent, indent, "下", "below")
    return _indent_trap(number, indent, above_indent, "上", "above")


def _indent_trap(number: int, indent: int, other: int, where_zh: str, where_en: str) -> Trap:
    return Trap(
        "yaml.indent", number, indent + 1,
        f"这一行缩进了 {indent} 个空格，与相邻的字段对不齐（{where_zh}一行缩进 {other} 个空格）。",
        f"This line is indented by {indent} space(s) and does not line up with the fields next to it "
        f"(the line {where_en}: {other}).",
        "YAML 用缩进表示层级：同一层的字段左端对齐，下一层比上一层多缩进 2 个空格（不要用 1 个或 3 个）。",
        "Indent by 2 spaces per level: fields of the same level start in the same column (not 1 or 3 spaces).",
    )


def _plain(err: yaml.MarkedYAMLError, mark: yaml.Mark | None) -> Trap:
    """PyYAML's failure in both languages, where no trap is recognised."""
    problem = (err.problem or "").lower()
    context = (err.context or "").lower()
    if "quoted scalar" in context or "quoted scalar" in problem:
        mark = err.context_mark or mark  # where the quote opened, not the end of the file
        return _unclosed_quote(mark.line + 1 if mark else 0, mark.column + 1 if mark else 0)
    if "flow" in context or "flow" in problem:
        zh, en = "方括号 [ ] 或花括号 { } 没有配对闭合。", "A bracket [ ] or brace { } is opened but never closed."
        hint_zh, hint_en = "检查这一行的括号是否成对，逗号是否是半角“,”。", "Check that the brackets on this line come in pairs and commas are ASCII “,”."
        mark = err.context_mark or mark  # where the bracket opened
    elif "mapping values are not allowed" in problem:
        zh, en = "这一行多了一个冒号，或缩进不对。", "This line has an extra colon, or its indentation is off."
        hint_zh, hint_en = (
            "含冒号的文字请用引号括起来；同级字段缩进要对齐。",
            "Put text containing a colon in quotes; align fields of the same level.",
        )
    else:
        zh, en = "YAML 格式错误，文件无法读取。", f"YAML syntax error: {err.problem or err.context}."
        hint_zh, hint_en = "检查这一行的缩进、冒号和引号。", "Check the indentation, colons and quotes on this line."
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    return Trap("yaml.syntax", line, column, zh, en, hint_zh, hint_en)
