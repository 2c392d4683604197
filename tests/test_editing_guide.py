"""EDITING.md explains every problem code the hall can report."""

from __future__ import annotations

import re

from tests.conftest import REPO

FAMILIES = ("yaml", "file", "field", "exhibit", "zone", "zones", "image", "body", "page", "news", "timeline",
            "achievements", "reference", "link", "id", "privacy", "translation", "tag", "note", "visit", "html", "share", "system",
            "guide", "floorplan", "audio", "tour", "licence", "kiosk")
NOT_CODES = {"html", "yml", "md", "xml", "json", "txt", "svg", "css", "js", "csv"}
#: codes built with an f-string: reference.{key}, privacy.{kind}
BUILT = {"reference.related", "reference.highlights", "privacy.id_number", "privacy.phone"}


def problem_codes() -> set[str]:
    pattern = re.compile(r"""["']((?:%s)\.[a-z_]+)["']""" % "|".join(FAMILIES))
    codes = set(BUILT)
    for path in (REPO / "hall").rglob("*.py"):
        for code in pattern.findall(path.read_text(encoding="utf-8")):
            if code.rsplit(".", 1)[1] not in NOT_CODES:
                codes.add(code)
    return codes


def test_every_problem_code_is_explained_in_editing_md():
    guide = (REPO / "EDITING.md").read_text(encoding="utf-8")
    codes = problem_codes()
    assert len(codes) > 40
    missing = sorted(code for code in codes if f"`{code}`" not in guide)
    assert not missing, f"add these codes to the table in EDITING.md: {missing}"


def test_guide_is_chinese_first_then_english():
    guide = (REPO / "EDITING.md").read_text(encoding="utf-8")
    assert 0 < guide.index("## 中文") < guide.index("## English")
    for words in ("hall serve", "hall new news", "privacy_allow.yml", "PIPL", "glossary.md", "GB 11643"):
        assert words in guide
