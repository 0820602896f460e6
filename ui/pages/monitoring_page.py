"""Monitoring: per location, school year and period, the indicators from what is recorded.

A few charts (the same drawings as in the yearly report) and a table of every figure; a double
click (or Enter) on a figure opens the list behind it. The chart library (ReportLab) is imported
when this page is first built, not when the program starts.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from knooppunt.monitoring.model import Figure, Indicator, Monitor
from knooppunt.services import Change, Entity, Services

from ..dialogs.figure_list_dialog import FigureListDialog
from ..hub import SignalHub
from ..modal import open_modal
from ..models.record_table import Column
from ..page_refresh import PageRefresh
from ..widgets.chart_view import ChartView
from .list_page import RecordTableView
from .monitoring_exports import MonitoringExports

CHARTS = ("kinderen", "ouders", "besluiten", "afspraken")
WATCHED = {Entity.MEETING, Entity.DISCUSSION, Entity.DECISION, Entity.AGREEMENT, Entity.CASE, Entity.CHILD,
           Entity.PARTICIPANT, Entity.OFFER, Entity.LOCATION, Entity.ORGANISATION}


@dataclass(frozen=True)
class FigureRow:
    indicator: Indicator
    figure: Figure

    @property
    def first(self) -> bool:
        return self.figure is self.indicator.figures[0]

    @property
    def value(self) -> str:
        base = f"  (over {self.figure.base})" if self.figure.base is not None and self.figure.value is not None else ""
        return self.figure.text + base


FIGURE_COLUMNS = [
    Column[FigureRow]("Indicator", lambda r: r.indicator.title if r.first else "", width=250),
    Column[FigureRow]("Cijfer", lambda r: r.figure.label, width=400),  # the longest label fits at 1366 px
    Column[FigureRow]("Waarde", lambda r: r.value, width=150),
    Column[FigureRow]("Toelichting", lambda r: r.indicator.note if r.first else ""),
]


class MonitoringPage(QWidget):
    def __init__(self, *, services: Services, hub: SignalHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = "Monitoring"
        self._services = services
        self._hub = hub
        self.monitor: Monitor | None = None
        self.active_dialog: QDialog | None = None
        heading = QLabel(self.title)
        heading.setObjectName("pageTitle")
        intro = QLabel("Wat het knooppunt van een locatie deed, geteld uit wat is vastgelegd: er hoeft niets "
                       "extra te worden ingevuld. Dubbelklik op een cijfer voor de lijst erachter (met namen, "
                       "alleen voor de voorzitter); dat kan ook met een klik op een staaf.")
        intro.setObjectName("pageIntro")
        intro.setWordWrap(True)
        self.location = QComboBox()
        self.location.setToolTip("Locatie")
        self.year = QComboBox()
        self.year.setToolTip("Schooljaar (1 augustus t/m 31 juli)")
        self.period = QComboBox()
        self.period.setToolTip("Periode binnen het schooljaar")
        self.report_button = QPushButton("&Jaarrapport (PDF)…")
        self.board_button = QPushButton("Cijfers voor het &bestuur…")
        self.board_button.setToolTip("Alle locaties, alleen aantallen (1 t/m 4 als <5), zonder namen")
        self.offers_button = QPushButton("&Sociale kaart…")
        self.offers_button.setToolTip("Het aanbod rond de locatie: kiezen bij een besluit of afspraak")
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        for button in (self.offers_button, self.report_button, self.board_button):
            top.addWidget(button)
        filters = QHBoxLayout()
        for widget in (self.location, self.year, self.period):
            filters.addWidget(widget)
        filters.addStretch(1)
        self.charts = [ChartView(self) for _ in CHARTS]
        chart_row = QHBoxLayout()
        for view in self.charts:
            view.setFixedHeight(200)
            chart_row.addWidget(view, 1)
            view.clicked.connect(self._on_chart_clicked)
            view.figure_clicked.connect(self._on_chart_figure_clicked)
        self.table = RecordTableView(FIGURE_COLUMNS, self)
        self.table.setSortingEnabled(False)
        self.table.setToolTip("Dubbelklik op een cijfer voor de lijst erachter")
        self.summary = QLabel()
        self.summary.setObjectName("pageIntro")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addLayout(chart_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.exports = MonitoringExports(services=services, hub=hub, page=self)
        self.location.currentIndexChanged.connect(lambda _i: self._on_location_changed())
        self.year.currentIndexChanged.connect(lambda _i: self._on_year_changed())
        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.activated_record.connect(self.open_figure)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # the keyboard's double click
            enter = QShortcut(QKeySequence(key), self.table, context=Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(self._on_enter_activated)
        self.report_button.clicked.connect(lambda: self.exports.report(*self._selection()))
        self.board_button.clicked.connect(lambda: self.exports.board(self.year.currentData()))
        self.offers_button.clicked.connect(self._on_offers_button_clicked)
        hub.changed.connect(self._on_hub_changed)
        self.refresher = PageRefresh(self, hub=hub, reload=self.reload, entities=WATCHED)
        self._stale = True  # the first showing loads it
        self._fill_locations()

    # Selection -----------------------------------------------------------------------------
    def _selection(self) -> tuple[int, str]:
        return self.location.currentData(), self.year.currentData()

    def _fill_locations(self) -> None:
        current = self.location.currentData()
        self.location.blockSignals(True)
        self.location.clear()
        for location in self._services.locations.locations():
            self.location.addItem(location.name, location.id)
        index = self.location.findData(current)
        self.location.setCurrentIndex(max(index, 0))
        self.location.blockSignals(False)
        self._on_location_changed(reload=False)

    def _on_location_changed(self, *, reload: bool = True) -> None:
        current = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        location_id = self.location.currentData()
        for year in self._services.monitoring.school_years(location_id):
            self.year.addItem(f"Schooljaar {year}", year)
        index = self.year.findData(current)
        self.year.setCurrentIndex(max(index, 0))
        self.year.blockSignals(False)
        self._on_year_changed(reload=reload)

    def _on_year_changed(self, *, reload: bool = True) -> None:
        current = self.period.currentData()
        self.period.blockSignals(True)
        self.period.clear()
        if self.year.currentData():
            for span in self._services.monitoring.periods(self.year.currentData()):
                label = "Heel het schooljaar" if span.key == "jaar" else span.label
                self.period.addItem(label, span.key)
        self.period.setCurrentIndex(max(self.period.findData(current), 0))
        self.period.blockSignals(False)
        if reload:
            self.reload()

    def select(self, location_id: int, school_year: str, period_key: str = "jaar") -> None:
        self.location.setCurrentIndex(self.location.findData(location_id))
        self.year.setCurrentIndex(self.year.findData(school_year))
        self.period.setCurrentIndex(self.period.findData(period_key))
        self.reload()

    # Showing -------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        location_id, year = self._selection()
        enabled = location_id is not None and year is not None
        for button in (self.report_button, self.offers_button):
            button.setEnabled(enabled)
        if not enabled:
            self.monitor = None
            self.table.source.set_records([])
            self.summary.setText("Er is nog geen locatie. Maak eerst een locatie aan bij Locaties & partners.")
            return
        self.monitor = self._services.monitoring.monitor(location_id, year, self.period.currentData() or "jaar")
        rows = [FigureRow(i, f) for i in self.monitor.indicators for f in i.figures]
        self.table.source.set_records(rows)
        for view, key in zip(self.charts, CHARTS, strict=True):
            chart = self.monitor.indicator(key).chart
            if chart is not None:
                view.show_chart(key, chart)
        span = self.monitor.period
        self.summary.setText(f"{self.monitor.location_name}, {span.label}: {span.start:%d-%m-%Y} t/m "
                             f"{span.end:%d-%m-%Y}. ‘Nog geen gegevens’: dat wordt (nog) niet vastgelegd of er "
                             "is in deze periode niets om te tellen.")

    def rows(self) -> list[FigureRow]:
        return self.table.source.records()

    def open_figure(self, row: FigureRow | Figure) -> None:
        figure = row.figure if isinstance(row, FigureRow) else row
        assert self.monitor is not None
        context = f"{self.monitor.location_name}, {self.monitor.period.label}"
        self._open(FigureListDialog(figure, context=context, parent=self))

    def _open(self, dialog: QDialog) -> None:
        open_modal(dialog, owner=self)

    def _on_enter_activated(self) -> None:
        row = self.table.selected_record()
        if row is not None:
            self.open_figure(row)

    def _on_chart_figure_clicked(self, key: str) -> None:
        if self.monitor is not None:
            self.open_figure(self.monitor.figure(key))

    def _on_chart_clicked(self, indicator_key: str) -> None:
        for row_number, row in enumerate(self.rows()):
            if row.indicator.key == indicator_key:
                self.table.selectRow(row_number)
                self.table.scrollTo(self.table.model().index(row_number, 0), self.table.ScrollHint.PositionAtTop)
                self.table.setFocus()
                return

    def _on_offers_button_clicked(self) -> None:
        from ..dialogs.offers_dialog import OffersDialog

        location_id = self.location.currentData()
        if location_id is not None:
            self._open(OffersDialog(services=self._services, hub=self._hub, location_id=location_id,
                                    location_name=self.location.currentText(), parent=self))

    def _on_hub_changed(self, change: Change) -> None:
        if change.entity == Entity.LOCATION:
            self._fill_locations()

