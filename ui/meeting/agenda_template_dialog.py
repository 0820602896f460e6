"""Agenda-sjabloon van een locatie: items, their kind and time budget, in order."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from knooppunt.domain.enums import AgendaKind
from knooppunt.domain.meetings import DEFAULT_AGENDA
from knooppunt.services import Services

from ..dialogs.form_support import save_buttons
from ..hub import SignalHub
from ..operations import in_line, run_op


class AgendaTemplateDialog(QDialog):
    def __init__(self, *, services: Services, hub: SignalHub, location_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._hub = hub
        self.location_id = location_id
        self.setWindowTitle("Agenda-sjabloon")
        self.resize(640, 440)
        intro = QLabel("De agenda per kind voor nieuwe besprekingen van deze locatie. Al geplande kinderen "
                       "houden hun agenda.")
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Agendapunt", "Soort", "Minuten"])
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setColumnWidth(0, 300)
        self.table.setColumnWidth(1, 190)
        self.table.verticalHeader().hide()
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        row = QHBoxLayout()
        for text, slot in (("Punt &toevoegen", self._on_add_clicked), ("&Verwijderen", self._on_remove_clicked),
                           ("Om&hoog", lambda: self._move(-1)), ("Om&laag", lambda: self._move(1)),
                           ("&Standaard", self._on_default_clicked)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        buttons = save_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._set_items([(i.kind, i.title, i.minutes) for i in services.planning.agenda_template(location_id)])

    def _set_items(self, items) -> None:
        self.table.setRowCount(0)
        for kind, title, minutes in items:
            self._append(kind, title, minutes)

    def _append(self, kind: AgendaKind, title: str, minutes: int) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(title))
        combo = QComboBox()
        for value, label in AgendaKind.choices():
            combo.addItem(label, value)
        combo.setCurrentIndex(combo.findData(AgendaKind(kind).value))
        self.table.setCellWidget(r, 1, combo)
        spin = QSpinBox()
        spin.setRange(1, 120)
        spin.setValue(minutes)
        self.table.setCellWidget(r, 2, spin)

    def items(self) -> list[tuple[AgendaKind, str, int]]:
        out = []
        for r in range(self.table.rowCount()):
            title = self.table.item(r, 0).text() if self.table.item(r, 0) else ""
            out.append((AgendaKind(self.table.cellWidget(r, 1).currentData()), title,
                        self.table.cellWidget(r, 2).value()))
        return out

    def _move(self, step: int) -> None:
        r = self.table.currentRow()
        items = self.items()
        if not 0 <= r < len(items) or not 0 <= r + step < len(items):
            return
        items[r], items[r + step] = items[r + step], items[r]
        self._set_items(items)
        self.table.setCurrentCell(r + step, 0)

    def _on_add_clicked(self) -> None:
        self._append(AgendaKind.OTHER, "Nieuw agendapunt", 5)
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.table.editItem(self.table.item(self.table.rowCount() - 1, 0))

    def _on_remove_clicked(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def _on_default_clicked(self) -> None:
        self._set_items([(kind, kind.label, minutes) for kind, minutes in DEFAULT_AGENDA])

    def save(self) -> None:
        if run_op(lambda: self._services.planning.save_agenda_template(self.location_id, self.items()),
                  hub=self._hub, parent=self, errors=in_line(self.error.setText), initiator=self) is not None:
            self.accept()
