"""Kiosk units: the Chromium command line, QR codes, the local server, the scripts."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import segno

from hall.pages.browse import browse_view
from hall.content import load_hall
from hall.cli.kiosk import CHROMIUM_FLAGS, DEFAULT_PORT, check_site, chromium_command, start_url
from hall.outputs.qr import external_links, is_external, public_url, qr_svg

REPO = Path(__file__).resolve().parent.parent
SCRIPTS = REPO / "scripts" / "kiosk"


# ---------- the browser command ----------

def test_chromium_command_is_locked_down_and_local() -> None:
    command = chromium_command(start_url(8765, 120), browser="/usr/bin/chromium", user_data_dir="/tmp/p")
    assert command[0] == "/usr/bin/chromium"
    for flag in ("--kiosk", "--noerrdialogs", "--disable-pinch",
                 "--overscroll-history-navigation=0", "--no-first-run", "--disable-session-crashed-bubble",
                 "--disable-background-networking", "--user-data-dir=/tmp/p"):
        assert flag in command, flag
    assert command[-1] == "http://127.0.0.1:8765/?attract&idle=120"
    assert not any(flag.startswith("--no-sandbox") or "remote-debugging" in flag for flag in command)
    # No --incognito: new-tab pages (Ctrl+T, Ctrl+N) follow the policy's NewTabPageLocation only in a
    # normal profile; the one profile folder is wiped at every start instead (hall/cli/kioskbrowser.py).
    assert "--incognito" not in command
    assert start_url() == f"http://127.0.0.1:{DEFAULT_PORT}/?attract"


def test_command_subcommand_prints_the_flags() -> None:
    out = subprocess.run([sys.executable, "-m", "hall.cli.kiosk", "command", "--browser", "chromium", "--port", "9000"],
                         capture_output=True, text=True, check=True).stdout
    assert out.startswith("chromium --kiosk ") and out.strip().endswith("'http://127.0.0.1:9000/?attract'")


# ---------- QR codes ----------

def _modules(svg: str) -> tuple[int, set[tuple[int, int]]]:
    """Dark modules drawn by segno's path (M/m moves and h runs, y at the module's middle)."""
    root = ET.fromstring(svg)
    size = int(root.get("viewBox").split()[2])
    dark_path = [p for p in root.iter() if p.tag.endswith("path") and p.get("stroke")]
    assert len(dark_path) == 1
    path = dark_path[0].get("d")
    dark: set[tuple[int, int]] = set()
    x = y = 0.0
    for command, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?:[ ,](-?[\d.]+))?", path):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            for i in range(int(float(a))):
                dark.add((int(y - 0.5), int(x) + i))
            x += float(a)
    return size, dark


@pytest.mark.parametrize("data", ["https://hall.example.cn/exhibits/history/ming-mosque/",
                                  "https://hall.example.cn/en/", "mailto:someone@example.cn"])
def test_qr_svg_is_valid_svg_encoding_the_data(data: str) -> None:
    svg = qr_svg(data)
    assert svg.startswith("<svg") and "<?xml" not in svg and "width=" not in svg.split(">")[0]
    size, dark = _modules(svg)
    code = segno.make(data, error="m", micro=False)
    assert code.error in ("M", "Q", "H")  # at least M; segno raises it when it costs no size
    expected = {(r + 4, c + 4) for r, row in enumerate(code.matrix) for c, v in enumerate(row) if v}
    assert size == len(code.matrix) + 8  # four modules of quiet zone on each side
    assert dark == expected
    root = ET.fromstring(svg)
    assert next(t for t in root.iter() if t.tag.endswith("title")).text == data


def test_qr_title_is_escaped() -> None:
    svg = qr_svg("https://x.cn/?a=1&b=<2>", title="用手机 & 扫码")
    ET.fromstring(svg)  # well-formed despite & and <


def test_public_url() -> None:
    assert public_url("https://hall.example.cn/", "exhibits/a/b/") == "https://hall.example.cn/exhibits/a/b/"
    assert public_url("https://hall.example.cn/en/", "exhibits/a/b/") == "https://hall.example.cn/en/exhibits/a/b/"
    assert public_url("https://hall.example.cn", "") == "https://hall.example.cn/"
    assert public_url("", "exhibits/") == ""


def test_external_links() -> None:
    html = ('<a href="../x/">in</a><a href="#top">top</a><a class="a" href="https://beian.miit.gov.cn/">icp</a>'
            "<a href='mailto:a@b.cn'>m</a><a href=\"https://beian.miit.gov.cn/\">again</a>"
            '<a href="https://hall.example.cn/x/">own</a><a href="https://q.cn/?a=1&amp;b=2">amp</a>')
    assert external_links(html, ("https://hall.example.cn",)) == [
        "https://beian.miit.gov.cn/", "mailto:a@b.cn", "https://q.cn/?a=1&b=2"]
    assert is_external("https://hall.example.cn/x/")  # on a kiosk even the public site is "outside"
    assert not is_external("javascript:void(0)") and not is_external("/assets/x.css")


# ---------- browse by zone, tag, year ----------

def test_browse_view_groups_every_exhibit() -> None:
    hall, problems = load_hall(REPO, ("zh", "en"))
    assert not problems.errors
    view = browse_view(hall, "zh", {})
    facets = {f["id"]: f for f in view["facets"]}
    assert len(view["items"]) == len(hall.exhibits) == len(view["keys"])
    assert sum(g["count"] for g in facets["zone"]["groups"]) == len(hall.exhibits)
    assert sum(g["count"] for g in facets["year"]["groups"]) == len(hall.exhibits)
    years = [g["key"] for g in facets["year"]["groups"]]
    assert years[0] == "1373" and years[-1] == "undated"
    assert facets["year"]["groups"][0]["title"] == "1373年"
    index = next(i for i, item in enumerate(view["items"]) if item["id"] == "history/ming-mosque")
    assert view["keys"][index] == {"zone": ["history"], "tag": ["architecture", "religion", "ming-dynasty"],
                                   "year": ["1373"]}
    assert browse_view(hall, "en", {})["facets"][2]["groups"][0]["title"] == "1373"


# ---------- the local server and `launch` without a display ----------

def _fake_kiosk_site(folder: Path) -> Path:
    folder.mkdir()
    (folder / "index.html").write_text('<html><script id="hall-kiosk-config"></script>首页</html>', encoding="utf-8")
    (folder / "empty").mkdir()
    return folder


def test_check_site_refuses_missing_or_public_builds(tmp_path: Path) -> None:
    assert "hall build --kiosk" in check_site(tmp_path / "nothing")
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "index.html").write_text("<html></html>", encoding="utf-8")
    assert "public site" in check_site(tmp_path / "public")
    assert check_site(_fake_kiosk_site(tmp_path / "kiosk")) is None


def test_launch_without_display_prints_the_command_and_serves_locally(tmp_path: Path) -> None:
    site = _fake_kiosk_site(tmp_path / "site-kiosk")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [sys.executable, "-u", "-m", "hall.cli.kiosk", "launch", "--site", str(site), "--port", "0", "--idle", "60"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    )
    try:
        lines = []
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            lines.append(line)
            if "--kiosk" in line:
                break
        command = lines[-1].split()
        assert "--kiosk" in command and any(part.startswith("--user-data-dir=") for part in command), lines
        url = command[-1].strip("'")
        match = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/\?attract&idle=60", url)
        assert match, url
        base = f"http://127.0.0.1:{match.group(1)}/"
        with urllib.request.urlopen(base) as response:
            assert "首页" in response.read().decode("utf-8")
            assert response.headers["Cache-Control"] == "no-cache"
        # a missing page or a folder listing goes back to the attract screen, never an error page
        for path in ("no/such/page/", "empty/"):
            with urllib.request.urlopen(base + path) as response:
                assert response.url == base + "?attract"
    finally:
        process.terminate()
        process.wait(timeout=10)


# ---------- scripts/kiosk ----------

def test_policy_allows_only_the_local_site() -> None:
    policy = json.loads((SCRIPTS / "chromium-policy.json").read_text(encoding="utf-8"))
    assert policy["URLBlocklist"][0] == "*"  # then the browser's own pages, which "*" does not cover
    assert policy["URLAllowlist"] == [f"http://127.0.0.1:{DEFAULT_PORT}"]
    assert policy["DeveloperToolsAvailability"] == 2 and policy["PrintingEnabled"] is False


def test_systemd_units_restart_and_use_the_same_port() -> None:
    server = (SCRIPTS / "hall-kiosk-server.service").read_text(encoding="utf-8")
    browser = (SCRIPTS / "hall-kiosk-browser.service").read_text(encoding="utf-8")
    for unit in (server, browser):
        assert "Restart=always" in unit and f"--port {DEFAULT_PORT}" in unit and "[Install]" in unit
    assert "-m hall.cli.kiosk serve" in server and "-m hall.cli.kiosk browser" in browser
    guide = (SCRIPTS / "INSTALL.md").read_text(encoding="utf-8")
    assert guide.index("## 中文") < guide.index("## English")
    assert "/etc/chromium/policies/managed" in guide


def test_chromium_flags_have_no_duplicates() -> None:
    names = [flag.split("=")[0] for flag in CHROMIUM_FLAGS]
    assert len(names) == len(set(names))
