"""Achievement figures: qualifiers kept, Babel number formats, bar charts of HTML and CSS."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import copy_sample_hall
from hall.pages.charts import Bar, bar_chart
from hall.content import load_hall
from hall.content.model import Figure
from hall.content.model import Localized
from hall.pages.figures import format_figure

REPO = Path(__file__).resolve().parent.parent
TIMES = Localized({"zh": "次", "en": "sessions"})


@pytest.mark.parametrize("figure, zh, en_number, en_full", [
    (Figure("a", Localized({"zh": "x"}), 20, "more_than", TIMES), "20余次", "20+", "more than 20 sessions"),
    (Figure("b", Localized({"zh": "x"}), 20, "about", TIMES), "约20次", "about 20", "about 20 sessions"),
    (Figure("c", Localized({"zh": "x"}), 106, "exact", Localized({"zh": "户", "en": "families"})), "106户", "106", "106 families"),
    (Figure("d", Localized({"zh": "x"}), 120000, "exact", None, "CNY"), "12万元", "¥120,000", "¥120,000"),
    (Figure("e", Localized({"zh": "x"}), 26000, "exact", None, "CNY"), "2.6万元", "¥26,000", "¥26,000"),
    (Figure("f", Localized({"zh": "x"}), 120000, "more_than", None, "CNY"), "12万余元", "¥120,000+", "more than ¥120,000"),
])
def test_figures_keep_their_qualifier_in_both_languages(figure, zh, en_number, en_full):
    assert format_figure(figure, "zh").full == zh
    assert format_figure(figure, "en").number == en_number
    assert format_figure(figure, "en").full == en_full


def test_sample_has_every_figure_of_the_report():
    hall, log = load_hall(REPO)
    assert not log.errors
    figures = {f.id: f for g in hall.achievements.groups for f in g.figures}
    expected = {
        "families-helped": (106, "exact"), "medical-insurance": (810, "exact"), "pension-insurance": (111, "exact"),
        "study-sessions": (20, "more_than"), "policy-lectures": (10, "more_than"), "performances": (3, "exact"),
        "training-courses": (5, "exact"), "community-activities": (100, "more_than"),
        "hall-funding": (120000, "exact"), "square-investment": (26000, "exact"),
    }
    for key, (value, qualifier) in expected.items():
        assert (figures[key].value, figures[key].qualifier) == (value, qualifier), key
        assert "工作总结" in figures[key].source.get("zh") and "work report" in figures[key].source.get("en")


def test_value_written_with_yu_gets_a_hint(tmp_path):
    project = copy_sample_hall(tmp_path / "hall")
    path = project / "content" / "achievements.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 106", "value: 106余"), encoding="utf-8")
    _hall, log = load_hall(project)
    [error] = [e for e in log.errors if e.code == "achievements.value"]
    assert "qualifier" in error.hint_zh and error.line is not None


def test_chart_is_accessible_html():
    chart = bar_chart([Bar("学习会 <a>", 20, "20余次", True), Bar("演出", 3, "3次"), Bar("Posts", 6, "6篇", lang="en")],
                      "学习宣传", "学习会20余次；演出3次。", "c1")
    assert re.search(r'<div class="hall-chart" id="c1" role="img" aria-label="学习宣传" aria-describedby="c1-desc">', chart)
    assert '<p class="hall-visually-hidden" id="c1-desc">学习会20余次；演出3次。</p>' in chart
    shares = [float(s) for s in re.findall(r"--share: ([0-9.]+)", chart)]
    assert shares == [1.0, 0.15, 0.3]
    assert chart.count("hall-chart__bar--open") == 1  # the open end of "more than"
    assert "学习会 &lt;a&gt;" in chart and "<a>" not in chart
    assert '<span class="hall-chart__label" lang="en">Posts</span>' in chart


@pytest.mark.browser
def test_chart_reads_at_text_size_on_a_phone(phone, site_url):
    """Labels are as large as the text around them (an SVG chart scaled to the phone's width
    showed them at 8 px), wrap inside the screen, and bars keep their proportions."""
    phone.goto(site_url + "en/achievements/")
    chart = phone.locator("#hall-chart-insurance")
    sizes = chart.evaluate("""(chart) => {
      const px = (e) => parseFloat(getComputedStyle(e).fontSize);
      const bars = [...chart.querySelectorAll('.hall-chart__bar')].map((b) => b.getBoundingClientRect().width);
      return { label: Math.min(...[...chart.querySelectorAll('.hall-chart__label')].map(px)),
               text: px(document.querySelector('article.md-typeset')), bars,
               right: Math.max(...[...chart.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)),
               screen: document.documentElement.clientWidth };
    }""")
    assert sizes["label"] >= 0.95 * sizes["text"] and sizes["label"] >= 13
    assert sizes["right"] <= sizes["screen"]
    residents, elderly = sizes["bars"]  # 810, 111: people on one scale (families have a chart of their own)
    assert abs(elderly / residents - 111 / 810) < 0.02


@pytest.mark.slow
def test_built_achievements_pages(site):
    zh = (site / "achievements" / "index.html").read_text(encoding="utf-8")
    en = (site / "en" / "achievements" / "index.html").read_text(encoding="utf-8")
    for text in ("20余", "12万", "2.6万", "106", "<svg", 'role="img"', "<table"):
        assert text in zh, text
    for text in ("20+", "¥120,000", "¥26,000", "more than 100 activities", "<svg"):
        assert text in en, text
    assert ">20<" not in zh.replace(" ", "")
