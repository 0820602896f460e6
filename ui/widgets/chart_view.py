"""A monitoring chart in the window: the ReportLab drawing of the PDF, rendered as SVG."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QWidget

from knooppunt.monitoring.model import Chart


class ChartView(QSvgWidget):
    """Shows one chart, keeping its proportions. A click on a bar says which figure it shows
    (``figure_clicked``); a click elsewhere, which indicator the chart belongs to (``clicked``)."""

    clicked = Signal(str)
    figure_clicked = Signal(str)

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
        self.setToolTip(f"{chart.title}: klik op een staaf voor de lijst erachter")
        self.setAccessibleName(chart.title)

    def _scale(self) -> tuple[float, float, float]:
        from knooppunt.monitoring.charts import HEIGHT, WIDTH

        scale = min(self.width() / WIDTH, self.height() / HEIGHT)
        return scale, (self.width() - WIDTH * scale) / 2, (self.height() - HEIGHT * scale) / 2

    def to_drawing(self, point: QPointF) -> tuple[float, float]:
        """A point of the widget in the drawing's coordinates (points, origin bottom left)."""
        from knooppunt.monitoring.charts import HEIGHT

        scale, left, top = self._scale()
        return (point.x() - left) / scale, HEIGHT - (point.y() - top) / scale

    def to_widget(self, x: float, y: float) -> QPointF:
        from knooppunt.monitoring.charts import HEIGHT

        scale, left, top = self._scale()
        return QPointF(left + x * scale, top + (HEIGHT - y) * scale)

    def figure_at(self, point: QPointF) -> str | None:
        from knooppunt.monitoring.charts import bar_at

        if self.chart is None:
            return None
        found = bar_at(self.chart, *self.to_drawing(point))
        return None if found is None else self.chart.key(*found)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.indicator_key:
            key = self.figure_at(event.position())
            if key is not None:
                self.figure_clicked.emit(key)
            else:
                self.clicked.emit(self.indicator_key)
        super().mouseReleaseEvent(event)
