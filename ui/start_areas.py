"""The start areas above the main navigation: Vandaag (Ctrl+0, the start page) and Aanmeldingen.

Kept apart from the numbered areas so their shortcuts and indexes (Ctrl+1…) stay as they are."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMainWindow, QMenu, QStackedWidget, QVBoxLayout, QWidget

from knooppunt.services import Services

from .hub import SignalHub

TITLES = ("Vandaag", "Aanmeldingen")


class StartAreas:
    def __init__(self, *, window: QMainWindow, services: Services, hub: SignalHub, stack: QStackedWidget,
                 navigation: QListWidget) -> None:
        self._window, self._services, self._hub = window, services, hub
        self._stack, self._navigation = stack, navigation
        self._pages: dict[int, QWidget] = {}
        self.list = QListWidget()
        self.list.setObjectName("navigation")
        for title, tip in zip(TITLES, ("Vandaag (Ctrl+0)", "Aanmeldingen (Ctrl+6)"), strict=True):
            item = QListWidgetItem(title)
            item.setToolTip(tip)
            self.list.addItem(item)
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * len(TITLES) + 8)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        navigation.currentRowChanged.connect(self._on_navigation_current_row_changed)

    def sidebar(self) -> QWidget:
        box = QWidget()
        box.setFixedWidth(self._navigation.width() or 210)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.list)
        layout.addWidget(self._navigation, 1)
        return box

    def add_menu_actions(self, menu: QMenu) -> None:
        for row, key in ((0, "Ctrl+0"), (1, "Ctrl+6")):
            action = QAction(TITLES[row], self._window)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _=False, r=row: self.show(r))
            menu.addAction(action)

    def page(self, row: int) -> QWidget:
        if row not in self._pages:
            if row == 0:
                from .pages.today_page import TodayPage

                page: QWidget = TodayPage(services=self._services, hub=self._hub, go_to=self._go_to)
            else:
                from .pages.intake_page import IntakePage

                page = IntakePage(services=self._services, hub=self._hub, plan_child=self.plan_child)
            self._stack.addWidget(page)
            self._pages[row] = page
        return self._pages[row]

    def show(self, row: int) -> None:
        self.list.setCurrentRow(row)

    def plan_child(self, child_id: int) -> None:
        """Planning takes the child from the aanmeldingen: the next planned meeting of its location
        (or a new one) opens in the planning dialog with the child chosen."""
        location_id = self._services.children.child(child_id).location_id
        today = self._services.now().date()
        upcoming = sorted((v for v in self._services.meetings.meetings(location_id=location_id)
                           if v.meeting.status == "gepland" and v.meeting.date >= today), key=lambda v: v.meeting.date)
        self._navigation.setCurrentRow(2)
        page = self._window.pages[2]  # type: ignore[attr-defined]
        dialog = page.plan(upcoming[0] if upcoming else None)
        if dialog is not None:
            index = dialog.child_combo.findData(child_id)
            if index >= 0:
                dialog.child_combo.setCurrentIndex(index)

    def _go_to(self, kind: str) -> None:
        from .pages.today_page import KIND_PAGE

        if kind == "aanmelding":
            self.show(1)
        else:
            self._navigation.setCurrentRow(KIND_PAGE[kind])

    def _on_list_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self._navigation.blockSignals(True)
        self._navigation.setCurrentRow(-1)
        self._navigation.blockSignals(False)
        self._stack.setCurrentWidget(self.page(row))

    def _on_navigation_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.list.blockSignals(True)
            self.list.setCurrentRow(-1)
            self.list.blockSignals(False)
