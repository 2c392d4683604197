"""Load and validate the whole hall from its folders, collecting every problem in one pass.

The stages of a load, each a module of its own: the tag labels (``tags``), the zones and
exhibits (``exhibits``), the home page and free pages (``home``), news (``news``), the timeline
(``timeline``), the achievements (``achievements``), the visiting information (``visit``); then the checks that need the whole
hall: references between entries (``references``), tags, body links (``links``), raw HTML
in bodies (``rawhtml``) and unfinished work (``unfinished``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .achievements import load_achievements
from .audio import with_recordings
from .context import ReadContext
from .exhibits import read_zones
from .floorplan import read_floorplan
from .home import read_free_pages, read_home
from .licences import read_licence_defaults
from .links import check_hall_links
from .model import Hall
from .news import load_news
from .problems import ContentErrors, ProblemLog
from .rawhtml import check_raw_html
from .references import check_references
from .tags import check_tags, read_tag_labels
from .timeline import load_timeline
from .tour import read_tour
from .unfinished import check_unfinished
from .visit import read_visit


def load_hall(root: Path, languages: tuple[str, ...] = ("zh", "en"),
              today: dt.date | None = None) -> tuple[Hall, ProblemLog]:
    """Read every zone, exhibit, page and home setting under ``root``; never raises for content.
    ``today`` (default: the real one) decides which dates are in the future."""
    root = Path(root)
    log = ProblemLog(root)
    ctx = ReadContext(root, languages, log)
    tag_labels = read_tag_labels(ctx)  # first: entries may name a tag by its label
    zones = read_zones(ctx)
    zones = with_recordings(log, zones, languages)  # audio.<lang>.mp3 … checked by their headers (audio.py)
    floorplan = read_floorplan(ctx, zones)  # content/floorplan.yml, optional: rooms bound to the zones
    exhibits = {e.id: e for zone in zones for e in zone.exhibits}
    home = read_home(ctx)
    pages = read_free_pages(ctx)
    news_categories, news = load_news(ctx)
    # Entries that exist but did not parse count as existing: their own error is the one to show.
    unread = sorted(log.unparsed_entries)
    timeline = load_timeline(ctx, [*exhibits, *(i for i in unread if "/" in i)],
                             [*(n.id for n in news), *(i for i in unread if "/" not in i)],
                             {z.id: z.title for z in zones})
    achievements = load_achievements(ctx)
    visit = read_visit(ctx)  # content/visit.yml, optional
    photo_licence, data_licence = read_licence_defaults(ctx)  # content/licences.yml, optional
    tour = read_tour(ctx, [z.id for z in zones], exhibits, floorplan)  # content/tour.yml, optional; rooms checked on the plan
    check_references(ctx, exhibits)
    check_tags(ctx, tag_labels)
    hall = Hall(root, languages, tuple(zones), tuple(pages), home, news=news, news_categories=news_categories,
                timeline=timeline, achievements=achievements, tag_labels=tag_labels,
                visit=visit, tour=tour, photo_licence=photo_licence, data_licence=data_licence,
                floorplan=floorplan)
    check_hall_links(hall, log)  # body links to other entries, entries sharing an address
    check_raw_html(hall, log)  # scripts, frames, handlers and javascript: links in bodies (rawhtml.py)
    check_unfinished(ctx, hall, today)  # skeleton text, untranslated Chinese, empty zones, future dates …
    ctx.yaml_cache.save()
    return hall, log


def load_hall_or_raise(root: Path, languages: tuple[str, ...] = ("zh", "en")) -> tuple[Hall, ProblemLog]:
    hall, log = load_hall(root, languages)
    if log.errors:
        raise ContentErrors(log)
    return hall, log
