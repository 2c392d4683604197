"""Theme files the built site never uses, left out of the build (``on_files``), so that they
are neither published nor copied to a kiosk: Material's own search (lunr and its worker: the
site searches with Pagefind, hall/outputs/search), the source maps of Material's minified
files (only a developer's DevTools asks for them), and, on the public site, the kiosk's own
script and styles (theme/main.html includes them on a kiosk only). On the sample hall's public
build (two languages, each with its copy of the theme): 18.2 MB and 634 files before, 13.6 MB and
544 files after (tests/test_unused_files.py checks that every asset a page names is still there)."""

from __future__ import annotations

from mkdocs.structure.files import File

#: Material's search, when its search plugin is not in mkdocs.yml.
MATERIAL_SEARCH = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
#: theme/main.html and theme/partials/hall-kiosk.html name these on a kiosk only.
KIOSK_ONLY = frozenset({"assets/hall-kiosk.js", "assets/hall-kiosk-tools.js", "assets/hall-kiosk.css"})


def unused_theme_file(file: File, *, kiosk: bool, material_search: bool) -> bool:
    uri = file.src_uri
    if not material_search and uri.startswith(MATERIAL_SEARCH):
        return True
    if uri.startswith("assets/") and uri.endswith(".map"):
        return True
    return not kiosk and uri in KIOSK_ONLY


def has_material_search(plugins) -> bool:
    return any(name in plugins for name in ("search", "material/search"))
