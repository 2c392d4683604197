"""Open data and citation (issue 22): schema.org JSON-LD and Dublin Core on every kind of page,
photo licences, and the data page's CSV, JSON and Frictionless datapackage.json, read from
the built sample hall as a researcher's program or a teacher's spreadsheet would read them.

JSON-LD is checked two ways: structurally (the @type and properties each page should have)
and by expanding it with pyld against a local schema.org context (a document loader serves
``{"@vocab": "https://schema.org/"}``: no network), so a term that is not valid JSON-LD, or
a type that does not expand to a schema.org IRI, fails.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from hall.content.loader import load_hall
from hall.outputs.opendata import csv_bytes, json_bytes, spreadsheet_cell
from hall.pages.opendata import TABLES
from tests.support.sites import copy_sample_hall, run_mkdocs

ROOT = "https://hall.example.cn/"
SCHEMA = "https://schema.org/"
PAGES = {  # page → the schema.org type of what it is
    "index.html": None,  # a @graph: Museum + WebSite
    "exhibits/history/ming-mosque/index.html": "CreativeWork",
    "news/2021-long-march-visits/index.html": "NewsArticle",
    "exhibits/history/index.html": "CollectionPage",
    "exhibits/index.html": "CollectionPage",
    "timeline/index.html": "CollectionPage",
    "achievements/index.html": "Dataset",
    "data/index.html": "DataCatalog",
}
HEADERS = {table.name: [column.name for column in table.columns] for table in TABLES}


def _json_ld(path: Path) -> dict:
    html = path.read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1, path
    return json.loads(blocks[0])


def _expand(data: dict) -> list:
    from pyld import jsonld

    def loader(url, options=None):
        assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url  # nothing else is fetched
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
                "document": {"@context": {"@vocab": SCHEMA}}}

    return jsonld.expand(data, {"documentLoader": loader})


def _metas(path: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for name, content in re.findall(r'<meta name="(DC\.[a-z]+)" content="([^"]*)">', path.read_text(encoding="utf-8")):
        found.setdefault(name, []).append(content)
    return found


# ------------------------------------------------------------------ JSON-LD and Dublin Core


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_kind_of_page_says_what_it_is_in_json_ld_that_expands(site: Path, language: str):
    root = site if language == "zh" else site / "en"
    for page, kind in PAGES.items():
        data = _json_ld(root / page)
        expanded = _expand(data)
        types = {t for node in expanded for t in node.get("@type", [])}
        if kind is None:
            assert {SCHEMA + "Museum", SCHEMA + "WebSite"} <= types, page
            continue
        assert types == {SCHEMA + kind}, page
        assert data["url"] == ROOT + ("" if language == "zh" else "en/") + page.removesuffix("index.html"), page
        assert data["name"] and data["inLanguage"] == ("zh-CN" if language == "zh" else "en"), page


def test_each_page_type_has_the_properties_that_describe_it(site: Path):
    exhibit = _json_ld(site / "exhibits/history/ming-mosque/index.html")
    assert exhibit["temporalCoverage"] == "1373" and exhibit["provider"]["@id"] == ROOT + "#museum"
    assert exhibit["isPartOf"]["url"] == ROOT + "exhibits/history/"
    photo = exhibit["image"][0]
    assert photo["@type"] == "ImageObject" and photo["contentUrl"].startswith(ROOT + "media/")
    assert photo["creditText"] == "示意图（占位）" and photo["copyrightNotice"] == "版权所有"
    assert "license" not in photo  # all rights reserved: no licence page to point at
    news = _json_ld(site / "news/2021-long-march-visits/index.html")
    assert news["datePublished"] == "2021" and news["headline"] and news["publisher"]["@id"] == ROOT + "#museum"
    zone = _json_ld(site / "exhibits/history/index.html")
    assert ROOT + "exhibits/history/ming-mosque/" in [part["url"] for part in zone["hasPart"]]
    timeline = _json_ld(site / "timeline/index.html")["mainEntity"]
    events = list(csv.DictReader(io.StringIO((site / "data/timeline.csv").read_text("utf-8-sig"), newline="")))
    assert timeline["@type"] == "ItemList" and timeline["numberOfItems"] == len(timeline["itemListElement"]) == len(events) > 1
    assert all(item["url"].startswith(ROOT + "timeline/#") for item in timeline["itemListElement"])
    achievements = _json_ld(site / "en/achievements/index.html")
    assert {d["contentUrl"] for d in achievements["distribution"]} == {
        ROOT + "en/data/achievements.csv", ROOT + "en/data/achievements.json"}
    catalog = _json_ld(site / "data/index.html")
    assert [d["name"] for d in catalog["dataset"]] == ["展品", "新闻动态", "大事记", "成就数据"]


def test_each_page_names_its_other_language_version(site: Path):
    for page in PAGES:
        path = page.removesuffix("index.html")
        zh, en = _json_ld(site / page), _json_ld(site / "en" / page)
        zh_node = zh["@graph"][-1] if "@graph" in zh else zh
        en_node = en["@graph"][-1] if "@graph" in en else en
        assert zh_node["workTranslation"] == [{"@id": ROOT + "en/" + path, "inLanguage": "en"}], page
        assert en_node["translationOfWork"] == {"@id": ROOT + path, "inLanguage": "zh-CN"}, page


def test_the_museum_is_described_once_with_its_address(site: Path):
    for root in (site, site / "en"):
        described = []
        for path in root.rglob("*.html"):
            if path.is_relative_to(site / "en") and root == site:
                continue
            text = path.read_text(encoding="utf-8")
            if '"@type":"Museum","@id"' in text and '"address"' in text:
                described.append(path.relative_to(root).as_posix())
        assert described == ["index.html"]
    museum = _json_ld(site / "index.html")["@graph"][0]
    # visit.yml: "X县站院巷【待补充：门牌号】": the note is dropped, the known part kept
    assert museum["address"] == {"@type": "PostalAddress", "streetAddress": "X县站院巷", "addressLocality": "X县",
                                 "addressCountry": "CN"}
    assert "openingHours" not in museum and "telephone" not in museum  # placeholders only: no empty properties


def test_dublin_core_says_what_the_json_ld_says(site: Path):
    for page in PAGES:
        for root in (site, site / "en"):
            html = (root / page).read_text(encoding="utf-8")
            assert '<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">' in html, page
            data = _json_ld(root / page)
            node = data["@graph"][-1] if "@graph" in data else data
            dc = _metas(root / page)
            assert dc["DC.title"] == [node["name"]] and dc["DC.identifier"] == [node["url"]], page
            assert dc["DC.publisher"] == dc["DC.creator"] and dc["DC.language"] == [node["inLanguage"]], page
    exhibit = _metas(site / "en/exhibits/history/ming-mosque/index.html")
    assert exhibit["DC.coverage"] == ["1373"] and "Architecture" in exhibit["DC.subject"]
    assert exhibit["DC.creator"] == ["X County Ethnic Unity Cultural Exhibition Hall"]


# ------------------------------------------------------------------ licences


def test_a_photo_shows_its_licence_beside_its_credit(site: Path):
    html = (site / "en/exhibits/history/ming-mosque/index.html").read_text(encoding="utf-8")
    assert ('<span class="hall-figure__credit">Photo: Illustration (placeholder)</span> '
            '<span class="hall-figure__credit hall-figure__licence">Licence: All rights reserved</span>') in html


def test_licences_are_read_checked_and_defaulted(tmp_path: Path):
    project = copy_sample_hall(tmp_path / "hall")
    path = project / "exhibits/history/ming-mosque/exhibit.yml"
    text = path.read_text(encoding="utf-8")
    first = text.index("    credit:")
    text = text[:first] + "    licence: cc-by-4.0\n" + text[first:]  # case does not matter
    second = text.index("    credit:", text.index("mosque-detail.jpg"))
    text = text[:second] + "    license: CC-BY-4.0\n" + text[second:]  # the American spelling: a hint
    path.write_text(text, encoding="utf-8")
    (project / "content/licences.yml").write_text("photos: CC-BY-SA-4.0\ndata: CC-BY-4\n", encoding="utf-8")
    hall, problems = load_hall(project, ("zh", "en"))
    photos = hall.exhibits["history/ming-mosque"].images
    assert photos[0].licence == "CC-BY-4.0" and photos[2].licence is None
    assert hall.photo_licence == "CC-BY-SA-4.0" and hall.data_licence == "all-rights-reserved"
    messages = {(p.code, p.line): p.format() for p in problems.errors}
    spelling = next(text for (code, _), text in messages.items() if code == "field.unknown")
    assert "licence" in spelling and "exhibit.yml" in spelling
    unknown = messages[("licence.unknown", 2)]
    assert "licences.yml" in unknown and "未知的许可" in unknown and "Unknown licence" in unknown and "CC-BY-4.0" in unknown


# ------------------------------------------------------------------ the data page and its files


def test_the_data_page_links_every_download_in_both_languages(site: Path):
    for root in (site, site / "en"):
        html = (root / "data/index.html").read_text(encoding="utf-8")
        links = set(re.findall(r'href="([a-z]+\.(?:csv|json))"', html))
        assert links == {f"{t.name}.{ext}" for t in TABLES for ext in ("csv", "json")} | {"datapackage.json"}
        assert all((root / "data" / link).is_file() for link in links)
        assert '<code>photo_licences</code>' in html
        home = (root / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<p class="hall-footer-links">.*href="[./]*data/"', home, re.S)  # linked from the footer


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_data_package_validates_with_frictionless(site: Path, language: str):
    import frictionless

    folder = (site if language == "zh" else site / "en") / "data"
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]][:2] == ["exhibits", "exhibits-json"]
    assert package["licenses"][0]["name"] == "all-rights-reserved"
    assert package["sources"][0]["path"] == ROOT + ("en/" if language == "en" else "")
    title = {f["name"]: f["description"] for f in package["resources"][0]["schema"]["fields"]}["guide"]
    assert title == ("导览编号" if language == "zh" else "Guide number")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_csv_opens_in_a_spreadsheet_with_the_expected_columns(site: Path, language: str):
    folder = (site if language == "zh" else site / "en") / "data"
    for table in TABLES:
        raw = (folder / f"{table.name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and raw.endswith(b"\r\n") and raw.count(b"\n") == raw.count(b"\r\n")
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        assert list(rows[0].keys()) == HEADERS[table.name]
        records = json.loads((folder / f"{table.name}.json").read_text(encoding="utf-8"))
        assert len(records) == len(rows) > 0 and [r["id"] for r in records] == [r["id"] for r in rows]
    exhibits = {r["id"]: r for r in csv.DictReader(io.StringIO((folder / "exhibits.csv").read_text("utf-8-sig"), newline=""))}
    mosque = exhibits["history/ming-mosque"]
    assert mosque["date"] == "1373" and mosque["date_precision"] == "year"  # never a 1 January
    assert mosque["title"] == ("古建筑清真寺" if language == "zh" else "The Historic Mosque")
    assert mosque["photo_licences"] == "; ".join(["all-rights-reserved"] * 3)
    assert mosque["url"] == ROOT + ("en/" if language == "en" else "") + "exhibits/history/ming-mosque/"
    assert mosque["guide"] and all(url.startswith(ROOT + "media/") for url in mosque["photo_urls"].split("; "))
    figures = list(csv.DictReader(io.StringIO((folder / "achievements.csv").read_text("utf-8-sig"), newline="")))
    assert {f["qualifier"] for f in figures} <= {"exact", "about", "more_than"} and "more_than" in {f["qualifier"] for f in figures}


def test_spreadsheet_cells_never_run_staff_text_as_a_formula():
    assert spreadsheet_cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert [spreadsheet_cell(v) for v in ("+1", "-1", "@SUM(A1)", "\tx", "展厅", 12, -3.5)] == [
        "'+1", "'-1", "'@SUM(A1)", "'\tx", "展厅", 12, -3.5]
    data = csv_bytes(["a", "b"], [{"a": 'say "hi", then', "b": "line\nbreak"}])
    assert data == '\ufeffa,b\r\n"say ""hi"", then","line\nbreak"\r\n'.encode("utf-8")
    raw = json_bytes([{"title": "<script>&古建筑"}])
    assert b"<" not in raw and b"&" not in raw and "古建筑".encode() in raw  # readable, never markup
    assert json.loads(raw) == [{"title": "<script>&古建筑"}]


# ------------------------------------------------------------------ drafts and staff notes


NOTE_ZH, NOTE_EN = "【待核实：核对捐赠人姓名】", "[[To verify: check the donor before publishing]]"
DRAFT_TITLE = "尚未发布的草稿展品"


@pytest.fixture(scope="module")
def noted_site(tmp_path_factory) -> Path:
    """The sample hall with staff notes in a title, a summary and a caption, and a draft exhibit."""
    project = copy_sample_hall(tmp_path_factory.mktemp("noted"))
    path = project / "exhibits/history/ming-mosque/exhibit.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: {zh: 古建筑清真寺, en: The Historic Mosque}",
                        f'title: {{zh: "古建筑清真寺{NOTE_ZH}", en: "The Historic Mosque {NOTE_EN}"}}')
    text = text.replace('  zh: "古建筑清真寺始建于', f'  zh: "{NOTE_ZH}古建筑清真寺始建于')
    text = text.replace("    credit: {zh: 示意图（占位）, en: Illustration (placeholder)}",
                        f'    credit: {{zh: "示意图（占位）{NOTE_ZH}", en: "Illustration {NOTE_EN}"}}', 1)
    path.write_text(text, encoding="utf-8")
    draft = project / "exhibits/history/draft-exhibit"
    shutil.copytree(project / "exhibits/history/ming-mosque", draft)
    meta = (draft / "exhibit.yml").read_text(encoding="utf-8")
    meta = re.sub(r"^title: .*$", f"title: {{zh: {DRAFT_TITLE}, en: An unpublished draft}}", meta, flags=re.M)
    meta = meta.replace("status: published", "status: draft").replace("order: 10", "order: 90")
    (draft / "exhibit.yml").write_text(meta, encoding="utf-8")
    run_mkdocs(project, "build")
    return project / "site"


def test_no_draft_or_staff_note_reaches_a_download_or_the_page_metadata(noted_site: Path):
    forbidden = (NOTE_ZH, NOTE_EN, "核对捐赠人", "check the donor", DRAFT_TITLE, "An unpublished draft", "draft-exhibit")
    downloads = [*noted_site.glob("data/*"), *noted_site.glob("en/data/*")]
    assert len(downloads) == 2 * (2 * len(TABLES) + 2)
    for path in downloads:
        text = path.read_text(encoding="utf-8-sig")
        assert not [word for word in forbidden if word in text], path
    for page in ("exhibits/history/ming-mosque/index.html", "en/exhibits/history/ming-mosque/index.html",
                 "exhibits/history/index.html", "data/index.html", "timeline/index.html"):
        html = (noted_site / page).read_text(encoding="utf-8")
        head = html.split("</head>")[0]
        ld = json.dumps(_json_ld(noted_site / page), ensure_ascii=False)
        assert not [w for w in forbidden if w in head or w in ld], page
    rows = list(csv.DictReader(io.StringIO((noted_site / "data/exhibits.csv").read_text("utf-8-sig"), newline="")))
    mosque = next(r for r in rows if r["id"] == "history/ming-mosque")
    assert mosque["title"] == "古建筑清真寺" and mosque["summary"].startswith("古建筑清真寺始建于")
    assert mosque["photo_credits"].startswith("示意图（占位）; ")


# ------------------------------------------------------------------ W3C validity of the new markup


def test_data_page_and_cited_exhibit_are_valid_html(site: Path):
    """The Nu HTML checker (tests/test_html_valid.py's) on the data page and an exhibit with
    its cite box, DC meta and licences, in both languages."""
    import shutil as sh
    import subprocess

    from tests.test_html_valid import VNU

    java = sh.which("java")
    assert java and VNU.exists(), "Java and tools/node_modules/vnu-jar are needed (make test installs them)"
    files = [root / page for root in (site, site / "en") for page in ("data/index.html", "exhibits/history/ming-mosque/index.html")]
    result = subprocess.run([java, "-Xss8m", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').split('/site/')[-1]}:{m.get('lastLine')}: {m.get('message')}" for m in messages
              if m.get("type") == "error" or m.get("subType") == "fatal"]
    assert errors == []
