"""What pages a language's site has, and the data each page template shows.

Engine-agnostic: ``plan_site`` turns the validated hall into ``PageSpec``s (source path,
output path, Markdown, template, view data) and a navigation outline. An adapter for any
engine turns these into its own pages; nothing here knows MkDocs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Mapping

from .a11y import STATEMENT_URL
from .content.model import Body, Exhibit, FreePage, Hall, Localized, Photo, Zone
from .content.news import NewsItem
from .i18n import HTML_LANG, catalog, format_date_span, format_file_size, format_list, format_pixels
from .media import ImageSet, Original, body_images


@dataclass(frozen=True)
class PageSpec:
    """One page of one language's site."""

    src_uri: str  # a virtual source path that mirrors the repository (links resolve as on disk)
    dest_uri: str  # the output file, e.g. "exhibits/history/ming-mosque/index.html"
    title: str
    template: str
    body: str = ""  # its Markdown, below the front matter
    view: Mapping[str, Any] = field(default_factory=dict)
    source_file: str | None = None  # the staff file this page's body came from
    searchable: bool = True
    hide: tuple[str, ...] = ()  # parts of the page the theme leaves out: "navigation", "toc"

    @property
    def meta(self) -> dict[str, Any]:
        """The page's settings for the engine: title, template and what to hide."""
        return {"title": self.title, "template": self.template, **({"hide": list(self.hide)} if self.hide else {})}

    @property
    def markdown(self) -> str:
        """The page as one Markdown file, its settings as front matter."""
        lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in self.meta.items()]
        return "---\n" + "\n".join(lines) + "\n---\n\n" + self.body


@dataclass(frozen=True)
class NavItem:
    title: str
    src_uri: str | None = None
    children: tuple["NavItem", ...] = ()


@dataclass(frozen=True)
class SitePlan:
    language: str
    pages: tuple[PageSpec, ...]
    nav: tuple[NavItem, ...]
    #: Pages linked from every page's footer instead of the tabs: the accessibility
    #: statement and "about this site", as public-sector sites place such notices.
    footer: tuple[NavItem, ...] = ()


def exhibit_url(exhibit_id: str) -> str:
    return f"exhibits/{exhibit_id}/"


def zone_url(zone_id: str) -> str:
    return f"exhibits/{zone_id}/"


#: The page listing every zone (exhibits/index.html).
ZONES_SRC = "exhibits/index.md"


def entry_page(url: str, template: str, title: str, view: dict[str, Any], body: Body | None) -> PageSpec:
    """The page at ``url`` (``exhibits/history/x/``) of an exhibit, a news item or a free
    page: its view, and its Markdown body (whose photos and links the engine resolves)."""
    return PageSpec(
        src_uri=f"{url}index.md",
        dest_uri=f"{url}index.html",
        title=title,
        template=template,
        body=body.text if body else "",
        view=view,
        source_file=body.file if body else None,
    )


