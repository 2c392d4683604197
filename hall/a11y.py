"""Visitor accessibility features (text size, high contrast, read aloud): their UI strings.

Engine-agnostic. The behaviour lives in ``theme/assets/hall-a11y.js``; the templates read
these strings through ``a11y_strings`` so both languages say the same things.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

#: Text size steps in percent of the theme's normal size (WCAG 1.4.4 asks for 200%).
TEXT_SIZES: tuple[int, ...] = (100, 125, 150, 200)

#: Where the accessibility statement lives (content/pages/accessibility.{zh,en}.md).
STATEMENT_URL = "accessibility/"

A11Y_STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "skip": "跳到正文",
        "open": "无障碍设置",
        "panel": "无障碍设置：文字大小与高对比度",
        "text_size": "文字大小",
        "size_100": "标准",
        "size_125": "大",
        "size_150": "较大",
        "size_200": "特大",
        "contrast": "高对比度",
        "statement": "无障碍声明",
        "read_aloud": "朗读本页",
        "read_label": "朗读",
        "pause": "暂停",
        "resume": "继续",
        "stop": "停止",
        "reading": "正在朗读…",
        "paused": "已暂停",
        "stopped": "已停止",
    },
    "en": {
        "skip": "Skip to main content",
        "open": "Accessibility settings",
        "panel": "Accessibility settings: text size and high contrast",
        "text_size": "Text size",
        "size_100": "Normal",
        "size_125": "Large",
        "size_150": "Larger",
        "size_200": "Largest",
        "contrast": "High contrast",
        "statement": "Accessibility statement",
        "read_aloud": "Read this page aloud",
        "read_label": "Read aloud",
        "pause": "Pause",
        "resume": "Resume",
        "stop": "Stop",
        "reading": "Reading…",
        "paused": "Paused",
        "stopped": "Stopped",
    },
}


def a11y_strings(language: str, default: str = "zh") -> Mapping[str, str]:
    """The strings of ``language``, any missing one taken from ``default``."""
    base = dict(A11Y_STRINGS.get(default, A11Y_STRINGS["zh"]))
    base.update(A11Y_STRINGS.get(language, {}))
    return base


def a11y_context(language: str, default: str = "zh") -> dict[str, Any]:
    """What the templates need: the strings, the text size steps, the statement's path."""
    return {**a11y_strings(language, default), "sizes": TEXT_SIZES, "statement_url": STATEMENT_URL}


_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_TOC_LABEL = re.compile(r'(<label\b[^>]*?)\s+for="__toc"')


def tidy_material_markup(html: str) -> str:
    """Fix three spots where Material 9.8.1's templates write invalid HTML (Nu checker errors):
    ``tabindex=""`` on section labels of the navigation, ``autocomplete`` on the drawer and
    search checkboxes, and a TOC label pointing at a ``__toc`` checkbox that pages outside
    the navigation (exhibits, news) do not have."""
    html = html.replace(' tabindex=""', "")  # a plain replace: a regex scan costs 0.5 ms a page
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r"\1", html)
    return html
