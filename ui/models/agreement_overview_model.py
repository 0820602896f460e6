"""The Afspraken overview as a lazy table model: ids from SQL, rows fetched in batches.

Sorting and filtering are done by the database (``sort`` re-queries), so the model never holds
more rows than the user scrolled to; ``canFetchMore``/``fetchMore`` load the next batch.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from knooppunt.services.outcomes.agreement_overview import AgreementFilter, AgreementView

from .outcome_columns import owner_text
from .record_table import WARNING_COLOUR, display

Index = QModelIndex | QPersistentModelIndex
SOON_COLOUR = QColor("#8a5a00")
BATCH = 200

# (header, sort key, value)
COLUMNS = [
    ("Kind", "kind", lambda v: v.child_name),
    ("Wie", "wie", lambda v: owner_text(v.agreement.owner_name, v.agreement.owner_kind)),
    ("Wat", "wat", lambda v: v.agreement.description),
    ("Uiterlijk", "uiterlijk", lambda v: v.agreement.due_date),
    ("Evaluatie", "evaluatie", lambda v: v.agreement.evaluation_date),
    ("Stand", "status", lambda v: v.state),
    ("Uitkomst", None, lambda v: v.agreement.outcome_note),
]
WIDTHS = [115, 240, 330, 95, 95, 110]  # "Wat" gets the room; Uitkomst is often still empty


class AgreementOverviewModel(QAbstractTableModel):
    RecordRole = Qt.ItemDataRole.UserRole + 2
    filter_applied = Signal(int)  # total number of matching agreements

    def __init__(self, overview, parent=None) -> None:
        super().__init__(parent)
        self._overview = overview  # AgreementOverview (the agreements service)
        self._filter = AgreementFilter()
        self._ids: list[int] = []
        self._rows: list[AgreementView] = []

    @property
    def filter(self) -> AgreementFilter:
        return self._filter

    @property
    def total(self) -> int:
        return len(self._ids)

    def set_filter(self, f: AgreementFilter) -> None:
        self.beginResetModel()
        self._filter = f
        self._ids = self._overview.overview_ids(f)
        self._rows = self._overview.views(self._ids[:BATCH])
        self.endResetModel()
        self.filter_applied.emit(len(self._ids))

    def refresh(self) -> None:
        self.set_filter(self._filter)

    def record(self, row: int) -> AgreementView:
        return self._rows[row]

    # Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < len(self._ids)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        start = len(self._rows)
        batch = self._overview.views(self._ids[start:start + BATCH])
        if not batch:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(batch) - 1)
        self._rows.extend(batch)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(COLUMNS)):
            return COLUMNS[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        view = self._rows[index.row()]
        value = COLUMNS[index.column()][2](view)
        if role == Qt.ItemDataRole.DisplayRole:
            return display(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return display(value) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if view.state == "Over de datum":
                return QBrush(WARNING_COLOUR)
            if view.state == "Binnenkort":
                return QBrush(SOON_COLOUR)
        if role == self.RecordRole:
            return view
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done by the database over all matching agreements, not just the loaded ones."""
        if not 0 <= column < len(COLUMNS) or COLUMNS[column][1] is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_filter(replace(self._filter, sort=COLUMNS[column][1], descending=descending))
