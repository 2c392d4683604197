"""The keypad page (输入展品编号 / Enter the exhibit number) at ``visit/number/``: a visitor
standing in the hall keys in the guide number printed on a placard and lands on that
exhibit's page, on a phone or on the kiosk (theme/visit-number.html, hall-keypad.js).

The page also lists every number with its exhibit, zone by zone, as plain links: the way
in without JavaScript and for screen readers, and what the keypad's table is made from,
so the two can never disagree.
"""

from __future__ import annotations


from ..content.guide import GUIDE_DIGITS
from ..content.model import Hall
from .context import PageContext
from .route import KEYPAD_URL, guide_strings
from .spec import PageSpec, exhibit_url

KEYPAD_SRC = f"{KEYPAD_URL}index.md"


def plan_keypad(hall: Hall, views: PageContext) -> PageSpec:
    """The keypad page of one language (left out of search: it is a list of other pages)."""
    g = guide_strings(views)
    zones = [
        {"title": views.text(zone.title), "url": f"exhibits/{zone.id}/", "exhibits": [
            {"guide": e.guide, "id": e.id, "url": exhibit_url(e.id), "title": views.text(e.title),
             "title_lang": views.text_lang(e.title)}
            for e in zone.exhibits if e.guide]}
        for zone in hall.zones
    ]
    zones = [zone for zone in zones if zone["exhibits"]]
    title = g("keypad_title")
    return PageSpec(
        src_uri=KEYPAD_SRC,
        dest_uri=f"{KEYPAD_URL}index.html",
        title=title,
        template="visit-number.html",
        hide=("navigation", "toc"),
        searchable=False,
        view={
            "kind": "keypad",
            "title": title,
            "intro": g("keypad_intro"),
            "digits": GUIDE_DIGITS,
            "zones": zones,
            # number → [exhibit id, title]: the keypad's table (JSON in the page, hall-keypad.js)
            "table": {e["guide"]: [e["id"], e["title"]] for zone in zones for e in zone["exhibits"]},
            "strings": {key: g(key) for key in ("keypad_unknown", "keypad_nearest", "keypad_empty", "keypad_opening")},
        },
    )
