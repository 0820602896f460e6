"""The meeting window: the chair's view, with the parents' screen as a second window (F5)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from knooppunt.services import Services

from .. import messages
from ..hub import SignalHub
from .chair_view import ChairView
from .parents_screen import ParentsScreen

SHORTCUTS = """Sneltoetsen in het overleg
Ctrl+PgDown / Ctrl+PgUp\tvolgend / vorig agendapunt
Ctrl+Shift+PgDown / PgUp\tvolgend / vorig kind
Ctrl+Enter\tnieuwe gedeelde notitie
Ctrl+Shift+Enter\tnieuwe interne notitie
Ctrl+I\tnotitie gedeeld ↔ intern
F5\touderscherm tonen / verbergen
Ctrl+Shift+F\tbespreking afronden
Ctrl+W\tvenster sluiten (alles is al opgeslagen)"""


class MeetingWindow(QMainWindow):
    def __init__(self, *, services: Services, hub: SignalHub, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Knooppunt – overleg voeren")
        # Large, but never taller or wider than the laptop's screen (1366 × 768 is common at schools).
        available = self.screen().availableGeometry()
        self.resize(min(1360, available.width()), min(820, available.height()))
        self.chair = ChairView(services=services, hub=hub, meeting_id=meeting_id)
        self.setCentralWidget(self.chair)
        self.parents_screen = ParentsScreen(services=services)
        self.parents_screen.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.chair.current_changed.connect(self._on_chair_current_changed)
        self.chair.content_changed.connect(self._on_chair_content_changed)
        # Agreements recorded in the outcomes panel (or elsewhere) show up on the parents' screen.
        hub.changed.connect(self._on_hub_changed)
        menu = self.menuBar().addMenu("&Overleg")
        toggle = QAction("&Ouderscherm tonen/verbergen", self)
        toggle.setShortcut(QKeySequence("F5"))
        toggle.triggered.connect(self.toggle_parents_screen)
        menu.addAction(toggle)
        for action in self.chair.actions():
            menu.addAction(action)
        close = QAction("Venster &sluiten", self)
        close.setShortcut(QKeySequence("Ctrl+W"))
        close.triggered.connect(self.close)
        menu.addSeparator()
        menu.addAction(close)
        self.statusBar().showMessage("Alles wat u typt wordt meteen opgeslagen.  ·  Sneltoetsen: menu Overleg")
        self.statusBar().setToolTip(SHORTCUTS)

    def open_discussion(self, discussion_id: int) -> bool:
        return self.chair.open_discussion(discussion_id)

    def toggle_parents_screen(self) -> None:
        if self.parents_screen.isVisible():
            self.parents_screen.hide()
            return
        self.parents_screen.show_discussion(self.chair.state.discussion.id if self.chair.state else None)
        if self._place_parents_screen():
            self.activateWindow()  # on the beamer: the chair keeps typing; the parents only look
        else:
            # One screen: the parents' screen opens in front of the chair's window (F5 hides it again).
            self.parents_screen.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, False)
            self.parents_screen.show()
            if QApplication.platformName() != "offscreen":  # headless has no stacking order (and warns)
                self.parents_screen.raise_()
            self.parents_screen.activateWindow()

    def _place_parents_screen(self) -> bool:
        """On a second monitor or beamer when there is one, full screen (True); else a normal window."""
        screens = QApplication.screens()
        mine = self.screen()
        other = next((s for s in screens if s is not mine), None)
        if other is not None:
            self.parents_screen.setGeometry(other.geometry())
            self.parents_screen.showFullScreen()
            return True
        return False

    def _on_chair_current_changed(self, discussion_id: int) -> None:
        if self.parents_screen.isVisible():
            self.parents_screen.show_discussion(discussion_id)

    def _on_chair_content_changed(self, discussion_id: int) -> None:
        if self.parents_screen.isVisible():
            self.parents_screen.show_discussion(discussion_id)

    def _on_hub_changed(self, change) -> None:
        if change.entity in {"agreement", "decision", "note", "participant", "parent_input"} \
                and self.parents_screen.isVisible():
            self.parents_screen.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.chair.leave() and not messages.ask(
            self, "Notitie niet opgeslagen",
            "Een notitie kon niet worden opgeslagen. Als u nu sluit, gaat die tekst verloren.\n\n"
            "Toch sluiten?", confirm="Toch sluiten", cancel="Openlaten"):
            event.ignore()
            return
        self.parents_screen.close()
        super().closeEvent(event)
