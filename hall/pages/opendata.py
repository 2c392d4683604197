"""The open data page of one language (``data/``) and the tables it offers (engine-agnostic).

The tables' columns are defined once here: the page lists them, and hall/outputs/opendata/
writes the CSV, JSON and Frictionless ``datapackage.json`` from the same definitions, so
the page, the files and their description cannot disagree. Column names are the same
stable ASCII names in every language (a researcher joins the Chinese and English files on
them; a program reads them without knowing Chinese); what a column means is said in each
language by its ``title`` and ``description`` (datapackage.json and the page).
The page is linked from the footer, beside "about this site", as notices about a site are
on public-sector sites: it serves researchers and other sites, not visitors touring the hall.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..content.guide import visiting_route
from ..content.licences import licence_view
from ..content.model import Hall
from ..content.timeline import timeline_events
from ..i18n import HTML_LANG, strings
from .spec import PageSpec

DATA_SLUG = "data"
DATA_SRC = f"{DATA_SLUG}/index.md"
PACKAGE_FILE = "datapackage.json"


@dataclass(frozen=True)
class Column:
    name: str  # the CSV header and the JSON key, the same in every language
    type: str  # a Frictionless Table Schema type: string, integer, number
    key: str  # its title and description in hall/locales (section opendata)


@dataclass(frozen=True)
class Table:
    name: str  # the file stem: exhibits → exhibits.csv, exhibits.json
    columns: tuple[Column, ...]

    def files(self) -> tuple[str, str]:
        return f"{self.name}.csv", f"{self.name}.json"


_PHOTOS = (Column("photo_urls", "string", "photo_urls"), Column("photo_credits", "string", "photo_credits"),
           Column("photo_licences", "string", "photo_licences"))
_DATE = (Column("date", "string", "date"), Column("date_precision", "string", "date_precision"))

TABLES: tuple[Table, ...] = (
    Table("exhibits", (
        Column("id", "string", "id"), Column("guide", "string", "guide"), Column("title", "string", "title"),
        Column("summary", "string", "summary"), Column("zone", "string", "zone"),
        Column("zone_title", "string", "zone_title"), *_DATE, Column("era", "string", "era"),
        Column("tags", "string", "tags"), Column("url", "string", "url"), *_PHOTOS)),
    Table("news", (
        Column("id", "string", "id"), *_DATE, Column("category", "string", "category"),
        Column("title", "string", "title"), Column("summary", "string", "summary"),
        Column("tags", "string", "tags"), Column("url", "string", "url"), *_PHOTOS)),
    Table("timeline", (
        Column("id", "string", "id"), *_DATE, Column("title", "string", "title"), Column("text", "string", "text"),
        Column("group", "string", "group"), Column("period", "string", "period"), Column("link", "string", "link"))),
    Table("achievements", (
        Column("id", "string", "id"), Column("group", "string", "group"), Column("label", "string", "label"),
        Column("value", "number", "value"), Column("qualifier", "string", "qualifier"),
        Column("unit", "string", "unit"), Column("currency", "string", "currency"),
        Column("period", "string", "period"), Column("source", "string", "source"))),
)


def column_title(column: Column, language: str) -> str:
    return strings("opendata", language)[f"col_{column.key}"]


def table_counts(hall: Hall) -> dict[str, int]:
    """Rows per table of the published hall (``hall`` as published: no drafts)."""
    figures = sum(len(g.figures) for g in hall.achievements.groups) if hall.achievements else 0
    events = len(timeline_events(hall.timeline, visiting_route(hall), hall.news)) if hall.timeline else 0
    return {"exhibits": len(visiting_route(hall)), "news": len(hall.news), "timeline": events, "achievements": figures}


def plan_data_page(hall: Hall, language: str) -> PageSpec:
    """The "open data" page: each table with its downloads and its columns, and the licence.
    Drafts are never counted (the files never hold them: hall/outputs/opendata/)."""
    words = strings("opendata", language, hall.default_language)
    counts = table_counts(hall.published())
    tables = [{
        "name": table.name,
        "title": words[f"res_{table.name}"],
        "about": words[f"res_{table.name}_about"],
        "rows": counts[table.name],
        "csv": table.files()[0],
        "json": table.files()[1],
        "columns": [{"name": c.name, "type": c.type, "description": column_title(c, language)} for c in table.columns],
    } for table in TABLES]
    licence = licence_view(hall.data_licence, language)
    return PageSpec(
        src_uri=DATA_SRC,
        dest_uri=f"{DATA_SLUG}/index.html",
        title=words["data_title"],
        template="data.html",
        body=f"# {words['data_title']}\n\n{words['data_intro']}\n",
        view={"kind": "data", "title": words["data_title"], "words": words, "tables": tables,
              "package": PACKAGE_FILE, "licence": licence, "lang": HTML_LANG.get(language, language),
              "licence_text": words["data_licence_text"].format(licence=licence["name"])},
    )


def data_view_columns(table: Table, language: str) -> list[dict[str, Any]]:
    """A table's columns for datapackage.json: name, type, title and description in ``language``."""
    return [{"name": c.name, "type": c.type, "title": c.name, "description": column_title(c, language)}
            for c in table.columns]
