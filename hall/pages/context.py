"""The view data every section's pages share, for one language: texts in the page's
language (with the HTML lang of a fallback), photos with their renditions and crops, exhibit
cards, zone summaries, tags and entry bodies."""

from __future__ import annotations

from typing import Any, Mapping

from ..content.model import (
    Body,
    Exhibit,
    FreePage,
    Hall,
    Localized,
    NewsItem,
    Photo,
    Zone,
)
from ..content.licences import licence_of, licence_view
from ..i18n import HTML_LANG, catalog, format_date_span, format_file_size, format_pixels
from ..media import ImageSet, Original
from .spec import exhibit_url, zone_url


class PageContext:
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
        renditions = [{"mime": mime, "srcset": image.srcset(mime, self.media_prefix)} for mime in image.mimes] if image else []
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
            "licence": licence_view(licence_of(photo, self.hall.photo_licence), self.language),  # shown beside the credit
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
            "guide": exhibit.guide,  # 导览编号 (hall/content/guide.py)
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
