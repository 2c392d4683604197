"""Raw HTML in Markdown bodies: the allow-list, and the check that reports what breaks it.

Markdown lets staff write HTML between the lines, and MkDocs passes it to the page as it
is, so a ``<script>``, an ``<img onerror=…>``, an ``<iframe>`` or a ``javascript:`` link
pasted into an exhibit's ``zh.md`` would run in every visitor's browser. Two layers stop it:

* this check (``hall check``, ``hall build``, ``mkdocs build``) reports scripts, frames,
  embedded objects, ``<style>``/``<meta>``/``<link>``/``<base>``, ``on…=`` event handlers
  (also in attr_list braces ``{: onclick=… }``) and ``javascript:``/``vbscript:``/``data:``
  addresses (in HTML and in Markdown links and images) as **errors** with file and line;
  any other tag or attribute outside the allow-list is a **warning** that it will be removed;
* ``hall/outputs/sanitize.py`` removes anything outside the same allow-list from the
  rendered page anyway (previews keep running while errors are listed).

The allow-list (``ALLOWED_TAGS``, ``ALLOWED_ATTRIBUTES``) is everything Markdown and our
extensions write, plus the ``<picture>`` of the media stage; EDITING.md lists it for staff.
Pure functions over the model; nothing here knows MkDocs.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Iterable

from .model import Body, Hall
from .problems import ProblemLog

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
    "picture", "pre", "q", "rp", "rt", "ruby", "s", "samp", "small", "source", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
})
#: Attributes every allowed tag may carry (attr_list's ``{: .class #id }`` writes them).
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir"})
#: Attributes of particular tags: links, photos (the media stage's <picture> and its blurred
#: placeholder ``style``), table alignment (Python-Markdown writes ``style="text-align: …"``).
TAG_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding", "style"}),
    "source": frozenset({"srcset", "sizes", "type", "media"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "th": frozenset({"colspan", "rowspan", "scope", "style"}),
    "td": frozenset({"colspan", "rowspan", "style"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "details": frozenset({"open"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
    "time": frozenset({"datetime"}),
}
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    tag: GLOBAL_ATTRIBUTES | TAG_ATTRIBUTES.get(tag, frozenset()) for tag in ALLOWED_TAGS
}
#: Read by Markdown itself (md_in_html's ``<div markdown>``) and gone from the page.
MARKDOWN_ATTRIBUTES = frozenset({"markdown"})
#: Attributes holding an address a browser may follow or load.
URL_ATTRIBUTES = frozenset({
    "href", "src", "srcset", "action", "formaction", "data", "poster", "background", "cite", "longdesc",
    "xlink:href", "codebase", "dynsrc", "lowsrc", "ping", "manifest", "icon", "usemap", "profile", "classid",
})
#: Address schemes that run code (``data:`` may carry a whole HTML page).
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "livescript:", "data:")
#: ``data:`` photos are harmless where a photo goes (never as a link: a page could hide in one).
DATA_IMAGE = re.compile(r"data:image/(?:png|jpe?g|gif|webp|avif)[;,]")

#: Forbidden elements by kind: (code, tags, zh reason, en reason, zh fix, en fix).
FORBIDDEN: tuple[tuple[str, frozenset[str], str, str, str, str], ...] = (
    ("html.script", frozenset({"script"}),
     "网站不允许在正文中运行脚本", "the site does not allow scripts in a body",
     "删除这段 <{tag}>…</{tag}>。需要互动内容请联系网站维护人员。",
     "Remove the <{tag}>…</{tag}>. For anything interactive, ask the site's developers."),
    ("html.embed", frozenset({"iframe", "frame", "frameset", "object", "embed", "applet"}),
     "网站不允许在正文中嵌入其他网页或插件（会从其他网站加载内容，也可能运行脚本）",
     "the site does not embed other pages or plug-ins in a body (they load content from other sites "
     "and may run scripts)",
     "删除这段 <{tag}>。视频或地图请改为普通链接 [文字](https://…)，或放一张照片。",
     "Remove the <{tag}>. Link to a video or map instead ([text](https://…)), or show a photo."),
    ("html.style", frozenset({"style", "link", "meta", "base"}),
     "正文不能改变整个网页的样式、地址或跳转",
     "a body may not change the whole page's styles, addresses or redirects",
     "删除这个 <{tag}>。强调文字请用 **粗体** 或 *斜体*。",
     "Remove the <{tag}>. To stress words, use **bold** or *italics*."),
)
FORBIDDEN_TAGS = frozenset().union(*(tags for _, tags, *_ in FORBIDDEN))

_CODE_SPAN = re.compile(r"(?<!\\)(`+)(?!`).+?(?<!`)\1(?!`)")
_TAG_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
#: Markdown links and images ``[text](address)`` and reference definitions ``[id]: address``.
_MD_LINK = re.compile(r"\]\(\s*<?\s*([^\s)>]+)")
_MD_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)", re.M)
#: attr_list braces ``{: .class key=value }``, and one ``key=value`` inside them.
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
_ATTR_PAIR = re.compile(r"(?<![\w-])([A-Za-z_:][-\w:.]*)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s}]+)")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def script_scheme(address: str, *, image: bool = False) -> str | None:
    """The code-running scheme an address starts with (``javascript:``), as a browser reads it:
    entities decoded, spaces and control characters dropped, any letter case; else None."""
    plain = _INVISIBLE.sub("", html.unescape(address)).lower()
    for scheme in SCRIPT_SCHEMES:
        if plain.startswith(scheme):
            if scheme == "data:" and image and DATA_IMAGE.match(plain):
                return None
            return scheme
    return None


def check_raw_html(hall: Hall, log: ProblemLog) -> None:
    """Report raw HTML outside the allow-list in every Markdown body of the hall."""
    for body in hall_bodies(hall):
        check_body_html(body, log)


def hall_bodies(hall: Hall) -> Iterable[Body]:
    """Every Markdown body: exhibits, news items and free pages, all languages."""
    for exhibit in hall.exhibits.values():
        yield from exhibit.bodies.values()
    for item in hall.news:
        yield from getattr(item, "bodies", {}).values()
    for page in hall.pages:
        yield from page.bodies.values()


def check_body_html(body: Body, log: ProblemLog) -> None:
    """Report one body's forbidden HTML (errors) and HTML that will be removed (warnings).

    Lines are those of the file: a body is the whole ``.md`` file as staff saved it."""
    text = _mask_code_spans(body.text)
    scanner = _Scanner(text)
    try:
        scanner.feed(text)
        scanner.close()
    except (AssertionError, ValueError):  # a stray "<![" the parser gives up on: keep what it found
        pass
    for tag, line, column in scanner.forbidden:
        _report_forbidden(log, body.file, tag, line, column)
    for tag, attribute, line, column in scanner.handlers:
        _report_handler(log, body.file, tag, attribute, line, column)
    for address, scheme, offset in [*scanner.addresses, *_markdown_addresses(text)]:
        line, column = _position(text, offset)
        _report_address(log, body.file, address, scheme, line, column)
    _report_removed(log, body.file, scanner.removed_tags, scanner.removed_attributes)


def _mask_code_spans(text: str) -> str:
    """Inline code (`` `<b>` ``) shows HTML as text: blank it out, keeping every offset.
    Only on one line, as Python-Markdown reads code spans; fenced blocks are not enabled."""
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text)


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _markdown_addresses(text: str) -> Iterable[tuple[str, str, int]]:
    """``[x](javascript:…)``, ``![x](data:…)``, ``[id]: javascript:…`` and attr_list values."""
    for pattern in (_MD_LINK, _MD_REFERENCE):
        for match in pattern.finditer(text):
            image = pattern is _MD_LINK and _is_image_link(text, match.start())
            scheme = script_scheme(match.group(1), image=image)
            if scheme:
                yield match.group(1), scheme, match.start(1)
    for braces in _ATTR_LIST.finditer(text):
        for pair in _ATTR_PAIR.finditer(braces.group(1)):
            name, value = pair.group(1).lower(), pair.group(2).strip("\"'")
            if name in URL_ATTRIBUTES and (scheme := script_scheme(value)):
                yield value, scheme, braces.start(1) + pair.start(1)


def _is_image_link(text: str, close_bracket: int) -> bool:
    """Whether the ``](`` at ``close_bracket`` ends an image's ``![alt``."""
    opening = text.rfind("[", 0, close_bracket)
    return opening > 0 and text[opening - 1] == "!"


def attr_list_handlers(text: str) -> Iterable[tuple[str, int]]:
    """Event handlers written with attr_list, ``{: onclick="…" }``: name and offset."""
    for braces in _ATTR_LIST.finditer(text):
        for pair in _ATTR_PAIR.finditer(braces.group(1)):
            if pair.group(1).lower().startswith("on"):
                yield pair.group(1).lower(), braces.start(1) + pair.start(1)


class _Scanner(HTMLParser):
    """Walks a body's raw HTML, noting forbidden tags, handlers, addresses and the rest."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.text = text
        self.line_starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
        self.forbidden: list[tuple[str, int, int]] = []
        self.handlers: list[tuple[str, str, int, int]] = []
        self.addresses: list[tuple[str, str, int]] = []
        self.removed_tags: dict[str, tuple[int, int, int]] = {}  # tag -> (line, column, count)
        self.removed_attributes: dict[tuple[str, str], tuple[int, int, int]] = {}
        for name, offset in attr_list_handlers(text):
            self.handlers.append(("{: }", name, *_position(text, offset)))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not _TAG_NAME.match(tag):
            return  # <https://…> and <name@example.com> are Markdown's own links
        line, column = self.getpos()
        column += 1
        start = self.line_starts[line - 1] + column - 1
        raw = self.get_starttag_text() or ""
        if tag in FORBIDDEN_TAGS:
            self.forbidden.append((tag, line, column))
        elif tag not in ALLOWED_TAGS:
            _count(self.removed_tags, tag, line, column)
        allowed = ALLOWED_ATTRIBUTES.get(tag, frozenset()) | MARKDOWN_ATTRIBUTES
        for name, value in attrs:
            found = re.search(rf"\s{re.escape(name)}(?=[\s=/>]|$)", raw, re.I)
            at = start + (found.start() + 1 if found else 0)
            if name.startswith("on"):
                self.handlers.append((tag, name, *_position(self.text, at)))
                continue
            if name in URL_ATTRIBUTES and value:
                scheme = _srcset_scheme(value, tag) if name == "srcset" else script_scheme(
                    value, image=tag in ("img", "source") and name == "src")
                if scheme:
                    self.addresses.append((value, scheme, at))
                    continue
            if tag in ALLOWED_TAGS and name not in allowed:
                _count(self.removed_attributes, (tag, name), *_position(self.text, at))

    handle_startendtag = handle_starttag


def _srcset_scheme(value: str, tag: str) -> str | None:
    for candidate in value.split(","):
        address = candidate.strip().split(" ")[0]
        if scheme := script_scheme(address, image=tag in ("img", "source")):
            return scheme
    return None


def _count(seen: dict, key, line: int, column: int) -> None:
    first = seen.get(key)
    seen[key] = (line, column, 1) if first is None else (first[0], first[1], first[2] + 1)


def _plain(name: str) -> str:
    """An attribute name as shown in a message."""
    return re.sub(r"[^A-Za-z0-9_:.-]", "", name)[:40] or "?"


def _report_forbidden(log: ProblemLog, file: str, tag: str, line: int, column: int) -> None:
    code, _, why_zh, why_en, fix_zh, fix_en = next(kind for kind in FORBIDDEN if tag in kind[1])
    log.report(
        code, file,
        f"正文中有 <{tag}>：{why_zh}。", f"The body contains a <{tag}>: {why_en}.",
        fix_zh.format(tag=tag), fix_en.format(tag=tag), line=line, column=column,
    )


def _report_handler(log: ProblemLog, file: str, tag: str, attribute: str, line: int, column: int) -> None:
    attribute = _plain(attribute)
    where_zh = "花括号属性" if tag == "{: }" else f"<{tag}> 上"
    where_en = "in attribute braces" if tag == "{: }" else f"on <{tag}>"
    log.report(
        "html.handler", file,
        f"{where_zh}的 {attribute}= 是事件处理程序，会在浏览器中运行脚本，正文中不允许。",
        f"The {attribute}= {where_en} is an event handler: it runs a script in the browser, "
        "which a body may not do.",
        f"删除 {attribute}=\"…\" 这一属性，其余内容可以保留。",
        f"Remove the {attribute}=\"…\" attribute; the rest may stay.",
        line=line, column=column,
    )


def _report_address(log: ProblemLog, file: str, address: str, scheme: str, line: int, column: int) -> None:
    # One line, at most 40 characters.
    shown = re.sub(r"\s+", " ", address).strip()
    shown = shown if len(shown) <= 40 else shown[:37] + "…"
    log.report(
        "html.url", file,
        f"地址“{shown}”以 {scheme} 开头，这类地址会在浏览器中运行代码或打开隐藏的网页，正文中不允许。",
        f"The address “{shown}” starts with {scheme} such addresses run code or open a hidden page "
        "in the browser, which a body may not do.",
        "改为以 https:// 开头的网址，或删除这个链接；照片请放在条目文件夹中，用 ![说明](照片.jpg) 引用。",
        "Use an address starting with https://, or remove the link; put photos in the entry's folder "
        "and show them with ![description](photo.jpg).",
        line=line, column=column,
    )


def _report_removed(log: ProblemLog, file: str, tags: dict, attributes: dict) -> None:
    allowed = "EDITING.md “正文中的 HTML / HTML in bodies”"
    for tag, (line, column, count) in tags.items():
        times_zh, times_en = (f"（共 {count} 处）", f" ({count} times)") if count > 1 else ("", "")
        log.report(
            "html.removed", file,
            f"正文中的 <{tag}> 不在允许的 HTML 标签之列，发布时会被删除（其中的文字保留）{times_zh}。",
            f"The <{tag}> in the body is not an allowed HTML tag: it will be removed from the site "
            f"(its text stays){times_en}.",
            f"改用 Markdown 写法，或只用 {allowed} 中列出的标签。",
            f"Write it in Markdown, or use only the tags listed in {allowed}.",
            line=line, column=column, level="warning",
        )
    for (tag, name), (line, column, count) in attributes.items():
        name = _plain(name)
        times_zh, times_en = (f"（共 {count} 处）", f" ({count} times)") if count > 1 else ("", "")
        log.report(
            "html.attribute", file,
            f"<{tag}> 的属性 {name} 不被允许，发布时会被删除{times_zh}。",
            f"The attribute {name} of <{tag}> is not allowed: it will be removed from the site{times_en}.",
            f"删除 {name}=\"…\"；样式由网站统一设定。", f"Remove {name}=\"…\"; the site sets the styles.",
            line=line, column=column, level="warning",
        )
