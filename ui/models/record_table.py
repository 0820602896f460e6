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
        self._given: list[R] = []  # in the order given: what "unsorted" shows
        self._order: list[int] = []  # row shown -> its place in _given
        self._records: list[R] = []  # as shown
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self._given = list(records)
        self._order = self._ordering()
        self._records = [self._given[i] for i in self._order]
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by one column's ``SortRole`` values (-1: the order given), keeping the selection.

        One Python sort, also after each new search while a column is sorted: a sorting proxy
        would ask ``data`` twice per comparison, some 3,000 calls for 200 rows.
        """
        self._sort = (column, order) if 0 <= column < len(self._columns) else None
        self.layoutAboutToBeChanged.emit()
        old_order, self._order = self._order, self._ordering()
        self._records = [self._given[i] for i in self._order]
        new_row = {given: row for row, given in enumerate(self._order)}
        old = self.persistentIndexList()
        self.changePersistentIndexList(old, [self.index(new_row[old_order[i.row()]], i.column()) for i in old])
        self.layoutChanged.emit()

    def _ordering(self) -> list[int]:
        rows = list(range(len(self._given)))
        if self._sort is None:
            return rows
        column, order = self._columns[self._sort[0]], self._sort[1]

        def key(row: int) -> tuple[int, Any]:
            value = self._sort_value(self._given[row], column)
            return (0, value) if isinstance(value, (int, float)) else (1, str(value))

        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    @staticmethod
    def _sort_value(record: R, column: Column[R]) -> Any:
        value = column.value(record)
        if value is None:
            return ""
        if isinstance(value, (date, time)):
            return value.isoformat()
        return sort_key(value) if isinstance(value, str) else value

    def record(self, row: int) -> R:
        return self._records[row]

    def records(self) -> list[R]:
        """In the order given (``record(row)`` is in the order shown)."""
        return list(self._given)

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
            return self._sort_value(record, column)
        if role == _RECORD:
            return record
        warning = column.warning(record) if column.warning else None
        if role == _FOREGROUND:
            return QBrush(WARNING_COLOUR) if warning else None
        return warning or display(column.value(record)) or None  # the tooltip: the whole text
