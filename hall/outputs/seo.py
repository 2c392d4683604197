"""Search engines and sharing: canonical and alternate URLs, Open Graph, schema.org, sitemaps.

Engine-agnostic: works on the core's page specs and view dicts (hall/pages/) and plain
URLs. Every language is its own site root (zh at ``/``, en at ``/en/``) with the same page
paths, so a page's other-language versions are the same path under the other roots.
"""

from __future__ import annotations

import gzip
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence
from urllib.parse import urljoin
from xml.sax.saxutils import escape as xml_escape

from ..i18n import HTML_LANG, language_rules, og_locale

SCHEMA = "https://schema.org"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class Site:
    """The public addresses of one hall: ``root`` is the default language's site_url."""

    root: str  # e.g. "https://hall.example.cn/"; "" when no site_url is configured
    languages: tuple[str, ...]
    name: Mapping[str, str]  # site name per language
    county: Mapping[str, str] = field(default_factory=dict)

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
        if not block or block.startswith(("#", "!!!", "???", "<", "|", "```", "-", "*", "![", ":::")):
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


def describe(view: Mapping[str, Any], body: str, language: str, fallback: str) -> str:
    text = view.get("summary") or view.get("intro") or view.get("subtitle") or first_paragraph(body)
    return shorten(text or fallback, language)


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
    alternates = [
        {"hreflang": HTML_LANG.get(code, code), "href": site.url(code, path)}
        for code in site.languages
    ]
    if site.root:
        alternates.append({"hreflang": "x-default", "href": site.url(site.default, path)})
    og = {
        "og:type": "article" if kind in ("exhibit", "news-item") else "website",
        "og:site_name": name,
        "og:title": title if not is_home else name,
        "og:description": description,
        "og:locale": og_locale(language),
        "og:url": canonical,
        "og:image": image,
        "og:image:alt": (photo or {}).get("alt", "") if image else "",
    }
    og_alternate = [og_locale(code) for code in site.languages if code != language]
    twitter = {"twitter:card": "summary_large_image" if image else "summary"}
    return {
        "canonical": canonical,
        "description": description,
        "alternates": alternates if site.root else [],
        "og": {k: v for k, v in og.items() if v},
        "og_locale_alternate": og_alternate,
        "twitter": twitter,
        "json_ld": json_ld_script(structured_data(site, language, path, title, description, image, view)),
    }


def _museum(site: Site, language: str, description: str = "", image: str = "") -> dict[str, Any]:
    county = (site.county or {}).get(language) or (site.county or {}).get(site.default, "")
    museum: dict[str, Any] = {
        "@type": "Museum",
        "@id": site.url(site.default, "#museum") or "#museum",
        "name": site.site_name(language),
    }
    if site.root:
        museum["url"] = site.url(language, "")
    if description:
        museum["description"] = description
    if image:
        museum["image"] = image
    if county:
        museum["address"] = {"@type": "PostalAddress", "addressLocality": county, "addressCountry": "CN"}
    return museum


def structured_data(
    site: Site, language: str, path: str, title: str, description: str, image: str, view: Mapping[str, Any]
) -> dict[str, Any]:
    """schema.org data: the Museum (and its WebSite) on the home page, a CreativeWork for an
    exhibit (what a museum label is), a NewsArticle for news, a WebPage for the rest."""
    lang = HTML_LANG.get(language, language)
    url = site.url(language, path)
    kind = view.get("kind", "page")
    publisher = {"@type": "Organization", "name": site.site_name(language)}
    if site.root:
        publisher["url"] = site.url(language, "")
    if kind == "home":
        website: dict[str, Any] = {"@type": "WebSite", "name": site.site_name(language), "inLanguage": lang}
        if url:
            website["url"] = url
        return {"@context": SCHEMA, "@graph": [_museum(site, language, description, image), website]}
    data: dict[str, Any] = {"@context": SCHEMA, "name": title, "inLanguage": lang}
    if kind == "exhibit":
        data["@type"] = "CreativeWork"
        data["provider"] = {"@id": _museum(site, language)["@id"], "@type": "Museum", "name": site.site_name(language)}
        if view.get("date_iso"):
            data["temporalCoverage"] = view["date_iso"]
        zone = view.get("zone") or {}
        if zone.get("title"):
            data["isPartOf"] = {"@type": "CollectionPage", "name": zone["title"], **({"url": site.url(language, zone["url"])} if site.root else {})}
        if view.get("tags"):
            data["keywords"] = ", ".join(tag["label"] for tag in view["tags"])
    elif kind == "news-item":
        data["@type"] = "NewsArticle"
        data["headline"] = title
        if view.get("date_iso"):
            data["datePublished"] = view["date_iso"]
        data["publisher"] = publisher
    else:
        data["@type"] = "CollectionPage" if kind in ("zones", "zone", "news-list", "timeline", "achievements") else "WebPage"
        data["isPartOf"] = {"@type": "WebSite", "name": site.site_name(language), **({"url": site.url(language, "")} if site.root else {})}
    if description:
        data["description"] = description
    if url:
        data["url"] = url
    if image:
        data["image"] = image
    return data


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


def write_seo_files(site: Site, language: str, dest_uris: Sequence[str], site_dir: Path, *, public: bool = True) -> None:
    """Write this language's sitemap.xml (+ .gz) into its own root, and, for the default
    language, robots.txt. Without a site_url there is nothing absolute to list: the
    sitemap is left out. ``public=False`` (kiosk, preview) asks robots to stay away."""
    site_dir = Path(site_dir)
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        (site_dir / name).unlink(missing_ok=True)
    if site.root and public:
        xml = sitemap_xml(site, language, sitemap_paths(dest_uris))
        (site_dir / "sitemap.xml").write_text(xml, encoding="utf-8")
        (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))
    if language == site.default:
        (site_dir / "robots.txt").write_text(robots_txt(site, allow=public), encoding="utf-8")
