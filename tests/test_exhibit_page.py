"""The summary shown once on an exhibit or news page (hall/pages/lead.py and its use by
hall/pages/exhibits.py and news.py): pure, no MkDocs."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hall.content.loader import load_hall
from hall.content.model import Body
from hall.pages import SiteOptions, plan_site
from hall.pages.lead import first_paragraph, lead, repeats_summary
from tests.support.sites import REPO

MOSQUE_SUMMARY = "古建筑清真寺始建于明洪武六年（1373年），至2021年已有648年历史。"


@pytest.fixture(scope="module")
def hall():
    loaded, log = load_hall(REPO, ("zh", "en"))
    assert not log.errors, log.format()
    return loaded.for_audience(include_drafts=False)


def _views(hall, language: str) -> dict[str, dict]:
    site = plan_site(hall, language, {}, "" if language == "zh" else "../", SiteOptions())
    return {page.dest_uri: page.view for page in site.pages}


def test_the_first_paragraph_comes_after_headings_notes_comments_and_photos():
    body = ("## 六百余年的历史\n\n> 待核实：年代\n\n<!-- 工作人员 -->\n\n![外景](a.jpg)\n\n"
            "第一段第一行\n第一段第二行\n\n第二段")
    assert first_paragraph(body) == "第一段第一行 第一段第二行"


def test_a_heading_written_right_above_its_paragraph_is_not_the_paragraph():
    assert first_paragraph("## 历史\n古建筑清真寺始建于明代。\n\n后来") == "古建筑清真寺始建于明代。"
    assert first_paragraph("History\n=======\n\nThe mosque.") == "The mosque."


def test_a_body_that_opens_with_a_list_or_a_table_has_no_first_paragraph():
    assert first_paragraph("## 成果\n\n- 一\n- 二\n\n正文") == ""
    assert first_paragraph("| a | b |\n|---|---|\n| 1 | 2 |") == ""


def test_the_summary_repeated_as_the_first_paragraph_is_found_despite_spacing_and_punctuation():
    body = "## 六百余年的历史\n\n古建筑清真寺始建于明洪武六年(1373年),至 2021 年已有648年历史\n\n2019年……"
    assert repeats_summary(MOSQUE_SUMMARY, body)
    assert repeats_summary("The mosque was founded in 1373.", "The **mosque** was [founded](x.md) in 1373!")


def test_a_summary_that_is_the_first_sentences_of_a_longer_paragraph_is_a_repeat():
    body = f"{MOSQUE_SUMMARY}2019年，社区在站院巷建成了展厅。"
    assert repeats_summary(MOSQUE_SUMMARY, body)
    assert repeats_summary("Founded in 1373. Still in use.", "Founded in 1373. Still in use. Open daily.")


def test_a_summary_that_only_begins_like_the_paragraph_is_not_a_repeat():
    assert not repeats_summary("古建筑清真寺", MOSQUE_SUMMARY)
    assert not repeats_summary("The historic mosque", "The historic mosque was founded in 1373.")
    assert not repeats_summary(MOSQUE_SUMMARY + "它是展厅所在地。", MOSQUE_SUMMARY)  # the summary says more


def test_a_summary_said_again_later_in_the_body_is_not_the_first_paragraph():
    assert not repeats_summary(MOSQUE_SUMMARY, f"## 历史\n\n另一段。\n\n{MOSQUE_SUMMARY}")
    assert not repeats_summary("", MOSQUE_SUMMARY)


def test_the_lead_is_the_summary_unless_the_body_opens_with_it():
    assert lead(MOSQUE_SUMMARY, f"## 历史\n\n{MOSQUE_SUMMARY}") == ""
    assert lead(MOSQUE_SUMMARY, "## 历史\n\n另一段。") == MOSQUE_SUMMARY
    assert lead(MOSQUE_SUMMARY, None) == MOSQUE_SUMMARY  # no body: the summary is all there is


def test_the_mosque_page_shows_its_summary_once_in_each_language(hall):
    """Its Chinese body opens with the summary: no separate summary; its English body does not."""
    page = "exhibits/history/ming-mosque/index.html"
    zh, en = _views(hall, "zh")[page], _views(hall, "en")[page]
    assert zh["summary"] == MOSQUE_SUMMARY and zh["lead"] == ""
    mosque = hall.exhibits["history/ming-mosque"]
    opens_with_summary = repeats_summary(mosque.summary.get("en"), mosque.bodies["en"].text)
    assert en["lead"] == ("" if opens_with_summary else mosque.summary.get("en"))


def test_a_news_item_whose_body_opens_with_its_summary_shows_it_once(hall):
    item = hall.news[0]
    summary = item.summary.get("zh")
    body = Body(text=f"## 活动\n\n{summary}\n\n其后的一段。", file=item.bodies["zh"].file)
    changed = replace(hall, news=(replace(item, bodies={**item.bodies, "zh": body}),) + hall.news[1:])
    page = f"news/{item.id}/index.html"
    assert _views(changed, "zh")[page]["lead"] == ""
    assert _views(changed, "zh")[page]["summary"] == summary  # cards, feeds and sharing keep it
    said_again = repeats_summary(summary, item.bodies["zh"].text)
    assert _views(hall, "zh")[page]["lead"] == ("" if said_again else summary)
