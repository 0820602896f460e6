"""Windows open within the screen's available area and come back where the user left them.

Sizes and positions are kept per window in QSettings under the program's own organisation name
("Knooppunt"), so they never touch another program's settings.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for the title bar and window frame, which Qt only knows once the window is shown.
FRAME_ALLOWANCE = QSize(16, 40)


def available_area(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_on_screen(window: QWidget) -> None:
    """Shrink and move the window so that it, with its frame, lies within the available area."""
    area = available_area(window)
    width = min(window.width(), area.width() - FRAME_ALLOWANCE.width())
    height = min(window.height(), area.height() - FRAME_ALLOWANCE.height())
    window.resize(max(width, window.minimumWidth()), max(height, window.minimumHeight()))
    geometry = window.geometry()
    inside = area.adjusted(0, FRAME_ALLOWANCE.height() - 8, 0, 0)
    if not inside.contains(geometry):
        x = min(max(geometry.x(), inside.left()), inside.right() - geometry.width())
        y = min(max(geometry.y(), inside.top()), inside.bottom() - geometry.height())
        window.move(max(x, inside.left()), max(y, inside.top()))


class WindowPlacement(QObject):
    """Gives ``window`` its remembered geometry (or ``default`` size, centred) within the screen,
    and remembers it again when the window is hidden or closed."""

    def __init__(self, window: QWidget, key: str, default: QSize) -> None:
        super().__init__(window)
        # The key lives on the Qt side (objectName): the filter keeps no Python attributes, which the
        # garbage collector may clear while Qt still calls the filter of a window being torn down.
        self.setObjectName(f"vensters/{key}")
        saved = QSettings().value(self.objectName())
        if not (isinstance(saved, QByteArray) and window.restoreGeometry(saved)):
            window.resize(default)
            area = available_area(window)
            window.move(area.center() - window.rect().center())
        fit_on_screen(window)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Close, QEvent.Type.Hide) and isinstance(watched, QWidget):
            QSettings().setValue(self.objectName(), watched.saveGeometry())
        return False
