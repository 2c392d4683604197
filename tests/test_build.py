"""Build tests: build the sample hall with `mkdocs build` and read the HTML of both languages."""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hall.outputs.search import desegment
from tests.conftest import copy_sample_hall, run_hall, run_mkdocs
from tests.support.sites import finished_sample_hall

pytestmark = pytest.mark.slow


class Links(HTMLParser):
    """Collects tag attributes of interest from one page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def parse(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def html(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_every_language_is_written(site):
    for root in (site, site / "en"):
        assert (root / "index.html").exists()
        assert (root / "exhibits/history/ming-mosque/index.html").exists()
        assert (root / "exhibits/history/index.html").exists()
        assert (root / "about/index.html").exists()


def test_html_lang_and_material_ui_language(site):
    zh = html(site, "exhibits/history/ming-mosque/index.html")
    en = html(site, "en/exhibits/history/ming-mosque/index.html")
    assert re.search(r'<html lang="zh-CN"', zh)  # the page's language tag, not Material's UI code (markup.py)
    assert re.search(r'<html lang="en"', en)
    assert 'placeholder="搜索"' in zh
    assert 'placeholder="Search"' in en


def test_exhibit_page_shows_the_model(site):
    page = html(site, "exhibits/history/ming-mosque/index.html")
    assert "<h1>古建筑清真寺</h1>" in page
    assert "1373年" in page and "明洪武六年" in page
    assert 'href="../"' in page  # breadcrumb to its zone
    en = html(site, "en/exhibits/history/ming-mosque/index.html")
    assert "The Historic Mosque" in en and ">1373<" in en


def test_images_have_alt_caption_credit_and_dimensions(site):
    for path in site.rglob("exhibits/*/*/index.html"):
        for tag, attrs in parse(path).tags:
            if tag == "img" and "hall-" not in (attrs.get("class") or "hall-"):
                continue
            if tag == "img" and attrs.get("src", "").find("media/") >= 0:
                assert attrs.get("alt"), f"{path}: image without alt"
                assert attrs.get("width") and attrs.get("height"), f"{path}: image without size"
                target = (path.parent / attrs["src"]).resolve()
                assert target.exists(), f"{path}: {attrs['src']} does not exist"
    page = html(site, "exhibits/history/ming-mosque/index.html")
    assert "<figcaption>" in page and "图片来源" in page


def test_english_images_point_at_the_shared_media(site):
    page = site / "en/exhibits/history/ming-mosque/index.html"
    sources = [a["src"] for t, a in parse(page).tags if t == "img" and "media/" in (a.get("src") or "")]
    assert sources
    for source in sources:
        assert (page.parent / source).resolve().is_relative_to(site / "media")
    assert not (site / "en" / "media").exists()


def test_missing_translation_falls_back_with_a_notice(site):
    page = html(site, "en/exhibits/customs/customs-and-culture/index.html")
    assert "The English translation is pending" in page
    assert 'class="hall-body" lang="zh-CN"' in page
    assert "translation is pending" not in html(site, "en/exhibits/history/ming-mosque/index.html")


def test_language_switch_points_at_the_same_page(site):
    zh = parse(site / "exhibits/history/ming-mosque/index.html")
    switch = [a["href"] for t, a in zh.tags if t == "a" and "hall-language-link" in (a.get("class") or "")]
    assert switch == ["../../../exhibits/history/ming-mosque/", "../../../en/exhibits/history/ming-mosque/"]
    en = parse(site / "en/exhibits/history/ming-mosque/index.html")
    switch = [a["href"] for t, a in en.tags if t == "a" and "hall-language-link" in (a.get("class") or "")]
    assert switch == ["../../../../exhibits/history/ming-mosque/", "../../../exhibits/history/ming-mosque/"]


def test_zone_page_lists_exhibits_in_visiting_order_and_nav_does_not(site):
    page = html(site, "exhibits/history/index.html")
    cards = re.findall(r'class="hall-card__link" href="([^"]+)"', page)
    assert cards == ["ming-mosque/", "long-march-memorials/"]
    # exhibits are not in the navigation, so every page's nav stays small
    assert "ming-mosque" not in html(site, "about/index.html")


@pytest.mark.parametrize("root,notices", [("", ["无障碍声明", "关于本站", "开放数据"]), ("en/", ["Accessibility statement", "About this site", "Open data"])])
def test_site_notices_are_in_the_footer_not_the_tabs(site, root, notices):
    """The accessibility statement and "about this site" are linked from every page's
    footer, as public-sector sites do; the tabs keep the hall's own sections."""
    for path in ("index.html", "exhibits/history/ming-mosque/index.html", "news/index.html"):
        page = html(site, root + path)
        tabs = [t.strip() for t in re.findall(r'class="md-tabs__link[^"]*"[^>]*>\s*([^<]+)', page)]
        assert tabs and not set(notices) & set(tabs)
        footer = re.search(r'<p class="hall-footer-links">(.*?)</p>', page, re.S).group(1)
        links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer)
        assert [text for _, text in links] == notices
        for href, _ in links:  # each resolves to its page, from any depth
            target = (site / root / path).parent / href / "index.html"
            assert target.resolve().is_file(), (path, href)


