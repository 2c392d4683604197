"""Languages, localized dates and numbers (Babel), and the UI strings Material lacks."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal
from babel.units import format_unit

from .dates import DateSpan, PartialDate

BABEL_LOCALES = {"zh": "zh_Hans_CN", "en": "en"}
LANGUAGE_NAMES = {"zh": "简体中文", "en": "English"}
HTML_LANG = {"zh": "zh-CN", "en": "en"}


@lru_cache(maxsize=None)
def locale_for(language: str) -> Locale:
    return Locale.parse(BABEL_LOCALES.get(language, language))


def format_partial_date(date: PartialDate, language: str) -> str:
    """Show a date at the precision it was written: 1373年 / 2019年10月 / 2021年6月30日."""
    locale = locale_for(language)
    day = date.first_day()
    if date.precision == "year":
        return format_skeleton("y", day, locale=locale)
    if date.precision == "month":
        return format_skeleton("yMMMM", day, locale=locale)
    return format_date(day, format="long", locale=locale)


def format_date_span(span: DateSpan, language: str) -> str:
    start = format_partial_date(span.start, language)
    if span.end is None:
        return start
    return f"{start}–{format_partial_date(span.end, language)}"


def format_number(value: float, language: str) -> str:
    return format_decimal(value, locale=locale_for(language))


def format_pixels(width: int, height: int, language: str) -> str:
    """A photo's size in pixels, "4000 × 3000" / "4,000 × 3,000": Chinese writes pixel
    counts without a thousands separator, English groups them."""
    grouped = language != "zh"
    numbers = (format_decimal(v, locale=locale_for(language), group_separator=grouped) for v in (width, height))
    return " × ".join(numbers)


def format_file_size(size: int, language: str) -> str:
    """Bytes in the decimal units phones and browsers show: "312 kB", "3.2 MB"."""
    locale = locale_for(language)
    if size < 999_500:
        return format_unit(max(1, round(size / 1000)), "digital-kilobyte", length="short", locale=locale)
    return format_unit(size / 1_000_000, "digital-megabyte", length="short", format="#,##0.0", locale=locale)


@dataclass(frozen=True)
class Catalog:
    """UI strings of one language, falling back to the default language's."""

    language: str
    strings: Mapping[str, str]
    fallback: Mapping[str, str]

    def __call__(self, key: str, **values: object) -> str:
        text = self.strings.get(key) or self.fallback.get(key) or key
        return text.format(**values) if values else text


UI_STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "home": "首页",
        "zones": "展区",
        "zone": "展区",
        "exhibits": "展品",
        "highlights": "精选展品",
        "explore_zone": "进入展区",
        "exhibit_count": "{count} 件展品",
        "related": "相关展品",
        "previous": "上一件",
        "next": "下一件",
        "era": "年代",
        "date": "时间",
        "tags": "标签",
        "photo_credit": "图片来源",
        "translation_pending": "英文译文尚未完成，以下显示中文原文。",
        "translation_pending_short": "译文待补",
        "draft": "草稿（仅预览可见，不会发布）",
        "icp": "ICP备案号",
        "psb": "公安备案号",
        "about": "关于本馆",
        "back_to_zone": "返回展区",
        "visiting_route": "参观路线",
        "of": "第 {index} 件，共 {total} 件",
        "placeholder_notice": "示意图，非实拍照片",
        "language": "语言",
        "colon": "：",
        "on_timeline": "时间线上",
        "whole_timeline": "查看完整时间线",
        "download_original": "下载原图",
        "download_details": "（{pixels} 像素，{size}）",
    },
    "en": {
        "home": "Home",
        "zones": "Zones",
        "zone": "Zone",
        "exhibits": "Exhibits",
        "highlights": "Highlights",
        "explore_zone": "Enter the zone",
        "exhibit_count": "{count} exhibits",
        "related": "Related exhibits",
        "previous": "Previous",
        "next": "Next",
        "era": "Period",
        "date": "Date",
        "tags": "Tags",
        "photo_credit": "Photo",
        "translation_pending": "The English translation is pending; the Chinese original is shown below.",
        "translation_pending_short": "Translation pending",
        "draft": "Draft (visible in preview only, never published)",
        "icp": "ICP filing",
        "psb": "Public security filing",
        "about": "About the hall",
        "back_to_zone": "Back to the zone",
        "visiting_route": "Visiting route",
        "of": "{index} of {total}",
        "placeholder_notice": "Placeholder illustration, not a photograph",
        "language": "Language",
        "colon": ": ",
        "on_timeline": "On the timeline",
        "whole_timeline": "See the whole timeline",
        "download_original": "Download original",
        "download_details": " ({pixels} px, {size})",
    },
}


def catalog(language: str, default_language: str = "zh") -> Catalog:
    return Catalog(language, UI_STRINGS.get(language, {}), UI_STRINGS[default_language])
