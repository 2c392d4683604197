"""schema.org JSON-LD and Dublin Core of one page, from one description (issue 22).

``page_node`` says what a page is, in schema.org terms, from the core's view data;
``dublin_core`` reads the same node, so the <meta name="DC.*"> tags and the JSON-LD can
never disagree. What each page is:

- home: the ``Museum`` (described here once; every other page points at it by ``@id``),
  with the address and booking phone of content/visit.yml, and the ``WebSite``;
- exhibit: a ``CreativeWork`` (what a museum label is: it describes, it is not the object);
- news item: a ``NewsArticle`` (reports of what happened, not announcements of ``Event``s);
- zone, zone list, news lists: ``CollectionPage`` (a zone lists its exhibits as ``hasPart``);
- timeline: a ``CollectionPage`` whose ``mainEntity`` is an ``ItemList`` of its events;
- achievements: a ``Dataset`` with its CSV download; the data page: a ``DataCatalog``.

Opening hours are free text staff write in their own words ("周二至周日 9:00—17:00"), not the
``Mo-Fr 09:00-17:00`` syntax of ``openingHours``: guessing a structure would state hours the
hall never gave, so they are left to the page, not the data. An empty field (a placeholder
dropped from a public build) gives no property at all, never an empty one.
Each page names its other-language versions: the default language's page lists them as
``workTranslation``, a translation names it as ``translationOfWork``.
"""

from __future__ import annotations

from typing import Any, Mapping, Protocol

from ..i18n import HTML_LANG

SCHEMA = "https://schema.org"
DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"
#: schema.org type → DCMI Type vocabulary term for DC.type.
DC_TYPES = {"CreativeWork": "Text", "NewsArticle": "Text", "CollectionPage": "Collection", "WebPage": "Text",
            "Dataset": "Dataset", "DataCatalog": "Collection", "WebSite": "Collection"}
_LIST_KINDS = ("zones", "zone", "news-list", "timeline")


class Addresses(Protocol):
    """What this module needs of hall/outputs/seo.py's ``Site``."""

    root: str
    languages: tuple[str, ...]

    @property
    def default(self) -> str: ...
    def url(self, language: str, path: str) -> str: ...
    def site_name(self, language: str) -> str: ...


def museum_id(site: Addresses) -> str:
    return site.url(site.default, "#museum") or "#museum"


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


def image_object(site: Addresses, language: str, photo: Mapping[str, Any]) -> dict[str, Any] | None:
    """A photo with its credit and licence (Google reads ``license`` and ``acquireLicensePage``;
    a Creative Commons deed is both the licence and where it is granted)."""
    url = site.url(language, photo["src"]) if photo.get("src") else ""
    if not url:
        return None
    licence = photo.get("licence") or {}
    return _drop_empty({
        "@type": "ImageObject", "contentUrl": url, "url": url, "width": photo.get("width"),
        "height": photo.get("height"), "caption": photo.get("caption") or photo.get("alt"),
        "creditText": photo.get("credit"), "copyrightNotice": licence.get("name") if not licence.get("url") else "",
        "license": licence.get("url"), "acquireLicensePage": licence.get("url"),
    })


def museum(site: Addresses, language: str, county: str, view: Mapping[str, Any], description: str = "",
           image: str = "") -> dict[str, Any]:
    """The hall as a ``Museum``: its name, address (visit.yml's, in the county) and phone."""
    facts = {fact.get("id"): fact for fact in ((view.get("visit") or {}).get("facts") or ())}
    street = (facts.get("address") or {}).get("text", "")
    phone = (facts.get("phone") or {}).get("tel") or ""
    address = _drop_empty({"@type": "PostalAddress", "streetAddress": street, "addressLocality": county,
                           "addressCountry": "CN"}) if street or county else None
    return _drop_empty({
        "@type": "Museum", "@id": museum_id(site), "name": site.site_name(language),
        "url": site.url(language, ""), "description": description, "image": image,
        "address": address, "telephone": phone.removeprefix("tel:"),
    })


def _translations(site: Addresses, language: str, path: str) -> dict[str, Any]:
    if not site.url(language, path):
        return {}
    if language == site.default:
        others = [{"@id": site.url(code, path), "inLanguage": HTML_LANG.get(code, code)}
                  for code in site.languages if code != language]
        return {"workTranslation": others} if others else {}
    return {"translationOfWork": {"@id": site.url(site.default, path),
                                  "inLanguage": HTML_LANG.get(site.default, site.default)}}