@pytest.mark.parametrize("path,tab", [
    ("exhibits/history/ming-mosque/index.html", "展区"), ("news/2021-long-march-visits/index.html", "活动动态"),
    ("en/exhibits/history/ming-mosque/index.html", "Zones"), ("exhibits/history/index.html", "展区"),
    ("timeline/index.html", "时间线"), ("accessibility/index.html", None), ("exhibits/index.html", "展区"),
])
def test_the_tab_holding_a_page_is_marked_even_when_the_page_is_not_in_the_navigation(site, path, tab):
    """Exhibits and news items are not in the navigation; their zone's and the news tab
    is marked all the same, by address (theme/partials/tabs-item.html)."""
    active = re.findall(r'md-tabs__item--active">\s*<a[^>]*>\s*([^<]*?)\s*</a>', html(site, path))
    assert active == ([tab] if tab else [])


@pytest.mark.parametrize("root,tab,names", [
    ("", "展区", "按参观顺序：序厅、历史印记、民俗文化和社区建设成果。"),
    ("en/", "Zones", "In visiting order: Prologue, Traces of History, Customs and Culture, and Community Achievements."),
])
def test_the_zones_tab_opens_every_zone_in_visiting_order(site, root, tab, names):
    """/exhibits/ lists the zones (it was a 404, and the tab opened the first zone); zone
    and exhibit pages lead back to it; it is a list, so search leaves it out."""
    page = html(site, root + "exhibits/index.html")
    zones = re.findall(r'<li class="hall-zone-card">\s*<a class="hall-zone-card__link" href="([^"]+)"', page)
    assert zones == ["prologue/", "history/", "customs/", "achievements/"]
    assert f'<h1>{tab}</h1>' in page and names in page
    assert re.search(f'<meta name="description" content="[^"]*{re.escape(names)}">', page)  # a sentence, then the zones
    home = html(site, root + "index.html")
    assert re.search(rf'<a href="exhibits/" class="md-tabs__link">\s*{tab}\s*</a>', home)
    assert '<a href="../">' + tab + '</a>' in html(site, root + "exhibits/history/index.html")
    assert '<a href="../../">' + tab + '</a>' in html(site, root + "exhibits/history/ming-mosque/index.html")
    fragments = [json.loads(gzip.decompress(f.read_bytes())[len(b"pagefind_dcd"):])["url"]
                 for f in (site / root / "pagefind/fragment").iterdir()]
    assert "/exhibits/" not in fragments and "/exhibits/history/ming-mosque/" in fragments  # (from the language's root)


def test_previous_next_follow_the_visiting_route(site):
    """The route runs across zones: the first exhibit of a zone leads back to the last of the one before."""
    page = html(site, "exhibits/history/ming-mosque/index.html")
    assert 'rel="next" href="../long-march-memorials/"' in page
    assert 'rel="prev" href="../../prologue/one-family/"' in page


def test_home_page_has_hero_zones_and_highlights(site):
    page = html(site, "index.html")
    assert "hall-hero" in page
    zones = re.findall(r'<li class="hall-zone-card">\s*<a class="hall-zone-card__link" href="([^"]+)"', page)
    assert zones == ["exhibits/prologue/", "exhibits/history/", "exhibits/customs/", "exhibits/achievements/"]
    assert "精选展品" in page