class _Views:
    """Builds the view data of one language, with the photos already planned."""

    def __init__(self, hall: Hall, language: str, images: Mapping[str, ImageSet], media_prefix: str):
        self.hall = hall
        self.language = language
        self.images = images
        self.media_prefix = media_prefix
        self.t = catalog(language, hall.default_language)
        self.exhibits = hall.exhibits

    def text(self, value: Localized | None) -> str:
        return value.get(self.language) if value else ""

    def body(self, item: Exhibit | NewsItem | FreePage) -> tuple[Body | None, dict[str, Any]]:
        """The body in this language or, with a notice on the page, the default language's."""
        default = self.hall.default_language
        fallback = self.language not in item.bodies
        body = item.bodies.get(self.language) or item.bodies.get(default)
        return body, {"body_fallback": fallback, "body_lang": HTML_LANG.get(default if fallback else self.language)}

    def entry(self, item: Exhibit | NewsItem) -> tuple[Body | None, dict[str, Any]]:
        """What exhibit and news pages share: the body, the gallery, the tags and the
        related exhibits."""
        body, view = self.body(item)
        return body, {
            **view,
            "photos": [self.photo(p) for p in item.images],
            "tags": self.tags(item.tags),
            "related": [self.card(self.exhibits[r]) for r in item.related if r in self.exhibits],
        }

    def text_lang(self, value: Localized | None) -> str:
        """The HTML lang of a text shown in this language (its fallback's, if untranslated)."""
        if value is None or value.has(self.language):
            return HTML_LANG.get(self.language, self.language)
        return HTML_LANG.get(value.default, value.default)

    def tags(self, slugs: tuple[str, ...]) -> list[dict[str, str]]:
        """Tags as ``{slug, label, lang}``: staff write slugs, visitors read the label of
        their language (``lang`` tells the page when it fell back to Chinese)."""
        labels = [(slug, self.hall.tag_label(slug)) for slug in slugs]
        return [{"slug": slug, "label": self.text(label), "lang": self.text_lang(label)} for slug, label in labels]

    def photo(self, photo: Photo) -> dict[str, Any]:
        """A photo for the templates: its renditions, texts, and its fixed-ratio crops
        ("card", "wide") around its focal point, each shaped like the photo itself."""
        view = self._photo(photo)
        image = self.images.get(photo.file)
        for name, renditions in (image.crops.get(photo.focus, {}) if image else {}).items():
            view[name] = {**view, **self._renditions(renditions), "focus": None}
        return view

    def _renditions(self, renditions) -> dict[str, Any]:
        fallback = renditions[-1]
        return {
            "src": f"{self.media_prefix}{fallback.url}",
            "width": fallback.width,
            "height": fallback.height,
            "sources": [
                {"mime": mime, "srcset": ", ".join(
                    f"{self.media_prefix}{r.url} {r.width}w" for r in renditions if r.mime == mime)}
                for mime in dict.fromkeys(r.mime for r in renditions)
            ],
        }

    def _photo(self, photo: Photo) -> dict[str, Any]:
        image = self.images.get(photo.file)
        renditions = []
        if image:
            for mime in dict.fromkeys(r.mime for r in image.renditions):
                renditions.append({
                    "mime": mime,
                    "srcset": ", ".join(
                        f"{self.media_prefix}{r.url} {r.width}w" for r in image.renditions if r.mime == mime
                    ),
                })
        return {
            "src": f"{self.media_prefix}{image.fallback.url}" if image else "",
            "width": image.width if image else None,
            "height": image.height if image else None,
            "sources": renditions,
            "placeholder": image.placeholder if image else None,
            "alt": self.text(photo.alt),
            "alt_lang": self.text_lang(photo.alt),
            "caption": self.text(photo.caption),
            "caption_lang": self.text_lang(photo.caption),
            "credit": self.text(photo.credit),
            "focus": photo.focus,
            "download": self._download(image.original) if image and image.original and photo.download else None,
        }

    def _download(self, original: Original) -> dict[str, Any]:
        """The full-size download's link: its URL and "下载原图（4000 × 3000 像素，3.2 MB）"."""
        return {
            "url": f"{self.media_prefix}{original.url}",
            "mime": original.mime,
            "label": self.t("download_original"),
            "details": self.t("download_details", pixels=format_pixels(original.width, original.height, self.language),
                              size=format_file_size(original.size, self.language)),
        }

    def card(self, exhibit: Exhibit) -> dict[str, Any]:
        return {
            "id": exhibit.id,
            "url": exhibit_url(exhibit.id),
            "title": self.text(exhibit.title),
            "title_lang": self.text_lang(exhibit.title),
            "summary": self.text(exhibit.summary),
            "date": format_date_span(exhibit.date, self.language) if exhibit.date else "",
            "date_iso": exhibit.date.iso() if exhibit.date else "",
            "era": self.text(exhibit.era),
            "photo": self.photo(exhibit.cover) if exhibit.cover else None,
            "draft": exhibit.status == "draft",
            "translated": exhibit.title.has(self.language) and self.language in exhibit.bodies,
        }

    def zone_summary(self, zone: Zone) -> dict[str, Any]:
        cover = next((e.cover for e in zone.exhibits if e.cover), None)
        return {
            "id": zone.id,
            "url": zone_url(zone.id),
            "title": self.text(zone.title),
            "intro": self.text(zone.intro),
            "count": len(zone.exhibits),
            "count_text": self.t("exhibit_count", count=len(zone.exhibits)),
            "photo": self.photo(cover) if cover else None,
        }


