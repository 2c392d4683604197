"""Bar charts drawn at build time as inline SVG, with a text alternative.

No JavaScript and no chart library: the SVG is built with ``xml.etree`` (so every label
is escaped), carries ``role="img"``, a ``<title>`` and a ``<desc>`` that reads the whole
chart as a sentence, and the page shows the same numbers as a table beside it. Bars of
figures that are "more than" a value end in a dashed open segment, so the picture does
not claim more precision than the words.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

SVG_NS = "http://www.w3.org/2000/svg"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    value_text: str  # shown at the bar's end, qualifier included: "20+", "20余次"
    open_ended: bool = False  # "more than": draw a dashed extension


def bar_chart(bars: list[Bar], title: str, description: str, chart_id: str, width: int = 640) -> str:
    """A horizontal bar chart as an SVG string: each bar under its label, scaled to the largest."""
    row, label_height, value_width, top = 50, 18, 150, 4
    height = top * 2 + row * len(bars)
    plot = width - value_width
    largest = max((bar.value for bar in bars), default=0) or 1
    svg = ET.Element("svg", {
        "xmlns": SVG_NS, "class": "hall-chart", "viewBox": f"0 0 {width} {height}",
        "width": str(width), "height": str(height), "role": "img",
        "aria-labelledby": f"{chart_id}-title {chart_id}-desc", "id": chart_id,
        "preserveAspectRatio": "xMinYMin meet",
    })
    ET.SubElement(svg, "title", {"id": f"{chart_id}-title"}).text = title
    ET.SubElement(svg, "desc", {"id": f"{chart_id}-desc"}).text = description
    for index, bar in enumerate(bars):
        y = top + index * row
        length = max(2.0, plot * bar.value / largest)
        group = ET.SubElement(svg, "g", {"class": "hall-chart__row"})
        ET.SubElement(group, "text", {"x": "0", "y": str(y + label_height - 4), "class": "hall-chart__label"}).text = bar.label
        bar_top, bar_height = y + label_height + 2, row - label_height - 10
        ET.SubElement(group, "rect", {
            "x": "0", "y": str(bar_top), "width": f"{length:.1f}", "height": str(bar_height),
            "rx": "3", "class": "hall-chart__bar",
        })
        end = length
        middle = bar_top + bar_height / 2
        if bar.open_ended:
            ET.SubElement(group, "line", {
                "x1": f"{end:.1f}", "x2": f"{end + 18:.1f}", "y1": f"{middle:.1f}", "y2": f"{middle:.1f}",
                "class": "hall-chart__open", "stroke-dasharray": "4 3",
            })
            end += 18
        ET.SubElement(group, "text", {
            "x": f"{end + 6:.1f}", "y": f"{middle:.1f}", "class": "hall-chart__value", "dominant-baseline": "middle",
        }).text = bar.value_text
    ET.register_namespace("", SVG_NS)
    return ET.tostring(svg, encoding="unicode", short_empty_elements=True)
