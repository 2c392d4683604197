"""Visiting information: content/visit.yml read into the model, shown as a strip on the home
and about pages in both languages, with a tap-to-call phone and a "start the visit" link."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hall.content import load_hall
from hall.content.privacy import check_privacy
from hall.pages.visit import visit_start
from tests.conftest import copy_sample_hall, run_mkdocs
from tests.support.static_server import serve
from tests.test_content import make_hall

#: Test data only (the sample hall's own visit.yml holds placeholders: the seed gives no
#: address number, hours or phone). 138 0013 8000 is a mobile number, as many halls publish.
VISIT = """\
address: {zh: X县站院巷（测试地址）, en: "Zhanyuan Lane, X County (test address)"}
hours:
  - days: {zh: 周二至周日, en: Tuesday to Sunday}
    time: {zh: "9:00–17:00", en: "9 am to 5 pm"}
closed: {zh: 每周一闭馆, en: Closed on Mondays}
phone: 138 0013 8000
booking: {zh: 团体参观请提前一天电话预约。, en: Groups please book by phone a day ahead.}
directions: {zh: 测试用交通说明。, en: Test directions.}
accessibility: {zh: 测试用无障碍说明。, en: Test access notes.}
"""


# ------------------------------------------------------------------ the reader


def test_a_valid_visit_file_becomes_the_halls_visiting_information(tmp_path):
    hall, log = load_hall(make_hall(tmp_path, files={"content/visit.yml": VISIT}))
    assert not log.problems, log.format()
    visit = hall.visit
    assert visit is not None and visit.file == "content/visit.yml"
    assert visit.address.get("zh") == "X县站院巷（测试地址）" and visit.address.get("en").startswith("Zhanyuan Lane")
    [row] = visit.hours
    assert row.days.get("en") == "Tuesday to Sunday" and row.time.get("zh") == "9:00–17:00"
    assert visit.closed.get("en") == "Closed on Mondays"
    assert visit.phone.get("zh") == visit.phone.get("en") == "138 0013 8000" and visit.phone_line == 6
    assert visit.booking.get("zh").startswith("团体参观") and visit.accessibility.get("en") == "Test access notes."


def test_without_a_visit_file_there_is_no_visiting_information_and_no_problem(tmp_path):
    hall, log = load_hall(make_hall(tmp_path))
    assert hall.visit is None
    assert not log.problems, log.format()


def test_a_misspelt_field_is_named_in_both_languages_with_its_line_and_the_right_name(tmp_path):
    hall, log = load_hall(make_hall(tmp_path, files={"content/visit.yml": VISIT.replace("closed:", "closd:")}))
    [problem] = log.errors
    assert problem.code == "field.unknown" and problem.file == "content/visit.yml" and problem.line == 5
    assert "closd" in problem.zh and "closd" in problem.en
    assert "closed" in problem.hint_zh and "closed" in problem.hint_en


def test_words_in_the_phone_field_are_an_error_with_line_and_a_fix(tmp_path):
    hall, log = load_hall(make_hall(tmp_path, files={"content/visit.yml": VISIT.replace(
        "phone: 138 0013 8000", "phone: 电话 0871-1234567（工作日）")}))
    [problem] = log.errors
    assert problem.code == "visit.phone" and problem.line == 6
    assert "预约电话" in problem.zh and "booking phone" in problem.en
    assert "booking" in problem.hint_zh and "booking" in problem.hint_en
    assert hall.visit is not None and hall.visit.phone is None


def test_a_phone_written_as_a_staff_note_is_a_placeholder_not_an_error(tmp_path):
    hall, log = load_hall(make_hall(tmp_path, files={"content/visit.yml": VISIT.replace(
        "phone: 138 0013 8000", "phone: 【待补充：预约电话】")}))
    assert not log.problems, log.format()
    assert hall.visit.phone.get("zh") == "【待补充：预约电话】"


def test_a_broken_visit_file_is_reported_with_its_line_not_a_traceback(tmp_path):
    broken = VISIT.replace("closed: {zh: 每周一闭馆", "closed：{zh: 每周一闭馆")
    hall, log = load_hall(make_hall(tmp_path, files={"content/visit.yml": broken}))
    [problem] = log.errors
    assert problem.file == "content/visit.yml" and problem.line == 5
    assert problem.zh and problem.en and problem.hint_zh and problem.hint_en
    assert hall.visit is None


def test_hours_that_are_not_a_list_of_rows_are_reported_at_their_line(tmp_path):
    hall, log = load_hall(make_hall(tmp_path, files={"content/visit.yml": VISIT.replace(
        "  - days: {zh: 周二至周日, en: Tuesday to Sunday}\n", "  - 周二至周日\n  - days: {zh: 周二至周日, en: Tuesday to Sunday}\n")}))
    [problem] = log.errors
    assert problem.code == "yaml.not_mapping" and problem.line == 3
    assert "days" in problem.zh and "days" in problem.en


def test_the_sample_halls_visit_file_loads_and_every_value_is_a_marked_placeholder():
    from tests.conftest import REPO

    hall, log = load_hall(REPO)
    assert not [p for p in log.problems if p.file == "content/visit.yml"], log.format()
    visit = hall.visit
    texts = [visit.address, visit.closed, visit.booking, visit.directions, visit.accessibility,
             *(row.days for row in visit.hours), *(row.time for row in visit.hours if row.time)]
    for text in texts:
        assert "【待补充：" in text.get("zh") and "[[Placeholder: " in text.get("en")
    assert visit.phone.get("zh").startswith("【待补充：")


def test_in_a_public_build_the_sample_strip_keeps_the_lane_and_drops_every_placeholder():
    from hall.pages.context import PageContext
    from hall.pages.visit import visit_view
    from tests.conftest import REPO

    hall, _ = load_hall(REPO)
    for language, address in (("zh", "X县站院巷"), ("en", "Zhanyuan Lane, X County")):
        public = visit_view(hall.for_audience(False), PageContext(hall.for_audience(False), language, {}, ""))
        assert [(fact["id"], fact["text"]) for fact in public["facts"]] == [("address", address)]
        preview = visit_view(hall.for_audience(True), PageContext(hall.for_audience(True), language, {}, ""))
        assert [fact["id"] for fact in preview["facts"]] == [
            "address", "hours", "closed", "phone", "booking", "directions", "accessibility"]
        assert not any(fact.get("tel") for fact in preview["facts"])  # a placeholder is no number to call


# ------------------------------------------------------------------ privacy: the booking line


def test_the_booking_phone_passes_the_privacy_check_but_a_mobile_elsewhere_in_the_file_does_not(tmp_path):
    text = VISIT.replace("directions: {zh: 测试用交通说明。", "directions: {zh: 测试用交通说明，司机 13912345678。")
    hall, log = load_hall(make_hall(tmp_path, files={"content/visit.yml": text}))
    check_privacy(hall, log, publishing=True)
    [problem] = log.errors
    assert problem.code == "privacy.phone" and problem.file == "content/visit.yml" and problem.line == 8
    assert "139****5678" in problem.zh


def test_the_booking_phones_number_is_still_flagged_in_other_files(tmp_path):
    hall, log = load_hall(make_hall(tmp_path, files={
        "content/visit.yml": VISIT, "content/pages/about.zh.md": "# 关于\n\n预约电话 13800138000。\n"}))
    check_privacy(hall, log, publishing=True)
    [problem] = log.errors
    assert problem.code == "privacy.phone" and problem.file == "content/pages/about.zh.md"


# ------------------------------------------------------------------ the built site


@pytest.fixture(scope="module")
def visit_site(tmp_path_factory) -> Path:
    """The sample hall with the test visit.yml (a real-looking phone), built for publishing."""
    project = copy_sample_hall(tmp_path_factory.mktemp("visit"))
    (project / "content" / "visit.yml").write_text(VISIT, encoding="utf-8")
    run_mkdocs(project, "build")  # a publishing build: it would stop on the phone if privacy flagged it
    return project / "site"


def _strip(html: str) -> str:
    match = re.search(r'<section class="hall-visit".*?</section>', html, re.S)
    assert match, "no visiting strip on the page"
    return match.group(0)


@pytest.mark.parametrize("prefix, words", [
    ("", ("参观信息", "地址", "X县站院巷（测试地址）", "开放时间", "周二至周日", "9:00–17:00", "每周一闭馆", "开始参观")),
    ("en/", ("Visiting the hall", "Address", "Zhanyuan Lane, X County (test address)", "Opening hours",
             "Tuesday to Sunday", "Closed on Mondays", "Start the visit")),
])
@pytest.mark.parametrize("page", ["index.html", "about/index.html"])
def test_the_strip_is_on_the_home_and_about_pages_in_each_language(visit_site, prefix, words, page):
    strip = _strip((visit_site / prefix / page).read_text(encoding="utf-8"))
    for word in words:
        assert word in strip
    # A definition list: the screen reader says each term with its value.
    assert re.search(r"<dt>(地址|Address)</dt>\s*<dd>", strip)
    assert '<a href="tel:13800138000">138 0013 8000</a>' in strip


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("page", ["index.html", "about/index.html"])
def test_start_the_visit_leads_to_the_visit_page_that_exists(visit_site, prefix, page):
    origin = visit_site / prefix / page
    strip = _strip(origin.read_text(encoding="utf-8"))
    href = re.search(r'<p class="hall-visit__start"><a [^>]*href="([^"]+)"', strip).group(1)
    target = (origin.parent / href).resolve()
    assert (target / "index.html").is_file(), href
    assert target == (visit_site / prefix / "visit").resolve()  # floor plan and route (hall/pages/visitplan.py)


def test_the_strip_is_only_on_the_home_and_about_pages(visit_site):
    assert 'class="hall-visit"' not in (visit_site / "exhibits/prologue/index.html").read_text(encoding="utf-8")
    assert 'class="hall-visit"' not in (visit_site / "en/news/index.html").read_text(encoding="utf-8")


def test_the_visit_starts_on_the_visit_page_when_there_is_anything_to_visit():
    from dataclasses import replace

    from tests.conftest import REPO

    hall, _ = load_hall(REPO)
    assert visit_start(hall) == "visit/"
    assert visit_start(replace(hall, zones=(), floorplan=None)) == "exhibits/"


# ------------------------------------------------------------------ in a browser


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_strip_reads_at_390px_and_200_percent_text_without_scrolling_sideways(browser, visit_site, prefix):
    server, url = serve(visit_site)
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    context.add_init_script("try { localStorage.setItem('hall.textSize', '200') } catch (e) {}")
    page = context.new_page()
    try:
        for path in ("", "about/"):
            page.goto(url + prefix + path)
            assert page.evaluate("document.documentElement.getAttribute('data-hall-text')") == "200"
            strip = page.locator(".hall-visit")
            strip.scroll_into_view_if_needed()
            box = strip.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390 + 1
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, f"{prefix}{path} is {overflow}px wider than the phone at 200 % text"
            # Every fact's box stays inside the strip (nothing cut off or spilling out).
            spill = page.evaluate("""() => { const s = document.querySelector('.hall-visit').getBoundingClientRect();
                return [...document.querySelectorAll('.hall-visit dt, .hall-visit dd, .hall-visit a')]
                  .filter(e => { const r = e.getBoundingClientRect(); return r.right > s.right + 1 || r.left < s.left - 1; })
                  .map(e => e.textContent.trim()); }""")
            assert spill == []
            assert page.locator(".hall-visit a[href^='tel:']").is_visible()
            # The copy button appears once the script can copy, and says so when it has.
            button = page.locator(".hall-visit__copy")
            assert button.is_visible()
            button.click()
            expected = "地址已复制" if not prefix else "Address copied"
            assert page.locator(".hall-visit__status").inner_text() == expected
    finally:
        context.close()
        server.shutdown()
