"""Our style sheets, and our scripts, in a row become one file (hall/mkdocs/assetbundle.py), in the same order."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from hall.mkdocs.assetbundle import SCRIPTS, bundle_assets, bundle_name

LINK = '<link rel="stylesheet" href="{}assets/{}">'


def _site(tmp_path):
    for folder in (tmp_path / "assets", tmp_path / "en/assets"):
        folder.mkdir(parents=True)
        for name, rule in (("hall.css", "a { color: red }"), ("hall-a11y.css", "a { color: blue }"),
                           ("hall-tour.css", ".t { x: 1 }")):
            (folder / name).write_text(rule, encoding="utf-8")
    (tmp_path / "tour/x").mkdir(parents=True)
    head = "\n  ".join(LINK.format("../../", n) for n in ("hall-tour.css", "hall.css", "hall-a11y.css"))
    (tmp_path / "tour/x/index.html").write_text(f"<head>\n  {head}\n</head><body></body>", encoding="utf-8")
    both = "\n".join(LINK.format("", n) for n in ("hall.css", "hall-a11y.css"))
    (tmp_path / "en/index.html").write_text(f"<head>{both}</head><body>{LINK.format('', 'hall-tour.css')}</body>",
                                            encoding="utf-8")
    rooted = both.replace('href="', 'href="/')
    (tmp_path / "404.html").write_text(f"<head>{rooted}</head>", encoding="utf-8")
    return tmp_path


def test_a_run_of_our_style_sheets_becomes_one_file_in_the_same_order(tmp_path):
    site = _site(tmp_path)
    assert bundle_assets(site, keep="404.html") == 2
    page = (site / "tour/x/index.html").read_text(encoding="utf-8")
    name = bundle_name(("hall-tour.css", "hall.css", "hall-a11y.css"))
    assert page == f'<head>\n  <link rel="stylesheet" href="../../assets/{name}">\n</head><body></body>'
    text = (site / "assets" / name).read_text(encoding="utf-8")
    assert text.index(".t { x: 1 }") < text.index("color: red") < text.index("color: blue")  # the cascade is kept


def test_each_language_gets_its_own_bundle_and_a_lone_sheet_is_left_alone(tmp_path):
    site = _site(tmp_path)
    bundle_assets(site, keep="404.html")
    page = (site / "en/index.html").read_text(encoding="utf-8")
    name = bundle_name(("hall.css", "hall-a11y.css"))
    assert re.findall(r'href="([^"]+)"', page) == [f"assets/{name}", "assets/hall-tour.css"]
    assert (site / "en/assets" / name).is_file() and not (site / "assets" / name).exists()


def test_the_404_page_and_missing_files_keep_their_links(tmp_path):
    site = _site(tmp_path)
    before = (site / "404.html").read_text(encoding="utf-8")
    (site / "tour/x/index.html").write_text(LINK.format("../../", "hall.css") + LINK.format("../../", "hall-gone.css"),
                                            encoding="utf-8")
    bundle_assets(site, keep="404.html")
    assert (site / "404.html").read_text(encoding="utf-8") == before
    assert "hall-gone.css" in (site / "tour/x/index.html").read_text(encoding="utf-8")


SCRIPT = '<script src="{}assets/{}"></script>'
#: Two scripts whose texts, joined by a line break alone, would be one call of the other's result.
IIFES = {"hall-one.js": "(function () { globalThis.order = [1]; })()",
         "hall-two.js": "(function () { globalThis.order.push(2); })()\n// no line break at the end"}


def _scripts(tmp_path):
    (tmp_path / "assets").mkdir(parents=True)
    for name, text in IIFES.items():
        (tmp_path / "assets" / name).write_text(text, encoding="utf-8")
    tags = "\n  ".join(SCRIPT.format("../", name) for name in IIFES)
    (tmp_path / "x").mkdir()
    (tmp_path / "x/index.html").write_text(f"<body><p>text</p>\n  {tags}\n  <script>inline()</script></body>",
                                           encoding="utf-8")
    return tmp_path


def test_a_run_of_our_scripts_becomes_one_file_that_runs_them_in_order(tmp_path):
    site = _scripts(tmp_path)
    assert bundle_assets(site) == 1
    name = bundle_name(tuple(IIFES), SCRIPTS)
    assert name.startswith("hall-scripts-") and name.endswith(".js")
    page = (site / "x/index.html").read_text(encoding="utf-8")
    assert page == f'<body><p>text</p>\n  <script src="../assets/{name}"></script>\n  <script>inline()</script></body>'
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to run the bundle (make test installs it)")
    result = subprocess.run([node, "-e", (site / "assets" / name).read_text(encoding="utf-8")
                             + "\n;console.log(JSON.stringify(globalThis.order))"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr  # joined with a line break alone: "... is not a function"
    assert result.stdout.strip() == "[1,2]"


def test_every_page_of_the_sample_hall_names_one_bundle_of_ours_in_its_head_and_one_at_its_end(site):
    for page in (site / "index.html", site / "en/exhibits/history/ming-mosque/index.html", site / "tour/history/index.html"):
        head, body = page.read_text(encoding="utf-8").split("</head>", 1)
        ours = re.findall(r'<link rel="stylesheet" href="[^"]*assets/(hall[\w.-]*\.css)">', head)
        assert len(ours) == 1 and ours[0].startswith("hall-styles-"), (page, ours)
        scripts = re.findall(r'<script src="[^"]*assets/(hall[\w.-]*\.js)"></script>', body.rsplit("bundle.", 1)[1])
        assert len(scripts) == 1 and scripts[0].startswith("hall-scripts-"), (page, scripts)
        assert 'rel="stylesheet"' not in body, page  # a style sheet in the body holds up what follows it
    mosque = site / "en/exhibits/history/ming-mosque/index.html"  # it has a recording: the player's styles
    [bundle] = re.findall(r'<link rel="stylesheet" href="([^"]*hall-styles-[^"]+)">', mosque.read_text(encoding="utf-8"))
    assert "/* hall-audio.css */" in (mosque.parent / bundle).read_text(encoding="utf-8")
