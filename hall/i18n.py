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
        "separator": "；",  # between facts shown side by side: read out, and in search excerpts
        "on_timeline": "时间线上",
        "whole_timeline": "查看完整时间线",
        "download_original": "下载原图",
        "download_details": "（{pixels} 像素，{size}）",
        # The timeline, news and achievements pages (``hall.labels`` of their views).
        "timeline": "时间线",
        "news": "活动动态",
        "achievements": "成就",
        "timeline_intro": "从始建于明代的古建筑清真寺，到今天社区的民族团结进步工作。",
        "filter_label": "按类别筛选",
        "filter_all": "全部",
        "jump_to": "跳转到",
        "events_count": "{count} 件事",
        "order_newest": "由近及远排列",
        "order_oldest": "由远及近排列",
        "era_other": "其他",
        "read_more": "详细了解",
        "exhibit": "展品",
        "news_item": "动态",
        "shown_count": "显示 {shown} / {total} 件事",
        "news_all": "全部动态",
        "news_category": "栏目",
        "news_year": "年份",
        "news_archive_year": "{year}年的动态",
        "news_empty": "暂无动态。",
        "news_page": "第 {number} 页",
        "news_pages": "分页",
        "news_newer": "较新的动态",
        "news_older": "较早的动态",
        "news_previous_item": "上一条（较新）",
        "news_next_item": "下一条（较早）",
        "news_latest": "最新动态",
        "news_more": "查看全部动态",
        "news_feeds": "订阅",
        "news_rss": "RSS 订阅",
        "news_atom": "Atom 订阅",
        "news_back": "返回动态列表",
        "related_exhibits": "相关展品",
        "photos": "照片",
        "achievements_intro": "城市社区民族团结进步创建工作的部分数字。",
        "source": "来源",
        "period": "时间",
        "chart": "图表",
        "chart_table": "图表数据",
        "figure": "项目",
        "value": "数字",
        "chart_desc": "{title}：{items}。",
        "list_sep": "；",
        "event_link": "本事件的链接",
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
        "separator": "; ",
        "on_timeline": "On the timeline",
        "whole_timeline": "See the whole timeline",
        "download_original": "Download original",
        "download_details": " ({pixels} px, {size})",
        # The timeline, news and achievements pages (``hall.labels`` of their views).
        "timeline": "Timeline",
        "news": "News",
        "achievements": "Achievements",
        "timeline_intro": "From the historic mosque founded in the Ming dynasty to the community's work for ethnic unity and progress today.",
        "filter_label": "Filter by group",
        "filter_all": "All",
        "jump_to": "Jump to",
        "events_count": "{count} events",
        "order_newest": "Newest first",
        "order_oldest": "Oldest first",
        "era_other": "Other",
        "read_more": "Read more",
        "exhibit": "Exhibit",
        "news_item": "News",
        "shown_count": "Showing {shown} of {total} events",
        "news_all": "All news",
        "news_category": "Category",
        "news_year": "Year",
        "news_archive_year": "News from {year}",
        "news_empty": "No news yet.",
        "news_page": "Page {number}",
        "news_pages": "Pages",
        "news_newer": "Newer news",
        "news_older": "Older news",
        "news_previous_item": "Previous (newer)",
        "news_next_item": "Next (older)",
        "news_latest": "Latest news",
        "news_more": "All news",
        "news_feeds": "Subscribe",
        "news_rss": "RSS feed",
        "news_atom": "Atom feed",
        "news_back": "Back to the news",
        "related_exhibits": "Related exhibits",
        "photos": "Photos",
        "achievements_intro": "Some figures from the Urban Community's work for ethnic unity and progress.",
        "source": "Source",
        "period": "Period",
        "chart": "Chart",
        "chart_table": "Chart data",
        "figure": "Item",
        "value": "Figure",
        "chart_desc": "{title}: {items}.",
        "list_sep": "; ",
        "event_link": "Link to this event",
    },
}


def catalog(language: str, default_language: str = "zh") -> Catalog:
    return Catalog(language, UI_STRINGS.get(language, {}), UI_STRINGS[default_language])
