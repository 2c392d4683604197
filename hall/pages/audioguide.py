"""The audio guide's view of an exhibit page: its recording in this language (or the other
language's, offered by name), the next stop on the visiting route with its recording, and
what a phone's lock screen shows (Media Session: "201 古建筑清真寺", the hall, the zone, the
cover photo). Where there is no recording the same control reads the page aloud, so every
stop has a guide (theme/partials/hall-audio-guide.html, theme/assets/hall-audio.js)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Mapping

from ..content.guide import visiting_route
from ..content.model import Exhibit, Hall
from babel import Locale, UnknownLocaleError

from ..i18n import HTML_LANG, LANGUAGE_NAMES, strings
from ..media.audio import AudioTrack
from .context import PageContext
from .spec import PageSpec, exhibit_url


def with_audio_guides(pages: list[PageSpec], hall: Hall, views: PageContext,
                      tracks: Mapping[str, AudioTrack]) -> list[PageSpec]:
    """``pages`` with ``view["audio"]`` on every exhibit page (the rest unchanged)."""
    route = visiting_route(hall)
    following = {a.id: b for a, b in zip(route, route[1:])}
    result = []
    for spec in pages:
        exhibit = hall.exhibits.get(spec.view.get("id", "")) if spec.view.get("kind") == "exhibit" else None
        if exhibit is None:
            result.append(spec)
            continue
        view = dict(spec.view)
        view["audio"] = audio_guide(exhibit, following.get(exhibit.id), hall, views, tracks)
        result.append(replace(spec, view=view))
    return result


def audio_guide(exhibit: Exhibit, next_stop: Exhibit | None, hall: Hall, views: PageContext,
                tracks: Mapping[str, AudioTrack]) -> dict[str, Any]:
    """One exhibit's player: sources, the other language's offer, the next stop, lock-screen data."""
    language = views.language
    own = _sources(exhibit, language, views, tracks)
    other = None
    if not own:
        for code in hall.languages:
            found = _sources(exhibit, code, views, tracks) if code != language else []
            if found:
                other = {"language": code, "html_lang": HTML_LANG.get(code, code),
                         "name": language_name(code, language), "sources": found}
                break
    zone = next((z for z in hall.zones if z.id == exhibit.zone), None)
    title = views.text(exhibit.title)
    return {
        "sources": own,
        "other": other,
        "strings": strings("audio", language, hall.default_language),
        "session": {
            "title": f"{exhibit.guide} {title}".strip(),
            "album": views.text(zone.title) if zone else "",
            "artwork": _artwork(exhibit, views),
        },
        "next": _next_stop(next_stop, views, tracks) if next_stop else None,
    }


def _sources(exhibit: Exhibit, language: str, views: PageContext, tracks: Mapping[str, AudioTrack]) -> list[dict[str, Any]]:
    """This language's published files, phone-safe formats first (MP3, then M4A, then Ogg)."""
    order = {"audio/mpeg": 0, "audio/mp4": 1}
    found = [tracks[a.file] for a in exhibit.audio if a.language == language and a.file in tracks]
    return [{"url": f"{views.media_prefix}{t.url}", "mime": t.mime, "seconds": round(t.seconds, 1)}
            for t in sorted(found, key=lambda t: order.get(t.mime, 2))]


def _next_stop(exhibit: Exhibit, views: PageContext, tracks: Mapping[str, AudioTrack]) -> dict[str, Any]:
    zone = next((z for z in views.hall.zones if z.id == exhibit.zone), None)
    title = views.text(exhibit.title)
    return {
        "guide": exhibit.guide,
        "title": title,
        "session_title": f"{exhibit.guide} {title}".strip(),
        "album": views.text(zone.title) if zone else "",
        "url": exhibit_url(exhibit.id),
        "sources": _sources(exhibit, views.language, views, tracks),
        "artwork": _artwork(exhibit, views),
    }


def _artwork(exhibit: Exhibit, views: PageContext) -> list[dict[str, str]]:
    """The cover photo's JPEG renditions for the lock screen, smallest first (every phone shows JPEG)."""
    image = views.images.get(exhibit.cover.file) if exhibit.cover else None
    if image is None:
        return []
    return [{"src": f"{views.media_prefix}{r.url}", "sizes": f"{r.width}x{r.height}", "type": r.mime}
            for r in image.renditions if r.mime == image.fallback.mime]


def language_name(code: str, language: str) -> str:
    """``code``'s name in ``language`` ("Chinese" on an English page, "英语" on a Chinese one)."""
    try:
        return Locale.parse(code).get_display_name(Locale.parse(language)) or LANGUAGE_NAMES.get(code, code)
    except (ValueError, UnknownLocaleError):
        return LANGUAGE_NAMES.get(code, code)
