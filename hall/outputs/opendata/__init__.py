"""Open data (issue 22): the collection as CSV, JSON and a Frictionless ``datapackage.json``
per language, written beside that language's data page (``data/``, ``en/data/``) on every
build. Engine-agnostic; the MkDocs plugin calls ``write_open_data`` after the pages are written.

Built from the hall as published whatever the build: ``Hall.for_audience(False)`` drops
drafts and staff notes (a preview's hall holds both; a published one is unchanged by it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from ...content.model import Hall
from ...media import ImageSet
from ...pages.opendata import DATA_SLUG, PACKAGE_FILE, TABLES
from ..seo import Site
from .files import csv_bytes, json_bytes, spreadsheet_cell
from .package import data_package
from .tables import LIST_SEPARATOR, table_rows

__all__ = ["LIST_SEPARATOR", "csv_bytes", "data_package", "json_bytes", "spreadsheet_cell", "table_rows",
           "write_open_data"]


def write_open_data(hall: Hall, language: str, site: Site, images: Mapping[str, ImageSet], site_dir: Path) -> None:
    """Write ``data/*.csv``, ``data/*.json`` and ``data/datapackage.json`` into ``site_dir``
    (this language's root), from the published hall only."""
    published = hall.for_audience(False)
    rows = table_rows(published, language, site, images)
    folder = Path(site_dir) / DATA_SLUG
    folder.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        csv_file, json_file = table.files()
        columns = [column.name for column in table.columns]
        (folder / csv_file).write_bytes(csv_bytes(columns, rows[table.name]))
        (folder / json_file).write_bytes(json_bytes(rows[table.name]))
    counts = {name: len(table) for name, table in rows.items()}
    (folder / PACKAGE_FILE).write_bytes(json_bytes(data_package(published, language, site, counts)))
