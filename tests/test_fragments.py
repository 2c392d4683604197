"""Chrome rendered once per shape (hall/mkdocs/fragments.py) must not change any page."""

from __future__ import annotations

from pathlib import Path

import pytest

from hall.mkdocs.fragments import FragmentCache
from hall.mkdocs.switches import ENV_FRAGMENTS
from tests.conftest import copy_sample_hall, run_mkdocs

pytestmark = pytest.mark.slow


def _pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


def test_cached_chrome_gives_the_same_site_byte_for_byte(site, tmp_path, monkeypatch):
    project = copy_sample_hall(tmp_path)
    monkeypatch.setenv(ENV_FRAGMENTS, "0")
    run_mkdocs(project, "build")
    uncached, cached = _pages(project / "site"), _pages(site)
    assert len(cached) > 40 and cached.keys() == uncached.keys()
    different = [path for path in cached if cached[path] != uncached[path]]
    assert not different, f"pages differ with the fragment cache: {different[:5]}"


def test_exhibit_pages_share_their_chrome(site):
    """The cache is used: exhibits at one depth have the same navigation drawer, and each
    still has its own title and language switch."""
    first, second = (site / "exhibits/history/ming-mosque/index.html", site / "exhibits/history/long-march-memorials/index.html")
    a, b = first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")
    drawer = lambda html: html[html.index('md-sidebar--primary'):html.index('md-sidebar--secondary')]  # noqa: E731
    assert drawer(a) == drawer(b)
    assert 'href="../../../en/exhibits/history/ming-mosque/"' in a
    assert 'href="../../../en/exhibits/history/long-march-memorials/"' in b


class _Page:
    def __init__(self, url: str, hide=None) -> None:
        self.url, self.meta = url, {"hide": hide} if hide else {}


def _render(cache: FragmentCache, page: _Page, base_url: str, calls: list[str]) -> str:
    from jinja2 import Environment

    env = Environment()
    env.globals["hall_cached"] = cache
    template = env.from_string('{% call hall_cached("nav") %}{{ page.url }}{% endcall %}')
    calls.append(page.url)
    return template.render(page=page, base_url=base_url)


def test_shapes_pages_in_the_navigation_and_depth_apart():
    cache, calls = FragmentCache(own_urls={"zones/history/"}), []
    assert _render(cache, _Page("exhibits/a/x/"), "../../..", calls) == "exhibits/a/x/"
    assert _render(cache, _Page("exhibits/a/y/"), "../../..", calls) == "exhibits/a/x/"  # same shape: reused
    assert _render(cache, _Page("exhibits/b/v/"), "../../..", calls) == "exhibits/b/v/"  # another folder
    assert _render(cache, _Page("news/z/"), "../..", calls) == "news/z/"  # another depth
    assert _render(cache, _Page("zones/history/"), "../..", calls) == "zones/history/"  # in the navigation
    assert _render(cache, _Page("exhibits/a/w/", hide=["toc"]), "../../..", calls) == "exhibits/a/w/"
    assert cache.misses == 5


def test_disabled_cache_renders_every_time(monkeypatch):
    monkeypatch.setenv(ENV_FRAGMENTS, "0")
    cache, calls = FragmentCache(own_urls=set()), []
    assert _render(cache, _Page("exhibits/a/x/"), "../../..", calls) == "exhibits/a/x/"
    assert _render(cache, _Page("exhibits/a/y/"), "../../..", calls) == "exhibits/a/y/"
