"""Search engines and sharing: canonical and alternate URLs, Open Graph, schema.org, sitemaps.

Engine-agnostic: works on the core's page specs and view dicts (hall/pages/) and plain
URLs. Every language is its own site root (zh at ``/``, en at ``/en/``) with the same page
paths, so a page's other-language versions are the same path under the other roots.

Sharing (issue 19): a link preview names the page and the hall ("古建筑清真寺 | X县民族团结文化
展厅"; the home page the hall alone), describes it in a sentence of its own (the summary or
the body's first sentence; the timeline, achievements and lists a sentence from
hall/locales/ saying what they hold: before, the timeline's read "明洪武六年" and 18 lists
gave only the hall's name), and always has a picture: the page's photo (its largest JPEG,
which every app reads), else a share card drawn at build time (hall/media/cards.py).
"""

from __future__ import annotations

import gzip
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence
from urllib.parse import urljoin
from xml.sax.saxutils import escape as xml_escape

from ..content.notes import strip_field
from ..content.problems import ProblemLog
from ..i18n import HTML_LANG, language_rules, og_locale, strings
from ..media.cards import CARD_SIZE, CardStyle, card_path, card_style, write_cards
from ..pages.spec import PageSpec
from .schemaorg import dublin_core, page_node

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class Site:
    """The public addresses of one hall: ``root`` is the default language's site_url."""

    root: str  # e.g. "https://hall.example.cn/"; "" when no site_url is configured
    languages: tuple[str, ...]
    name: Mapping[str, str]  # site name per language
    county: Mapping[str, str] = field(default_factory=dict)
    cards: CardStyle | None = None  # share cards for pages without a photo (none: no og:image)

    @property
    def default(self) -> str:
        return self.languages[0]

    def language_root(self, language: str) -> str:
        if not self.root:
            return ""
        root = self.root if self.root.endswith("/") else self.root + "/"
        return root if language == self.default else urljoin(root, f"{language}/")

    def url(self, language: str, path: str) -> str:
        """Absolute URL of a page path (``exhibits/x/``) or a path relative to a language's
        root (photos may start with ``../``); "" without a site_url."""
        base = self.language_root(language)
        return urljoin(base, path) if base else ""

    def site_name(self, language: str) -> str:
        return self.name.get(language) or self.name.get(self.default, "")


def site_root(site_url: str, language: str, default: str) -> str:
    """The default language's root from a language build's own site_url (``…/en/`` → ``…/``)."""
    if not site_url or language == default:
        return site_url
    suffix = f"{language}/"
    return site_url[: -len(suffix)] if site_url.endswith(suffix) else site_url


def page_path(dest_uri: str) -> str:
    """Directory URL of an output file: ``index.html`` → ``""``, ``a/b/index.html`` → ``a/b/``."""
    if dest_uri == "index.html":
        return ""
    if dest_uri.endswith("/index.html"):
        return dest_uri[: -len("index.html")]
    return dest_uri


def _plain(text: str) -> str:
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links keep their words
    text = re.sub(r"[*_`>#]|\{[^}]*\}", "", text)
    text = html.unescape(text)  # "&lt;Ming&gt;" in Markdown reads "<Ming>" (escaped again where it lands)
    return re.sub(r"\s+", " ", text).strip()


def first_paragraph(body: str) -> str:
    """The first prose paragraph of a page's Markdown body (which has no front matter: the
    engine gets the page's settings apart), headings, admonitions, lists and the like skipped."""
    for block in re.split(r"\n\s*\n", body):
        block = block.strip()
        if not block or block.startswith(("#", "!!!", "???", "<", "|", "```", "-", "*", "![", ":::", ">")):
            continue
        text = _plain(block)
        if text:
            return text
    return ""


def shorten(text: str, language: str) -> str:
    rules = language_rules(language)
    limit = rules.description_length  # characters; search engines cut longer snippets
    text = re.sub(r"\s+", " ", text or "").strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if rules.spaces_between_words and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip("，,、；;：: ") + "…"


