"""A copy of the sample hall whose staff text is hostile: every short bilingual field
(titles, summaries, captions, alt texts, credits, eras, tags, zones, timeline, figures,
home settings, news and its categories) starts with markup a careless paste or a
malicious hand could put there. Built, it must show that text as typed and run none of it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tests.support.sites import copy_sample_hall

#: Angle brackets, both quotes, an entity, a script element and an attribute break-out.
HOSTILE = ('<Ming> the "Old Mosque" it\'s &amp; <b>bold</b> '
           '<script>window.__pwned=1</script>"><img src=x onerror="window.__pwned=1">')

#: What must never appear in a page as markup (it would be live).
LIVE = ("<script>window.__pwned", "<img src=x", "<b>bold</b>", "<Ming>")

YAML_FILES = ("exhibits/zones.yml", "exhibits/tags.yml", "content/timeline.yml", "content/achievements.yml",
              "content/home.yml", "content/news/categories.yml")


def _plant(value: Any) -> Any:
    """Every bilingual mapping's texts (and plain-text credits) start with HOSTILE."""
    if isinstance(value, dict):
        if "zh" in value and all(isinstance(text, str) for text in value.values()):
            return {language: f"{HOSTILE} {text}" for language, text in value.items()}
        return {key: (f"{HOSTILE} {item}" if key == "credit" and isinstance(item, str) else _plant(item))
                for key, item in value.items()}
    if isinstance(value, list):
        return [_plant(item) for item in value]
    return value


def hostile_hall(target: Path) -> Path:
    """A copy of the sample hall in ``target`` with HOSTILE planted in every short text field."""
    project = copy_sample_hall(target)
    files = [project / name for name in YAML_FILES]
    files += sorted((project / "exhibits").glob("*/*/exhibit.yml"))
    files += sorted((project / "content/news").glob("*/news.yml"))
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(_plant(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project
