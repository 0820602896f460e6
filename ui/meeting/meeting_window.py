"""The meeting window: the chair's view, with the parents' screen as a second window (F5)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from knooppunt.services import Change, Entity, Services

from .. import messages
from ..hub import SignalHub
from ..window_geometry import WindowPlacement
from .chair_view import ChairView
from .parents_screen import ParentsScreen

SHORTCUTS = """Sneltoetsen in het overleg
Ctrl+Page Down / Ctrl+Page Up\tvolgend / vorig agendapunt
Ctrl+Shift+Page Down / Page Up\tvolgend / vorig kind
Ctrl+Enter\tnieuwe gedeelde notitie
Ctrl+Shift+Enter\tnieuwe interne notitie
Ctrl+I\tnotitie gedeeld ↔ intern
F5\touderscherm tonen / verbergen
Ctrl+Shift+F\tbespreking afronden
Ctrl+W\tvenster sluiten (alles is al opgeslagen)"""


class MeetingWindow(QMainWindow):
    def __init__(self, *, services: Services, hub: SignalHub, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Overleg voeren")
        # Large, but never beyond the laptop's screen (1366 × 768 is common at schools).
        self.placement = WindowPlacement(self, "overleg", QSize(1360, 820))
        self.chair = ChairView(services=services, hub=hub, meeting_id=meeting_id)
        self.setCentralWidget(self.chair)
        self.parents_screen = ParentsScreen(services=services)
        self.parents_screen.close_requested.connect(self.toggle_parents_screen)
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
        help_action = QAction("&Handboek", self)
        help_action.setShortcut(QKeySequence("F1"))
        help_action.triggered.connect(self.open_handbook)
        self.menuBar().addMenu("&Help").addAction(help_action)
        self._handbook: QWidget | None = None
        self.statusBar().showMessage("Alles wat u typt wordt meteen opgeslagen.  ·  Sneltoetsen: menu Overleg")
        self.statusBar().setToolTip(SHORTCUTS)

    def open_handbook(self) -> QWidget:
        from ..dialogs.handbook_dialog import HandbookDialog

        if self._handbook is None:
            self._handbook = HandbookDialog(chapter="overleg-voeren", parent=self)
        self._handbook.show()
        self._handbook.raise_()
        self._handbook.activateWindow()
        return self._handbook

    def open_discussion(self, discussion_id: int) -> bool:
        return self.chair.open_discussion(discussion_id)

    def toggle_parents_screen(self) -> None:
        if self.parents_screen.isVisible():
            self.parents_screen.hide()
            self.raise_()
            self.activateWindow()
            return
        self.parents_screen.show_discussion(self.chair.state.discussion.id if self.chair.state else None)
        other = next((s for s in QApplication.screens() if s is not self.screen()), None)
        if other is not None:
            # A second monitor or beamer: full screen there, and the chair keeps typing here.
            self.parents_screen.setGeometry(other.geometry())
            self.parents_screen.showFullScreen()
            self.parents_screen.raise_()
            self.activateWindow()
            return
        # One screen: the parents' screen comes to the front (F5 or Esc there brings the chair back).
        self.parents_screen.setGeometry(self.geometry())
        self.parents_screen.show()
        self.parents_screen.raise_()
        self.parents_screen.activateWindow()

    def _on_chair_current_changed(self, discussion_id: int) -> None:
        if self.parents_screen.isVisible():
            self.parents_screen.show_discussion(discussion_id)

    def _on_chair_content_changed(self, discussion_id: int) -> None:
        if self.parents_screen.isVisible():
            self.parents_screen.show_discussion(discussion_id)

    def _on_hub_changed(self, change: Change) -> None:
        if change.entity in {Entity.AGREEMENT, Entity.DECISION, Entity.NOTE, Entity.PARTICIPANT, Entity.PARENT_INPUT} \
                and self.parents_screen.isVisible():
            self.parents_screen.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.chair.leave() and not messages.ask(
            self, "Notitie niet opgeslagen",
            "Een notitie kon niet worden opgeslagen. Als u nu sluit, gaat die tekst verloren.\n\n"
            "Toch sluiten?", confirm="Toch sluiten", cancel="Openlaten"):
            event.ignore()
            return
        self.parents_screen.close()
        super().closeEvent(event)
