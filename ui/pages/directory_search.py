"""One search box over names, organisations, roles and locations, answering while you type."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from knooppunt.domain.enums import PartnerKind
from knooppunt.services.directory.partners import SEARCH_LIMIT, DirectoryService, SearchHit

from ..models.record_table import Column
from .list_page import RecordTableView

DEBOUNCE_MS = 180
SEARCH_COLUMNS = [
    Column[SearchHit]("Naam", lambda h: h.name or "— nog in te vullen —", width=160),
    Column[SearchHit]("Organisatie", lambda h: h.organisation, width=190),
    Column[SearchHit]("Rol", lambda h: h.role, width=190),
    Column[SearchHit]("Locatie", lambda h: h.location or "(geen locatie)", width=180),
    Column[SearchHit]("Mandaat", lambda h: h.mandate_problem or ("in orde" if h.role else ""), width=170,
                      warning=lambda h: h.mandate_problem),
    Column[SearchHit]("Telefoon", lambda h: h.phone, width=105),
    Column[SearchHit]("Soort", lambda h: h.kind, width=90),
    Column[SearchHit]("E-mail", lambda h: h.email, width=200),
]


class DirectorySearch(QWidget):
    """The search bar; ``results`` is shown by the page whenever a search or filter is active."""

    hit_activated = Signal(object)  # SearchHit
    searched = Signal(bool)  # whether a search or filter is active

    def __init__(self, *, directory: DirectoryService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._directory = directory
        self.text = QLineEdit()
        self.text.setPlaceholderText("Zoek op naam, organisatie, rol of locatie…  (Ctrl+F)")
        self.text.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.kind.addItem("Alle partners", None)
        self.kind.addItem("Alleen structureel", PartnerKind.STRUCTURAL.value)
        self.kind.addItem("Alleen incidenteel", PartnerKind.INCIDENTAL.value)
        self.mandate = QCheckBox("&Mandaat ontbreekt of verlopen")
        self.count = QLabel()
        self.count.setObjectName("hint")
        self.results = RecordTableView(SEARCH_COLUMNS)
        self.results.remember_widths("zoeken-partners")
        self.results.activated_record.connect(self.hit_activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)  # typing fast runs one query, not one per key
        self._timer.timeout.connect(self._on_timer_timeout)
        self.text.textChanged.connect(self._timer.start)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.text, self.clear, context=Qt.ShortcutContext.WidgetShortcut)
        self.kind.currentIndexChanged.connect(self._on_timer_timeout)
        self.mandate.toggled.connect(self._on_timer_timeout)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.text, 1)
        bar.addWidget(self.kind)
        bar.addWidget(self.mandate)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)

    @property
    def active(self) -> bool:
        return bool(self.text.text().strip() or self.kind.currentData() or self.mandate.isChecked())

    def refresh(self) -> None:
        """Run the search now (after a change in the directory, or when the timer fires)."""
        self._timer.stop()
        if not self.active:
            self.results.source.set_records([])
            self.count.setText("")
            self.searched.emit(False)
            return
        kind = self.kind.currentData()
        hits = self._directory.search(self.text.text(), kind=PartnerKind(kind) if kind else None,
                                      mandate_problem=self.mandate.isChecked())
        self.results.source.set_records(hits)
        more = " (eerste resultaten; typ verder om te verfijnen)" if len(hits) >= SEARCH_LIMIT else ""
        self.count.setText(f"{len(hits)} gevonden{more}" if hits else "Niets gevonden")
        self.searched.emit(True)

    def clear(self) -> None:
        self.text.clear()
        self.kind.setCurrentIndex(0)
        self.mandate.setChecked(False)
        self.refresh()

    def _on_timer_timeout(self, *_args: object) -> None:
        self.refresh()
