"""`hall kiosk update --from`: a new kiosk build from a USB folder or a URL replaces the
kiosk's site whole, after every file is checked against its manifest; a damaged or partial
source leaves the shown site exactly as it was."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from hall.cli.app import main
from hall.mkdocs.fingerprint import MANIFEST
from tests.support.sites import copy_sample_hall, run_hall
from tests.support.static_server import serve

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def kiosk_build(tmp_path_factory) -> Path:
    """The sample hall's kiosk build, as `hall build --kiosk` writes it."""
    project = copy_sample_hall(tmp_path_factory.mktemp("kiosk-update"))
    result = run_hall(project, "build", "--kiosk")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site-kiosk"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def shown(kiosk_build: Path, tmp_path: Path) -> Path:
    """The kiosk's current site: an older build (other home page, a file since removed)."""
    site = tmp_path / "kiosk/site-kiosk"
    shutil.copytree(kiosk_build, site)
    index = site / "index.html"
    index.write_text(index.read_text(encoding="utf-8").replace("</body>", "<p>OLD BUILD</p></body>"), encoding="utf-8")
    (site / "exhibits/removed-since").mkdir(parents=True)
    (site / "exhibits/removed-since/index.html").write_text("old", encoding="utf-8")
    return site


def update(source: str, site: Path, capsys) -> tuple[int, str]:
    code = main(["kiosk", "update", "--from", source, "--site", str(site)])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_the_build_lists_every_file_with_its_hash(kiosk_build):
    manifest = json.loads((kiosk_build / MANIFEST).read_text(encoding="utf-8"))["files"]
    assert set(manifest) == set(snapshot(kiosk_build)) - {MANIFEST}
    assert len(manifest) > 100 and all(len(entry["sha256"]) == 64 for entry in manifest.values())


def test_an_update_from_a_usb_folder_replaces_the_site_whole(kiosk_build, shown, tmp_path, capsys):
    usb = tmp_path / "usb"
    shutil.copytree(kiosk_build, usb / "site-kiosk")
    code, out = update(str(usb), shown, capsys)  # the stick's root: site-kiosk/ found in it
    assert code == 0, out
    assert snapshot(shown) == snapshot(kiosk_build)
    assert "Updated" in out and "更新完成" in out
    assert not list(shown.parent.glob(".site-kiosk.building-*"))


def test_a_damaged_file_on_the_stick_leaves_the_shown_site_untouched(kiosk_build, shown, tmp_path, capsys):
    usb = tmp_path / "usb/site-kiosk"
    shutil.copytree(kiosk_build, usb)
    index = usb / "index.html"  # the one file the kiosk lacks (a file it has is copied locally)
    index.write_bytes(index.read_bytes()[:-100])  # a copy interrupted when the stick was pulled
    before = snapshot(shown)
    code, out = update(str(usb), shown, capsys)
    assert code == 1 and "Traceback" not in out
    assert "损坏" in out and "damaged" in out and "still shows the previous site" in out
    assert snapshot(shown) == before
    assert not list(shown.parent.glob(".site-kiosk.building-*"))


def test_a_folder_without_a_kiosk_build_is_explained(shown, tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    before = snapshot(shown)
    code, out = update(str(tmp_path / "empty"), shown, capsys)
    assert code == 1 and "hall build --kiosk" in out and snapshot(shown) == before


def test_an_update_from_a_url_downloads_only_what_changed(kiosk_build, shown, tmp_path, capsys):
    served = tmp_path / "served"
    shutil.copytree(kiosk_build, served)
    requested: list[str] = []
    from tests.support.static_server import QuietHandler

    class Recording(QuietHandler):
        def do_GET(self):  # noqa: N802
            requested.append(self.path)
            super().do_GET()

    server, url = serve(served, Recording)
    try:
        code, out = update(url, shown, capsys)
    finally:
        server.shutdown()
    assert code == 0, out
    assert snapshot(shown) == snapshot(kiosk_build)
    assert sorted(requested) == sorted(["/" + MANIFEST, "/index.html"])  # the rest was on the kiosk already


def test_a_partial_download_leaves_the_shown_site_untouched(kiosk_build, shown, tmp_path, capsys):
    served = tmp_path / "served"
    shutil.copytree(kiosk_build, served)
    (served / "index.html").unlink()  # the server lost a file (an upload still under way)
    before = snapshot(shown)
    server, url = serve(served)
    try:
        code, out = update(url, shown, capsys)
    finally:
        server.shutdown()
    assert code == 1 and "index.html" in out and "Traceback" not in out
    assert snapshot(shown) == before
