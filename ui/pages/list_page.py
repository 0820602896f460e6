"""A page with a title, a short explanation, optional search, and a sortable table."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
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

from ..models.record_table import Column, RecordTableModel


class RecordTableView(QTableView):
    """A calm, sortable, whole-row-selecting table over a RecordTableModel."""

    activated_record = Signal(object)

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = RecordTableModel(columns, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.proxy.setSortRole(RecordTableModel.SortRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setWordWrap(False)
        for i, column in enumerate(columns):
            if column.width:
                # Never narrower than the header text itself (bold headers, larger fonts).
                self.setColumnWidth(i, max(column.width, self.horizontalHeader().sectionSizeFromContents(i).width()))
        self.doubleClicked.connect(lambda index: self.activated_record.emit(self.record_at(index.row())))

    def record_at(self, proxy_row: int):
        return self.source.record(self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row())

    def selected_record(self):
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
        self.search.textChanged.connect(self.table.proxy.setFilterFixedString)
        self.toolbar.addWidget(self.search, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(self.toolbar)
        layout.addLayout(self._stack, 1)

    def show_records(self, records: Sequence) -> None:
        self.table.source.set_records(records)
        self._stack.setCurrentWidget(self.table if records else self.empty_label)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
