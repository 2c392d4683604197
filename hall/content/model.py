"""The hall's content model: plain dataclasses, no MkDocs, no file access."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, Mapping

from ..dates import DateSpan

Status = Literal["published", "draft"]


@dataclass(frozen=True)
class Localized:
    """A text per language code; the default language is always present."""

    values: Mapping[str, str]
    default: str = "zh"

    def get(self, language: str) -> str:
        return self.values.get(language) or self.values.get(self.default, "")

    def has(self, language: str) -> bool:
        return bool(self.values.get(language))

    def __bool__(self) -> bool:
        return any(self.values.values())


@dataclass(frozen=True)
class Body:
    """A Markdown body in one language, with the file it came from (repo-relative)."""

    text: str
    file: str


@dataclass(frozen=True)
class Photo:
    """A photo referenced by an entry, with the texts every showing of it needs."""

    file: str  # repository-relative path of the source image
    alt: Localized
    caption: Localized | None = None
    credit: Localized | None = None
    focus: tuple[float, float] = (0.5, 0.5)
    download: bool = False


@dataclass(frozen=True)
class Exhibit:
    id: str  # "<zone>/<slug>", the folder path under exhibits/
    zone: str
    folder: str  # repository-relative
    title: Localized
    summary: Localized | None
    bodies: Mapping[str, Body]
    date: DateSpan | None = None
    era: Localized | None = None
    order: int = 1000
    tags: tuple[str, ...] = ()
    status: Status = "published"
    images: tuple[Photo, ...] = ()
    related: tuple[str, ...] = ()
    timeline: bool = False

    @property
    def slug(self) -> str:
        return self.id.split("/", 1)[1]

    @property
    def cover(self) -> Photo | None:
        return self.images[0] if self.images else None


@dataclass(frozen=True)
class Zone:
    id: str
    title: Localized
    intro: Localized | None
    exhibits: tuple[Exhibit, ...] = ()  # in visiting order


@dataclass(frozen=True)
class FreePage:
    """A free page from content/pages/<slug>.<lang>.md."""

    slug: str
    bodies: Mapping[str, Body]
    order: int = 100


@dataclass(frozen=True)
class Home:
    title: Localized
    subtitle: Localized | None = None
    intro: Localized | None = None
    highlights: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hall:
    """Everything a build needs, validated; nothing downstream re-reads files."""

    root: Path
    languages: tuple[str, ...]
    zones: tuple[Zone, ...]
    pages: tuple[FreePage, ...]
    home: Home
    extra_files: Mapping[str, object] = field(default_factory=dict)
    # Activity news (newest first), its categories, the timeline file and the achievements
    # (hall/content/news.py, timeline.py, achievements.py).
    news: tuple[Any, ...] = ()
    news_categories: tuple[Any, ...] = ()
    timeline: Any = None
    achievements: Any = None
    # exhibits/tags.yml: each tag slug's label per language (hall/content/loader.py)
    tag_labels: Mapping[str, Localized] = field(default_factory=dict)

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @property
    def exhibits(self) -> dict[str, Exhibit]:
        return {e.id: e for zone in self.zones for e in zone.exhibits}

    def tag_label(self, slug: str) -> Localized:
        """What visitors read for a tag: its label from tags.yml, else the slug made readable
        (the same text in every language, so it never claims to be an untranslated fallback)."""
        label = self.tag_labels.get(slug)
        if label:
            return label
        readable = slug.replace("-", " ").replace("_", " ")
        return Localized({language: readable for language in self.languages}, self.default_language)

    def for_audience(self, include_drafts: bool) -> "Hall":
        """The hall as published (drafts removed, with links to them) or as previewed."""
        if include_drafts:
            return self
        published = {e.id for z in self.zones for e in z.exhibits if e.status == "published"}
        zones = tuple(
            replace(
                zone,
                exhibits=tuple(
                    replace(e, related=tuple(r for r in e.related if r in published))
                    for e in zone.exhibits
                    if e.id in published
                ),
            )
            for zone in self.zones
        )
        home = replace(self.home, highlights=tuple(h for h in self.home.highlights if h in published))
        news = tuple(
            replace(n, related=tuple(r for r in n.related if r in published))
            for n in self.news if n.status == "published"
        )
        return replace(self, zones=zones, home=home, news=news)
