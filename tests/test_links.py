"""Links in staff bodies: every way staff write one reaches the page it names, in every
language, and a link that would be a 404 on the site is an error before anything is built
(hall/content/bodylinks.py, linkmap.py, links.py; the adapter hall/mkdocs/links.py)."""

from __future__ import annotations

import posixpath
import re
import shutil

import pytest

from hall.content import load_hall
from hall.content.bodylinks import body_links
from hall.content.linkmap import LinkTable
from hall.mkdocs.links import rewrite_body_links
from hall.pages import plan_site
from tests.conftest import REPO, copy_sample_hall, run_hall, run_mkdocs
from tests.test_content import make_hall, only_error
from tests.test_staff_errors import add_news


@pytest.fixture(scope="module")
def sample():
    hall, log = load_hall(REPO)
    assert not log.errors, log.format()
    return hall


LONG_MARCH = ("exhibits/history/long-march-memorials/zh.md", "exhibits/history/long-march-memorials")
LECTURES = ("content/news/2021-party-history-lectures/zh.md", "news/2021-party-history-lectures")
ABOUT = ("content/pages/about.zh.md", "about")
MOSQUE = "exhibits/history/ming-mosque/index.md"


@pytest.mark.parametrize("source, url, page", [
    # the tester's cases: each passed `hall check` and was a 404 on the site
    (LONG_MARCH, "../../../content/news/2021-party-history-lectures/zh.md", "news/2021-party-history-lectures/index.md"),
    (LECTURES, "../../../exhibits/history/ming-mosque/zh.md", MOSQUE),
    (LONG_MARCH, "content/pages/about.zh.md", "about/index.md"),
    (ABOUT, "../../exhibits/history/ming-mosque/zh.md", MOSQUE),
    # by disk path: a body in any language, the metadata file, the folder
    (LONG_MARCH, "../ming-mosque/zh.md", MOSQUE),
    (LONG_MARCH, "../ming-mosque/en.md#courtyard", MOSQUE),
    (LONG_MARCH, "../ming-mosque/exhibit.yml", MOSQUE),
    (LONG_MARCH, "../ming-mosque/", MOSQUE),
    (LONG_MARCH, "../ming-mosque", MOSQUE),
    (LONG_MARCH, "../", "exhibits/history/index.md"),
    (LECTURES, "news.yml", "news/2021-party-history-lectures/index.md"),
    (LECTURES, "../2021-stadium-performance/", "news/2021-stadium-performance/index.md"),
    (ABOUT, "accessibility.en.md", "accessibility/index.md"),
    (ABOUT, "../home.yml", "index.md"),
    (ABOUT, "../timeline.yml", "timeline/index.md"),
    # by site address: absolute, with the English prefix, relative
    (LONG_MARCH, "/exhibits/history/ming-mosque/", MOSQUE),
    (LONG_MARCH, "/en/exhibits/history/ming-mosque/index.html", MOSQUE),
    (LONG_MARCH, "/news/", "news/index.md"),
    (LONG_MARCH, "/", "index.md"),
    (ABOUT, "../exhibits/history/ming-mosque/", MOSQUE),
    (LONG_MARCH, "../../../news/2021-stadium-performance/", "news/2021-stadium-performance/index.md"),
])
def test_every_way_staff_write_a_link_to_an_entry_reaches_its_page(sample, source, url, page):
    resolved = LinkTable(sample).resolve(url, *source)
    assert (resolved.kind, resolved.page) == ("page", page)
    assert resolved.fragment == ("#courtyard" if "#" in url else "")


@pytest.mark.parametrize("url, kind", [
    ("https://example.cn/x.md", "web"), ("mailto:hall@example.cn", "web"), ("tel:+86", "web"),
    ("//example.cn/", "web"), ("#top", "self"), ("../ming-mosqe/zh.md", "dead"), ("/exhibits/nowhere/", "dead"),
    ("../../../content/news/2021-party-history-lecture/zh.md", "dead"), ("../../../../outside/zh.md", "dead"),
])
def test_web_links_are_not_ours_and_wrong_ones_are_dead(sample, url, kind):
    assert LinkTable(sample).resolve(url, *LONG_MARCH).kind == kind


