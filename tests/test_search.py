"""Search segmentation (hall/outputs/search/) and its twin in the browser (hall-segment.js)."""

from __future__ import annotations

import random
import re
import threading
from pathlib import Path

import pytest

from hall.outputs.search import (
    BLOCK_MARK, SearchPage, desegment, index_language, index_tokens, prepare_page, query_tokens,
    search_pages, segment_html, segment_query, segment_text,
)
from hall.outputs.search.pagefind import _written
from hall.pages import PageSpec
from tests.support.search_eval import Truth, article_text, load_queries

REPO = Path(__file__).resolve().parent.parent


def test_index_tokens_are_bigrams_then_last_character():
    assert index_tokens("民族团结") == ["民族", "族团", "团结", "结"]
    assert index_tokens("寺") == ["寺"]
    assert segment_text("始建于1373年。") == " 始建 建于 于 1373 年 。"


def test_query_tokens_are_bigrams_covering_the_run_or_the_character():
    assert query_tokens("清真寺") == ["清真", "真寺"]
    assert query_tokens("民族团结") == ["民族", "团结"]
    assert query_tokens("明洪武六年") == ["明洪", "武六", "六年"]
    assert query_tokens("寺") == ["寺"]
    assert segment_query("民族团结  Mosques 1373年") == "民族 团结 Mosques 1373 年"
    assert segment_query("  ") == ""


def test_a_query_of_one_run_of_two_to_five_characters_is_a_phrase_of_all_its_bigrams():
    assert segment_query(" 民族团结 ") == '"民族 族团 团结"'
    assert segment_query("民族") == '"民族"'
    assert segment_query("明洪武六年") == '"明洪 洪武 武六 六年"'
    assert segment_query("民族团结进步") == "民族 团结 进步"  # too many index chunks: the cover
    assert segment_query(' "民族团结进步示范" ') == '"民族 族团 团结 结进 进步 步示 示范"'  # asked for
    assert segment_query("族") == "族"
    assert segment_query("民族团结 2021") == "民族 团结 2021"
    assert segment_query('"ethnic unity"') == '"ethnic unity"'


def pagefind_finds(indexed: list[str], query: str) -> bool:
    """Whether Pagefind finds text indexed as ``indexed`` for a segment_query() query: a
    phrase's terms at consecutive places; otherwise every term a word or a word's prefix."""
    terms = query.strip('"').split()
    if query.startswith('"'):
        return any(indexed[i:i + len(terms)] == terms for i in range(len(indexed)))
    return all(any(token.startswith(term) for token in indexed) for term in terms)


@pytest.mark.parametrize("text,word", [
    ("铸牢中华民族共同体意识", "民族"), ("民族团结进步示范社区", "团结"), ("城市社区在庙川建成广场", "庙川"),
    ("北环路社区", "北环路"), ("X县站院巷", "站院巷"), ("为各族居民办实事", "族居"), ("纪念馆", "馆"),
    ("民族团结进步示范社区", "团结进步示范社区"),
])
def test_text_holding_the_query_is_found(text, word):
    """The recall guarantee."""
    assert pagefind_finds(segment_text(text).split(), segment_query(word))


def test_a_phrase_is_not_found_where_its_bigrams_lie_apart():
    assert not pagefind_finds(segment_text("社区开展服务").split(), segment_query("社区服务"))
    assert pagefind_finds(segment_text("社区开展服务").split(), segment_query("社区 服务"))


def test_recall_guarantee_on_random_substrings():
    text = ("古建筑清真寺始建于明洪武六年（1373年），至2021年已有648年历史。城市社区充分利用清真寺现有的场地"
            "和文化资源，在站院巷建成了X县民族团结文化展厅。")
    indexed = segment_text(text).split()
    rng = random.Random(7)
    runs = re.findall(r"[\u4e00-\u9fff]+", text)
    for _ in range(300):
        run = rng.choice(runs)
        start = rng.randrange(len(run))
        word = run[start:start + rng.randint(1, 8)]
        assert pagefind_finds(indexed, segment_query(word)), word


@pytest.mark.parametrize("text", [
    "古建筑清真寺始建于明洪武六年（1373年），至2021年已有648年历史。",
    "民族团结进步示范社区：庙川社区、北环路社区。",
    "寺",
    "中华民族一家亲，同心共筑中国梦",
])
def test_desegment_gives_the_text_back(text):
    indexed = re.sub(r"\s+", " ", segment_text(text)).strip()
    assert desegment(indexed) == text


def test_segment_html_keeps_tags_scripts_and_attributes():
    html = '<h2 id="_1" title="清真寺">清真寺</h2><script>var a = "民族";</script><p>民族<b>团结</b></p>'
    out = segment_html(html)
    assert '<h2 id="_1" title="清真寺"> 清真 真寺 寺 </h2>' in out
    assert '<script>var a = "民族";</script>' in out
    assert "<p> 民族 族团 <b> 团结 结 </b></p>" in out  # the run goes on across inline markup


def test_a_phrase_is_found_across_inline_markup_but_not_across_blocks():
    html = ('<p>各<strong>民族</strong><a href="#"><em>团结</em></a>进步</p><h2>民族</h2>团结'
            '<p>民族<br>团结</p><p>民族</p><p>团结</p>')
    content = re.sub(r"<[^>]+>", " ", segment_html(html)).split()
    assert content.count("族团") == 1
    assert pagefind_finds(content, segment_query("各民族团结进步"))
    assert desegment(" ".join(content)) == "各民族团结进步 民族团结 民族团结 民族 团结"


