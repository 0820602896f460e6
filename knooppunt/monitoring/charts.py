"""The monitoring charts as ReportLab drawings: one source for the window and the PDF.

The PDF places the drawing itself (a ReportLab flowable, through z3c.rml's ``plugInFlowable``);
the window shows the same drawing rendered to SVG. ReportLab is imported here, and this module
only when Monitoring is opened or a report is made, so starting the program does not pay for it.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

from reportlab.graphics import renderSVG
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .. import paths
from .model import Chart

# The house colours of the documents (dark blue of the headings), then calmer tones.
PALETTE = ("#1f3a5f", "#4f8a8b", "#e0a458", "#b03a2e", "#8e9aaf")
WIDTH, HEIGHT = 300, 190


@functools.cache
def font() -> str:
    """DejaVu Sans (embedded in every document); Helvetica if the font file is missing."""
    try:
        if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DejaVuSans", str(paths.resource("fonts", "DejaVuSans.ttf"))))
        if "DejaVuSans-Bold" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(paths.resource("fonts", "DejaVuSans-Bold.ttf"))))
        return "DejaVuSans"
    except (FileNotFoundError, OSError):
        return "Helvetica"


@dataclass(frozen=True)
class Plot:
    """Where the bars are drawn (points, origin bottom left) and the top of the value axis."""

    x: float
    y: float
    width: float
    height: float
    top: float


def plot(chart: Chart, width: float = WIDTH, height: float = HEIGHT) -> Plot:
    legend_height = 26 if len(chart.series) > 1 else 0
    data = [list(values) for _name, values in chart.series]
    top = max([sum(column) for column in zip(*data, strict=False)] if chart.stacked
              else [v for values in data for v in values] or [0])
    return Plot(34, 34 + legend_height, width - 44, height - 58 - legend_height, max(4, top * 1.15))


def bar_at(chart: Chart, x: float, y: float, width: float = WIDTH, height: float = HEIGHT) -> tuple[int, int] | None:
    """(series, category) of the bar at a point of the drawing, or None. A click anywhere in a
    category's column counts for an unstacked chart, so an empty (zero) bar can be opened too."""
    area, n = plot(chart, width, height), len(chart.categories)
    if not n or not area.x <= x <= area.x + area.width or not area.y <= y <= area.y + area.height:
        return None
    column = area.width / n
    category = min(int((x - area.x) / column), n - 1)
    if not chart.stacked:
        series = int((x - area.x - category * column) / (column / len(chart.series)))
        return min(series, len(chart.series) - 1), category
    value, reached = (y - area.y) / area.height * area.top, 0.0
    for series, (_name, values) in enumerate(chart.series):
        reached += values[category]
        if value <= reached:
            return series, category
    return None


def drawing(chart: Chart, width: float = WIDTH, height: float = HEIGHT) -> Drawing:
    face = font()
    bold = "DejaVuSans-Bold" if face == "DejaVuSans" else "Helvetica-Bold"
    d = Drawing(width, height)
    # types-reportlab types these keywords and the chart's geometry too narrowly; ReportLab takes them.
    background: Any = Rect
    d.add(background(0, 0, width, height, fillColor=colors.white, strokeColor=None))
    d.add(String(4, height - 14, chart.title, fontName=bold, fontSize=10, fillColor=colors.HexColor(PALETTE[0])))
    legend_height = 26 if len(chart.series) > 1 else 0
    area = plot(chart, width, height)
    bars: Any = VerticalBarChart()
    bars.x, bars.y, bars.width, bars.height = area.x, area.y, area.width, area.height
    bars.data = [list(values) for _name, values in chart.series]
    bars.categoryAxis.categoryNames = [_wrap(name) for name in chart.categories]
    bars.categoryAxis.labels.fontName = face
    bars.categoryAxis.labels.fontSize = 7
    bars.categoryAxis.labels.boxAnchor = "n"
    bars.valueAxis.labels.fontName = face
    bars.valueAxis.labels.fontSize = 7
    bars.valueAxis.valueMin = 0
    bars.valueAxis.valueMax = area.top
    bars.valueAxis.valueStep = _step(bars.valueAxis.valueMax)
    bars.valueAxis.labelTextFormat = "%d"
    bars.categoryAxis.style = "stacked" if chart.stacked else "parallel"
    bars.barSpacing = 1
    bars.groupSpacing = 8
    for index, _series in enumerate(chart.series):
        bars.bars[index].fillColor = colors.HexColor(PALETTE[index % len(PALETTE)])
        bars.bars[index].strokeColor = None
    if not chart.stacked and len(chart.series) == 1:
        bars.barLabelFormat = "%d"
        bars.barLabels.fontName = face
        bars.barLabels.fontSize = 7
        bars.barLabels.nudge = 6
    d.add(bars)
    if legend_height:
        legend = Legend()
        legend.x, legend.y = 10, 4
        legend.fontName, legend.fontSize = face, 7
        legend.alignment = "right"
        legend.columnMaximum = 2
        legend.deltax = 0
        legend.dx = legend.dy = 6
        legend.colorNamePairs = [(colors.HexColor(PALETTE[i % len(PALETTE)]), name)
                                 for i, (name, _values) in enumerate(chart.series)]
        legend.dxTextSpace = 3
        legend.autoXPadding = 8
        legend.boxAnchor = "sw"
        d.add(legend)
    return d


def _wrap(name: str, limit: int = 14) -> str:
    words, lines = name.split(), [""]
    for word in words:
        if lines[-1] and len(lines[-1]) + len(word) + 1 > limit:
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return "\n".join(lines)


def _step(top: float) -> float:
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000):
        if top / step <= 6:
            return step
    return 10_000


def svg(chart: Chart, width: float = WIDTH, height: float = HEIGHT) -> bytes:
    """The drawing as SVG, for the window."""
    text: str = renderSVG.drawToString(drawing(chart, width, height))
    return text.encode("utf-8")


def to_json(chart: Chart) -> str:
    return json.dumps({"title": chart.title, "categories": chart.categories, "series": chart.series,
                       "stacked": chart.stacked, "keys": chart.keys}, ensure_ascii=False)


def from_json(text: str) -> Chart:
    data: dict[str, Any] = json.loads(text)
    return Chart(data["title"], tuple(data["categories"]),
                 tuple((name, tuple(values)) for name, values in data["series"]), bool(data["stacked"]),
                 tuple(tuple(keys) for keys in data.get("keys", ())))


def pdf_chart(params: str) -> Drawing:
    """For the report templates: ``<plugInFlowable module="knooppunt.monitoring.charts"
    function="pdf_chart">{{ chart json }}</plugInFlowable>``; about half the text width."""
    drawing_ = drawing(from_json(params.strip()), 235, 160)
    drawing_.hAlign = "LEFT"
    return drawing_
