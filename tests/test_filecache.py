"""Results kept between builds for unchanged staff files (hall/content/filecache.py)."""

from __future__ import annotations

import os
from pathlib import Path

from hall.content import load_hall
from hall.content.filecache import CACHE_DIR, FileCache
from hall.content.privacy import check_privacy
from tests.conftest import copy_sample_hall


def _touch_later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_a_value_is_worked_out_again_only_when_its_file_changes(tmp_path):
    file = tmp_path / "a.yml"
    file.write_text("title: 一\n", encoding="utf-8")
    calls = []

    def work():
        calls.append(1)
        return file.read_text(encoding="utf-8"), True

    cache = FileCache(tmp_path, "test", "v1")
    assert cache.value(file, work) == "title: 一\n"
    cache.save()
    again = FileCache(tmp_path, "test", "v1")
    assert again.value(file, work) == "title: 一\n" and len(calls) == 1
    file.write_text("title: 二\n", encoding="utf-8")  # same size, new time
    _touch_later(file)
    assert again.value(file, work) == "title: 二\n" and len(calls) == 2
    assert FileCache(tmp_path, "test", "v2").value(file, work) and len(calls) == 3  # other code: ignored


def test_values_with_problems_are_not_kept_and_a_broken_cache_is_ignored(tmp_path):
    file = tmp_path / "a.md"
    file.write_text("x", encoding="utf-8")
    calls = []
    cache = FileCache(tmp_path, "test", "v1")
    cache.value(file, lambda: (calls.append(1), False))
    cache.value(file, lambda: (calls.append(1), False))
    assert len(calls) == 2
    cache.save()
    assert not (tmp_path / CACHE_DIR / "test.pickle").exists()  # nothing to keep, nothing written
    (tmp_path / CACHE_DIR).mkdir(parents=True)
    (tmp_path / CACHE_DIR / "test.pickle").write_bytes(b"not a pickle")
    assert FileCache(tmp_path, "test", "v1").value(file, lambda: ("fresh", True)) == "fresh"


def test_a_returned_value_is_a_copy(tmp_path):
    file = tmp_path / "a.yml"
    file.write_text("x", encoding="utf-8")
    cache = FileCache(tmp_path, "test", "v1")
    cache.value(file, lambda: ({"title": "一"}, True))
    first = cache.value(file, lambda: ({}, True))
    first["title"] = "changed"
    assert cache.value(file, lambda: ({}, True)) == {"title": "一"}


def test_a_second_load_gives_the_same_hall_and_problems_are_reported_every_time(tmp_path):
    project = copy_sample_hall(tmp_path / "hall")
    first, log = load_hall(project)
    assert (project / CACHE_DIR / "yaml.pickle").exists()
    second, _ = load_hall(project)
    assert second == first
    # A broken file is reported on every load, not only on the first.
    yml = project / "exhibits/history/ming-mosque/exhibit.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("title:", "titel:"), encoding="utf-8")
    for _ in range(2):
        _, log = load_hall(project)
        assert any(p.file.endswith("ming-mosque/exhibit.yml") for p in log.errors)
    # A phone number is reported on every check, also when its file was scanned before.
    body = project / "exhibits/history/ming-mosque/zh.md"
    body.write_text(body.read_text(encoding="utf-8") + "\n联系电话 13912345678。\n", encoding="utf-8")
    for _ in range(2):
        hall, log = load_hall(project)
        check_privacy(hall, log)
        assert any(p.code == "privacy.phone" for p in log.errors)
