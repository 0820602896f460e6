"""A read-only table model over a list of records, with columns declared by the page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from .collation import sort_key

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
WARNING_COLOUR = QColor("#b3261e")


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    value: Callable[[R], Any]
    warning: Callable[[R], str | None] | None = None  # a Dutch tooltip marks the cell red
    width: int | None = None


def display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, bool):
        return "ja" if value else "nee"
    label = getattr(value, "label", None)
    return str(label if label is not None else value)


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Rows are domain records; ``SortRole`` gives sortable raw values."""

    SortRole = Qt.ItemDataRole.UserRole + 1
    RecordRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, columns: Sequence[Column[R]], parent=None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._records: list[R] = []

    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> R:
        return self._records[row]

    def records(self) -> list[R]:
        return list(self._records)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._columns)):
            return self._columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._records)):
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display(column.value(record))
        if role == self.SortRole:
            value = column.value(record)
            if value is None:
                return ""
            if isinstance(value, (date, time)):
                return value.isoformat()
            return sort_key(value) if isinstance(value, str) else value
        if role == self.RecordRole:
            return record
        warning = column.warning(record) if column.warning else None
        if role == Qt.ItemDataRole.ForegroundRole and warning:
            return QBrush(WARNING_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            return warning or display(column.value(record)) or None
        return None
