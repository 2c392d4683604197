"""A corpus of mistakes staff really make, each planted in a copy of the sample hall.

Each ``Mistake`` edits one file and says what the report must name: the file, the line
(found by a marker in the edited text, so the corpus survives edits to the sample hall)
and a word or two of the message. ``strict`` mistakes are warnings that ``--strict``,
run before publishing, turns into errors. Used by tests/test_mistakes.py."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from tests.support.photos import png_claiming

MOSQUE = "exhibits/history/ming-mosque"
NEWS = "content/news/2021-stadium-performance"
VALID_ID = "11010519491231002X"  # made up, with a valid GB 11643 check character (tests/test_privacy.py)


@dataclass(frozen=True)
class Mistake:
    name: str
    file: str  # the file the report must name, repository-relative
    plant: Callable[[Path], None]
    line_of: str | None = None  # text on the line the report must name ("^…": the line starts with it)
    says: tuple[str, ...] = ()  # words the report must hold (any language)
    strict: bool = False  # a warning: an error only with --strict
    extra: tuple[str, ...] = field(default_factory=tuple)  # more files the report may name


def replace_in(relative: str, old: str, new: str, count: int = 1) -> Callable[[Path], None]:
    def plant(project: Path) -> None:
        path = project / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {relative}: update the corpus"
        path.write_text(text.replace(old, new, count), encoding="utf-8")
    return plant


def append_to(relative: str, text: str) -> Callable[[Path], None]:
    def plant(project: Path) -> None:
        path = project / relative
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return plant


def write_bytes(relative: str, data: bytes) -> Callable[[Path], None]:
    def plant(project: Path) -> None:
        (project / relative).write_bytes(data)
    return plant


def truncate(relative: str, keep: float) -> Callable[[Path], None]:
    def plant(project: Path) -> None:
        path = project / relative
        data = path.read_bytes()
        path.write_bytes(data[: int(len(data) * keep)])
    return plant


def several(*plants: Callable[[Path], None]) -> Callable[[Path], None]:
    def plant(project: Path) -> None:
        for one in plants:
            one(project)
    return plant


FUTURE = "content/news/2031-05-01-future-show"


def future_news(project: Path) -> None:
    """A news item copied from another and dated 2031, in a folder named for that date."""
    shutil.copytree(project / NEWS, project / FUTURE)
    replace_in(f"{FUTURE}/news.yml", "date: 2021", "date: 2031-05-01")(project)


def remove(relative: str) -> Callable[[Path], None]:
    def plant(project: Path) -> None:
        (project / relative).unlink()
    return plant


def new_published_skeleton(project: Path) -> None:
    """`hall new exhibit`, then published as it is, its placeholder text unchanged."""
    from hall.cli.scaffold import new_exhibit

    new_exhibit(project, "history/old-well")
    yml = project / "exhibits/history/old-well/exhibit.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("status: draft", "status: published"), encoding="utf-8")


M = Mistake
YML = f"{MOSQUE}/exhibit.yml"
ZH = f"{MOSQUE}/zh.md"
EN = f"{MOSQUE}/en.md"
TIMELINE = "content/timeline.yml"

MISTAKES: tuple[Mistake, ...] = (
    # -- YAML that does not parse, and the traps of a Chinese keyboard ---------------------------
    M("full-width colon after a key", YML, replace_in(YML, "order: 10", "order：10"), "order：10", ("：",)),
    M("tab indentation", YML, replace_in(YML, "  - file: mosque-detail.jpg", "\t- file: mosque-detail.jpg"), "\t- file", ("Tab",)),
    M("a mis-indented line", YML, replace_in(YML, "    credit: {zh: 示意图（占位）, en: Illustration (placeholder)}\n  - file: mosque-detail.jpg",
                                             "    credit: {zh: 示意图（占位）, en: Illustration (placeholder)}\n - file: mosque-detail.jpg"), " - file: mosque-detail"),
    M("curly quotes used as YAML quotes", YML, replace_in(YML, 'zh: "古建筑清真寺始建于', 'zh: “古建筑清真寺: 始建于'), "“古建筑", ("“",)),
    M("a full-width dash as a list marker", YML, replace_in(YML, "  - file: mosque-detail.jpg", "  － file: mosque-detail.jpg"), "－ file", ("－",)),
    M("a no-break space after a colon", YML, replace_in(YML, "order: 10", "order:\u00a010"), "order:\u00a0", ("U+00A0",)),
    M("a zero-width space before a key", YML, replace_in(YML, "\norder: 10", "\n\u200border: 10"), "\u200border", ("U+200B",)),
    M("a colon inside a flow mapping", YML, replace_in(YML, "era: {zh: 明洪武六年,", "era: {zh: 明代: 洪武六年,"), "era: {zh: 明代", ("{",)),
    M("a three-space indent", YML, replace_in(YML, "  - file: mosque-detail.jpg\n    alt:", "  - file: mosque-detail.jpg\n   alt:"),
      "^   alt:", ("2",)),
    M("an unclosed quote", YML, replace_in(YML, 'zh: "古建筑清真寺始建于明洪武六年（1373年），至2021年已有648年历史。"',
                                          'zh: "古建筑清真寺始建于明洪武六年（1373年），至2021年已有648年历史。'), "zh: \"古建筑清真寺始建"),
    M("a key written twice", YML, replace_in(YML, "order: 10\n", "order: 10\norder: 20\n"), "order: 20"),
    M("a GBK-encoded file", YML, lambda p: (p / YML).write_bytes((p / YML).read_text(encoding="utf-8").encode("gb18030")), None, ("GBK",)),
    M("an empty file", YML, write_bytes(YML, b""), None),
    M("a list where fields are expected", YML, write_bytes(YML, "- 古建筑清真寺\n- 1373\n".encode()), None),
    # -- fields -------------------------------------------------------------------------------
    M("a misspelt field name", YML, replace_in(YML, "title:", "titel:"), "titel:", ("title",)),
    M("a missing title", YML, replace_in(YML, "title: {zh: 古建筑清真寺, en: The Historic Mosque}\n", ""), None, ("title",)),
    M("a date written in Chinese", YML, replace_in(YML, "date: 1373", "date: 1373年"), "date: 1373年"),
    M("February 30th in an exhibit", YML, replace_in(YML, "date: 1373", "date: 2021-02-30"), "date: 2021-02-30", ("30",)),
    M("month 13 on the timeline", TIMELINE, replace_in(TIMELINE, "  - id: 2021-work-report\n    date: 2021\n",
                                                        "  - id: 2021-work-report\n    date: 2021-13-01\n"), "2021-13-01", ("13",)),
    M("an impossible date in a news item", f"{NEWS}/news.yml", replace_in(f"{NEWS}/news.yml", "date: 2021", "date: 2021-04-31"), "date: 2021-04-31", ("31",)),
    M("an unknown language code", YML, replace_in(YML, "era: {zh: 明洪武六年,", "era: {zh: 明洪武六年, fr: an VI de Hongwu,"), "era: {zh"),
    M("an unknown tag", YML, replace_in(YML, "tags: [architecture,", "tags: [architecure,"), "tags: [architecure", ("architecture",),
      strict=True),
    M("an unknown news category", f"{NEWS}/news.yml", replace_in(f"{NEWS}/news.yml", "category: performances", "category: show"), "category: show"),
    M("a related exhibit that does not exist", YML, replace_in(YML, "related: [prologue/exhibition-hall", "related: [prologue/exhibition-hal"),
      "related: [prologue/exhibition-hal", ("prologue/exhibition-hall",)),
    M("a zone listed twice", "exhibits/zones.yml", append_to("exhibits/zones.yml", "\n- id: history  # again\n  title: {zh: 历史印记, en: Traces of History}\n"),
      "- id: history  # again"),
    # -- photos -------------------------------------------------------------------------------
    M("a photo that is not there", YML, replace_in(YML, "file: mosque-detail.jpg", "file: mosque-details.jpg"), "mosque-details.jpg", ("mosque-detail.jpg",)),
    M("a truncated JPEG", f"{MOSQUE}/mosque-detail.jpg", truncate(f"{MOSQUE}/mosque-detail.jpg", 0.4), None),
    M("an empty photo file", f"{MOSQUE}/mosque-detail.jpg", write_bytes(f"{MOSQUE}/mosque-detail.jpg", b""), None),
    M("a PDF renamed .jpg", f"{MOSQUE}/mosque-detail.jpg", write_bytes(f"{MOSQUE}/mosque-detail.jpg", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"), None, ("PDF",)),
    M("an oversized PNG", f"{MOSQUE}/mosque-detail.jpg", several(write_bytes(f"{MOSQUE}/huge.png", png_claiming(40000, 40000)),
                                                             replace_in(YML, "file: mosque-detail.jpg", "file: huge.png")), None,
      extra=(f"{MOSQUE}/huge.png",)),
    # -- bodies: links and raw HTML ----------------------------------------------------------
    M("a link to a news item that does not exist, by its path on disk", ZH,
      append_to(ZH, "\n参见[相关动态](../../../content/news/2021-stadium-performanse/zh.md)。\n"), "2021-stadium-performanse", ("2021-stadium-performance",)),
    M("a link to a free page that does not exist", ZH, append_to(ZH, "\n参见[关于](../../../content/pages/abuot.zh.md)。\n"), "abuot.zh.md", ("about",)),
    M("a link to a site address that does not exist", ZH, append_to(ZH, "\n参见[展区](/exhibits/histroy/)。\n"), "/exhibits/histroy/"),
    M("a script in a body", ZH, append_to(ZH, "\n<script>alert(1)</script>\n"), "<script>", ("script",)),
    M("a frame in a body", ZH, append_to(ZH, '\n<iframe src="https://example.com/"></iframe>\n'), "<iframe", ("iframe",)),
    M("an event handler in a body", ZH, append_to(ZH, '\n<img src="x.jpg" onerror="alert(1)">\n'), "onerror", ("onerror",)),
    M("a javascript: link in a body", ZH, append_to(ZH, "\n[点这里](javascript:alert(1))\n"), "javascript:", ("javascript:",)),
    # -- personal data ------------------------------------------------------------------------
    M("an ID card number in a body", ZH, append_to(ZH, f"\n联系人身份证号：{VALID_ID}\n"), VALID_ID),
    M("a mobile number in a body", EN, append_to(EN, "\nCall 13912345678 to book a visit.\n"), "13912345678"),
    # -- unfinished work: warnings that --strict makes errors ---------------------------------
    M("a skeleton published with its placeholder text", "exhibits/history/old-well/exhibit.yml", new_published_skeleton, None, strict=True,
      extra=("exhibits/history/old-well/zh.md",)),
    M("Chinese text in an English body", EN, lambda p: (p / EN).write_text((p / ZH).read_text(encoding="utf-8"), encoding="utf-8"),
      None, strict=True),
    M("a news item dated in the future", f"{FUTURE}/news.yml", future_news, "date: 2031", strict=True),
    M("a 300-character title", YML, replace_in(YML, "title: {zh: 古建筑清真寺,", "title: {zh: " + "古建筑清真寺" * 50 + ","), "title: {zh", strict=True),
    M("tags.yml deleted", "exhibits/tags.yml", remove("exhibits/tags.yml"), None, strict=True),
    M("a zone with no exhibits", "exhibits/zones.yml",
      append_to("exhibits/zones.yml", "\n- id: crafts\n  title: {zh: 手工技艺, en: Crafts}\n"), "- id: crafts", strict=True),
)
