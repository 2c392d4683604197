"""Our own CSS and JS under content-hashed names (hall/mkdocs/fingerprint.py), so servers
may cache them for a year: every page names an existing hashed file whose name matches its
bytes, module imports resolve, and a change renames the file and everything importing it."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from hall.mkdocs.fingerprint import DIGITS, fingerprint_folder, fingerprint_site
from hall.outputs.csp import inline_scripts, script_hash

ATTRIBUTE = re.compile(r"""\b(?:href|src)="([^"]*assets/hall[^"/]*\.(?:css|js))\"""")
HASHED = re.compile(r"^hall[\w-]*\.([0-9a-f]{%d})\.(css|js)$" % DIGITS)
IMPORT = re.compile(r"""from\s*"\./([^"]+)\"""")


def _target(site: Path, page: Path, reference: str) -> Path:
    if reference.startswith("/"):
        return site / reference.lstrip("/")
    return (page.parent / reference).resolve()


def test_every_page_names_our_assets_by_hashed_names_that_exist_and_match_their_bytes(site):
    pages = [page for page in site.rglob("*.html") if page.name != "404.html"]
    checked = set()
    for page in pages:
        for reference in ATTRIBUTE.findall(page.read_text(encoding="utf-8")):
            target = _target(site, page, reference)
            match = HASHED.match(target.name)
            assert match, f"{page.relative_to(site)} names {reference}, not a hashed file"
            assert target.is_file(), f"{page.relative_to(site)}: {reference} does not exist"
            checked.add(target)
    assert len(checked) >= 20  # both languages' CSS and JS
    for target in checked:
        digest = HASHED.match(target.name)[1]
        assert hashlib.sha256(target.read_bytes()).hexdigest()[:DIGITS] == digest, target.name
    for language_root in (site, site / "en"):
        html = (language_root / "index.html").read_text(encoding="utf-8")
        assert re.search(r'rel="modulepreload" href="[^"]*assets/hall-segment\.[0-9a-f]{10}\.js"', html)
        assert re.search(r'<script type="module" src="[^"]*assets/hall-search\.[0-9a-f]{10}\.js"', html)


def test_module_imports_inside_hashed_scripts_resolve_to_hashed_files(site):
    for folder in (site / "assets", site / "en/assets"):
        search = next(folder.glob("hall-search.*.js"))
        imports = IMPORT.findall(search.read_text(encoding="utf-8"))
        assert {re.sub(r"\.[0-9a-f]{10}\.js$", ".js", name) for name in imports} == {"hall-segment.js", "hall-pagefind.js"}
        for name in imports:
            assert HASHED.match(name) and (folder / name).is_file(), name
        pagefind = folder / next(name for name in imports if name.startswith("hall-pagefind."))
        assert all((folder / name).is_file() for name in IMPORT.findall(pagefind.read_text(encoding="utf-8")))


def test_the_originals_stay_for_pages_an_old_cache_still_holds_and_the_404_page(site):
    for page in (site / "404.html", site / "en/404.html"):  # served for any address: plain names
        references = ATTRIBUTE.findall(page.read_text(encoding="utf-8"))
        assert references and all(_target(site, page, ref).is_file() and not HASHED.match(Path(ref).name)
                                  for ref in references)
    assert (site / "assets/hall.css").is_file() and (site / "assets/hall-segment.js").is_file()
    assert (site / "assets/vendor/photoswipe/photoswipe.css").is_file()  # vendored files keep their names


def test_inline_scripts_are_untouched_so_the_pages_policy_still_allows_them(site):
    for page in (site / "index.html", site / "en/exhibits/index.html", site / "404.html"):
        html = page.read_text(encoding="utf-8")
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)[1]
        for script in inline_scripts(html):
            assert script_hash(script) in policy, page


def _folder(tmp_path: Path, segment: str) -> Path:
    folder = tmp_path / segment.replace(" ", "")[:8] / "assets"
    folder.mkdir(parents=True)
    (folder / "hall.css").write_text("body { color: black }", encoding="utf-8")
    (folder / "hall-segment.js").write_text(f"export const x = {segment};", encoding="utf-8")
    (folder / "hall-pagefind.js").write_text('import { x } from "./hall-segment.js";\nexport const y = x;', encoding="utf-8")
    (folder / "hall-search.js").write_text('import { x } from "./hall-segment.js";\nimport { y } from "./hall-pagefind.js";',
                                           encoding="utf-8")
    return folder


def test_a_change_renames_the_file_and_every_module_that_imports_it(tmp_path):
    first = fingerprint_folder(_folder(tmp_path, "1"))
    second = fingerprint_folder(_folder(tmp_path, "2"))
    assert first["hall.css"] == second["hall.css"]  # unchanged: same name, stays cached
    for name in ("hall-segment.js", "hall-pagefind.js", "hall-search.js"):
        assert first[name] != second[name], name


def test_a_changed_css_file_gets_a_new_name_and_the_pages_follow(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "en/assets").mkdir(parents=True)
    names = []
    for colour in ("black", "navy"):  # two builds: each writes its pages afresh
        (site / "index.html").write_text('<link rel="stylesheet" href="assets/hall.css">', encoding="utf-8")
        (site / "en/index.html").write_text('<link rel="stylesheet" href="../en/assets/hall.css">', encoding="utf-8")
        for folder in (site / "assets", site / "en/assets"):
            (folder / "hall.css").write_text(f"body {{ color: {colour} }}", encoding="utf-8")
        names.append(fingerprint_site(site)["hall.css"])
    assert names[0] != names[1]
    assert f'href="../en/assets/{names[1]}"' in (site / "en/index.html").read_text(encoding="utf-8")
