"""Screen lock (schermvergrendeling): after a few idle minutes the window is covered until the
passphrase is given again. A laptop left on a table in a meeting room shows nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

DEFAULT_IDLE_MINUTES = 10
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Emits ``idle_timed_out`` when no key, mouse or touch input reached the app for a while."""

    idle_timed_out = Signal()

    def __init__(self, *, minutes: float = DEFAULT_IDLE_MINUTES, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(minutes * 60_000))
        self._timer.timeout.connect(self.idle_timed_out)
        QApplication.instance().installEventFilter(self)
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._timer.start()
        return False

    def stop(self) -> None:
        self._timer.stop()
        QApplication.instance().removeEventFilter(self)


class LockOverlay(QWidget):
    """Covers its parent window completely until ``verify(passphrase)`` accepts."""

    unlocked = Signal()

    def __init__(self, *, verify: Callable[[str], bool], parent: QWidget, hint: str = "") -> None:
        super().__init__(parent)
        self._verify = verify
        self.setObjectName("lockOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        title = QLabel("Knooppunt is vergrendeld")
        title.setObjectName("pageTitle")
        # Locked after a while without use, or on purpose with Ctrl+L: the text fits both.
        text = QLabel("De gegevens zijn afgeschermd; niemand kan meekijken.\n"
                      "Vul uw wachtwoordzin in om verder te gaan.")
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText("Wachtwoordzin")
        self.passphrase.setFixedWidth(360)
        self.passphrase.returnPressed.connect(self._on_unlock_clicked)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.button = QPushButton("Ontgrendelen")
        self.button.clicked.connect(self._on_unlock_clicked)
        # The demo's passphrase is thrown away at exit; showing it is what makes the demo unlockable.
        self.hint = QLabel(hint)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint.setVisible(bool(hint))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, text, self.passphrase, self.error, self.button, self.hint):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.hide()

    def lock(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.passphrase.clear()
        self.error.clear()
        self.show()
        self.raise_()
        self.passphrase.setFocus()

    @property
    def is_locked(self) -> bool:
        return self.isVisible()

    def _on_unlock_clicked(self) -> None:
        accepted = self._verify(self.passphrase.text())
        # The passphrase stays in the field no longer than this check needs it.
        self.passphrase.clear()
        if accepted:
            self.hide()
            self.unlocked.emit()
        else:
            self.error.setText("Deze wachtwoordzin klopt niet.")

    def unlock_quietly(self) -> None:
        """Unlocked through another window's lock: just go."""
        self.passphrase.clear()
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Keys that the passphrase field leaves (Enter, Esc) must not reach a dialog behind the lock.
        event.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect())
        return False
