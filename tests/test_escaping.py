"""Staff text is text (DESIGN.md): a copy of the sample hall whose every short text field starts
with markup (tests/support/hostile.py) is built, and each place that text lands (HTML text,
attributes, <title>, Material's navigation and header, JSON in pages, meta tags, feeds,
the search index) shows it as typed and runs none of it. Every page carries a policy."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment

from hall.mkdocs.escaping import autoescape_for, html_title, own_templates
from hall.outputs.csp import inline_scripts, policy, script_hash, template_scripts, with_policy
from tests.support.hostile import HOSTILE, LIVE, hostile_hall
from tests.support.sites import REPO, run_mkdocs

EXHIBIT = "exhibits/history/ming-mosque/index.html"
ZONE = "exhibits/history/index.html"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = hostile_hall(tmp_path_factory.mktemp("hostile"))
    run_mkdocs(project, "build")
    return project / "site"


class _Elements(HTMLParser):
    """Each element's tag, attributes and text (its descendants' too), as a browser reads them."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self.open: list[dict] = []

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i]["tag"] == tag:
                del self.open[i:]
                break

    def handle_data(self, data):
        for element in self.open:
            element["text"] += data


def elements(path: Path) -> list[dict]:
    parser = _Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.elements


def texts(path: Path, tag: str | None = None, css_class: str | None = None) -> list[str]:
    return [" ".join(e["text"].split()) for e in elements(path)
            if (tag is None or e["tag"] == tag) and (css_class is None or css_class in (e["attrs"].get("class") or "").split())]


def attribute_values(path: Path, name: str) -> list[str]:
    return [e["attrs"][name] for e in elements(path) if e["attrs"].get(name)]


def test_no_planted_markup_is_live_anywhere_in_the_built_site(hostile_site):
    files = [p for p in hostile_site.rglob("*") if p.suffix in (".html", ".xml", ".json") and p.is_file()]
    assert len(files) > 50
    for path in files:
        raw = path.read_text(encoding="utf-8")
        for live in LIVE:
            assert live not in raw, f"{path.relative_to(hostile_site)} holds {live!r} as markup"
    for path in hostile_site.rglob("*.html"):
        for element in elements(path):
            assert element["tag"] not in ("ming", "b") or "bold" not in element["text"], path
            assert "onerror" not in element["attrs"], path
            assert not (element["tag"] == "script" and "__pwned" in element["text"] and "<" in element["text"]), path


def test_titles_show_as_typed_in_the_heading_the_title_the_header_and_the_cards(hostile_site):
    page = hostile_site / EXHIBIT
    assert texts(page, "h1") == [f"{HOSTILE} 古建筑清真寺"]
    assert texts(page, "title")[0].startswith(f"{HOSTILE} 古建筑清真寺 - ")
    assert f"{HOSTILE} 古建筑清真寺" in texts(page, css_class="md-header__topic")[1]
    assert f"{HOSTILE} 古建筑清真寺" in texts(hostile_site / ZONE, css_class="hall-card__title")
    assert f"{HOSTILE} The Historic Mosque" in texts(hostile_site / "en" / ZONE, css_class="hall-card__title")


def test_alt_texts_captions_credits_summary_and_era_keep_their_quotes(hostile_site):
    page = hostile_site / EXHIBIT
    assert any(alt.startswith(HOSTILE + " 占位示意图") for alt in attribute_values(page, "alt"))
    assert texts(page, css_class="hall-figure__caption")[0].startswith(f"{HOSTILE} 清真寺外景")
    assert texts(page, css_class="hall-figure__credit")[0].endswith(f"{HOSTILE} 示意图（占位）")
    assert texts(page, css_class="hall-lead") == [f"{HOSTILE} 古建筑清真寺始建于明洪武六年（1373年），至2021年已有648年历史。"]
    assert f"{HOSTILE} 明洪武六年" in texts(page, css_class="hall-exhibit__meta")[0]
    assert all(tag.startswith(HOSTILE) for tag in texts(page, css_class="hall-tag"))


def test_zone_names_in_materials_navigation_and_tabs_show_as_typed(hostile_site):
    nav = texts(hostile_site / "index.html", css_class="md-nav__link")
    assert f"{HOSTILE} 历史印记" in nav
    assert f"{HOSTILE} Traces of History" in texts(hostile_site / "en/index.html", css_class="md-nav__link")


def test_home_timeline_achievements_and_news_fields_show_as_typed(hostile_site):
    home = hostile_site / "index.html"
    assert texts(home, css_class="hall-hero__subtitle") == [f"{HOSTILE} 中华民族一家亲，同心共筑中国梦"]
    timeline = hostile_site / "timeline/index.html"
    assert all(title.startswith(HOSTILE) for title in texts(timeline, css_class="hall-event__title"))
    assert any(option.startswith(HOSTILE) for option in texts(timeline, css_class="hall-timeline-filter__option"))
    achievements = hostile_site / "achievements/index.html"
    assert all(label.startswith(HOSTILE) for label in texts(achievements, css_class="hall-figure-card__label"))
    assert all(label.startswith(HOSTILE) for label in texts(achievements, css_class="hall-chart__label"))
    news = hostile_site / "news/index.html"
    assert all(title.startswith(HOSTILE) for title in texts(news, css_class="hall-news-card__title"))
    assert all(summary.startswith(HOSTILE) for summary in texts(news, css_class="hall-news-card__summary"))


