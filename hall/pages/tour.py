"""The 720° tour's pages: ``tour/`` (every scene, with its preview) and one page per scene,
``tour/<scene>/``, so that a scene can be shared, is a step in the browser's history and
works without JavaScript or WebGL: the preview photo and an ordinary list of links (doorways
to the other scenes' pages, exhibits with their guide numbers, notes) are always in the page;
theme/assets/hall-tour.js turns the preview into Pannellum's viewer from the JSON the page
carries (``config``), with every URL already relative to the page.
"""

from __future__ import annotations

from typing import Any

from ..content.model import Hall
from ..content.tour import Scene
from ..i18n import strings
from ..media.panoramas import panorama_key, panorama_view
from .context import PageContext
from .floorplan import floorplan_view
from .spec import TOUR_URL, NavItem, PageSpec, exhibit_url, scene_url, zone_url

#: Pannellum's own strings (its ``strings`` option), from the locale section ``tour``.
PANNELLUM_STRINGS = ("loadButtonLabel", "loadingLabel", "bylineLabel", "noPanoramaError", "fileAccessError",
                     "malformedURLError", "iOS8WebGLError", "genericWebGLError", "textureSizeError", "unknownError")


def plan_tour(hall: Hall, views: PageContext) -> tuple[list[PageSpec], tuple[NavItem, ...]]:
    """The tour's overview and one page per scene; no pages without content/tour.yml."""
    if hall.tour is None or not hall.tour.scenes:
        return [], ()
    s = strings("tour", views.language, hall.default_language)
    scenes = hall.tour.scenes
    index = PageSpec(
        src_uri=f"{TOUR_URL}index.md", dest_uri=f"{TOUR_URL}index.html", title=s["title"], template="tour.html",
        hide=("navigation", "toc"),
        view={"kind": "tour_index", "title": s["title"], "s": s, "intro": s["intro"],
              "scenes": [_scene_card(views, scene) for scene in scenes]},
    )
    pages = [index] + [_scene_page(hall, views, s, scene) for scene in scenes]
    return pages, (NavItem(s["title"], index.src_uri),)


def _scene_card(views: PageContext, scene: Scene) -> dict[str, Any]:
    zone = next((z for z in views.hall.zones if z.id == scene.zone), None)
    return {
        "id": scene.id, "url": scene_url(scene.id), "title": views.text(scene.title),
        "title_lang": views.text_lang(scene.title), "description": views.text(scene.description),
        "description_lang": views.text_lang(scene.description),
        "zone": {"title": views.text(zone.title), "url": zone_url(zone.id)} if zone else None,
        "panorama": panorama_view(views.images.get(panorama_key(scene.file)), views.media_prefix),
    }


def _scene_page(hall: Hall, views: PageContext, s: dict[str, str], scene: Scene) -> PageSpec:
    url = scene_url(scene.id)
    up = "../" * url.count("/")  # from this page back to the language's root
    titles = {other.id: views.text(other.title) for other in hall.tour.scenes}
    doorways = [{"url": scene_url(d.to), "title": titles[d.to], "label": s["doorway"].format(scene=titles[d.to]),
                 "yaw": d.yaw, "pitch": d.pitch} for d in scene.doorways if d.to in titles]
    exhibits = []
    for spot in scene.hotspots:
        exhibit = views.exhibits.get(spot.exhibit) if spot.exhibit else None
        if exhibit is None:
            continue
        title = views.text(exhibit.title)
        exhibits.append({"url": exhibit_url(exhibit.id), "title": title, "title_lang": views.text_lang(exhibit.title),
                         "guide": exhibit.guide, "label": f"{exhibit.guide} {title}" if exhibit.guide else title,
                         "yaw": spot.yaw, "pitch": spot.pitch})
    notes = [{"text": views.text(spot.note), "lang": views.text_lang(spot.note), "yaw": spot.yaw, "pitch": spot.pitch}
             for spot in scene.hotspots if spot.note and views.text(spot.note)]
    card = _scene_card(views, scene)
    panorama = card["panorama"]
    config = {
        "scene": scene.id,
        "title": card["title"],
        "yaw": scene.yaw, "pitch": scene.pitch, "hfov": scene.hfov,
        "widths": [{"src": up + item["src"], "width": item["width"]} for item in panorama["widths"]] if panorama else [],
        "preview": up + panorama["preview"]["src"] if panorama else "",
        "hotspots": [
            *({"kind": "door", "url": up + d["url"], "label": d["label"], "yaw": d["yaw"], "pitch": d["pitch"]} for d in doorways),
            *({"kind": "exhibit", "url": up + e["url"], "label": e["label"], "yaw": e["yaw"], "pitch": e["pitch"]} for e in exhibits),
            *({"kind": "note", "label": n["text"], "yaw": n["yaw"], "pitch": n["pitch"]} for n in notes),
        ],
        "strings": {key: s[f"pannellum_{key}"] for key in PANNELLUM_STRINGS},
        "messages": {key: s[key] for key in ("yaw_status", "no_webgl", "gyro_denied")},
    }
    position = [scene_url(other.id) for other in hall.tour.scenes].index(url)
    view = {
        "kind": "tour_scene",
        "s": s,
        **card,
        "heading": s["scene_title"].format(scene=card["title"]),
        "doorways": doorways,
        "exhibits": exhibits,
        "notes": notes,
        "scenes": [{"url": scene_url(o.id), "title": titles[o.id], "current": o.id == scene.id} for o in hall.tour.scenes],
        "index_url": TOUR_URL,
        "position": s["position"].format(number=position + 1, count=len(hall.tour.scenes)),
        "room": scene.room,
        "floorplan": floorplan_view(hall, views, scene.zone, room=scene.room),  # where this scene is in the hall
        "config": config,
    }
    return PageSpec(src_uri=f"{url}index.md", dest_uri=f"{url}index.html", title=view["heading"],
                    template="tour.html", hide=("navigation", "toc"), view=view)

