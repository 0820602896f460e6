"""Bestand → Logboek: who did what, when, to which record; filters and CSV export.

Every user of the database may read it; it is also what a parent's inzage request needs ("who
looked at or printed my child's file"). The footer shows the chain's fingerprint, the same one
printed on finalised documents.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from knooppunt.services import Services
from knooppunt.services.privacy.audit import AuditFilter, AuditRow, record_label

from .. import messages
from ..models.record_table import Column, RecordTableModel
from ..operations import run_op

NO_DATE = QDate(2000, 1, 1)

AUDIT_COLUMNS: list[Column[AuditRow]] = [
    Column[AuditRow]("Rij", lambda r: r.entry.id, width=50),
    Column[AuditRow]("Wanneer", lambda r: f"{r.entry.at:%d-%m-%Y %H:%M:%S}", width=180),
    Column[AuditRow]("Wie", lambda r: r.entry.actor, width=180),
    Column[AuditRow]("Wat", lambda r: r.entry.action, width=220),
    Column[AuditRow]("Kind", lambda r: r.child_name, width=150),
    Column[AuditRow]("Over", lambda r: record_label(r.entry.table_name, r.entry.record_id), width=130),
    Column[AuditRow]("Toelichting", lambda r: r.entry.detail),
]


def audit_model(parent: QWidget | None = None) -> RecordTableModel[AuditRow]:
    return RecordTableModel(AUDIT_COLUMNS, parent)


class LogbookDialog(QDialog):
    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Logboek")
        self._services = services
        self.child = QComboBox()
        self.child.addItem("Alle kinderen", None)
        for view in services.children.children():
            self.child.addItem(view.child.full_name, view.child.id)
        self.actor = QLineEdit()
        self.actor.setPlaceholderText("Wie (deel van de naam)")
        self.actor.setClearButtonEnabled(True)
        self.action = QComboBox()
        self.action.addItem("Alle handelingen", "")
        for action in services.audit.actions():
            self.action.addItem(action, action)
        self.since = _date_edit("vanaf het begin")
        self.until = _date_edit("tot nu")
        self.export = QPushButton("Exporteren naar CSV…")
        self.export.clicked.connect(self._on_export_clicked)
        filters = QHBoxLayout()
        for label, widget in (("Kind", self.child), ("Wie", self.actor), ("Wat", self.action),
                              ("Van", self.since), ("Tot en met", self.until)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.export)

        self.model = audit_model(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(RecordTableModel.SortRole)
        self.table = QTableView()
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(len(AUDIT_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        for number, column in enumerate(AUDIT_COLUMNS):
            if column.width:
                self.table.setColumnWidth(number, column.width)
        self.count = QLabel()
        self.count.setObjectName("hint")
        head = services.audit.head()
        self.chain = QLabel(f"Vingerafdruk van het logboek: <b>{head.fingerprint}</b> (rij {head.row_id}) — "
                            "dezelfde staat onder elk vastgesteld document.")
        self.chain.setObjectName("hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.chain)
        layout.addWidget(buttons)
        for signal in (self.child.currentIndexChanged, self.action.currentIndexChanged,
                       self.since.dateChanged, self.until.dateChanged, self.actor.textChanged):
            signal.connect(self.refresh)
        self.refresh()
        self.resize(1240, 640)

    def current_filter(self) -> AuditFilter:
        return AuditFilter(child_id=self.child.currentData(), actor=self.actor.text(), action=self.action.currentData(),
                           since=_day(self.since), until=_day(self.until))

    def refresh(self, *_args: object) -> None:
        rows = self._services.audit.rows(self.current_filter())
        self.model.set_records(rows)
        self.count.setText(f"{len(rows)} regel(s), nieuwste bovenaan.")

    def _on_export_clicked(self) -> None:
        path = messages.choose_save_file(self, "Logboek exporteren", Path(f"logboek-{date.today():%Y-%m-%d}.csv"),
                                         "CSV-bestanden (*.csv)")
        if path is None:
            return
        count = run_op(lambda: self._services.audit.export_csv(self.current_filter(), path), hub=None, parent=self)
        if count is None:
            return
        self.refresh()
        messages.inform(self, "Logboek geëxporteerd", f"{count} regel(s) opgeslagen in {path}.")


def _date_edit(empty: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(empty)
    edit.setDate(NO_DATE)
    return edit


def _day(edit: QDateEdit) -> date | None:
    if edit.date() == NO_DATE:
        return None
    qd = edit.date()
    return date(qd.year(), qd.month(), qd.day())
