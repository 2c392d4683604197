"""What a body link points at on the site: one pure function for ``hall check`` and the build.

Staff write a link to another entry the way they see it: the path on disk, relative to the
file they edit (``../ming-mosque/zh.md``, ``../../../content/news/2021-x/zh.md``, the entry's
folder, ``exhibit.yml``/``news.yml``, ``../../content/pages/about.zh.md``), a path from the
repository's top (``content/pages/about.zh.md``), or the address they see in the browser
(``/exhibits/history/ming-mosque/``, ``/en/news/x/``, or relative ``../ming-mosque/``).
``resolve_link`` turns each into the page it means (an entry, whatever language the file
named: every language has that entry's page, shown in Chinese with a notice when untranslated)
or into a published photo; anything else is dead. ``hall check`` reports the dead ones and the
MkDocs adapter (``hall/mkdocs/links.py``) rewrites the rest with this same function, so a link
that passes the check is the link the site has. Web links (``https:``, ``mailto:``, ``tel:``)
are not ours and never fetched.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote

from .model import Hall
from .rules import PHOTO_SUFFIXES

_SCHEME = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)
#: The pages the site makes itself (hall/pages/): their address, and since the pages layer
#: sits above this one, ``tests/test_links.py`` checks these against the planned pages.
_SECTION_FILES = {"content/home.yml": "", "content/timeline.yml": "timeline",
                  "content/achievements.yml": "achievements", "content/news": "news", "exhibits": "exhibits",
                  "exhibits/zones.yml": "exhibits"}
STATUS_FOLDER = "about-this-site"

Kind = Literal["web", "self", "page", "photo", "dead"]


@dataclass(frozen=True)
class Resolved:
    """Where a link goes: ``page`` is the target page's source on the site
    (``news/x/index.md``, the same in every language), ``photo`` a published photo."""

    kind: Kind
    page: str | None = None
    photo: str | None = None
    fragment: str = ""  # "#anchor" or ""
    folder: str | None = None  # the target's site folder ("exhibits/history/ming-mosque")
    tried: tuple[str, ...] = ()  # for a dead link: where it was looked for, for the closest guess


@dataclass(frozen=True)
class Target:
    """An address a link may reach: what staff call it, and the file they would link to."""

    identifier: str
    disk: str | None  # repository path of its main file or folder, for the suggested fix
    draft: bool = False


class LinkTable:
    """Every page a body may link to, by site folder and by repository path."""

    def __init__(self, hall: Hall):
        self.root = hall.root
        self.languages = hall.languages
        self.sites: dict[str, Target] = {}
        self.disk: dict[str, str] = dict(_SECTION_FILES)  # repository path -> site folder
        default = hall.default_language
        self._add("", Target("/", "content/home.yml"))
        self._add("exhibits", Target("exhibits", "exhibits"))
        self._add(STATUS_FOLDER, Target(STATUS_FOLDER, None))
        for zone in hall.zones:
            self._add(f"exhibits/{zone.id}", Target(zone.id, f"exhibits/{zone.id}"), f"exhibits/{zone.id}")
            for exhibit in zone.exhibits:
                self._entry(f"exhibits/{exhibit.id}", exhibit.id, exhibit.folder, "exhibit.yml",
                            exhibit.status == "draft")
        if hall.news or hall.news_categories:
            self._add("news", Target("news", "content/news"))
            for category in hall.news_categories:  # an empty category gets no page (hall/pages/news.py)
                members = [item for item in hall.news if item.category == category.id]
                if members:
                    self._add(f"news/{category.id}", Target(f"news/{category.id}", None,
                                                            all(item.status == "draft" for item in members)))
            for year in {item.date.start.year for item in hall.news}:
                self._add(f"news/{year}", Target(f"news/{year}", None))
        for item in hall.news:
            self._entry(f"news/{item.id}", item.id, item.folder, "news.yml", item.status == "draft")
        for page in hall.pages:
            self._add(page.slug, Target(page.slug, f"content/pages/{page.slug}.{default}.md"),
                      f"content/pages/{page.slug}.md",
                      *(f"content/pages/{page.slug}.{language}.md" for language in self.languages))
        if hall.timeline is not None:
            self._add("timeline", Target("timeline", "content/timeline.yml"))
        if hall.achievements is not None and hall.achievements.groups:
            self._add("achievements", Target("achievements", "content/achievements.yml"))
        self.disk = {path: folder for path, folder in self.disk.items() if folder in self.sites}
        self.photos = {photo.file for photo in hall.entry_photos()}
        drafts = [e for e in hall.exhibits.values() if e.status == "draft"] + [n for n in hall.news if n.status == "draft"]
        self.draft_photos = {photo.file for entry in drafts for photo in entry.images}
        if hall.timeline is not None:
            self.photos |= {event.photo.file for event in hall.timeline.events if event.photo}

    def _add(self, folder: str, target: Target, *paths: str) -> None:
        self.sites[folder] = target
        for path in paths:
            self.disk[path] = folder

    def _entry(self, folder: str, identifier: str, disk: str, yml: str, draft: bool) -> None:
        files = [f"{disk}/{language}.md" for language in self.languages]
        self._add(folder, Target(identifier, files[0], draft), disk, f"{disk}/{yml}", *files)

    def resolve(self, url: str, body_file: str, page_folder: str, *, photos: bool = True) -> Resolved:
        """What ``url``, written in ``body_file`` (repository path) whose page sits at
        ``page_folder`` on the site, points at. ``photos``: whether a photo is a valid target
        (only inline and HTML links can be rewritten to one)."""
        url = url.strip()
        if _SCHEME.match(url):
            return Resolved("web")
        path, _, fragment = url.partition("#")
        path = unquote(path.split("?", 1)[0])
        fragment = f"#{fragment}" if fragment else ""
        if not path:
            return Resolved("self", fragment=fragment)
        tried = []
        for where, candidate in self._candidates(path, body_file, page_folder):
            tried.append(candidate)
            if candidate.startswith("../") or candidate == "..":
                continue
            folder = self.disk.get(candidate) if where == "disk" else self.sites_folder(candidate)
            if folder is not None:
                page = f"{folder}/index.md" if folder else "index.md"
                return Resolved("page", page=page, fragment=fragment, folder=folder)
            if where == "disk" and photos and candidate in self.photos:
                return Resolved("photo", photo=candidate, fragment=fragment)
        return Resolved("dead", fragment=fragment, tried=tuple(tried))

    def sites_folder(self, path: str) -> str | None:
        """The site folder an address names (``news/x/``, ``news/x/index.html``), if a page."""
        for name in ("index.html", "index.md"):
            if path == name or path.endswith("/" + name):
                path = path[: -len(name)].rstrip("/") or "."
        path = "" if path == "." else path
        return path if path in self.sites else None

    def _candidates(self, path: str, body_file: str, page_folder: str) -> list[tuple[str, str]]:
        """Where a link may mean, in order: on disk from the file, on the site from its page,
        on disk from the repository's top."""
        if path.startswith("/"):
            parts = path.lstrip("/").split("/", 1)
            if parts[0] in self.languages[1:]:  # /en/exhibits/…: the same entry, in this build's language
                parts = parts[1:]
            return [("site", _normal("/".join(parts)))]
        disk_dir = posixpath.dirname(body_file)
        return [("disk", _normal(posixpath.join(disk_dir, path))),
                ("site", _normal(posixpath.join(page_folder, path))),
                ("disk", _normal(path))]


def _normal(path: str) -> str:
    normal = posixpath.normpath(path) if path else "."
    return "" if normal == "." else normal


def is_photo(path: str) -> bool:
    return path.lower().endswith(PHOTO_SUFFIXES)
