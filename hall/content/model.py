"""The hall's content model: plain dataclasses, no MkDocs, no file access."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Literal, Mapping

from ..dates import DateSpan
from .audio import AudioFile
from .notes import mark_body, strip_body, strip_field
from .rules import Status

if TYPE_CHECKING:
    from .planmodel import FloorPlan


LinkKind = Literal["exhibit", "news"]
Qualifier = Literal["exact", "more_than", "about"]


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
    licence: str | None = None  # an id of hall/content/licences.py; None: the hall's default


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
    guide: str = ""  # the guide number (导览编号) visitors key in: hall/content/guide.py
    guide_pinned: bool = False  # ``guide:`` in exhibit.yml: the number cannot move (placards)
    audio: tuple[AudioFile, ...] = ()  # recordings of the audio guide, per language: hall/content/audio.py

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


# -- activity news (content/news/) --------------------------------------------------------


@dataclass(frozen=True)
class NewsCategory:
    id: str
    title: Localized


@dataclass(frozen=True)
class NewsItem:
    """One activity report: its folder name is its identifier and its URL."""

    id: str  # the folder name, e.g. "2021-party-history-lectures"
    folder: str  # repository-relative
    date: DateSpan
    title: Localized
    summary: Localized | None
    bodies: Mapping[str, Body]
    category: str
    images: tuple[Photo, ...] = ()
    cover_file: str | None = None  # repository-relative path of the cover photo
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    status: Status = "published"
    timeline: bool = False

    @property
    def cover(self) -> Photo | None:
        if self.cover_file:
            return next((p for p in self.images if p.file == self.cover_file), None)
        return self.images[0] if self.images else None

    @property
    def sort_key(self) -> tuple[tuple[int, int, int], str]:
        return (self.date.sort_key, self.id)


# -- the timeline (content/timeline.yml and entries with timeline: true) ------------------


@dataclass(frozen=True)
class TimelineGroup:
    id: str
    title: Localized


@dataclass(frozen=True)
class Era:
    """A band of the timeline, from one year to another (either end open)."""

    id: str
    title: Localized
    start: int | None = None
    end: int | None = None

    def contains(self, year: int) -> bool:
        return (self.start is None or year >= self.start) and (self.end is None or year <= self.end)


@dataclass(frozen=True)
class TimelineEvent:
    id: str  # the anchor on the timeline page
    date: DateSpan
    title: Localized
    group: str
    text: Localized | None = None
    period: Localized | None = None
    photo: Photo | None = None
    link_kind: LinkKind | None = None
    link: str | None = None
    source: Literal["timeline", "exhibit", "news"] = "timeline"


@dataclass(frozen=True)
class Timeline:
    """What timeline.yml says; joined entries are added by ``timeline_events``."""

    groups: tuple[TimelineGroup, ...] = ()
    eras: tuple[Era, ...] = ()
    events: tuple[TimelineEvent, ...] = ()
    zone_groups: Mapping[str, str] = field(default_factory=dict)
    news_group: str | None = None

    def era_of(self, event: TimelineEvent) -> Era | None:
        return next((era for era in self.eras if era.contains(event.date.start.year)), None)


# -- the community's achievements (content/achievements.yml) -----------------------------


@dataclass(frozen=True)
class Figure:
    id: str
    label: Localized
    value: int | float
    qualifier: Qualifier = "exact"
    unit: Localized | None = None  # a counting word ({zh: 次, en: sessions}); None with currency
    currency: str | None = None  # "CNY" when the figure is money
    period: DateSpan | None = None
    source: Localized | None = None


@dataclass(frozen=True)
class AchievementGroup:
    id: str
    title: Localized
    figures: tuple[Figure, ...]
    chart: bool = True


@dataclass(frozen=True)
class Achievements:
    groups: tuple[AchievementGroup, ...]
    source: Localized | None = None  # the default source of every figure


# -- visiting information (content/visit.yml) ---------------------------------------------


@dataclass(frozen=True)
class OpeningHours:
    """One row of the opening hours: which days, and the time on those days."""

    days: Localized
    time: Localized | None = None


@dataclass(frozen=True)
class Visit:
    """Where the hall is, when it opens and how to book: read by hall/content/visit.py."""

    file: str  # repository-relative, e.g. "content/visit.yml"
    address: Localized | None = None
    hours: tuple[OpeningHours, ...] = ()
    closed: Localized | None = None
    phone: Localized | None = None  # one number for every language (Localized: notes in it are dropped)
    phone_line: int | None = None  # the one line whose number the privacy check accepts
    booking: Localized | None = None
    directions: Localized | None = None
    accessibility: Localized | None = None


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
    # (read by hall/content/news.py, timeline.py, achievements.py).
    news: tuple[NewsItem, ...] = ()
    news_categories: tuple[NewsCategory, ...] = ()
    timeline: Timeline | None = None
    achievements: Achievements | None = None
    # exhibits/tags.yml: each tag slug's label per language (hall/content/tags.py)
    tag_labels: Mapping[str, Localized] = field(default_factory=dict)
    # content/visit.yml: address, opening hours, booking phone … (hall/content/visit.py); optional
    visit: Visit | None = None
    # content/tour.yml: the 720° tour's scenes, doorways and hotspots (hall/content/tour.py); optional
    tour: Any = None  # a Tour or None: its dataclasses live beside their reader (an import here would be a cycle)
    # content/licences.yml: the photos' default licence and the data's (hall/content/licences.py)
    photo_licence: str = "all-rights-reserved"
    data_licence: str = "all-rights-reserved"
    # content/floorplan.yml: rooms, stations, doors, entrance, kiosks (hall/content/floorplan.py); optional
    floorplan: "FloorPlan | None" = None

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @property
    def exhibits(self) -> dict[str, Exhibit]:
        return {e.id: e for zone in self.zones for e in zone.exhibits}

    def entry_photos(self) -> list[Photo]:
        """The photos of every exhibit, then of every news item, in order: the one walk over
        the hall's photos that the media stage, downloads and the privacy check share."""
        return [photo for zone in self.zones for e in zone.exhibits for photo in e.images] + [
            photo for item in self.news for photo in item.images]

    def tag_label(self, slug: str) -> Localized:
        """What visitors read for a tag: its label from tags.yml, else the slug made readable
        (the same text in every language, so it never claims to be an untranslated fallback)."""
        label = self.tag_labels.get(slug)
        if label:
            return label
        readable = slug.replace("-", " ").replace("_", " ")
        return Localized({language: readable for language in self.languages}, self.default_language)

    def for_audience(self, include_drafts: bool) -> "Hall":
        """The hall as published (drafts and staff notes removed, links to drafts too), or as
        previewed (drafts kept, notes in bodies marked as notes): hall/content/notes.py. Every
        page, card, feed, index and sharing text is made from this, so none can show a note."""
        if include_drafts:
            return map_texts(self, lambda text: text, mark_body)
        return map_texts(self.published(), strip_field, strip_body)

    def published(self) -> "Hall":
        """Drafts removed, with links to them; staff notes still in (``hall check --strict``
        lists them: hall/content/notecheck.py)."""
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
        tour = self.tour.without_exhibits(published) if self.tour else None  # no hotspot to a draft
        floorplan = self.floorplan.keeping(published) if self.floorplan else None  # no draft's station
        return replace(self, zones=zones, home=home, news=news, tour=tour, floorplan=floorplan)