def test_a_listed_photo_is_a_link_target_only_where_the_link_can_be_pointed_at_it(sample):
    table = LinkTable(sample)
    photo = "exhibits/history/ming-mosque/mosque-courtyard.jpg"
    assert table.resolve("mosque-courtyard.jpg", photo.replace("mosque-courtyard.jpg", "zh.md"),
                         "exhibits/history/ming-mosque").photo == photo
    assert table.resolve("mosque-courtyard.jpg", photo.replace("mosque-courtyard.jpg", "zh.md"),
                         "exhibits/history/ming-mosque", photos=False).kind == "dead"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_pages_links_can_reach_are_pages_the_site_plans(sample, language):
    """The link table names the site's own sections from the content layer; the pages layer
    plans them. They must agree, or a link that passes the check would be a 404."""
    planned = {spec.src_uri for spec in plan_site(sample, language, {}).pages}
    table = LinkTable(sample)
    reachable = {f"{folder}/index.md" if folder else "index.md" for folder in table.sites}
    assert reachable <= planned, reachable - planned
    entries = {f"exhibits/{e}/index.md" for e in sample.exhibits} | {f"news/{n.id}/index.md" for n in sample.news}
    assert entries <= reachable


def test_links_are_found_inline_by_reference_and_in_raw_html_but_not_in_code():
    text = (
        "见[甲](a/zh.md \"标题\")与![图](p.jpg)。\n"
        "[乙][ref] `[代码](x.md)` <a class=\"x\" href='c/zh.md'>丙</a>\n"
        "```markdown\n[示例](nowhere.md)\n```\n"
        "[ref]: <b/zh.md> \"title\"\n"
        "[^1]: 脚注\n"
    )
    links = body_links(text)
    assert [(link.url, link.kind, link.image) for link in links] == [
        ("a/zh.md", "inline", False), ("p.jpg", "inline", True), ("c/zh.md", "html", False),
        ("b/zh.md", "reference", False),
    ]
    assert [link.place(text) for link in links] == [(1, 2), (1, 20), (2, 23), (6, 1)]
    assert all(text[link.start:link.end] == link.url for link in links)


# -- hall check ---------------------------------------------------------------------------


WELL = "title: {zh: 古井, en: The Old Well}\nsummary: {zh: 古井。, en: A well.}\norder: 20\n"


def test_link_to_a_missing_exhibit_suggests_the_closest_identifier(tmp_path):
    body = "正文。\n\n参见[另一件展品](../wel/zh.md)。\n"
    problem = only_error(make_hall(tmp_path, files={"exhibits/history/mosque/zh.md": body, "exhibits/history/well/"
                                                    "exhibit.yml": WELL, "exhibits/history/well/zh.md": "井。\n"}))
    assert problem.code == "link.missing" and problem.level == "error"
    assert problem.file == "exhibits/history/mosque/zh.md" and problem.line == 3 and problem.column == 3
    assert problem.zh == "链接“../wel/zh.md”指向的条目不存在。"
    assert problem.en == "The link “../wel/zh.md” points at an entry that does not exist."
    assert "你是不是想链接“history/well”？写作 ../well/zh.md。" in problem.hint_zh
    assert "Did you mean “history/well”? Write ../well/zh.md." in problem.hint_en


def test_a_dead_site_address_is_answered_with_the_closest_site_address(tmp_path):
    body = "正文。\n\n见[展品](/exhibits/history/mosqe/#a)。\n"
    problem = only_error(make_hall(tmp_path, files={"exhibits/history/mosque/zh.md": body}))
    assert problem.code == "link.missing" and (problem.line, problem.column) == (3, 2)
    assert "写作 /exhibits/history/mosque/#a。" in problem.hint_zh and "Write /exhibits/history/mosque/#a." in problem.hint_en


def test_links_that_resolve_are_accepted(tmp_path):
    body = (
        "[自己](../mosque/zh.md) [文件夹](../mosque/) [英文](../mosque/en.md#top) [展区](../) "
        "[网站](https://example.cn/) [锚点](#a) ![照片](a.jpg) [页面](../../../content/pages/visit.zh.md)\n"
        "[照片链接](a.jpg) [根](content/pages/visit.zh.md) [地址](/visit/) <a href=\"/exhibits/\">全部</a>\n"
    )
    root = make_hall(tmp_path, files={"exhibits/history/mosque/zh.md": body, "content/pages/visit.zh.md": "# 参观\n"})
    _, log = load_hall(root)
    assert not log.problems, log.format()


def test_link_from_news_to_a_missing_exhibit(tmp_path):
    root = make_hall(tmp_path)
    folder = add_news(root)
    (folder / "zh.md").write_text("见[展品](../../exhibits/history/mosk/zh.md)。\n", encoding="utf-8")
    problem = only_error(root)
    assert problem.code == "link.missing" and problem.file == "content/news/2021-lectures/zh.md"
    assert "history/mosque" in problem.hint_en and "../../../exhibits/history/mosque/zh.md" in problem.hint_en
    (folder / "zh.md").write_text("见[展品](../../../exhibits/history/mosque/zh.md)。\n", encoding="utf-8")
    _, log = load_hall(root)
    assert not log.errors, log.format()