def _parts(site: Addresses, language: str, view: Mapping[str, Any]) -> dict[str, Any]:
    """What a list page holds: a zone's exhibits, the timeline's events, the data's tables."""
    kind = view.get("kind")
    if kind == "zone":
        return {"hasPart": [_drop_empty({"@type": "CreativeWork", "name": e.get("title"),
                                         "url": site.url(language, e.get("url", ""))}) for e in view.get("exhibits") or ()]}
    if kind == "timeline":
        events = [event for era in view.get("eras") or () for event in era.get("events") or ()]
        return {"mainEntity": {"@type": "ItemList", "numberOfItems": len(events), "itemListElement": [
            _drop_empty({"@type": "ListItem", "position": index, "name": event.get("title"),
                         "url": site.url(language, f"timeline/#{event.get('id')}")})
            for index, event in enumerate(events, 1)]}}
    return {}


def _downloads(site: Addresses, language: str, table: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [_drop_empty({"@type": "DataDownload", "encodingFormat": mime,
                         "contentUrl": site.url(language, f"data/{table[key]}") or f"data/{table[key]}"})
            for key, mime in (("csv", "text/csv"), ("json", "application/json"))]


def page_node(site: Addresses, language: str, path: str, title: str, description: str, image: str,
              view: Mapping[str, Any], county: str = "") -> dict[str, Any]:
    """The schema.org description of one page (home: a ``@graph`` of the Museum and the WebSite)."""
    lang = HTML_LANG.get(language, language)
    url = site.url(language, path)
    kind = view.get("kind", "page")
    hall = {"@type": "Museum", "@id": museum_id(site), "name": site.site_name(language)}
    if kind == "home":
        website = _drop_empty({"@type": "WebSite", "name": site.site_name(language), "inLanguage": lang, "url": url,
                               "publisher": {"@id": museum_id(site)}, **_translations(site, language, path)})
        return {"@context": SCHEMA, "@graph": [museum(site, language, county, view, description, image), website]}
    photos = [node for photo in view.get("photos") or () if (node := image_object(site, language, photo))]
    data: dict[str, Any] = {"@context": SCHEMA, "@type": "WebPage", "name": title, "inLanguage": lang}
    if kind == "exhibit":
        zone = view.get("zone") or {}
        data.update({"@type": "CreativeWork", "provider": hall, "temporalCoverage": view.get("date_iso"),
                     "keywords": ", ".join(tag["label"] for tag in view.get("tags") or ()),
                     "isPartOf": _drop_empty({"@type": "CollectionPage", "name": zone.get("title"),
                                              "url": site.url(language, zone.get("url", ""))}) if zone.get("title") else None})
    elif kind == "news-item":
        data.update({"@type": "NewsArticle", "headline": title, "datePublished": view.get("date_iso"),
                     "publisher": hall})
    elif kind == "achievements":
        data.update({"@type": "Dataset", "creator": hall, "isAccessibleForFree": True,
                     "distribution": _downloads(site, language, {"csv": "achievements.csv", "json": "achievements.json"})})
    elif kind == "data":
        data.update({"@type": "DataCatalog", "publisher": hall, "license": (view.get("licence") or {}).get("url"),
                     "dataset": [_drop_empty({"@type": "Dataset", "name": t.get("title"), "description": t.get("about"),
                                              "distribution": _downloads(site, language, t)}) for t in view.get("tables") or ()]})
    else:
        data["@type"] = "CollectionPage" if kind in _LIST_KINDS else "WebPage"
        data["isPartOf"] = _drop_empty({"@type": "WebSite", "name": site.site_name(language), "url": site.url(language, "")})
        data.update(_parts(site, language, view))
    data.update({"description": description, "url": url, "@id": url})
    data["image"] = photos or image or None
    data.update(_translations(site, language, path))
    return _drop_empty(data)


def main_node(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """The node a page is about: itself, or on the home page the WebSite of its @graph."""
    graph = data.get("@graph")
    return graph[-1] if graph else data


def dublin_core(data: Mapping[str, Any], publisher: str) -> list[tuple[str, str]]:
    """<meta name="DC.*"> pairs read from the page's schema.org node (the same facts, once).
    The creator and publisher is the hall, never a person."""
    node = main_node(data)
    keywords = node.get("keywords") or ""
    pairs = [
        ("DC.title", node.get("name", "")),
        ("DC.creator", publisher),
        ("DC.publisher", publisher),
        ("DC.description", node.get("description", "")),
        ("DC.language", node.get("inLanguage", "")),
        ("DC.identifier", node.get("url", "")),
        ("DC.type", DC_TYPES.get(node.get("@type", ""), "Text")),
        ("DC.format", "text/html"),
        ("DC.date", node.get("datePublished", "")),
        ("DC.coverage", node.get("temporalCoverage", "")),
        *(("DC.subject", word.strip()) for word in keywords.split(",") if word.strip()),
    ]
    return [(name, str(value)) for name, value in pairs if value]