def test_blocks_stay_apart_when_the_indexed_text_is_joined_back():
    """Pagefind joins blocks with a space, as segment_text spaces every Han run: without
    BLOCK_MARK a heading ran into its paragraph in excerpts (历史印记本展区…)."""
    html = ('<h2>历史印记</h2><p>本展区介绍<a href="#">清真寺</a>。</p>'
            '<dl><dt>时间：1373年</dt><dd>年代：明洪武六年</dd></dl><ul><li>Long March</li><li>长征</li></ul>')
    out = segment_html(html)
    assert out.count(BLOCK_MARK) == 6 and f" {BLOCK_MARK} <h2>" in out  # h2, p, dt, dd, li, li
    content = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", out)).strip()  # as Pagefind stores it
    assert desegment(content) == "历史印记 本展区介绍清真寺。时间：1373年 年代：明洪武六年 Long March 长征"
    assert desegment(f"{BLOCK_MARK} 民族 族团 团结 结 {BLOCK_MARK}") == "民族团结"  # at a window's ends


def test_segment_html_keeps_comments_and_skipped_elements_whole():
    html = ('<!-- 注释 --><svg viewBox="0 0 1 1"><title>图标</title></svg><svg/>展厅'
            '<STYLE>.a::after { content: "展"; }</STYLE><h2 id="展品介绍">展品介绍</h2>')
    assert segment_html(html) == ('<!-- 注释 --><svg viewBox="0 0 1 1"><title>图标</title></svg><svg/> 展厅 厅 '
                                  '<STYLE>.a::after { content: "展"; }</STYLE> ¶ <h2 id="展品介绍"> 展品 品介 介绍 绍 </h2>')


def test_prepare_page_marks_the_article_and_adds_meta():
    html = ('<html lang="zh-CN"><body><header>X县民族团结文化展厅</header>'
            '<article class="md-content__inner md-typeset"><h1>古建筑清真寺</h1><p>始建于明洪武六年</p></article>'
            '</body></html>')
    out = prepare_page(html, SearchPage("exhibits/a/index.html", "古建筑清真寺", "exhibit", "历史印记"))
    assert 'data-pagefind-body data-pagefind-filter="kind:exhibit"' in out
    assert "<header>" not in out  # only the article is copied for Pagefind
    assert "<h1> 古建 建筑 筑清 清真 真寺 寺 </h1>" in out
    assert '<span data-pagefind-meta="title">古建筑清真寺</span>' in out
    assert '<span data-pagefind-meta="section">历史印记</span>' in out
    assert 'data-pagefind-meta="han"' not in out  # one-character queries use the prefix table instead
    assert prepare_page("<html><body><p>no article</p></body></html>", SearchPage("x", "x", "page")) is None


def test_search_pages_maps_kinds_and_leaves_out_lists():
    specs = [
        PageSpec("index.md", "index.html", "首页", "home.html", "", {"kind": "home"}),
        PageSpec("e.md", "exhibits/h/m/index.html", "清真寺", "exhibit.html", "",
                 {"kind": "exhibit", "zone": {"title": "历史印记"}}),
        PageSpec("n.md", "news/index.html", "动态", "news-list.html", "", {"kind": "news-list"}),
        PageSpec("i.md", "news/x/index.html", "新闻", "news-item.html", "",
                 {"kind": "news-item", "category": {"id": "c", "title": "学习宣讲"}}),
        PageSpec("t.md", "timeline/index.html", "时间线", "timeline.html", "", {"kind": "timeline"}),
        PageSpec("a.md", "achievements/index.html", "成就", "achievements.html", "", {"kind": "achievements"}),
        PageSpec("p.md", "about/index.html", "关于", "page.html", "", {"kind": "page"}),
        PageSpec("q.md", "hidden/index.html", "隐", "page.html", "", {"kind": "page"}, searchable=False),
    ]
    pages = {p.dest_uri: (p.kind, p.section) for p in search_pages(specs)}
    assert pages == {
        "exhibits/h/m/index.html": ("exhibit", "历史印记"),
        "news/x/index.html": ("news", "学习宣讲"),
        "timeline/index.html": ("timeline", ""),
        "achievements/index.html": ("achievement", ""),
        "about/index.html": ("page", ""),
    }


def test_chinese_is_indexed_without_pagefinds_own_segmentation():
    assert index_language("zh") == "und"
    assert index_language("en") == "en"


def test_query_set_is_large_and_bilingual():
    queries = load_queries()
    assert len(queries) >= 60
    assert sum(q["lang"] == "zh" for q in queries) >= 30
    assert sum(q["lang"] == "en" for q in queries) >= 30


def test_truth_finds_words_inside_words_and_stems():
    zh = Truth({"/a/": "铸牢中华民族共同体意识", "/b/": "民族团结进步", "/c/": "展厅"}, "zh")
    assert zh.pages("民族") == {"/a/", "/b/"}
    assert zh.pages("团结") == {"/b/"}
    en = Truth({"/a/": "Two performances were staged", "/b/": "a mosque"}, "en")
    assert en.pages("performance") == {"/a/"}
    assert en.pages("mosques") == {"/b/"}
    assert article_text('<article class="md-content__inner"><p>x</p><nav class="hall-route">y</nav></article>') == "x"


def test_index_writing_waits_until_no_file_is_empty(tmp_path):
    """Pagefind's service answered before its writes were done; stopping it then left empty files."""
    (tmp_path / "pagefind.js").write_text("x")
    (tmp_path / "index").mkdir()
    chunk = tmp_path / "index" / "und_1.pf_index"
    chunk.touch()
    late = threading.Timer(0.1, lambda: chunk.write_bytes(b"data"))
    late.start()
    _written(tmp_path)
    assert chunk.read_bytes() == b"data"
    chunk.write_bytes(b"")
    with pytest.raises(RuntimeError):
        _written(tmp_path, timeout=0.1)