def test_no_request_leaves_the_site(site):
    for path in site.rglob("*.html"):
        for tag, attrs in parse(path).tags:
            if tag in ("script", "img", "link", "iframe", "source"):
                url = attrs.get("src") or (attrs.get("href") if tag == "link" and attrs.get("rel") not in ("alternate", "canonical", "schema.DC") else None)  # names, loads nothing
                assert not (url or "").startswith(("http:", "https:", "//")), f"{path}: {tag} loads {url}"
    for css in site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8", errors="ignore")


def test_footer_shows_the_filing_numbers(site):
    page = html(site, "index.html")
    assert 'href="https://beian.miit.gov.cn/"' in page
    assert "ICP备" in page and "公网安备" in page


def test_copyright_names_the_hall_in_the_page_language(site):
    assert "© X县民族团结文化展厅" in html(site, "index.html")
    english = html(site, "en/index.html")
    assert "© X County Ethnic Unity Cultural Exhibition Hall" in english and "© X县" not in english


def test_each_language_has_its_own_search_index(site):
    # Pagefind bundles (hall/outputs/search/): Chinese indexed pre-segmented as "und", English as "en".
    zh = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))["languages"]
    en = json.loads((site / "en/pagefind/pagefind-entry.json").read_text(encoding="utf-8"))["languages"]
    assert list(zh) == ["und"] and list(en) == ["en"]
    assert not (site / "search/search_index.json").exists()  # Material's search plugin is gone


def test_pagefind_checks_for_its_start_up_every_5_ms_not_50(site):
    """hall/outputs/search/ shorten_startup_polling: a first query waited up to 50 ms more.
    Failing here after a Pagefind upgrade means the patched string changed: look at
    PagefindInstance.getPtr in the new pagefind-worker.js and update _STARTUP_POLL."""
    for bundle in (site / "pagefind", site / "en/pagefind"):
        for name in ("pagefind-worker.js", "pagefind.js"):
            text = (bundle / name).read_text(encoding="utf-8")
            assert "await asyncSleep(5);}if(!this.raw_ptr)" in text, (bundle, name)
            assert "await asyncSleep(50);}if(!this.raw_ptr)" not in text, (bundle, name)


def _indexed_text(site: Path, url: str) -> str:
    """The text Pagefind stored for a page (its fragment, joined back from our bigrams)."""
    for fragment in (site / "pagefind/fragment").iterdir():
        data = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd"):])
        if data["url"] == url:
            return desegment(data["content"])
    raise AssertionError(f"{url} is not in the index")


def test_search_indexes_the_article_but_not_its_controls_or_neighbours(site):
    text = _indexed_text(site, "/exhibits/history/ming-mosque/")
    assert "古建筑清真寺始建于明洪武六年（1373年）" in text
    # blocks and side-by-side facts stay apart when excerpts are joined back
    assert "古建筑清真寺 时间：1373年；年代：明洪武六年" in text
    for chrome in ("朗读本页", "下载原图", "返回展区", "参观路线"):  # read aloud, download, the route
        assert chrome not in text
    # nor a timeline event's link to itself (its text is "#")
    timeline = _indexed_text(site, "/timeline/")
    assert "明洪武六年" in timeline and "#" not in timeline


