"""W3C validity: the Nu HTML Checker (npm ``vnu-jar``, run with Java) finds no errors on
every page type, in both languages.

The checker is a development tool installed by ``npm ci --prefix tools`` (``make test`` does
it); it never ships in site/.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VNU = REPO / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

PAGES = [
    "index.html",
    "exhibits/index.html",
    "exhibits/history/index.html",
    "exhibits/history/ming-mosque/index.html",
    "about/index.html",
    "accessibility/index.html",
    "timeline/index.html",
    "news/index.html",
    "news/2021-long-march-visits/index.html",
    "achievements/index.html",
]


def test_every_page_type_is_valid_html(site: Path) -> None:
    java = shutil.which("java")
    assert java, "Java is needed for the Nu HTML checker: apt-get install default-jre-headless"
    assert VNU.exists(), f"{VNU} is missing: run `npm ci --prefix tools` (make test does)"
    files = [site / page for page in PAGES] + [site / "en" / page for page in PAGES]
    missing = [str(f) for f in files if not f.exists()]
    assert not missing, missing
    result = subprocess.run(
        [java, "-Xss8m", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True, text=True, timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    report = "\n".join(f"{m.get('url', '').split('/site/')[-1]}:{m.get('lastLine', '?')}: {m.get('message')}" for m in errors)
    assert errors == [], report