#: Dataclasses of the content package are the model (a section may keep its own in its
#: module, e.g. the floor plan's): map_texts walks them all, other dataclasses not.
_MODEL_PACKAGE = __name__.rsplit(".", 1)[0] + "."


def map_texts(value: Any, on_text: Callable[[str], str], on_body: Callable[[str, str], str],
              language: str = "") -> Any:
    """``value`` with every text of a ``Localized`` through ``on_text`` (a text left empty is
    dropped; an optional field left empty becomes None) and every body through ``on_body``
    (with its language). Walks this module's dataclasses, tuples and mappings, so a field added
    to the model is covered without a word here; what does not change is not copied."""
    if isinstance(value, Localized):
        texts = {code: new for code, text in value.values.items() if (new := on_text(text))}
        return value if texts == value.values else replace(value, values=texts)
    if isinstance(value, Body):
        text = on_body(value.text, language)
        return value if text == value.text else replace(value, text=text)
    if isinstance(value, tuple):
        items = tuple(map_texts(item, on_text, on_body) for item in value)
        return value if all(a is b for a, b in zip(items, value)) else items
    if isinstance(value, Mapping):
        entries = {key: map_texts(item, on_text, on_body, str(key)) for key, item in value.items()}
        return value if all(entries[key] is item for key, item in value.items()) else entries
    if not is_dataclass(value) or not type(value).__module__.startswith(_MODEL_PACKAGE):
        return value
    changed = {}
    for spec in fields(value):
        old = getattr(value, spec.name)
        new = map_texts(old, on_text, on_body)
        if new is not old:
            optional = "None" in str(spec.type)
            changed[spec.name] = None if optional and isinstance(new, Localized) and not new else new
    return replace(value, **changed) if changed else value
