"""Locking reaches every window of the program: Ctrl+L works in any of them (also in an open
dialog), and an open dialog is covered by its own lock rather than hidden.

Hiding a dialog that runs ``exec()`` would end it and throw away what was typed in it; covering
keeps it, and its cover takes the passphrase because a modal dialog blocks the main window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from .idle_lock import LockOverlay

LOCK_KEYS = QKeySequence("Ctrl+L")
COVER_MIN_SIZE = QSize(480, 300)


class LockShortcut(QObject):
    """Emits ``lock_requested`` on Ctrl+L in any window of the program (an application event filter:
    a window shortcut of the main window does not reach a dialog that has the focus)."""

    lock_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        assert app is not None  # made before any window
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QWidget):
            assert isinstance(event, QKeyEvent)
            if QKeySequence(event.keyCombination()) == LOCK_KEYS:
                self.lock_requested.emit()
                return True
        return False

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class DialogCover:
    """A lock over one open dialog: its fields are covered and switched off until unlocked."""

    def __init__(self, dialog: QDialog, *, verify: Callable[[str], bool], on_unlocked: Callable[[], None]) -> None:
        self.dialog = dialog
        self.overlay = LockOverlay(verify=verify, parent=dialog)
        dialog.installEventFilter(self.overlay)
        self.overlay.unlocked.connect(on_unlocked)
        # Tab must not reach the fields under the cover, nor Enter the dialog's Opslaan.
        self._disabled = [w for w in dialog.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                          if w is not self.overlay and w.isEnabled()]
        for widget in self._disabled:
            widget.setEnabled(False)
        # A small dialog grows for as long as it is locked, so the lock's text and field fit.
        self._size = dialog.size()
        dialog.resize(max(dialog.width(), COVER_MIN_SIZE.width()), max(dialog.height(), COVER_MIN_SIZE.height()))
        self.overlay.lock()

    def remove(self) -> None:
        for widget in self._disabled:
            widget.setEnabled(True)
        self.dialog.resize(self._size)
        self.dialog.removeEventFilter(self.overlay)
        self.overlay.hide()
        self.overlay.deleteLater()
