"""Search engines and sharing: hall/outputs/seo.py on its own, and in the built sample hall."""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from hall.mkdocs.markup import tidy_material_markup
from hall.outputs.seo import Site, first_paragraph, page_path, page_seo, shorten, site_root

SITE = Site("https://hall.example.cn/", ("zh", "en"), {"zh": "展厅", "en": "The Hall"}, {"zh": "X县", "en": "X County"})
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_urls_of_each_language():
    assert site_root("https://hall.example.cn/en/", "en", "zh") == "https://hall.example.cn/"
    assert SITE.url("en", "exhibits/a/") == "https://hall.example.cn/en/exhibits/a/"
    assert SITE.url("en", "../media/x.jpg") == "https://hall.example.cn/media/x.jpg"
    assert page_path("index.html") == "" and page_path("news/x/index.html") == "news/x/"
    assert Site("", ("zh", "en"), {}).url("zh", "a/") == ""


def test_descriptions_are_plain_and_short():
    assert first_paragraph('# T\n\n![p](a.jpg)\n\n见[展厅](../a.md)**介绍**。\n') == "见展厅介绍。"
    long = "展" * 300
    assert len(shorten(long, "zh")) == 120 and shorten(long, "zh").endswith("…")
    assert shorten("word " * 100, "en").endswith("word…")


def test_exhibit_gets_its_photo_and_a_creative_work():
    view = {"kind": "exhibit", "summary": "始建于1373年。", "date_iso": "1373", "tags": [{"slug": "architecture", "label": "Architecture", "lang": "en"}],
            "zone": {"title": "历史印记", "url": "exhibits/history/"},
            "photos": [{"src": "../media/abc/mosque-1200.jpg", "alt": "清真寺外景"}]}
    seo = page_seo(SITE, "en", "exhibits/history/ming-mosque/index.html", "The Mosque", view)
    assert seo["canonical"] == "https://hall.example.cn/en/exhibits/history/ming-mosque/"
    assert seo["og"]["og:image"] == "https://hall.example.cn/media/abc/mosque-1200.jpg"
    assert seo["og"]["og:type"] == "article" and seo["og"]["og:locale"] == "en_US"
    assert {a["hreflang"]: a["href"] for a in seo["alternates"]} == {
        "zh-CN": "https://hall.example.cn/exhibits/history/ming-mosque/",
        "en": "https://hall.example.cn/en/exhibits/history/ming-mosque/",
        "x-default": "https://hall.example.cn/exhibits/history/ming-mosque/",
    }
    data = json.loads(seo["json_ld"])
    assert data["@type"] == "CreativeWork" and data["temporalCoverage"] == "1373"
    assert data["keywords"] == "Architecture"  # the label visitors read, not the slug
    assert data["provider"]["@type"] == "Museum" and data["isPartOf"]["url"] == "https://hall.example.cn/en/exhibits/history/"


def test_json_ld_cannot_close_its_script_element():
    seo = page_seo(SITE, "zh", "x/index.html", "a</script><script>alert(1)", {"kind": "page"})
    assert "</script>" not in seo["json_ld"]


def test_material_markup_is_tidied():
    html = ('<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
            '<label class="md-nav__link" for="__nav_2" tabindex="">x</label><label class="md-nav__title" for="__toc">')
    tidy = tidy_material_markup(html)
    assert 'autocomplete' not in tidy and 'tabindex=""' not in tidy and 'for="__toc"' not in tidy
    assert 'for="__toc"' in tidy_material_markup(html + '<input type="checkbox" id="__toc">')


# ------------------------------------------------------------------ in the built site


def _head(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8").split("</head>")[0]


def test_exhibit_page_head(site: Path):
    head = _head(site, "en/exhibits/history/ming-mosque/index.html")
    assert '<link rel="canonical" href="https://hall.example.cn/en/exhibits/history/ming-mosque/">' in head
    # Languages are announced in the sitemaps: Material's JS fetches sitemap.xml beside each
    # <link rel=alternate hreflang>, which 404s on inner pages (and Material's own pointed home).
    assert "hreflang" not in head
    image = re.search(r'<meta property="og:image" content="([^"]+)"', head).group(1)
    assert image.startswith("https://hall.example.cn/media/") and image.endswith(".jpg")
    assert (site / image.removeprefix("https://hall.example.cn/")).exists()
    assert re.search(r'<meta property="og:title" content="The Historic Mosque \| X County Ethnic Unity Cultural Exhibition Hall">', head)
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S).group(1))
    assert data["@type"] == "CreativeWork" and data["inLanguage"] == "en"
    assert data["image"][0]["@type"] == "ImageObject" and data["image"][0]["contentUrl"] == image


def test_home_describes_the_museum(site: Path):
    head = _head(site, "index.html")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S).group(1))
    museum = data["@graph"][0]
    assert museum["@type"] == "Museum" and museum["name"] == "X县民族团结文化展厅"
    assert museum["address"]["addressLocality"] == "X县" and museum["url"] == "https://hall.example.cn/"
    assert '<meta name="description"' in head


def test_news_item_is_a_news_article(site: Path):
    head = _head(site, "news/2021-long-march-visits/index.html")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S).group(1))
    assert data["@type"] == "NewsArticle" and data["datePublished"].startswith("2021")


def test_sitemaps_list_every_page_with_its_other_language(site: Path):
    for root, prefix in ((site, "https://hall.example.cn/"), (site / "en", "https://hall.example.cn/en/")):
        tree = ET.parse(root / "sitemap.xml")
        urls = tree.getroot().findall("s:url", NS)
        locs = [u.find("s:loc", NS).text for u in urls]
        assert locs[0] == prefix and prefix + "exhibits/history/ming-mosque/" in locs
        assert len(locs) == len(set(locs))
        for url in urls:
            links = {l.get("hreflang"): l.get("href") for l in url.findall("x:link", NS)}
            assert set(links) == {"zh-CN", "en", "x-default"}
        assert gzip.decompress((root / "sitemap.xml.gz").read_bytes()).decode() == (root / "sitemap.xml").read_text()
        # every listed page exists
        for loc in locs:
            assert (root / loc.removeprefix(prefix) / "index.html").exists(), loc


def test_robots_txt_points_at_both_sitemaps(site: Path):
    robots = (site / "robots.txt").read_text()
    assert "User-agent: *" in robots and "Allow: /" in robots
    assert "Sitemap: https://hall.example.cn/sitemap.xml" in robots
    assert "Sitemap: https://hall.example.cn/en/sitemap.xml" in robots
    assert not (site / "en" / "robots.txt").exists()
