"""Raw HTML in Markdown bodies (issue 18): the check that names what is forbidden, the
sanitizer that removes it from pages anyway, and both working in real builds."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from hall.content import load_hall
from hall.content.model import Body
from hall.content.problems import ProblemLog
from hall.content.rawhtml import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, check_body_html
from hall.media.markup import picture_html
from hall.media.model import ImageSet, Rendition
from hall.outputs.sanitize import sanitize_html
from tests.conftest import REPO, copy_sample_hall, run_hall, run_mkdocs
from tests.test_content import make_hall
from tests.test_staff_errors import add_news

BODY = "exhibits/history/mosque/zh.md"


def problems_of(text: str) -> list:
    """The problems the check reports for one body saved as ``BODY``."""
    log = ProblemLog(Path("/hall"))
    check_body_html(Body(text, BODY), log)
    return list(log)


def only(text: str):
    found = problems_of(text)
    assert len(found) == 1, "\n".join(p.format() for p in found)
    return found[0]


# -- the check ------------------------------------------------------------------------------


def test_a_script_in_an_exhibit_body_stops_the_load_with_its_file_line_and_fix(tmp_path):
    root = make_hall(tmp_path)
    (root / BODY).write_text("## 历史\n\n正文。\n<script>alert(1)</script>\n", encoding="utf-8")
    _, log = load_hall(root)
    [problem] = [p for p in log.errors if p.code.startswith("html.")]
    assert (problem.code, problem.file, problem.line, problem.column) == ("html.script", BODY, 4, 1)
    assert problem.zh == "正文中有 <script>：网站不允许在正文中运行脚本。"
    assert problem.en == "The body contains a <script>: the site does not allow scripts in a body."
    assert problem.hint_zh.startswith("删除这段 <script>…</script>")
    assert problem.hint_en.startswith("Remove the <script>…</script>")


@pytest.mark.parametrize("tag", ["iframe", "frame", "object", "embed", "applet"])
def test_frames_objects_and_embeds_are_errors(tag):
    problem = only(f"正文。\n\n文字 <{tag} src=\"https://example.com/\"></{tag}>\n")
    assert (problem.code, problem.level, problem.line, problem.column) == ("html.embed", "error", 3, 4)
    assert f"<{tag}>" in problem.zh and "嵌入" in problem.zh and "embed" in problem.en
    assert f"删除这段 <{tag}>" in problem.hint_zh and f"Remove the <{tag}>" in problem.hint_en


@pytest.mark.parametrize("tag", ["style", "meta", "link", "base"])
def test_style_meta_link_and_base_are_errors(tag):
    problem = only(f"正文。\n<{tag}>\n")
    assert (problem.code, problem.level, problem.line) == ("html.style", "error", 2)


@pytest.mark.parametrize("text, where, line, column", [
    ('<img src="a.jpg" alt="" onerror="alert(1)">', "<img> 上的 onerror=", 1, 25),
    ('文字\n<p>x</p>\n<svg\n  onload=alert(1)></svg>', "<svg> 上的 onload=", 4, 3),
    ("<details open ONTOGGLE=alert(1)><summary>x</summary></details>", "<details> 上的 ontoggle=", 1, 15),
    ('一段文字\n{: onclick="alert(1)" }', "花括号属性的 onclick=", 2, 4),
])
def test_event_handlers_are_errors_at_the_attribute(text, where, line, column):
    found = [p for p in problems_of(text) if p.code == "html.handler"]
    assert len(found) == 1
    problem = found[0]
    assert (problem.level, problem.line, problem.column) == ("error", line, column)
    assert where in problem.zh and "事件处理程序" in problem.zh and "event handler" in problem.en
    assert "删除 on" in problem.hint_zh and "Remove the on" in problem.hint_en


@pytest.mark.parametrize("text, scheme, line, column", [
    ("前文\n\n[点我](javascript:alert(1))", "javascript:", 3, 6),
    ("![图](data:text/html;base64,PHNjcmlwdD4=)", "data:", 1, 6),
    ("[参考][r]\n\n[r]: vbscript:msgbox(1)", "vbscript:", 3, 6),
    ('<a href="jav&#x61;script:alert(1)">x</a>', "javascript:", 1, 4),
    ('<a href=" JAVA\tSCRIPT:alert(1)">x</a>', "javascript:", 1, 4),
    ('<img srcset="a.jpg 1x, javascript:alert(1) 2x">', "javascript:", 1, 6),
    ('一段文字\n{: href="javascript:alert(1)" }', "javascript:", 2, 4),
])
def test_addresses_that_run_code_are_errors_in_html_and_markdown(text, scheme, line, column):
    problem = only(text)
    assert (problem.code, problem.level, problem.line, problem.column) == ("html.url", "error", line, column)
    assert f"以 {scheme} 开头" in problem.zh and f"starts with {scheme}" in problem.en
    assert "https://" in problem.hint_zh and "https://" in problem.hint_en


def test_tags_outside_the_allow_list_are_warnings_that_they_will_be_removed():
    found = problems_of('<form action="/q"><input name="q"><input name="r"></form>\n\n<marquee>欢迎</marquee>\n')
    assert {(p.code, p.level) for p in found} == {("html.removed", "warning")}
    by_tag = {p.zh.split("<")[1].split(">")[0]: p for p in found}
    assert sorted(by_tag) == ["form", "input", "marquee"]
    assert by_tag["input"].zh.endswith("发布时会被删除（其中的文字保留）（共 2 处）。")
    assert "will be removed from the site (its text stays) (2 times)" in by_tag["input"].en
    assert (by_tag["marquee"].line, by_tag["marquee"].column) == (3, 1)


def test_attributes_outside_the_allow_list_are_warnings_too():
    problem = only('<span style="color:red">红字</span>')
    assert (problem.code, problem.level) == ("html.attribute", "warning")
    assert "属性 style" in problem.zh and "will be removed" in problem.en


def test_allowed_html_and_plain_markdown_are_not_reported():
    text = (
        "<!-- translated_from: 3f9a1c2e -->\n"
        "## 标题 {: #history .lead }\n\n"
        "<div markdown class=\"note\">\n*强调* <sup>1</sup> <ruby>站<rt>zhàn</rt></ruby></div>\n\n"
        "<details open><summary>更多</summary><p>内容</p></details>\n\n"
        "<a href=\"https://example.com/\" title=\"t\">链接</a> <img src=\"a.jpg\" alt=\"图\" width=\"10\">\n"
        "<https://example.com/> <office@example.cn> `<script>` 与 ``<iframe>``\n\n"
        "![照片](data:image/png;base64,iVBORw0KGgo=) [页面](../other/zh.md) 1 < 2 且 javascript: 是一种语言\n"
        "| 甲 | 乙 |\n|:--|--:|\n| <td style=\"text-align: left\">1</td> | 2 |\n"
    )
    assert problems_of(text) == []


def test_news_and_free_page_bodies_are_checked_as_well(tmp_path):
    root = make_hall(tmp_path, files={"content/pages/about.zh.md": "关于。\n\n<iframe src=\"https://x\"></iframe>\n"})
    news = add_news(root)
    (news / "zh.md").write_text("正文。\n<img src=x onerror=alert(1)>\n", encoding="utf-8")
    _, log = load_hall(root)
    found = {(p.code, p.file, p.line) for p in log.errors if p.code.startswith("html.")}
    assert found == {("html.embed", "content/pages/about.zh.md", 3),
                     ("html.handler", "content/news/2021-lectures/zh.md", 2)}


def test_the_sample_hall_bodies_hold_no_raw_html_problems():
    _, log = load_hall(REPO)
    assert [p.format() for p in log.problems if p.code.startswith("html.")] == []


def test_the_editing_guide_lists_every_allowed_tag_and_every_html_code():
    guide = (REPO / "EDITING.md").read_text(encoding="utf-8")
    section = guide[guide.index("**正文中的 HTML / HTML in bodies**"):guide.index("### 8. 错误信息说明")]
    assert [tag for tag in sorted(ALLOWED_TAGS) if f"`{tag}`" not in section] == []
    for code in ("script", "embed", "style", "handler", "url", "removed", "attribute"):
        assert f"| `html.{code}` |" in guide
    assert "**HTML in bodies**" in guide[guide.index("## English"):]


# -- the sanitizer --------------------------------------------------------------------------


@pytest.mark.parametrize("unsafe, safe", [
    ("<p>前<script>alert(1)</script>后</p>", "<p>前后</p>"),
    ('<p><img src="x" onerror="alert(1)"></p>', '<p><img src="x"></p>'),
    ('<p><IMG SRC=x ONERROR=alert(1)></p>', '<p><img src="x"></p>'),
    ('<iframe src="https://example.com/"></iframe><p>留</p>', "<p>留</p>"),
    ('<p><a href="javascript:alert(1)">链</a></p>', "<p><a>链</a></p>"),
    ('<p><a href="java&#x09;script:alert(1)">链</a></p>', "<p><a>链</a></p>"),
    ('<p><a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">链</a></p>', "<p><a>链</a></p>"),
    ('<img srcset="javascript:alert(1) 2x" alt="">', '<img alt="">'),
    ("<body onload=alert(1)><p>正文</p>", "<p>正文</p>"),
    ('<p>a</p><svg onload="alert(1)"><circle r="1"></circle></svg>', "<p>a</p>"),
    ('<form action="/x"><input name="q">字</form>', "字"),
    ('<div style="position:fixed">盖</div>', "<div>盖</div>"),
    ('<p title="never closed', ""),
    ('<object data="x.swf"></object><embed src="x.swf"><style>p{}</style>', ""),
])
def test_the_sanitizer_removes_what_is_outside_the_allow_list(unsafe, safe):
    assert sanitize_html(unsafe) == safe


def test_clean_markdown_is_returned_byte_for_byte():
    """nh3 would write ``<br />`` as ``<br>`` and ``&#160;`` as ``&nbsp;``: a clean page must not change."""
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "admonition", "tables", "toc",
                                       "pymdownx.details", "footnotes", "abbr", "def_list"])
    html = md.convert(
        "## 标题 {: #h .lead }\n\n一行  \n两行 & “引号” 'single' © &copy;[^1]\n\n"
        "| 甲 | 乙 |\n|:--|--:|\n| 1 | 2 |\n\n!!! note \"提示\"\n    内容\n\n??? tip \"更多\"\n    隐藏\n\n"
        "<div markdown>\n*x*\n</div>\n\n<!-- translated_from: 3f9a1c2e -->\n\n"
        "术语\n:   解释\n\n*[HTML]: Hyper Text\n\nHTML 和 [链接](https://example.com/ \"题\")\n\n---\n\n[^1]: 注释\n"
    )
    assert "<br />" in html and "&#160;" in html and "<table>" in html and '<div class="footnote">' in html
    assert sanitize_html(html) == html