def test_meta_tags_and_structured_data_carry_the_text_as_typed(hostile_site):
    page = hostile_site / EXHIBIT
    metas = {e["attrs"].get("property") or e["attrs"].get("name"): e["attrs"].get("content")
             for e in elements(page) if e["tag"] == "meta"}
    assert metas["og:title"] == f"{HOSTILE} 古建筑清真寺 | X县民族团结文化展厅"
    assert metas["og:image:alt"].startswith(HOSTILE)
    assert metas["description"].startswith(HOSTILE[:40])
    ld = next(e["text"] for e in elements(page) if e["attrs"].get("type") == "application/ld+json")
    assert "<" not in ld and ">" not in ld and "&" not in ld
    assert json.loads(ld)["name"] == f"{HOSTILE} 古建筑清真寺"


def test_timeline_description_reads_the_text_not_its_entities(hostile_site):
    metas = {e["attrs"].get("name"): e["attrs"].get("content")
             for e in elements(hostile_site / "timeline/index.html") if e["tag"] == "meta"}
    # The timeline says what it holds (tests/test_sharing.py); body text reads as typed there too.
    assert metas["description"].startswith("X县民族团结文化展厅的时间线") and "&lt;" not in metas["description"]


def test_feeds_show_titles_as_text_and_summaries_as_html_that_reads_as_typed(hostile_site):
    rss = ET.parse(hostile_site / "feed.xml").getroot()
    item = rss.find("channel/item")
    assert item.findtext("title").startswith(HOSTILE)
    description = item.findtext("description")
    assert description.startswith("&lt;Ming&gt; the \"Old Mosque\"") and "<" not in description
    atom = ET.parse(hostile_site / "atom.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert atom.find("a:entry/a:summary", ns).text.startswith(HOSTILE)
    assert atom.find("a:entry/a:summary", ns).get("type") == "text"


def test_every_page_and_the_404_page_carry_the_policy_before_any_script(hostile_site):
    pages = list(hostile_site.rglob("*.html"))
    pages = [p for p in pages if "pagefind" not in p.parts]
    assert hostile_site / "404.html" in pages and hostile_site / "en/404.html" in pages
    for path in pages:
        raw = path.read_text(encoding="utf-8")
        meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', raw)
        assert meta, path
        assert meta.start() < raw.find("<script"), path
        directives = meta.group(1)
        assert "default-src 'self'" in directives and "object-src 'none'" in directives
        for script in inline_scripts(raw):
            assert script_hash(script) in directives, (path, script[:60])


def test_only_our_templates_escape_and_a_title_is_escaped_once():
    names = own_templates(REPO / "theme")
    assert {"main.html", "exhibit.html", "partials/hall-card.html", "partials/header.html"} <= names
    escape = autoescape_for(names)
    assert escape("partials/hall-picture.html") and escape("404.html")
    assert not escape("base.html") and not escape("partials/nav-item.html")
    env = Environment(loader=DictLoader({"a.html": "<h1>{{ t }}</h1>", "b.html": "<h1>{{ t }}</h1>"}),
                      autoescape=autoescape_for(frozenset({"a.html"})))
    title = html_title('<Ming> "x"')
    assert env.get_template("a.html").render(t=title) == "<h1>&lt;Ming&gt; &#34;x&#34;</h1>"
    assert env.get_template("b.html").render(t=title) == "<h1>&lt;Ming&gt; &#34;x&#34;</h1>"
    assert env.get_template("a.html").render(t='<Ming> "x"') == "<h1>&lt;Ming&gt; &#34;x&#34;</h1>"


def test_the_policy_allows_a_pages_own_inline_scripts_and_no_data_blocks():
    page = ('<head><meta http-equiv="Content-Security-Policy" content="hall-csp-policy"></head>'
            '<script>a()</script><script type="application/json">{"x":1}</script>'
            '<script src="x.js"></script><script type="module">b()</script>')
    assert inline_scripts(page) == ["a()", "b()"]
    result = with_policy(page)
    assert script_hash("a()") in result and script_hash("b()") in result
    assert script_hash('{"x":1}') not in result
    assert "hall-csp-policy" not in result
    assert "'wasm-unsafe-eval'" in policy() and "'unsafe-inline'" not in policy().split("script-src")[1].split(";")[0]


def test_a_preview_allows_mkdocs_live_reload_script_which_changes_on_every_request():
    page = '<meta http-equiv="Content-Security-Policy" content="hall-csp-policy"><script>a()</script>'
    scripts = with_policy(page, allow_inline=True).split("script-src")[1].split(";")[0]
    assert "'unsafe-inline'" in scripts and "sha256" not in scripts


def test_only_the_inline_scripts_the_templates_write_are_allowed():
    templates = ['<head><script>__md_scope=new URL("{{ config.extra.scope | d(base_url) }}",location),x=1</script>'
                 '{# a comment #}<script>(function(){a()})()</script><script src="/x.js"></script>']
    known = template_scripts(templates)
    page = ('<head><meta http-equiv="Content-Security-Policy" content="hall-csp-policy">'
            '<script>__md_scope=new URL("../..",location),x=1</script><script>(function(){a()})()</script>'
            '<p>staff</p><script>alert(1)</script>'
            '<script>__md_scope=new URL("..",location),x=1;alert(1)</script></head>')
    result = with_policy(page, known=known)
    assert script_hash('__md_scope=new URL("../..",location),x=1') in result
    assert script_hash("(function(){a()})()") in result
    assert script_hash("alert(1)") not in result
    assert script_hash('__md_scope=new URL("..",location),x=1;alert(1)') not in result
