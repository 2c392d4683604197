"""Typed reading of one YAML mapping, reporting each bad field with its line.

A ``FieldReader`` wraps a mapping from ``load_yaml`` and the file it came from; each
accessor returns a clean value or ``None`` after reporting what is wrong and how to fix it.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, Iterable

from ..dates import (
    DateFormatError,
    DateSpan,
    parse_date_span,
)
from .model import Localized
from .problems import ProblemLog
from .yamlfile import YMap

TYPE_NAMES = {
    dict: ("映射（键: 值）", "a mapping (key: value)"),
    list: ("列表（- 项目）", "a list (- item)"),
    str: ("文字", "text"),
    int: ("整数", "a whole number"),
    bool: ("true 或 false", "true or false"),
}


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The nearest of ``choices`` to ``word``, for "did you mean …?" hints."""
    matches = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.5)
    return matches[0] if matches else None


def type_name(kind: type) -> tuple[str, str]:
    return TYPE_NAMES.get(kind, (kind.__name__, kind.__name__))


class FieldReader:
    """Reads the fields of one mapping, reporting problems at the field's line."""

    def __init__(self, data: YMap, path: Path, log: ProblemLog, languages: tuple[str, ...]):
        self.data = data
        self.path = path
        self.log = log
        self.languages = languages

    def _at(self, key: Any) -> dict[str, int | None]:
        mark = self.data.mark_of(key) if isinstance(self.data, YMap) else None
        return {"line": mark.line if mark else None, "column": mark.column if mark else None}

    def report(self, key: Any, code: str, zh: str, en: str, hint_zh: str = "", hint_en: str = "", level="error"):
        self.log.report(code, self.path, zh, en, hint_zh, hint_en, level=level, **self._at(key))

    def check_known(self, allowed: Iterable[str]) -> None:
        allowed = list(allowed)
        for key in self.data:
            if key in allowed:
                continue
            guess = closest(str(key), allowed)
            if guess:
                hint_zh, hint_en = f"你是不是想写“{guess}”？", f"Did you mean “{guess}”?"
            else:
                hint_zh = "可用的字段：" + "、".join(allowed)
                hint_en = "Known fields: " + ", ".join(allowed)
            self.report(key, "field.unknown", f"未知字段“{key}”。", f"Unknown field “{key}”.", hint_zh, hint_en)

    def missing(self, key: str) -> None:
        self.report(
            key, "field.missing",
            f"缺少必填字段“{key}”。", f"The required field “{key}” is missing.",
            f"添加一行 {key}: …（可参考 hall new 生成的模板）。",
            f"Add a line `{key}: …` (see the template made by `hall new`).",
        )

    def wrong_type(self, key: str, expected: type, value: Any) -> None:
        want_zh, want_en = type_name(expected)
        # YMap/YList (values with line marks) are named as the dict/list they are
        kind = next((k for k in (bool, int, str, dict, list) if isinstance(value, k)), None)
        got_zh, got_en = type_name(kind) if kind else ("其他", type(value).__name__)
        self.report(
            key, "field.type",
            f"字段“{key}”应为{want_zh}，这里是{got_zh}。",
            f"The field “{key}” should be {want_en}; here it is {got_en}.",
            "参照模板修改这个字段的写法。", "Write the field the way the template shows.",
        )

    def get(self, key: str, kind: type, required: bool = False) -> Any:
        if key not in self.data or self.data[key] is None:
            if required:
                self.missing(key)
            return None
        value = self.data[key]
        if kind is int and isinstance(value, bool) or not isinstance(value, kind):
            if kind is str and isinstance(value, (int, float)) and not isinstance(value, bool):
                return str(value)
            self.wrong_type(key, kind, value)
            return None
        return value

    def text(self, key: str, required: bool = False) -> str | None:
        return self.get(key, str, required)

    def localized(self, key: str, required: bool = False, data: YMap | None = None) -> Localized | None:
        """A bilingual field: ``{zh: …, en: …}``, or plain text taken as the default language."""
        source = self.data if data is None else data
        reader = self if data is None else FieldReader(data, self.path, self.log, self.languages)
        if key not in source or source[key] in (None, ""):
            if required:
                reader.missing(key)
            return None
        value = source[key]
        default = self.languages[0]
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return Localized({default: str(value)}, default)
        if not isinstance(value, dict):
            reader.wrong_type(key, dict, value)
            return None
        values: dict[str, str] = {}
        for lang, text in value.items():
            mark = value.mark_of(lang) if isinstance(value, YMap) else None
            if lang not in self.languages and text is None and len(str(lang)) > 3:
                self.log.report(
                    "field.comma_in_flow", self.path,
                    f"“{key}”的文字中有逗号，YAML 把逗号后的“{lang}”当成了新的字段。",
                    f"The text of “{key}” contains a comma, so YAML read “{lang}” as a separate field.",
                    "把含逗号的文字用英文双引号括起来，例如 en: \"…, …\"。",
                    'Put text that contains a comma in double quotes, e.g. en: "…, …".',
                    line=mark.line if mark else None, column=mark.column if mark else None,
                )
                continue
            if lang not in self.languages:
                guess = closest(str(lang), self.languages)
                self.log.report(
                    "field.language", self.path,
                    f"“{key}”里的语言代码“{lang}”不在站点语言 {list(self.languages)} 中。",
                    f"The language code “{lang}” in “{key}” is not one of the site's languages {list(self.languages)}.",
                    f"改为“{guess}”。" if guess else "语言代码在 mkdocs.yml 的 hall 插件 languages 中设置。",
                    f"Write “{guess}”." if guess else "Languages are set in mkdocs.yml (hall plugin, languages).",
                    line=mark.line if mark else None, column=mark.column if mark else None,
                )
                continue
            if text is None:
                continue
            if not isinstance(text, (str, int, float)) or isinstance(text, bool):
                reader.wrong_type(f"{key}.{lang}", str, text)
                continue
            values[str(lang)] = str(text).strip()
        if required and not values.get(default):
            reader.report(
                key, "field.missing_default_language",
                f"“{key}”缺少中文（{default}）内容。", f"“{key}” has no text in the default language ({default}).",
                f"添加 {default}: …", f"Add `{default}: …`.",
            )
            return None
        return Localized(values, default) if values else None

    def date(self, key: str) -> DateSpan | None:
        if key not in self.data or self.data[key] is None:
            return None
        try:
            return parse_date_span(self.data[key])
        except DateFormatError as err:  # unreadable, or impossible (2021-02-30): hall/dates.py says which
            self.report(key, "field.date", *err.explain())
            return None

    def str_list(self, key: str) -> list[str]:
        value = self.get(key, list)
        if value is None:
            return []
        items = []
        for item in value:
            if isinstance(item, (str, int)) and not isinstance(item, bool):
                items.append(str(item).strip())
            else:
                self.wrong_type(key, str, item)
        return items

    def choice(self, key: str, choices: tuple[str, ...], default: str) -> str:
        value = self.text(key)
        if value is None:
            return default
        if value not in choices:
            guess = closest(value, choices)
            self.report(
                key, "field.choice",
                f"“{key}”的值“{value}”无效，可选：{'、'.join(choices)}。",
                f"“{value}” is not a valid {key}; choose one of: {', '.join(choices)}.",
                f"你是不是想写“{guess}”？" if guess else "", f"Did you mean “{guess}”?" if guess else "",
            )
            return default
        return value