def test_the_picture_the_media_stage_writes_for_a_body_photo_is_kept_byte_for_byte():
    renditions = tuple(Rendition(f"media/3f2a/hall-{w}.{ext}", w, w * 3 // 4, mime)
                       for ext, mime in (("webp", "image/webp"), ("jpg", "image/jpeg")) for w in (480, 960))
    image = ImageSet("exhibits/history/mosque/hall.jpg", 960, 720, renditions,
                     placeholder="data:image/webp;base64,UklGRkoAAABXRUJQVlA4ID4AAABQAwCdASoQAAwAAUAmJaQAA3AA")
    html = "<p>" + picture_html(image, "照片 “说明” & <alt>", "../../") + "</p>"
    assert "<source" in html and 'style="background-image:url(data:image/webp' in html
    assert sanitize_html(html) == html


CONTEXT = {  # where each tag may stand, so that the parser keeps it where it was written
    **dict.fromkeys(("td", "th"), "<table><tbody><tr>{}</tr></tbody></table>"),
    "tr": "<table><tbody>{}</tbody></table>",
    **dict.fromkeys(("tbody", "thead", "tfoot", "caption", "colgroup"), "<table>{}</table>"),
    "col": "<table><colgroup>{}</colgroup></table>",
    "li": "<ul>{}</ul>", **dict.fromkeys(("dt", "dd"), "<dl>{}</dl>"),
    **dict.fromkeys(("rt", "rp"), "<ruby>字{}</ruby>"), "source": "<picture>{}<img></picture>",
    "summary": "<details>{}</details>", "figcaption": "<figure>{}</figure>",
}
VOID = {"br", "hr", "img", "source", "col", "wbr"}


@pytest.mark.parametrize("tag", sorted(ALLOWED_ATTRIBUTES))
def test_every_allowed_tag_keeps_every_allowed_attribute(tag):
    attrs = "".join(f' {name}="{"https://example.com/a.jpg" if name in ("href", "src", "cite") else "1"}"'
                    for name in sorted(ALLOWED_ATTRIBUTES[tag]))
    element = f"<{tag}{attrs}>" + ("" if tag in VOID else f"字</{tag}>")
    html = CONTEXT.get(tag, "<div>{}</div>").format(element)
    assert sanitize_html(html) == html


# -- builds ---------------------------------------------------------------------------------

PLANTED = (
    "\n<script>document.title = 'hacked'</script>\n\n"
    "文字 <img src=\"x\" onerror=\"document.title = 'hacked'\"> 与 [点我](javascript:alert(1))\n\n"
    "<iframe src=\"https://example.com/\"></iframe>\n\n"
    "<a href=\"data:text/html,<script>document.title = 'hacked'</script>\">页</a>\n"
)


def plant(project: Path, body: str = "exhibits/history/ming-mosque/zh.md") -> int:
    """Append the unsafe markup to a body; returns the line of its <script>."""
    path = project / body
    text = path.read_text(encoding="utf-8")
    path.write_text(text + PLANTED, encoding="utf-8")
    return text.count("\n") + 2


def test_hall_check_fails_on_a_planted_script_with_file_line_both_languages_and_no_traceback(tmp_path):
    project = copy_sample_hall(tmp_path)
    line = plant(project)
    result = run_hall(project, "check")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert f"exhibits/history/ming-mosque/zh.md:{line}:1" in output
    assert "正文中有 <script>：网站不允许在正文中运行脚本。" in output
    assert "The body contains a <script>: the site does not allow scripts in a body." in output
    assert "修改建议：删除这段 <script>" in output and "How to fix: Remove the <script>" in output
    assert f"exhibits/history/ming-mosque/zh.md:{line + 2}:" in output  # the onerror and the javascript: link
    assert "onerror=" in output and "javascript:" in output and "<iframe>" in output
    build = run_mkdocs(project, "build", check=False)  # mkdocs build runs the same checks
    assert build.returncode != 0 and "正文中有 <script>" in build.stdout + build.stderr
    assert not (project / "site").exists()


def test_a_preview_build_that_shows_the_errors_writes_no_unsafe_markup(tmp_path, monkeypatch):
    """With errors, a preview keeps building (its home page lists them): the sanitizer alone
    keeps the planted markup off the pages, in both languages."""
    project = copy_sample_hall(tmp_path)
    plant(project)
    plant(project, "exhibits/history/ming-mosque/en.md")
    monkeypatch.setenv("HALL_SERVE", "1")  # as under `mkdocs serve`: content errors are shown, not fatal
    run_mkdocs(project, "build")
    for page in ("exhibits/history/ming-mosque/index.html", "en/exhibits/history/ming-mosque/index.html"):
        html = (project / "site" / page).read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        assert "文字 <img" in article and "点我" in article  # the text around it stays
        for unsafe in ("hacked", "onerror", "javascript:", "<iframe"):
            assert unsafe not in article, (page, unsafe)
    home = (project / "site" / "index.html").read_text(encoding="utf-8")  # the preview lists the errors
    listed = home[home.index("<article"):home.index("</article>")]
    assert "html.script" in listed and "<p>正文中有 &lt;script&gt;：" in listed
    assert "<script" not in listed and "<iframe" not in listed  # messages quote the markup as text
