"""Theme files the site never uses stay out of the build (hall/mkdocs/unused.py): Material's
own search and source maps everywhere, the kiosk's script and styles on the public site, while
every asset a page names is still there."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.structure.files import File

from hall.mkdocs.unused import KIOSK_ONLY, has_material_search, unused_theme_file

ASSET_REFERENCE = re.compile(r'(?:src|href)="([^"#?]*assets/[^"#?]+)"')


def _unused(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*")
                  if p.is_file() and ("/lunr/" in str(p) or "/workers/" in str(p) or p.suffix == ".map"))


def _missing_assets(site: Path) -> list[str]:
    """Every assets/ file a page names by src or href, that is not in the site."""
    missing = []
    for page in site.rglob("*.html"):
        base = "/" + str(page.relative_to(site))
        for ref in set(ASSET_REFERENCE.findall(page.read_text(encoding="utf-8"))):
            path = urlsplit(urljoin(base, ref)).path
            if not ref.startswith(("http:", "https:", "//")) and not (site / path.lstrip("/")).is_file():
                missing.append(f"{base}: {ref}")
    return missing


def test_the_public_site_has_no_unused_theme_file_and_every_named_asset(site):
    assert _unused(site) == []
    assert [name for name in KIOSK_ONLY if list(site.rglob(Path(name).stem + "*" + Path(name).suffix))] == []
    assert _missing_assets(site) == []
    assert (site / "assets/javascripts").is_dir() and list((site / "assets/javascripts").glob("bundle.*.min.js"))


def test_the_kiosk_keeps_its_own_files_and_leaves_out_the_rest(kiosk_project):
    site = kiosk_project / "site-kiosk"
    assert _unused(site) == []
    for name in KIOSK_ONLY:
        assert (site / name).is_file(), name
    assert "hall-kiosk" in (site / "index.html").read_text(encoding="utf-8")
    assert _missing_assets(site) == []


def test_material_s_search_stays_when_its_plugin_is_on():
    lunr = File("assets/javascripts/lunr/min/lunr.zh.min.js", "/theme", "/site", False)
    kiosk = File("assets/hall-kiosk.js", "/theme", "/site", False)
    assert not unused_theme_file(lunr, kiosk=False, material_search=True)
    assert unused_theme_file(lunr, kiosk=False, material_search=False)
    assert unused_theme_file(kiosk, kiosk=False, material_search=False)
    assert not unused_theme_file(kiosk, kiosk=True, material_search=False)
    assert has_material_search({"material/search": object()}) and not has_material_search({"hall": object()})
