"""The synthetic hall generator (scripts/bench/synthetic_hall.py) makes a hall that builds."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scripts.bench.synthetic_hall import ZONES, generate_hall, write_plain_project
from tests.support.sites import run_mkdocs


@pytest.fixture(scope="module")
def tiny_hall(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("synthetic") / "hall"
    generate_hall(project, exhibits=4, news=2, seed=3)
    return project


def _exhibit_ids(project: Path) -> list[str]:
    return sorted(f"{p.parent.parent.name}/{p.parent.name}" for p in project.glob("exhibits/*/*/exhibit.yml"))


def test_generates_exhibits_with_three_photos_and_chinese_text(tiny_hall: Path) -> None:
    ids = _exhibit_ids(tiny_hall)
    assert len(ids) == 4
    zones = yaml.safe_load((tiny_hall / "exhibits" / "zones.yml").read_text(encoding="utf-8"))
    assert [z["id"] for z in zones] == [z[0] for z in ZONES]
    for exhibit_id in ids:
        folder = tiny_hall / "exhibits" / exhibit_id
        data = yaml.safe_load((folder / "exhibit.yml").read_text(encoding="utf-8"))
        assert len(data["images"]) == 3
        assert all((folder / image["file"]).stat().st_size > 0 for image in data["images"])
        zh = (folder / "zh.md").read_text(encoding="utf-8")
        assert sum("\u4e00" <= ch <= "\u9fff" for ch in zh) > 100  # real Chinese text, not filler
        assert (folder / "en.md").read_text(encoding="utf-8").count(" ") > 50


def test_same_seed_same_files(tiny_hall: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    generate_hall(again, exhibits=4, news=2, seed=3)
    for name in ("exhibits/zones.yml", "content/home.yml"):
        assert (again / name).read_bytes() == (tiny_hall / name).read_bytes()
    for exhibit_id in _exhibit_ids(tiny_hall):
        for name in ("exhibit.yml", "zh.md", "photo-1.jpg"):
            assert (again / "exhibits" / exhibit_id / name).read_bytes() == (tiny_hall / "exhibits" / exhibit_id / name).read_bytes()
    other = tmp_path / "other"
    generate_hall(other, exhibits=4, news=2, seed=4)
    first = _exhibit_ids(tiny_hall)[0]
    assert (other / "exhibits" / first / "zh.md").read_bytes() != (tiny_hall / "exhibits" / first / "zh.md").read_bytes()


@pytest.mark.slow
def test_mkdocs_builds_exhibit_pages_in_both_languages(tiny_hall: Path) -> None:
    run_mkdocs(tiny_hall, "build")
    site = tiny_hall / "site"
    for exhibit_id in _exhibit_ids(tiny_hall):
        title = yaml.safe_load((tiny_hall / "exhibits" / exhibit_id / "exhibit.yml").read_text(encoding="utf-8"))["title"]
        zh = site / "exhibits" / exhibit_id / "index.html"
        en = site / "en" / "exhibits" / exhibit_id / "index.html"
        assert title["zh"] in zh.read_text(encoding="utf-8")
        assert title["en"] in en.read_text(encoding="utf-8")


def test_plain_project_has_the_same_pages_in_suffix_structure(tiny_hall: Path, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    write_plain_project(tiny_hall, plain)
    config = yaml.safe_load((plain / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = [next(iter(p)) for p in config["plugins"]]
    assert plugins == ["search", "i18n"]
    for exhibit_id in _exhibit_ids(tiny_hall):
        folder = plain / "docs" / "exhibits" / exhibit_id
        assert (folder / "index.zh.md").exists() and (folder / "index.en.md").exists()
        assert len(list(folder.glob("*.jpg"))) == 3
        body = (tiny_hall / "exhibits" / exhibit_id / "zh.md").read_text(encoding="utf-8")
        assert body.strip() in (folder / "index.zh.md").read_text(encoding="utf-8")
    assert len(list(plain.glob("docs/news/*/index.zh.md"))) == 2
