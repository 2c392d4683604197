"""Reading staff-written text files: encodings, YAML with line marks, common slips.

Staff type in Chinese input methods on Windows, so the usual slips are a full-width
colon or space after a key, tabs, GBK-encoded files and byte-order marks. Encodings are
caught here; the slips inside the YAML are named by ``yamltraps`` with their line and
column, before or instead of PyYAML's own (English-only) message.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import yaml

from .problems import ProblemLog
from .yamlsyntax import explain_syntax_error
from .yamltraps import Trap, find_traps

if TYPE_CHECKING:
    from .filecache import FileCache

BOM = "\ufeff"


@dataclass(frozen=True)
class Mark:
    """A place in a file: 1-based line and column."""

    line: int
    column: int


class YMap(dict):
    """A YAML mapping that remembers where it and each of its keys stand."""

    mark: Mark | None = None
    key_marks: dict[Any, Mark]

    def mark_of(self, key: Any) -> Mark | None:
        return self.key_marks.get(key, self.mark)


class YList(list):
    """A YAML sequence that remembers where it and each of its items stand."""

    mark: Mark | None = None
    item_marks: list[Mark]

    def mark_of(self, index: int) -> Mark | None:
        return self.item_marks[index] if index < len(self.item_marks) else self.mark


def mapping_items(items: list, path: Path, log: ProblemLog, message_zh: str, message_en: str) -> Iterator[dict]:
    """The items of a YAML list that are mappings; each other item is reported
    (``yaml.not_mapping``, with its line) in the words given, and skipped."""
    for index, item in enumerate(items):
        if isinstance(item, dict):
            yield item
            continue
        mark = items.mark_of(index) if isinstance(items, YList) else None
        log.report("yaml.not_mapping", path, message_zh, message_en, line=mark.line if mark else None)


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


# libyaml's parser (when PyYAML has it) is several times faster than the pure-Python one
# and gives the same marks and messages; a preview rebuild reads every YAML file again.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LocatingLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader that keeps marks and reports duplicate keys instead of overwriting."""

    duplicates: list[tuple[Any, Mark]]


def _construct_map(loader: _LocatingLoader, node: yaml.MappingNode) -> YMap:
    result = YMap()
    result.mark = _mark(node)
    result.key_marks = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            key = str(key)
        if key in result.key_marks:
            loader.duplicates.append((key, _mark(key_node)))
        result.key_marks[key] = _mark(key_node)
        result[key] = loader.construct_object(value_node, deep=True)
    return result


def _construct_seq(loader: _LocatingLoader, node: yaml.SequenceNode) -> YList:
    result = YList(loader.construct_object(child, deep=True) for child in node.value)
    result.mark = _mark(node)
    result.item_marks = [_mark(child) for child in node.value]
    return result


_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)


def _construct_timestamp(loader: _LocatingLoader, node: yaml.ScalarNode) -> Any:
    """PyYAML raises a bare ValueError ("day is out of range for month", no file, no line)
    for an unquoted impossible date such as 2021-02-30, stopping the whole load. Keep it as
    the text written: the field holding it reports it at its line (hall/dates.py says why)."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_LocatingLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)



def read_text(path: Path, log: ProblemLog) -> str | None:
    """Decode a staff file as UTF-8, accepting a BOM and CRLF; explain GBK files."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        log.report(
            "file.unreadable", path,
            f"无法读取文件：{err.strerror}。", f"The file cannot be read: {err.strerror}.",
            "检查文件是否存在、是否有读取权限。", "Check that the file exists and can be read.",
        )
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        try:
            raw.decode("gb18030")
            gbk = True
        except UnicodeDecodeError:
            gbk = False
        if gbk:
            log.report(
                "file.gbk", path,
                "文件是 GBK/GB18030 编码，本系统只接受 UTF-8 编码。",
                "The file is encoded in GBK/GB18030; only UTF-8 is accepted.",
                f"运行 hall fix-encoding {log.rel(path)} 自动转换（会先备份原文件），"
                "或在编辑器中“另存为 UTF-8”。",
                f"Run `hall fix-encoding {log.rel(path)}` to convert it (a backup is kept first), "
                "or save it as UTF-8 in your editor.",
                line=line,
            )
        else:
            log.report(
                "file.encoding", path,
                "文件不是 UTF-8 文本，无法识别其编码。",
                "The file is not UTF-8 text and its encoding is not recognised.",
                "用文本编辑器打开并“另存为 UTF-8”。", "Open it in a text editor and save it as UTF-8.",
                line=line,
            )
        return None
    if text.startswith(BOM):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_slips(text: str, path: Path, log: ProblemLog) -> bool:
    """Report the slips PyYAML explains badly (hall/content/yamltraps.py); True when any was found."""
    found = False
    for trap in find_traps(text):
        found = True
        _report_trap(trap, path, log)
    return found


def _report_trap(trap: Trap, path: Path, log: ProblemLog) -> None:
    log.report(trap.code, path, trap.zh, trap.en, trap.hint_zh, trap.hint_en,
               line=trap.line or None, column=trap.column or None)


def load_yaml(path: Path, log: ProblemLog, cache: "FileCache | None" = None) -> Any:
    """Load a YAML file with marks; report every problem and return None on failure.

    With ``cache`` (hall/content/filecache.py) a file parsed without problems before and
    unchanged since is not parsed again."""
    if cache is None:
        return _load_yaml(path, log)

    def parse() -> tuple[Any, bool]:
        before = len(log.problems)
        data = _load_yaml(path, log)
        return data, data is not None and len(log.problems) == before

    return cache.value(path, parse)


def _load_yaml(path: Path, log: ProblemLog) -> Any:
    text = read_text(path, log)
    if text is None:
        return None
    if not text.strip():
        log.report(
            "file.empty", path, "文件是空的。", "The file is empty.",
            "用 hall new 重新生成模板，或从其他条目复制一份再修改。",
            "Recreate it with `hall new`, or copy one from another entry and edit it.",
        )
        return None
    if _check_slips(text, path, log):
        return None
    loader = _LocatingLoader(text)
    loader.duplicates = []
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as err:
        _report_trap(explain_syntax_error(err, text), path, log)
        return None
    except yaml.YAMLError as err:
        log.report("yaml.syntax", path, f"YAML 格式错误：{err}", f"YAML syntax error: {err}")
        return None
    finally:
        loader.dispose()
    for key, mark in loader.duplicates:
        log.report(
            "yaml.duplicate_key", path,
            f"字段“{key}”写了两次，后一个会覆盖前一个。",
            f"The field “{key}” appears twice; the second would silently replace the first.",
            "删除其中一个，只保留正确的那个。", "Delete one of them and keep the right one.",
            line=mark.line, column=mark.column,
        )
    return None if loader.duplicates else data
