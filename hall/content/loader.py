"""Load and validate the whole hall from its folders, collecting every problem in one pass.

The stages of a load, each a module of its own: the zones and exhibits (``exhibits``), the
tag labels (``tags``), the home page and free pages (``home``), news (``news``), the timeline
(``timeline``), the achievements (``achievements``); then the checks that need the whole
hall: references between entries (``references``), tags, and body links (``links``).
"""

from __future__ import annotations

from pathlib import Path

from .achievements import load_achievements
from .context import ReadContext
from .exhibits import read_zones
from .home import read_free_pages, read_home
from .links import check_hall_links
from .model import Hall
from .news import load_news
from .problems import ContentErrors, ProblemLog
from .references import check_references
from .tags import check_tags, read_tag_labels
from .timeline import load_timeline


def load_hall(root: Path, languages: tuple[str, ...] = ("zh", "en")) -> tuple[Hall, ProblemLog]:
    """Read every zone, exhibit, page and home setting under ``root``; never raises for content."""
    root = Path(root)
    log = ProblemLog(root)
    ctx = ReadContext(root, languages, log)
    zones = read_zones(ctx)
    tag_labels = read_tag_labels(ctx)
    exhibits = {e.id: e for zone in zones for e in zone.exhibits}
    home = read_home(ctx)
    pages = read_free_pages(ctx)
    news_categories, news = load_news(ctx)
    timeline = load_timeline(ctx, exhibits, [n.id for n in news])
    achievements = load_achievements(ctx)
    check_references(ctx, exhibits)
    check_tags(ctx, tag_labels)
    hall = Hall(root, languages, tuple(zones), tuple(pages), home, news=news, news_categories=news_categories,
                timeline=timeline, achievements=achievements, tag_labels=tag_labels)
    check_hall_links(hall, log)  # body links to other entries, entries sharing an address
    ctx.yaml_cache.save()
    return hall, log


def load_hall_or_raise(root: Path, languages: tuple[str, ...] = ("zh", "en")) -> tuple[Hall, ProblemLog]:
    hall, log = load_hall(root, languages)
    if log.errors:
        raise ContentErrors(log)
    return hall, log