def plan_site(
    hall: Hall,
    language: str,
    images: Mapping[str, ImageSet],
    media_prefix: str = "",
    options: Mapping[str, Any] | None = None,
) -> SitePlan:
    """Every page of one language's site, and its navigation.

    ``options`` are plugin settings the pages need, e.g. ``timeline_order`` ("oldest" or
    "newest") and ``news_per_page``.
    """
    from .views_news import latest_news, plan_news
    from .views_timeline import plan_timeline_and_achievements, timeline_slices
    from .views_status import plan_status_page

    views = _Views(hall, language, images, media_prefix)
    t = views.t
    pages: list[PageSpec] = []

    home_title = views.text(hall.home.title)
    pages.append(PageSpec(
        src_uri="index.md",
        dest_uri="index.html",
        title=home_title,
        template="home.html",
        hide=("navigation", "toc"),
        view={
            "kind": "home",
            "title": home_title,
            "subtitle": views.text(hall.home.subtitle),
            "intro": views.text(hall.home.intro),
            "zones": [views.zone_summary(z) for z in hall.zones],
            "highlights": [views.card(views.exhibits[h]) for h in hall.home.highlights if h in views.exhibits],
            "latest_news": latest_news(hall, views),
        },
    ))

    # /exhibits/: every zone, in visiting order (the 展区 tab opens it).
    zones_title = t("zones")
    pages.append(PageSpec(
        src_uri=ZONES_SRC,
        dest_uri="exhibits/index.html",
        title=zones_title,
        template="zones.html",
        hide=("toc",),
        view={"kind": "zones", "title": zones_title, "zones": [views.zone_summary(z) for z in hall.zones],
              "intro": t("zones_intro", names=format_list([views.text(z.title) for z in hall.zones], language))
              if hall.zones else ""},
    ))

    on_timeline = timeline_slices(hall, views, (options or {}).get("timeline_order", "oldest") == "newest")
    for zone in hall.zones:
        zone_view = views.zone_summary(zone)
        zone_view.update(kind="zone", exhibits=[views.card(e) for e in zone.exhibits],
                         timeline=[event for e in zone.exhibits for event in on_timeline.get(e.id, [])])
        pages.append(PageSpec(
            src_uri=f"exhibits/{zone.id}/index.md",
            dest_uri=f"exhibits/{zone.id}/index.html",
            title=zone_view["title"],
            template="zone.html",
            hide=("toc",),
            view=zone_view,
        ))
        route = list(zone.exhibits)
        for index, exhibit in enumerate(route):
            body, shared = views.entry(exhibit)
            view = views.card(exhibit)
            view.update(
                shared,
                kind="exhibit",
                zone={"id": zone.id, "title": zone_view["title"], "url": zone_view["url"]},
                era_lang=views.text_lang(exhibit.era),
                summary_lang=views.text_lang(exhibit.summary),
                timeline=on_timeline.get(exhibit.id, []),
                previous=views.card(route[index - 1]) if index > 0 else None,
                next=views.card(route[index + 1]) if index + 1 < len(route) else None,
                position=t("of", index=index + 1, total=len(route)),
            )
            pages.append(entry_page(f"exhibits/{exhibit.id}/", "exhibit.html", view["title"], view, body))

    page_nav, footer = [], []
    for page in hall.pages:
        body, view = views.body(page)
        title = _first_heading(body.text) or page.slug
        pages.append(entry_page(f"{page.slug}/", "page.html", title, {"kind": "page", **view}, body))
        (footer if f"{page.slug}/" == STATEMENT_URL else page_nav).append(NavItem(title, f"{page.slug}/index.md"))

    news_pages, news_nav = plan_news(hall, views, options)
    chronicle_pages, timeline_nav, achievements_nav = plan_timeline_and_achievements(hall, views, options)
    pages.extend(news_pages + chronicle_pages)
    status_page = plan_status_page(hall, language)  # "about this site": translation coverage
    pages.append(status_page)

    nav = (
        NavItem(t("home"), "index.md"),
        NavItem(t("zones"), None, (NavItem(t("zones_all"), ZONES_SRC),
                                   *(NavItem(views.text(z.title), f"exhibits/{z.id}/index.md") for z in hall.zones))),
        *timeline_nav,
        *news_nav,
        *achievements_nav,
        *page_nav,
    )
    footer.append(NavItem(status_page.title, status_page.src_uri))
    return SitePlan(language, tuple(pages), nav, tuple(footer))


def _first_heading(markdown: str) -> str | None:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return None


def published_photo_files(hall: Hall) -> list[str]:
    """Every photo the site shows: galleries, news and timeline photos, and photos that
    Markdown bodies show as ``![alt](photo.jpg)`` (they go through the same pipeline)."""
    from .views_news import chronicle_photo_files

    files = [photo.file for zone in hall.zones for e in zone.exhibits for photo in e.images]
    files += chronicle_photo_files(hall)
    bodies = [b for zone in hall.zones for e in zone.exhibits for b in e.bodies.values()]
    bodies += [b for page in hall.pages for b in page.bodies.values()]
    bodies += [b for item in hall.news for b in item.bodies.values()]
    files += [src for body in bodies for src in body_images(body.text, body.file)]
    return files


def download_photo_files(hall: Hall) -> list[str]:
    """The photos of exhibits and news items whose content asks for a full-size download
    (``download: true``): only these get one (``plan_media(downloads=…)``)."""
    photos = [photo for zone in hall.zones for e in zone.exhibits for photo in e.images]
    photos += [photo for item in hall.news for photo in item.images]
    return [photo.file for photo in photos if photo.download]


def cover_photos(hall: Hall) -> list[tuple[str, tuple[float, float]]]:
    """The photos shown on cards and the attract screen, with their focal points: they
    get fixed-ratio crops (``hall.media.plan_crops``)."""
    covers = [e.cover for zone in hall.zones for e in zone.exhibits] + [item.cover for item in hall.news]
    return [(photo.file, photo.focus) for photo in covers if photo is not None]
