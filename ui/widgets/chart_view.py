"""A monitoring chart in the window: the ReportLab drawing of the PDF, rendered as SVG."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QWidget

from knooppunt.monitoring.model import Chart


class ChartView(QSvgWidget):
    """Shows one chart, keeps its proportions; a click says which indicator it belongs to."""

    clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indicator_key = ""
        self.chart: Chart | None = None
        self.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.setMinimumSize(160, 120)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def show_chart(self, indicator_key: str, chart: Chart) -> None:
        from knooppunt.monitoring.charts import svg

        self.indicator_key, self.chart = indicator_key, chart
        self.load(QByteArray(svg(chart)))
        self.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.setToolTip(f"{chart.title}: klik om de cijfers in de tabel te zien")
        self.setAccessibleName(chart.title)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self.indicator_key:
            self.clicked.emit(self.indicator_key)
        super().mouseReleaseEvent(event)
