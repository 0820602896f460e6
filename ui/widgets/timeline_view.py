"""The child's timeline: one tree, date order, a meeting opens to its decisions and agreements."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from knooppunt.domain.timeline import EntryKind, TimelineEntry

HISTORY_COLOUR = QColor("#5f6b73")
ATTENTION = {"Open", "Voorlopig", "Afgemeld", "Loopt door"}


class TimelineView(QTreeWidget):
    """Shows ``TimelineEntry`` rows; history from an earlier location is grey with its origin."""

    COLUMNS = ("Datum", "Soort", "Wat", "Status", "Toelichting")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setColumnCount(len(self.COLUMNS))
        self.setHeaderLabels(list(self.COLUMNS))
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.header().setStretchLastSection(True)
        for column, width in enumerate((125, 110, 400, 95)):
            self.setColumnWidth(column, width)
        self._entries: list[TimelineEntry] = []

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        self._entries = list(entries)
        self.clear()
        for entry in entries:
            item = self._item(entry, top=True)
            self.addTopLevelItem(item)
            for detail in entry.details:
                item.addChild(self._item(detail, top=False))
            item.setExpanded(True)

    def entries(self) -> list[TimelineEntry]:
        return list(self._entries)

    def _item(self, entry: TimelineEntry, *, top: bool) -> QTreeWidgetItem:
        title = entry.title + (f"\n(vorige locatie: {entry.origin})" if entry.origin and top else "")
        item = QTreeWidgetItem([f"{entry.day:%d-%m-%Y}" if top else "", entry.kind_label, title, entry.status,
                                entry.text])
        item.setToolTip(2, entry.title)
        item.setToolTip(4, entry.text)
        if top and entry.kind in (EntryKind.SIGNAL, EntryKind.MEETING, EntryKind.PHASE):
            font = QFont(item.font(2))
            font.setBold(True)
            for column in (1, 2):
                item.setFont(column, font)
        if entry.status in ATTENTION:
            item.setForeground(3, QBrush(QColor("#b3261e")))
        if entry.origin:
            for column in range(self.columnCount()):
                item.setForeground(column, QBrush(HISTORY_COLOUR))
        return item
