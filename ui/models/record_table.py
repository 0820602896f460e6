"""A read-only table model over a list of records, with columns declared by the page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
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


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_SORT = int(Qt.ItemDataRole.UserRole) + 1
_RECORD = int(Qt.ItemDataRole.UserRole) + 2
_SERVED = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, _SORT, _RECORD})


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Rows are domain records; ``SortRole`` gives sortable raw values.

    Qt asks ``data`` for seven roles of every visible cell on each repaint: the roles it does
    not serve are answered first and at once (typing in a search repaints the whole table).
    """

    SortRole = _SORT
    RecordRole = _RECORD

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None) -> None:
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

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._columns)):
            return self._columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _SERVED:
            return None
        row, col = index.row(), index.column()  # an invalid index has row -1
        if not (0 <= row < len(self._records) and 0 <= col < len(self._columns)):
            return None
        record = self._records[row]
        column = self._columns[col]
        if role == _DISPLAY:
            return display(column.value(record))
        if role == _SORT:
            value = column.value(record)
            if value is None:
                return ""
            if isinstance(value, (date, time)):
                return value.isoformat()
            return sort_key(value) if isinstance(value, str) else value
        if role == _RECORD:
            return record
        warning = column.warning(record) if column.warning else None
        if role == _FOREGROUND:
            return QBrush(WARNING_COLOUR) if warning else None
        return warning or display(column.value(record)) or None  # the tooltip: the whole text
