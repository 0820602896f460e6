"""F5 on a laptop with one screen brings the parents' screen to the front; F5 there brings the
chair's window back."""


import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_f5_raises_and_activates_the_parents_screen_and_f5_again_returns(qtbot, meeting_window):
    window = meeting_window
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    assert len(QApplication.screens()) == 1

    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F5)
    screen = window.parents_screen
    qtbot.waitUntil(lambda: QApplication.activeWindow() is screen)
    assert screen.isVisible() and "Zoë" in screen.visible_text()
    assert screen.geometry().intersects(window.geometry())  # on top of the chair, not elsewhere

    qtbot.keyClick(screen, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert not screen.isVisible()
