"""Handboek (F1): the built-in handbook, one chapter per area, searchable while typing."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from knooppunt.handbook import Chapter, load_chapters, search

from ..window_geometry import WindowPlacement


class HandbookDialog(QDialog):
    """Non-modal: it can stay open beside the window it explains."""

    def __init__(self, *, chapter: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Handboek")
        self._chapters = load_chapters()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Zoeken in het handboek…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.contents = QListWidget()
        self.contents.setFixedWidth(220)
        self.contents.currentItemChanged.connect(self._on_contents_current_item_changed)
        self.page = QTextBrowser()
        self.page.setOpenExternalLinks(False)
        self.nothing = QLabel("Niets gevonden. Probeer een ander woord.")
        self.nothing.setObjectName("hint")
        self.nothing.hide()
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.contents, 1)
        left.addWidget(self.nothing)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addWidget(self.page, 1)
        self.placement = WindowPlacement(self, "handboek", QSize(900, 620))
        self._fill(self._chapters)
        self.show_chapter(chapter or self._chapters[0].key)
        self.search.setFocus()

    def show_chapter(self, key: str) -> None:
        for row in range(self.contents.count()):
            if self.contents.item(row).data(Qt.ItemDataRole.UserRole).key == key:
                self.contents.setCurrentRow(row)
                return

    def current_chapter(self) -> Chapter | None:
        item = self.contents.currentItem()
        chapter: Chapter | None = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return chapter

    def _fill(self, chapters: list[Chapter]) -> None:
        self.contents.clear()
        for chapter in chapters:
            item = QListWidgetItem(chapter.title)
            item.setData(Qt.ItemDataRole.UserRole, chapter)
            self.contents.addItem(item)
        self.nothing.setVisible(not chapters)
        if chapters:
            self.contents.setCurrentRow(0)
        else:
            self.page.clear()

    def _on_search_text_changed(self, text: str) -> None:
        self._fill(search(self._chapters, text))

    def _on_contents_current_item_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        self.page.setMarkdown(item.data(Qt.ItemDataRole.UserRole).markdown)
        words = self.search.text().split()
        if words:
            # Show where the first search word is (Qt's find ignores case, not accents).
            self.page.moveCursor(self.page.textCursor().MoveOperation.Start)
            self.page.find(words[0], QTextDocument.FindFlag(0))