def test_reference_style_and_raw_html_links_are_checked_where_they_are_written(tmp_path):
    body = "正文[甲][a]。\n\n<p>见<a href=\"../mosqee/\">乙</a></p>\n\n[a]: ../mosq/exhibit.yml\n"
    _, log = load_hall(make_hall(tmp_path, files={"exhibits/history/mosque/zh.md": body}))
    assert [(p.code, p.line, p.column) for p in log.errors] == [("link.missing", 3, 5), ("link.missing", 5, 1)]


def test_a_link_from_a_published_entry_to_a_draft_is_an_error_and_between_drafts_is_not(tmp_path):
    root = make_hall(tmp_path, files={"exhibits/history/mosque/zh.md": "见[动态](../../../content/news/2021-lectures/)。\n"})
    add_news(root)  # a draft
    problem = only_error(root)
    assert problem.code == "link.draft" and problem.file == "exhibits/history/mosque/zh.md"
    assert "“2021-lectures”还是草稿" in problem.zh and "which is still a draft" in problem.en
    yml = root / "exhibits/history/mosque/exhibit.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + "status: draft\n", encoding="utf-8")
    _, log = load_hall(root)
    assert not log.errors, log.format()


def test_a_link_from_a_published_entry_to_a_drafts_photo_is_an_error(tmp_path):
    from tests.test_content import EXHIBIT
    from tests.test_staff_errors import NEWS_YML

    root = make_hall(tmp_path, EXHIBIT + "status: draft\n")
    folder = add_news(root, yml=NEWS_YML.replace("status: draft", "status: published"))
    (folder / "zh.md").write_text("见[照片](../../../exhibits/history/mosque/a.jpg)。\n", encoding="utf-8")
    problem = only_error(root)
    assert problem.code == "link.draft" and problem.file == "content/news/2021-lectures/zh.md"
    assert "“history/mosque”还是草稿" in problem.zh


def test_a_link_to_a_file_the_site_does_not_publish_is_an_error(tmp_path):
    from PIL import Image

    body = "[说明书](leaflet.pdf)\n[未列出的照片](b.jpg)\n[引用][p]\n\n[p]: a.jpg\n"
    root = make_hall(tmp_path, files={"exhibits/history/mosque/zh.md": body, "exhibits/history/mosque/leaflet.pdf": b"%PDF"})
    Image.new("RGB", (40, 30)).save(root / "exhibits/history/mosque/b.jpg")
    _, log = load_hall(root)
    problems = [(p.code, p.line) for p in log.errors]
    assert problems == [("link.unpublished", 1), ("link.unpublished", 2), ("link.unpublished", 5)], log.format()
    pdf, photo, reference = log.errors
    assert "PDF" in pdf.hint_zh and "PDFs" in pdf.hint_en
    assert "images:" in photo.hint_zh and "images:" in photo.hint_en
    assert "[文字](a.jpg)" in reference.hint_zh and "[text](a.jpg)" in reference.hint_en


# -- the adapter's rewrite ------------------------------------------------------------------


def test_the_build_rewrites_each_link_to_a_page_it_plans_whatever_the_language(sample):
    body = (
        "[a](../../../content/news/2021-party-history-lectures/zh.md#x) [b](content/pages/about.zh.md) "
        "[c](/exhibits/history/ming-mosque/) [d][r] <a href=\"../ming-mosque/en.md\">e</a> [f](mosque-courtyard.jpg) "
        "[g](https://example.cn/) `[h](../ming-mosque/zh.md)`\n\n[r]: ../ming-mosque/exhibit.yml\n"
    )
    src = "exhibits/history/long-march-memorials/index.md"
    out = rewrite_body_links(body, LONG_MARCH[0].replace("long-march-memorials", "ming-mosque"),
                             src.replace("long-march-memorials", "ming-mosque"), LinkTable(sample),
                             lambda page: f"URL:{page}", lambda photo: f"../../../media/{photo}")
    assert "[a](../../../news/2021-party-history-lectures/index.md#x)" in out
    assert "[b](../../../about/index.md)" in out and "[c](index.md)" in out
    assert "[r]: index.md" in out and '<a href="URL:exhibits/history/ming-mosque/index.md">e</a>' in out
    assert '<a href="../../../media/exhibits/history/ming-mosque/mosque-courtyard.jpg">f</a>' in out
    assert "[g](https://example.cn/)" in out and "`[h](../ming-mosque/zh.md)`" in out
    links = re.sub(r"`[^`]*`", "", out)
    for language in ("zh", "en"):
        planned = {spec.src_uri for spec in plan_site(sample, language, {}).pages}
        for target in re.findall(r"\]\((?!https)([^)#]+)", links) + re.findall(r"\]: (\S+)", links):
            assert posixpath.normpath(posixpath.join("exhibits/history/ming-mosque", target)) in planned


