"""The achievements page of one language: the community's figures by group, each with its
qualifier kept ("20余次" / "20+"), a bar chart in HTML and the sources (engine-agnostic)."""

from __future__ import annotations

from typing import Any

from ..content.model import Achievements, Hall
from ..i18n import HTML_LANG, catalog, format_date_span, join_number_unit, strings
from .charts import Bar, bar_chart
from .context import PageContext
from .figures import format_figure
from .spec import NavItem, PageSpec


def _achievements_view(achievements: Achievements, hall: Hall, views: PageContext) -> dict[str, Any]:
    language = views.language
    t = catalog(language, hall.default_language)
    groups = []
    for group in achievements.groups:
        figures = []
        for figure in group.figures:
            text = format_figure(figure, language)
            figures.append({
                "id": figure.id,
                "label": views.text(figure.label),
                "label_lang": views.text_lang(figure.label),
                "number": text.number,
                "unit": text.unit,
                "full": text.full,
                "qualifier": figure.qualifier,
                "period": format_date_span(figure.period, language) if figure.period else "",
                "source": views.text(figure.source),
            })
        title = views.text(group.title)
        chart = None
        if group.chart and len(group.figures) > 1:
            description = t("chart_desc", title=title, items=t("list_sep").join(
                f"{f['label']} {f['full']}" for f in figures))
            chart = bar_chart(
                [Bar(f["label"], fig.value, join_number_unit(f["number"], f["unit"], language), fig.qualifier == "more_than",
                     f["label_lang"] if f["label_lang"] != HTML_LANG.get(language, language) else "")
                 for f, fig in zip(figures, group.figures)],
                title=title, description=description, chart_id=f"hall-chart-{group.id}",
            )
        groups.append({"id": group.id, "title": title, "figures": figures, "chart": chart})
    sources = list(dict.fromkeys(f["source"] for g in groups for f in g["figures"] if f["source"]))
    return {
        "kind": "achievements",
        "title": t("achievements"),
        "labels": strings("ui", language, hall.default_language),
        "groups": groups,
        "sources": sources,
    }


def plan_achievements(hall: Hall, views: PageContext) -> tuple[list[PageSpec], list[NavItem]]:
    """The achievements page and its navigation entry (none without figures)."""
    achievements = hall.achievements
    if achievements is None or not achievements.groups:
        return [], []
    view = _achievements_view(achievements, hall, views)
    page = PageSpec(
        src_uri="achievements/index.md", dest_uri="achievements/index.html", title=view["title"],
        template="achievements.html",
        view=view, hide=("toc",),
    )
    return [page], [NavItem(views.t("achievements"), "achievements/index.md")]
