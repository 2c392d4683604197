"""Translation status (`hall check --translations`, `hall translated`, `hall build --strict`,
the "about this site" page) and the `hall new exhibit|news|zone` skeletons."""

from __future__ import annotations

import pytest

from hall.content import load_hall
from hall.cli.scaffold import new_news, new_zone
from hall.content.translations import fingerprint, format_table, translation_status
from hall.pages import plan_site
from tests.conftest import REPO, copy_sample_hall, run_hall
from tests.test_content import make_hall


def statuses(root, language="en"):
    hall, log = load_hall(root)
    assert not log.errors, log.format()
    return {row.id: row.status for row in translation_status(hall, language)}


def test_missing_unrecorded_up_to_date_and_outdated(tmp_path):
    root = make_hall(tmp_path)
    folder = root / "exhibits/history/mosque"
    assert statuses(root)["history/mosque"] == "missing"
    (folder / "en.md").write_text("Text.\n", encoding="utf-8")
    assert statuses(root)["history/mosque"] == "unrecorded"
    result = run_hall(root, "translated", "exhibits/history/mosque/en.md")
    assert result.returncode == 0, result.stderr
    stamp = fingerprint("正文。\n")
    assert f"<!-- translated_from: {stamp} -->" in (folder / "en.md").read_text(encoding="utf-8")
    assert statuses(root)["history/mosque"] == "ok"
    (folder / "zh.md").write_bytes("正文，已修改。\r\n".encode("utf-8"))
    assert statuses(root)["history/mosque"] == "outdated"
    run_hall(root, "translated", "exhibits/history/mosque/en.md")
    assert statuses(root)["history/mosque"] == "ok"
    assert (folder / "en.md").read_text(encoding="utf-8").count("translated_from") == 1


def test_check_translations_lists_tag_labels_without_english(tmp_path):
    """A tag labelled only in Chinese shows its Chinese label on English pages: the
    translations check lists it with the file to edit, and counts it as missing."""
    root = make_hall(tmp_path)
    (root / "exhibits/tags.yml").write_text("miaochuan: {zh: 庙川, en: Miaochuan}\nreligion: {zh: 宗教}\n", encoding="utf-8")
    hall, log = load_hall(root)
    assert not log.errors, log.format()
    table, missing = format_table(hall)
    [row] = [line for line in table.splitlines() if "exhibits/tags.yml" in line]
    assert "缺译文 missing" in row and "宗教 (religion)" in row
    assert "miaochuan" not in table
    assert missing == 1 + sum(r.status == "missing" for r in translation_status(hall, "en"))
    # "about this site" lists pages, and a tag has none
    assert all(r.kind != "tag" for r in translation_status(hall, "en"))


def test_about_this_site_page_lists_coverage():
    hall, _ = load_hall(REPO)
    for language, words in (("zh", "各语言翻译进度"), ("en", "Translation coverage by language")):
        plan = plan_site(hall, language, {})
        [page] = [p for p in plan.pages if p.src_uri == "about-this-site/index.md"]
        assert words in page.markdown
        assert "(../exhibits/customs/customs-and-culture/index.md)" in page.markdown  # untranslated in the sample
        assert any(item.src_uri == "about-this-site/index.md" for item in plan.footer)


@pytest.mark.slow
def test_check_translations_table_and_strict_build(tmp_path):
    project = copy_sample_hall(tmp_path / "hall")
    result = run_hall(project, "check", "--translations")
    assert result.returncode == 0, result.stderr
    assert "== en:" in result.stdout
    assert "缺译文 missing" in result.stdout and "exhibits/customs/customs-and-culture/en.md" in result.stdout
    result = run_hall(project, "build", "--strict")
    assert result.returncode == 1
    assert "translation.missing" not in result.stderr and "Traceback" not in result.stderr
    assert "The en translation of “customs/customs-and-culture” is missing" in result.stderr
    assert not (project / "site").exists()


@pytest.mark.slow
def test_every_skeleton_passes_check_as_it_is(tmp_path):
    project = copy_sample_hall(tmp_path / "hall")
    zones = project / "exhibits/zones.yml"
    before = zones.read_text(encoding="utf-8")
    for args in (("new", "zone", "crafts"), ("new", "exhibit", "crafts/old-loom"), ("new", "news", "2024-05-lecture")):
        result = run_hall(project, *args)
        assert result.returncode == 0, result.stderr
    after = zones.read_text(encoding="utf-8")
    assert after.startswith(before)  # comments and zones kept, the new zone appended
    assert "- id: crafts" in after
    assert (project / "content/news/2024-05-lecture/news.yml").exists()
    result = run_hall(project, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    hall, log = load_hall(project)
    assert hall.exhibits["crafts/old-loom"].status == "draft"
    assert next(n for n in hall.news if n.id == "2024-05-lecture").status == "draft"
    assert run_hall(project, "new", "zone", "crafts").returncode == 1  # never overwrites
    assert run_hall(project, "new", "news", "lecture").returncode == 2  # no date


def test_new_zone_keeps_crlf_and_refuses_a_listed_zone(tmp_path):
    root = make_hall(tmp_path)
    zones = root / "exhibits/zones.yml"
    zones.write_bytes(b"# zones\r\n- id: history\r\n  title: {zh: a, en: b}\r\n")
    new_zone(root, "crafts")
    data = zones.read_bytes()
    assert data.startswith(b"# zones\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    with pytest.raises(FileExistsError):
        new_zone(root, "history")


def test_new_news_needs_categories(tmp_path):
    root = make_hall(tmp_path)
    with pytest.raises(LookupError):
        new_news(root, "2024-lecture")
