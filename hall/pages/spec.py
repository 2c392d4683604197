"""What a page is, engine-agnostic: ``PageSpec`` (source path, output path, Markdown,
template, view data), the navigation outline, and the URLs every section shares.

An adapter for any engine turns a ``SitePlan`` into its own pages; nothing here knows MkDocs.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import Any, Mapping

from ..content.model import Body, Hall


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


def news_url(item_id: str) -> str:
    return f"news/{item_id}/"


#: The 720° tour's overview; each scene has a page of its own below it (hall/pages/tour.py).
TOUR_URL = "tour/"


def scene_url(scene_id: str) -> str:
    return f"{TOUR_URL}{scene_id}/"


def tour_rooms(hall: Hall) -> dict[str, str]:
    """Each floor-plan room that has a scene → that scene's page: a room on the plan opens it."""
    if hall.tour is None:
        return {}
    return {scene.room: scene_url(scene.id) for scene in reversed(hall.tour.scenes) if scene.room}


def tour_zones(hall: Hall) -> dict[str, str]:
    """Each zone that has a scene → its first scene's page: the zone page's and the visit list's link."""
    if hall.tour is None:
        return {}
    return {scene.zone: scene_url(scene.id) for scene in reversed(hall.tour.scenes)}


#: The page listing every zone (exhibits/index.html).
ZONES_SRC = "exhibits/index.md"


def markdown_link_text(text: str) -> str:
    """Staff text placed inside a Markdown link's brackets (or any text that must not open one),
    its ``&``, ``<`` and ``>`` as entities: Markdown passes raw HTML through, staff text is text."""
    return markdown_text(text).replace("[", "\\[").replace("]", "\\]")


def markdown_text(text: str) -> str:
    """Staff text placed in generated Markdown, shown as typed: ``<Ming>`` stays, ``<script>`` is text."""
    return html.escape(text, quote=False)


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