# -- EDITING.md's examples, built --------------------------------------------------------------


def editing_examples() -> list[tuple[str, str]]:
    """The ```markdown title="FILE" blocks of EDITING.md: (file, Markdown)."""
    guide = (REPO / "EDITING.md").read_text(encoding="utf-8")
    blocks = re.findall(r'^( *)```markdown title="([^"]+)"\n(.*?)^\1```', guide, re.M | re.S)
    return [(file, re.sub(rf"(?m)^{indent}", "", text)) for indent, file, text in blocks]


def test_editing_md_shows_link_examples_from_exhibits_news_and_pages_in_both_languages():
    files = [file for file, _ in editing_examples()]
    assert len(files) == 6
    assert {f.rsplit("/", 1)[-1].split(".")[-2] for f in files} == {"zh", "en"}
    assert {f.split("/")[1] for f in files} == {"history", "news", "pages"}


def _hrefs(html: str, text: str) -> list[str]:
    return re.findall(rf'<a href="([^"]+)"[^>]*>{re.escape(text)}</a>', html)


@pytest.mark.slow
def test_editing_md_link_examples_reach_existing_pages_in_both_languages(tmp_path):
    project = copy_sample_hall(tmp_path / "hall")
    for file, markdown in editing_examples():
        path = project / file
        path.write_text(path.read_text(encoding="utf-8") + "\n\n" + markdown, encoding="utf-8")
    # an English page shown in Chinese ("translation pending") links within the English site too
    examples = dict(editing_examples())
    untranslated = project / "content/news/2021-long-march-visits"
    (untranslated / "en.md").unlink()
    (untranslated / "zh.md").write_text("正文。\n\n" + examples["content/news/2021-party-history-lectures/zh.md"], encoding="utf-8")
    result = run_hall(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "is not found among documentation files" not in result.stdout + result.stderr
    site = project / "site"
    shown = [(page, file) for file in examples for page in (_page_of(file),)]
    shown.append(("news/2021-long-march-visits/", "content/news/2021-party-history-lectures/zh.md"))
    checked = 0
    for language, root in (("zh", ""), ("en", "en/")):
        for url, file in shown:
            if not (file.endswith((f".{language}.md", f"/{language}.md")) or "long-march-visits" in url):
                continue
            html = (site / root / url / "index.html").read_text(encoding="utf-8")
            for text in re.findall(r"\[([^\]]+)\]\(", examples[file]):
                hrefs = _hrefs(html, text)
                assert hrefs, f"no link {text!r} on /{root}{url}"
                for href in hrefs:  # the planted link, and any card or menu link of the same text
                    target = posixpath.normpath(posixpath.join(f"/{root}{url}", href.split("#")[0]))
                    assert target.startswith("/en/" if language == "en" else "/"), (text, href)
                    assert (site / target.lstrip("/") / "index.html").is_file(), (language, url, text, href)
                    checked += 1
    assert checked >= 2 * (7 + 2 + 2 + 2), checked


def _page_of(file: str) -> str:
    """The site page a staff file's body is shown on."""
    if file.startswith("content/pages/"):
        return file.rsplit("/", 1)[1].split(".")[0] + "/"
    folder = file.rsplit("/", 1)[0]
    return folder.replace("content/news/", "news/") + "/"


@pytest.mark.slow
def test_a_dead_link_fails_check_and_both_builds_and_keeps_the_previous_site(tmp_path):
    project = copy_sample_hall(tmp_path / "hall")
    body = project / "content/pages/about.zh.md"
    # both passed the old check (site addresses and PDFs were not looked at) and were 404s
    body.write_text(body.read_text(encoding="utf-8") + "\n见[清真寺](/exhibits/history/ming-mosqe/)和[说明](leaflet.pdf)。\n",
                    encoding="utf-8")
    (project / "content/pages/leaflet.pdf").write_bytes(b"%PDF-1.4")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    for command in (("hall", "check"), ("hall", "build"), ("mkdocs", "build")):
        result = run_hall(project, command[1]) if command[0] == "hall" else run_mkdocs(project, "build", check=False)
        output = result.stdout + result.stderr
        assert result.returncode != 0, (command, output)
        assert "Traceback" not in output
        assert "content/pages/about.zh.md:" in output
        assert "指向的条目不存在" in output and "points at an entry that does not exist" in output
        assert "写作 /exhibits/history/ming-mosque/" in output  # the fix
        assert "不会发布到网站上" in output and "not published on the site" in output
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"
    assert not list(project.glob(".site.building-*"))
    shutil.rmtree(site)
