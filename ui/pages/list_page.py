"""A page with a title, a short explanation, optional search, and a sortable table.

Two ways to search: by default the search field filters the loaded rows (fine for a few hundred).
For big lists give ``search_callback(text, limit)``: the page then asks the database as you type
(debounced), holds at most ``result_limit`` rows, and says how many it shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..models.record_delegate import RecordDelegate
from ..models.record_table import Column, RecordTableModel
from ..widgets.column_widths import remember_column_widths

SEARCH_DELAY_MS = 150  # the query runs when typing pauses this long, not on every keystroke
SearchCallback = Callable[[str, int], Sequence]  # (search text, at most this many) -> records


def _n(number: int) -> str:
    return f"{number:,}".replace(",", ".")


class _SourceSortingProxy(QSortFilterProxyModel):
    """Filters; sorting is left to the RecordTableModel (one Python sort, see its ``sort``)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, RecordTableModel):
            source.sort(column, order)


class RecordTableView(QTableView):
    """A calm, sortable, whole-row-selecting table over a RecordTableModel."""

    activated_record = Signal(object)

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = RecordTableModel(columns, self)
        self.proxy = _SourceSortingProxy(self)
        self.proxy.setSourceModel(self.source)
        self.proxy.setSortRole(RecordTableModel.SortRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.setModel(self.proxy)
        self.setItemDelegate(RecordDelegate(columns, self))
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        # QTableView repaints a resized column from a zero-delay timer: when a scroll bar comes or
        # goes (the last column stretches) that is a second repaint of the whole table, one
        # event-loop turn after the first. Updating at once lets Qt merge it into the one due.
        self.horizontalHeader().sectionResized.disconnect()  # only QTableView.columnResized is connected yet
        self.horizontalHeader().sectionResized.connect(self._on_column_resized)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setWordWrap(False)
        for i, column in enumerate(columns):
            if column.width:
                # Never narrower than the header text itself (bold headers, larger fonts).
                self.setColumnWidth(i, max(column.width, self.horizontalHeader().sectionSizeFromContents(i).width()))
        self.doubleClicked.connect(lambda index: self.activated_record.emit(self.record_at(index.row())))

    def _on_column_resized(self, _column: int, _old: int, _new: int) -> None:
        self.updateGeometries()
        self.viewport().update()

    def show_records(self, records: Sequence[Any]) -> None:
        """Put ``records`` in the table and lay it out now, so that one repaint shows them.

        Left to Qt, the layout waits for the next event-loop turn, after the first repaint, and the
        scroll bar it shows or hides costs a second and third repaint while the user types on.
        """
        if list(records) == self.source.records():
            return  # the same rows (a space typed, a letter that changes nothing): nothing to redraw
        self.source.set_records(records)
        self.executeDelayedItemsLayout()
        self.setVerticalScrollBarPolicy(self.verticalScrollBarPolicy())  # shows or hides it now

    def remember_widths(self, key: str) -> None:
        """Keep the column widths the user drags (full texts stay in each cell's tooltip)."""
        remember_column_widths(self.horizontalHeader(), key)

    def wrap_rows(self) -> None:
        """Rows grow to show long texts whole (for short tables, e.g. the decisions of one child)."""
        self.setWordWrap(True)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def record_at(self, proxy_row: int) -> Any:
        return self.source.record(self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row())

    def selected_record(self) -> Any:
        rows = self.selectionModel().selectedRows()
        return self.record_at(rows[0].row()) if rows else None


class ListPage(QWidget):
    """Title, explanation and a table; when the table is empty the explanation says what to do."""

    def __init__(
        self,
        *,
        title: str,
        explanation: str,
        empty_text: str,
        columns: Sequence[Column],
        searchable: bool = True,
        search_callback: SearchCallback | None = None,
        count_callback: Callable[[], int] | None = None,
        result_limit: int = 200,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = title
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        intro = QLabel(explanation)
        intro.setWordWrap(True)
        intro.setObjectName("pageIntro")
        self.table = RecordTableView(columns, self)
        self.table.remember_widths(title)
        self.empty_label = QLabel(empty_text)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setObjectName("emptyState")
        self._stack = QStackedLayout()
        self._stack.addWidget(self.table)
        self._stack.addWidget(self.empty_label)

        self.toolbar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Zoeken…  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setVisible(searchable)
        self.toolbar.addWidget(self.search, 1)
        self.status = QLabel()
        self.status.setObjectName("listStatus")
        self.status.hide()
        self._search_callback = search_callback
        self._count_callback = count_callback
        self.result_limit = result_limit
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        if search_callback is None:
            self.search.textChanged.connect(self.table.proxy.setFilterFixedString)
        else:
            self.search.textChanged.connect(lambda _text: self._search_timer.start())

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.status)
        layout.addLayout(self._stack, 1)

    def show_records(self, records: Sequence) -> None:
        self.table.show_records(records)
        self._stack.setCurrentWidget(self.table if records else self.empty_label)

    @property
    def search_pending(self) -> bool:
        """True while typed text waits for its (debounced) query."""
        return self._search_timer.isActive()

    def run_search(self) -> None:
        """Load the rows for the search text now (with a search callback; the timer calls this)."""
        self._search_timer.stop()
        if self._search_callback is None:
            return
        text = self.search.text().strip()
        records = list(self._search_callback(text, self.result_limit + 1))
        more = len(records) > self.result_limit
        records = records[: self.result_limit]
        self.table.show_records(records)
        if text:
            self._stack.setCurrentWidget(self.table)
            if not records:
                self._set_status(f"Niets gevonden voor ‘{text}’.")
            elif more:
                self._set_status(f"De eerste {_n(len(records))} getoond — typ verder om te zoeken.")
            else:
                self._set_status(f"{_n(len(records))} gevonden.")
        else:
            self._stack.setCurrentWidget(self.table if records else self.empty_label)
            total = self._count_callback() if more and self._count_callback else None
            if total is not None:
                self._set_status(f"{_n(len(records))} van {_n(total)} getoond — typ om te zoeken.")
            elif more:
                self._set_status(f"De eerste {_n(len(records))} getoond — typ om te zoeken.")
            else:
                self._set_status("")

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
