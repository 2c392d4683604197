"""``datapackage.json``: the Frictionless Data Package (v1, ``tabular-data-package``) that
describes each download of one language: its file, format, encoding and Table Schema
(field names, types, titles and descriptions in that language), the licence of the data,
and where the data comes from (``sources``: the hall's site). Photo licences differ photo
by photo, so they are data (the ``photo_licences`` column), not one claim for the package.
"""

from __future__ import annotations

from typing import Any

from ...content.licences import licence_view
from ...content.model import Hall
from ...i18n import HTML_LANG, strings
from ...pages.opendata import DATA_SLUG, TABLES, data_view_columns
from ..seo import Site


def _licence(licence_id: str, language: str) -> dict[str, str]:
    view = licence_view(licence_id, language)
    return {"name": view["id"], "title": view["name"], **({"path": view["url"]} if view["url"] else {})}


def data_package(hall: Hall, language: str, site: Site, counts: dict[str, int]) -> dict[str, Any]:
    """The package description of one language's downloads (files beside it: relative paths)."""
    words = strings("opendata", language, hall.default_language)
    name = site.site_name(language)
    resources = []
    for table in TABLES:
        csv_file, json_file = table.files()
        schema = {"fields": data_view_columns(table, language)}
        common = {"title": words[f"res_{table.name}"], "description": words[f"res_{table.name}_about"],
                  "schema": schema, "count": counts[table.name]}
        resources.append({"name": table.name, "path": csv_file, "profile": "tabular-data-resource",
                          "format": "csv", "mediatype": "text/csv", "encoding": "utf-8-sig",
                          "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"',
                                      "doubleQuote": True, "header": True}, **common})
        resources.append({"name": f"{table.name}-json", "path": json_file, "profile": "tabular-data-resource",
                          "format": "json", "mediatype": "application/json", "encoding": "utf-8", **common})
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": f"hall-open-data-{language.lower()}",
        "title": f"{name} · {words['data_title']}",
        "description": words["data_intro"],
        "language": HTML_LANG.get(language, language),
        "licenses": [_licence(hall.data_licence, language)],
        "sources": [{"title": name, **({"path": site.url(language, "")} if site.root else {})}],
        "resources": resources,
    }
    if site.root:
        package["homepage"] = site.url(language, f"{DATA_SLUG}/")
    return package
