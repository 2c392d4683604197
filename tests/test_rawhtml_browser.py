"""Planted scripts in a body do not run in Chromium when the sanitizer alone has to stop them.

The hall is built as a preview (``HALL_SERVE=1``, as under ``mkdocs serve``): the check
reports the planted markup but the build goes on, so only ``hall/outputs/sanitize.py``
stands between it and the page. The page's Content-Security-Policy is bypassed for the
same reason."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import copy_sample_hall
from tests.support.static_server import serve

pytestmark = pytest.mark.browser

#: Each payload counts itself into window.hallRan if it ever runs.
RUN = "window.hallRan=(window.hallRan||0)+1"
PLANTED = f"""

## 标题 <img src="x" onerror="{RUN}">

<script>{RUN}</script>

文字 <img src="x" onerror="{RUN}"> <svg onload="{RUN}"><circle r="1"></circle></svg>

<details open ontoggle="{RUN}"><summary>更多</summary>内容</details>

<iframe srcdoc="<script>parent.{RUN}</script>"></iframe>

<a id="planted-html" href="javascript:{RUN}">链接甲</a> [链接乙](javascript:{RUN.replace("(", "%28").replace(")", "%29")}){{: #planted-md }}

<p id="planted-attr">段落</p>
{{: onclick="{RUN}" }}
"""


@pytest.fixture(scope="module")
def preview_site(tmp_path_factory) -> Path:
    project = copy_sample_hall(tmp_path_factory.mktemp("rawhtml"))
    body = project / "exhibits/history/ming-mosque/zh.md"
    body.write_text(body.read_text(encoding="utf-8") + PLANTED, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HALL_SERVE": "1"}  # errors shown, build goes on
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "正文中有 <script>" in result.stdout + result.stderr  # the check did see it
    return project / "site"


def test_planted_scripts_handlers_frames_and_links_never_run(preview_site, browser):
    server, url = serve(preview_site)
    context = browser.new_context(bypass_csp=True)  # the sanitizer alone, not the page's policy
    try:
        page = context.new_page()
        page.goto(url + "exhibits/history/ming-mosque/")
        page.wait_for_load_state("load")
        assert page.locator("text=链接甲").count() == 1  # the planted body is on the page
        for link in ("#planted-html", "#planted-md", "#planted-attr"):
            if page.locator(link).count():
                page.locator(link).first.click()
        page.wait_for_timeout(300)
        assert page.evaluate("window.hallRan || 0") == 0
        assert page.locator("iframe, [onerror], [onload], [ontoggle], [onclick], [href^='javascript']").count() == 0
        assert page.locator("script", has_text="hallRan").count() == 0
    finally:
        context.close()
        server.shutdown()