def test_drafts_are_not_published(tmp_path):
    project = copy_sample_hall(tmp_path / "hall")
    yml = project / "exhibits/history/ming-mosque/exhibit.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("status: published", "status: draft"), encoding="utf-8")
    run_mkdocs(project, "build")
    assert not (project / "site/exhibits/history/ming-mosque").exists()
    assert not (project / "site/en/exhibits/history/ming-mosque").exists()
    assert "ming-mosque" not in (project / "site/exhibits/history/index.html").read_text(encoding="utf-8")


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path):
    project = copy_sample_hall(tmp_path / "hall")
    run_mkdocs(project, "build")
    before = {p: p.stat().st_mtime_ns for p in (project / "site").rglob("*")}
    yml = project / "exhibits/history/ming-mosque/exhibit.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("title:", "titel:"), encoding="utf-8")
    result = run_hall(project, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "exhibits/history/ming-mosque/exhibit.yml:" in result.stderr
    assert "你是不是想写“title”" in result.stderr and "Did you mean “title”?" in result.stderr
    assert "原有站点未被改动" in result.stderr
    after = {p: p.stat().st_mtime_ns for p in (project / "site").rglob("*")}
    assert after == before
    assert not list(project.glob(".site.building-*"))
    # plain `mkdocs build` is just as safe
    result = run_mkdocs(project, "build", check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert {p: p.stat().st_mtime_ns for p in (project / "site").rglob("*")} == before


def test_news_items_share_the_exhibit_body_with_its_lightbox_gallery(site):
    page = html(site, "news/2021-long-march-visits/index.html")
    assert "data-hall-lightbox" in page and 'class="hall-body"' in page


def test_labels_use_the_colon_of_the_page_language(site):
    zh = html(site, "exhibits/history/ming-mosque/index.html")
    en = html(site, "en/exhibits/history/ming-mosque/index.html")
    assert "时间：" in zh and "年代：" in zh
    assert "Date: " in en and "Period: " in en and "：" not in re.sub(r"<[^>]+>", "", en.split('class="hall-body"')[0])


def test_exhibit_and_zone_pages_show_their_slice_of_the_timeline(site):
    for page, language in (("exhibits/history/ming-mosque/index.html", "zh"), ("en/exhibits/history/ming-mosque/index.html", "en")):
        text = html(site, page)
        slice_ = text.split('class="hall-section hall-timeline-slice"')[1].split("</section>")[0]
        assert re.search(r'<time datetime="1373">1373年?</time>', slice_), slice_
        anchors = re.findall(r'href="([^"]*timeline/#[^"]+)"', slice_)
        assert anchors
        target = (site / page).parent / anchors[0].split("#")[0] / "index.html"
        assert f'id="{anchors[0].split("#")[1]}"' in target.resolve().read_text(encoding="utf-8")
    zone = html(site, "exhibits/history/index.html")
    assert "1373" in zone.split('class="hall-section hall-timeline-slice"')[1].split("</section>")[0]
    assert "hall-timeline-slice" not in html(site, "exhibits/customs/customs-and-culture/index.html")


def test_a_language_build_that_starts_late_still_gets_the_hall(tmp_path):
    """The English build starts beside the Chinese one and waits for its hand-off (the
    loaded hall). On a busy machine it may start after a small hall's Chinese build is
    done: the hand-off must still be there (it was once removed too early, and the
    build hung)."""
    project = copy_sample_hall(tmp_path / "hall")
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import os, time\nif os.environ.get('HALL_BUILD_LANGUAGE') == 'en':\n    time.sleep(6)\n", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(hook), os.environ.get("PYTHONPATH")]))}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, env=env,
                            capture_output=True, text=True, timeout=90)
    assert result.returncode == 0, result.stderr
    assert "清真寺" in (project / "site/exhibits/history/ming-mosque/index.html").read_text(encoding="utf-8")
    assert "mosque" in (project / "site/en/exhibits/history/ming-mosque/index.html").read_text(encoding="utf-8").lower()


def test_a_strict_mkdocs_build_with_a_photo_warning_leaves_the_previous_site(tmp_path):
    """MkDocs fails a --strict build only after on_post_build, where the site is swapped in:
    the plugin stops it before the swap, so the failed build publishes nothing."""
    from PIL import Image

    project = finished_sample_hall(tmp_path / "hall")  # notes taken out: strict fails on them alone
    run_mkdocs(project, "build", "--strict")
    before = {p: p.stat().st_mtime_ns for p in (project / "site").rglob("*")}
    Image.new("RGB", (120, 90), "navy").save(project / "exhibits/history/ming-mosque/mosque-detail.jpg")  # too small
    result = run_mkdocs(project, "build", "--strict", check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "mosque-detail.jpg" in result.stderr and "120×90" in result.stderr and "Strict mode" in result.stderr
    assert {p: p.stat().st_mtime_ns for p in (project / "site").rglob("*")} == before
    assert not list(project.glob(".site.building-*"))
