"""Bar charts drawn at build time as HTML and CSS, with a text alternative.

No JavaScript and no chart library. The chart is real text in the page's flow: labels
wrap, and type stays the size of the text around it on a phone (an SVG drawn 640 units
wide showed 8 px labels on a 390 px phone) and follows the site's text-size control.
Only the bars are drawn, by CSS, their widths set here. The chart carries ``role="img"``,
the group's title as its name and a sentence reading the whole chart as its description;
the page shows the same numbers as a table beside it. Bars of figures that are "more
than" a value end in a dashed open segment, so the picture does not claim more precision
than the words.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    value_text: str  # shown beside the label, qualifier included: "20+", "20余次"
    open_ended: bool = False  # "more than": draw a dashed extension
    lang: str = ""  # the label's language, when it is not the page's


def bar_chart(bars: list[Bar], title: str, description: str, chart_id: str) -> str:
    """A horizontal bar chart as HTML: each bar under its label and value, scaled to the
    largest (``--share``, a fraction of the row: theme/assets/hall-chronicle.css)."""
    largest = max((bar.value for bar in bars), default=0) or 1
    rows = []
    for bar in bars:
        lang = f' lang="{escape(bar.lang)}"' if bar.lang else ""
        open_class = " hall-chart__bar--open" if bar.open_ended else ""
        rows.append(
            f'<div class="hall-chart__row">'
            f'<span class="hall-chart__label"{lang}>{escape(bar.label)}</span>'
            f'<span class="hall-chart__value">{escape(bar.value_text)}</span>'
            f'<span class="hall-chart__bar{open_class}" style="--share: {max(bar.value / largest, 0.005):.4f}"></span>'
            f'</div>'
        )
    return (
        f'<div class="hall-chart" id="{escape(chart_id)}" role="img" aria-label="{escape(title)}"'
        f' aria-describedby="{escape(chart_id)}-desc">'
        f'<p class="hall-visually-hidden" id="{escape(chart_id)}-desc">{escape(description)}</p>'
        + "".join(rows) + "</div>"
    )
