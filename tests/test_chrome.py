"""No documentation chrome where a visitor does not need it (issue 19): no one-link sidebars,
no table of contents on short pages, a 404 page per language with the hall's links and search,
the hall's name whole in the header, no empty news categories. Rules in hall/pages/chrome.py."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from hall.pages.chrome import TOC_MIN_LENGTH, section_headings, section_sizes, text_length, wants_toc, with_chrome
from hall.pages.spec import NavItem, PageSpec
from tests.conftest import REPO


def _read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def _sidebar_hidden(html: str, kind: str) -> bool:
    match = re.search(rf'<div class="md-sidebar md-sidebar--\w+" data-md-component="sidebar" data-md-type="{kind}"([^>]*)>', html)
    assert match, f"no {kind} sidebar"
    return "hidden" in match.group(1)


# ── the rules, without a build ────────────────────────────────────────────────────────────

def _page(src: str, body: str = "", hide: tuple[str, ...] = ()) -> PageSpec:
    return PageSpec(src_uri=src, dest_uri=src.replace(".md", ".html"), title="t", template="page.html", body=body, hide=hide)


def test_a_page_alone_in_its_section_or_in_none_hides_the_navigation_and_a_section_of_several_shows_it():
    nav = (NavItem("Home", "index.md"),
           NavItem("Zones", None, (NavItem("All", "exhibits/index.md"), NavItem("History", "exhibits/history/index.md"))),
           NavItem("Timeline", "timeline/index.md"))
    pages = with_chrome([_page("index.md"), _page("exhibits/history/index.md"), _page("timeline/index.md"),
                         _page("exhibits/history/ming-mosque/index.md")], nav)
    assert ["navigation" in page.hide for page in pages] == [True, False, True, True]
    assert section_sizes(nav)["exhibits/index.md"] == 2


def test_a_table_of_contents_needs_three_sections_and_a_long_text():
    paragraph = "古建筑清真寺始建于明洪武六年。" * 20  # 300 Chinese characters
    three_short = "# T\n\n## A\n\n短。\n\n## B\n\n短。\n\n## C\n\n短。\n"
    three_long = f"# T\n\n## A\n\n{paragraph}\n\n## B\n\n{paragraph}\n\n## C\n\n{paragraph}\n"
    two_long = f"## A\n\n{paragraph * 3}\n\n## B\n\n{paragraph * 3}\n"
    assert not wants_toc(three_short) and not wants_toc(two_long) and wants_toc(three_long)
    assert section_headings("```\n## not a heading\n```\n## A\n# Title\n") == 1
    assert text_length(paragraph) == 3 * len(paragraph) < TOC_MIN_LENGTH  # one section alone is short


def test_what_a_section_hides_already_stays_hidden_and_a_long_page_keeps_its_toc():
    long_body = "\n\n".join(f"## Part {n}\n\n" + "A sentence of plain English words. " * 30 for n in range(4))
    nav = (NavItem("Zones", None, (NavItem("All", "a/index.md"), NavItem("B", "b/index.md"))),)
    kept, hidden = with_chrome([_page("a/index.md", long_body), _page("b/index.md", long_body, hide=("toc",))], nav)
    assert kept.hide == () and hidden.hide == ("toc",)


# ── the built sample hall ─────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("root", ["", "en/"])
@pytest.mark.parametrize("path", ["timeline/", "achievements/", "news/", "about/", "accessibility/",
                                  "exhibits/history/ming-mosque/", "news/2021-long-march-visits/"])
def test_pages_with_a_one_link_sidebar_or_none_hide_the_navigation(site, root, path):
    assert _sidebar_hidden(_read(site, f"{root}{path}index.html"), "navigation")


@pytest.mark.parametrize("path", ["exhibits/", "exhibits/history/"])
def test_zone_pages_keep_the_navigation_of_every_zone(site, path):
    html = _read(site, f"{path}index.html")
    assert not _sidebar_hidden(html, "navigation")
    assert html.count('class="md-nav__link') >= 5


@pytest.mark.parametrize("root", ["", "en/"])
def test_short_pages_have_no_table_of_contents_and_the_long_statement_keeps_one(site, root):
    for path in ("exhibits/history/ming-mosque/", "exhibits/customs/customs-and-culture/", "about/", "timeline/"):
        assert _sidebar_hidden(_read(site, f"{root}{path}index.html"), "toc"), path
    assert not _sidebar_hidden(_read(site, f"{root}accessibility/index.html"), "toc")


def test_the_chinese_404_page_speaks_chinese_first_with_the_halls_links_and_a_search_box(site):
    html = _read(site, "404.html")
    assert '<html lang="zh-CN"' in html and "404 - Not found" not in html
    assert "<title>页面未找到 - X县民族团结文化展厅</title>" in html
    content = html[html.index('class="hall-404"'):]
    assert content.index("页面未找到") < content.index("Page not found")
    for href, text in (("/", "首页"), ("/exhibits/", "展区"), ("/timeline/", "时间线"), ("/news/", "活动动态")):
        assert f'<li><a href="{href}">{text}</a></li>' in content
    assert 'id="hall-404-query"' in content and "在本站搜索" in content
    assert re.search(r'<section class="hall-404__other" lang="en"[^>]*>.*?<a href="/en/" hreflang="en">', content, re.S)
    assert 'src="/assets/hall-404.js"' in html


def test_the_english_404_page_speaks_english_first_and_leads_to_the_chinese_site(site):
    html = _read(site, "en/404.html")
    assert '<html lang="en"' in html and "404 - Not found" not in html
    content = html[html.index('class="hall-404"'):]
    assert content.index("Page not found") < content.index("页面未找到")
    for href, text in (("/en/", "Home"), ("/en/timeline/", "Timeline"), ("/en/news/", "News")):
        assert f'<li><a href="{href}">{text}</a></li>' in content
    assert "Search this site" in content
    assert re.search(r'<section class="hall-404__other" lang="zh-CN"[^>]*>.*?<a href="/" hreflang="zh-CN">前往中文网站首页</a>',
                     content, re.S)


def _empty_categories() -> list[str]:
    categories = [c["id"] for c in yaml.safe_load((REPO / "content/news/categories.yml").read_text(encoding="utf-8"))]
    used = {yaml.safe_load(news.read_text(encoding="utf-8")).get("category")
            for news in (REPO / "content/news").glob("*/news.yml")}
    return [c for c in categories if c not in used]


@pytest.mark.parametrize("root", ["", "en/"])
def test_news_categories_with_no_items_are_neither_listed_nor_given_a_page(site, root):
    empty = _empty_categories()
    assert empty, "the sample hall should keep a category with no items (业务培训) for this test"
    listing = _read(site, f"{root}news/index.html")
    facets = listing[listing.index('class="hall-news-facets"'):]
    facets = facets[:facets.index("</nav>")]
    assert "(0)" not in facets
    for category in empty:
        assert not (site / root / "news" / category).exists()
        assert f"news/{category}/" not in listing
    for href in re.findall(r'href="([^"#]+)"', facets):  # every chip leads to a page
        path = urlsplit(urljoin(f"http://hall/{root}news/", href)).path
        assert (site / path.strip("/") / "index.html").exists(), href


def test_the_header_names_the_hall_whole_and_its_short_name_only_for_phones(site):
    zh = _read(site, "index.html")
    assert re.search(r'class="md-header__topic hall-site-name">\s*<span class="md-ellipsis">\s*X县民族团结文化展厅\s*</span>', zh)
    en = _read(site, "en/index.html")
    assert '<span class="hall-site-name__full">X County Ethnic Unity Cultural Exhibition Hall</span>' in en
    assert '<span class="hall-site-name__short">Ethnic Unity Hall</span>' in en
