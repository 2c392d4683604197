"""Which of the hall's photos the site publishes, and in which forms: every photo shown
(galleries, news, timeline, photos in bodies), full-size downloads, and cover crops."""

from __future__ import annotations

from ..content.model import Hall
from .markup import body_images


def published_photo_files(hall: Hall) -> list[str]:
    """Every photo the site shows: galleries, news and timeline photos, and photos that
    Markdown bodies show as ``![alt](photo.jpg)`` (they go through the same pipeline)."""
    files = [photo.file for photo in hall.entry_photos()]
    if hall.timeline is not None:
        files += [event.photo.file for event in hall.timeline.events if event.photo]
    bodies = [b for zone in hall.zones for e in zone.exhibits for b in e.bodies.values()]
    bodies += [b for page in hall.pages for b in page.bodies.values()]
    bodies += [b for item in hall.news for b in item.bodies.values()]
    files += [src for body in bodies for src in body_images(body.text, body.file)]
    return files


def download_photo_files(hall: Hall) -> list[str]:
    """The photos of exhibits and news items whose content asks for a full-size download
    (``download: true``): only these get one (``plan_media(downloads=…)``)."""
    return [photo.file for photo in hall.entry_photos() if photo.download]


def cover_photos(hall: Hall) -> list[tuple[str, tuple[float, float]]]:
    """The photos shown on cards and the attract screen, with their focal points: they
    get fixed-ratio crops (``plan_crops``)."""
    covers = [e.cover for zone in hall.zones for e in zone.exhibits] + [item.cover for item in hall.news]
    return [(photo.file, photo.focus) for photo in covers if photo is not None]