def _main_photo(view: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The photo that stands for a page: its own first photo, else its cover, else the first
    photo of what it lists (home: highlights, then zones)."""
    for photo in list(view.get("photos") or []) + [view.get("photo")]:
        if photo and photo.get("src"):
            return photo
    for key in ("highlights", "zones", "exhibits", "items"):
        for item in view.get(key) or []:
            photo = item.get("photo") if isinstance(item, Mapping) else None
            if photo and photo.get("src"):
                return photo
    return None


def first_sentence(text: str) -> str:
    """The first sentence of a paragraph (up to 。！？ or a full stop before a space)."""
    match = re.match(r"(.+?(?:[。！？!?]|\.(?=\s|$)))[”’」』\"')）]*", text.strip(), re.S)
    return match.group(0).strip() if match else text.strip()


def describe(view: Mapping[str, Any], body: str, language: str, fallback: str) -> str:
    """A sentence for search results and link previews, never the hall's name alone where
    the page has words of its own: its summary, else the first sentence of its body; lists,
    the timeline and the achievements say what they hold (``sharing`` in hall/locales/)."""
    words = strings("sharing", language)
    kind = view.get("kind", "page")
    values = {"site": fallback, "title": view.get("title", ""), "intro": strip_field(view.get("intro") or "")}
    text = ""
    if kind == "timeline":
        count = sum(len(era.get("events") or ()) for era in view.get("eras") or ())
        text = words["timeline"].format(count=count, **values)
    elif kind == "achievements":
        text = words["achievements"].format(**values)
    elif kind == "zones":
        text = words["zones"].format(**values)
    elif kind == "news-list":
        category = next((c["title"] for c in view.get("categories") or () if c.get("current")), "")
        year = next((y["year"] for y in view.get("years") or () if y.get("current")), "")
        key = "news_category" if category else "news_year" if year else "news_list"
        text = words[key].format(category=category, year=year, **values)
    else:
        own = view.get("summary") or view.get("intro") or view.get("subtitle") or view.get("description")
        text = strip_field(own or "") or first_sentence(strip_field(first_paragraph(body)))
        if not text and kind == "tour_scene":  # a scene without a description of its own
            text = words["tour_scene"].format(**values)
    return shorten(text or fallback, language)


def share_title(site: Site, language: str, title: str, is_home: bool) -> str:
    """"古建筑清真寺 | X县民族团结文化展厅": a shared link says where it leads; home: the hall."""
    name = site.site_name(language)
    return name if is_home or not title or title == name else f"{title} | {name}"


def needs_card(spec: PageSpec) -> bool:
    """A page without a photo of its own, or of what it lists, is shared with a card."""
    return _main_photo(spec.view) is None


def page_seo(
    site: Site,
    language: str,
    dest_uri: str,
    title: str,
    view: Mapping[str, Any],
    body: str = "",
) -> dict[str, Any]:
    """Everything the <head> of one page needs for search engines and link previews
    (``body``: the page's Markdown, without front matter)."""
    path = page_path(dest_uri)
    kind = view.get("kind", "page")
    name = site.site_name(language)
    is_home = kind == "home" or dest_uri == "index.html"
    description = describe(view, body, language, name)
    canonical = site.url(language, path)
    photo = _main_photo(view)
    image = site.url(language, photo["src"]) if photo and site.root else ""
    size = (photo.get("width"), photo.get("height")) if photo else (None, None)
    alt = (photo or {}).get("alt", "")
    if not photo and site.cards and site.root:
        image, size, alt = site.url(language, card_path(site.cards, title, name)), CARD_SIZE, share_title(site, language, title, is_home)
    alternates = [
        {"hreflang": HTML_LANG.get(code, code), "href": site.url(code, path)}
        for code in site.languages
    ]
    if site.root:
        alternates.append({"hreflang": "x-default", "href": site.url(site.default, path)})
    og = {
        "og:type": "article" if kind in ("exhibit", "news-item") else "website",
        "og:site_name": name,
        "og:title": share_title(site, language, title, is_home),
        "og:description": description,
        "og:locale": og_locale(language),
        "og:url": canonical,
        "og:image": image,
        "og:image:width": str(size[0] or "") if image else "",
        "og:image:height": str(size[1] or "") if image else "",
        "og:image:alt": alt if image else "",
    }
    og_alternate = [og_locale(code) for code in site.languages if code != language]
    twitter = {"twitter:card": "summary_large_image" if image else "summary"}
    data = structured_data(site, language, path, title, description, image, view)
    return {
        "canonical": canonical,
        "description": description,
        "alternates": alternates if site.root else [],
        "og": {k: v for k, v in og.items() if v},
        "og_locale_alternate": og_alternate,
        "twitter": twitter,
        "json_ld": json_ld_script(data),
        "dublin_core": dublin_core(data, name),  # <meta name="DC.*">, from the same description
    }


def structured_data(
    site: Site, language: str, path: str, title: str, description: str, image: str, view: Mapping[str, Any]
) -> dict[str, Any]:
    """schema.org data of one page (hall/outputs/schemaorg.py says what each page is)."""
    county = (site.county or {}).get(language) or (site.county or {}).get(site.default, "")
    return page_node(site, language, path, title, description, image, view, county)


def json_ld_script(data: Mapping[str, Any]) -> str:
    """JSON for a <script type="application/ld+json">: ``<``, ``>`` and ``&`` as JSON escapes,
    so staff text can neither close the element nor open a comment that swallows the page
    (the same escapes as Jinja's ``tojson``); the data reads the same."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def sitemap_xml(site: Site, language: str, paths: Iterable[str]) -> str:
    """One language's sitemap; each URL lists its versions in every language (hreflang)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">',
    ]
    for path in paths:
        lines.append("  <url>")
        lines.append(f"    <loc>{xml_escape(site.url(language, path))}</loc>")
        for code in site.languages:
            href = xml_escape(site.url(code, path))
            lines.append(f'    <xhtml:link rel="alternate" hreflang="{HTML_LANG.get(code, code)}" href="{href}"/>')
        lines.append(f'    <xhtml:link rel="alternate" hreflang="x-default" href="{xml_escape(site.url(site.default, path))}"/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(site: Site, allow: bool = True) -> str:
    """robots.txt at the site root, pointing at every language's sitemap."""
    lines = ["User-agent: *", "Allow: /" if allow else "Disallow: /"]
    if site.root and allow:
        lines.append("")
        lines += [f"Sitemap: {site.url(code, 'sitemap.xml')}" for code in site.languages]
    return "\n".join(lines) + "\n"


def sitemap_paths(dest_uris: Sequence[str]) -> list[str]:
    """Page paths for the sitemap, home first, in plan order, without duplicates."""
    seen: dict[str, None] = {}
    for dest in dest_uris:
        if dest.endswith(".html"):
            seen.setdefault(page_path(dest), None)
    return list(seen)


def share_card_style(root: Path, theme_dir: str | None, fonts: Sequence[str],
                     warn: Callable[[str], None] | None = None) -> CardStyle:
    """How this build draws share cards (hall/media/cards.py). When no CJK font is found,
    ``warn`` gets a bilingual warning (the primary build passes it: said once) and pages
    are shared with the hall's logo card: not a failure."""
    logo = Path(theme_dir) / "assets" / "apple-touch-icon.png" if theme_dir else None
    style = card_style(fonts, logo, Path(root) / ".cache" / "hall-media" / "cards")
    problems = ProblemLog(Path(root))
    if not style.font:
        problems.report(
            "share.no_font", Path(root) / "mkdocs.yml",
            "找不到中文字体，分享图只显示展厅标志，不显示页面标题。",
            "No Chinese font was found: share cards show the hall's logo only, not the page title.",
            "安装思源黑体（Debian：apt install fonts-noto-cjk），或在 mkdocs.yml 的 hall 插件下用 "
            "share_card_fonts 写明字体文件的路径，如 C:/Windows/Fonts/msyh.ttc。",
            "Install Noto Sans CJK (Debian: apt install fonts-noto-cjk), or list a font file under the hall "
            "plugin in mkdocs.yml as share_card_fonts, e.g. C:/Windows/Fonts/msyh.ttc.",
            level="warning")
    for problem in problems.warnings if warn else ():
        warn(problem.format())
    return style


def write_seo_files(site: Site, language: str, pages: Sequence[PageSpec], site_dir: Path, *, public: bool = True) -> None:
    """Write this language's sitemap.xml (+ .gz) into its own root, and, for the default
    language, robots.txt. Without a site_url there is nothing absolute to list: the
    sitemap is left out. ``public=False`` (kiosk, preview) asks robots to stay away.
    With a site_url, the share cards of the pages without a photo go in too."""
    site_dir = Path(site_dir)
    dest_uris = [spec.dest_uri for spec in pages]
    if site.cards and site.root:
        write_cards(site.cards, [(spec.title, site.site_name(language)) for spec in pages if needs_card(spec)], site_dir)
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        (site_dir / name).unlink(missing_ok=True)
    if site.root and public:
        xml = sitemap_xml(site, language, sitemap_paths(dest_uris))
        (site_dir / "sitemap.xml").write_text(xml, encoding="utf-8")
        (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))
    if language == site.default:
        (site_dir / "robots.txt").write_text(robots_txt(site, allow=public), encoding="utf-8")
