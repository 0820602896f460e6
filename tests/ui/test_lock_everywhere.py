"""Ctrl+L locks from any window of the program, also with a dialog open, and the passphrase is
not kept in the lock's field after it was checked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout, QWidget

from ui.main_window import MainWindow

from ..conftest import PASSPHRASE

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(app, qtbot, demo_services, hub, db_path):
    window = MainWindow(services=demo_services, hub=hub, database_path=db_path, idle_minutes=None)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
    return window


def test_ctrl_l_in_an_open_modal_dialog_locks_everything_and_keeps_the_dialog(qtbot, window):
    beamer = QWidget()  # stands for the parents' screen: a window of its own
    qtbot.addWidget(beamer)
    beamer.show()
    dialog = QDialog(window)
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    seen: dict[str, object] = {}

    def inside_the_dialog() -> None:
        try:
            steps()
        finally:
            dialog.accept()  # a failing step must not leave exec() waiting

    def steps() -> None:
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
        qtbot.keyClicks(field, "half getypt")
        qtbot.keyClick(field, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        cover = window._dialog_covers[0]
        seen.update(locked=window.lock_overlay.is_locked, beamer=beamer.isVisible(),
                    covered=cover.overlay.isVisible(), field=field.isEnabled(), dialog=dialog.isVisible())
        # Enter and Esc in the lock do not reach the dialog behind it.
        qtbot.keyClicks(cover.overlay.passphrase, "fout")
        qtbot.keyClick(cover.overlay.passphrase, Qt.Key.Key_Return)
        qtbot.keyClick(cover.overlay.passphrase, Qt.Key.Key_Escape)
        seen.update(still_open=dialog.isVisible(), wrong=cover.overlay.error.text(),
                    kept=cover.overlay.passphrase.text())
        qtbot.keyClicks(cover.overlay.passphrase, PASSPHRASE)
        qtbot.keyClick(cover.overlay.passphrase, Qt.Key.Key_Return)
        seen.update(after=(window.lock_overlay.is_locked, beamer.isVisible(), field.isEnabled(), field.text()),
                    passphrase_left=cover.overlay.passphrase.text())

    QTimer.singleShot(0, inside_the_dialog)
    assert dialog.exec() == QDialog.DialogCode.Accepted

    assert seen["locked"] and not seen["beamer"] and seen["covered"] and not seen["field"] and seen["dialog"]
    assert seen["still_open"] and "klopt niet" in str(seen["wrong"]) and seen["kept"] == ""
    assert seen["after"] == (False, True, True, "half getypt")
    assert seen["passphrase_left"] == ""
    assert window._dialog_covers == [] and window.centralWidget().isEnabled()


def test_the_lock_field_is_empty_after_unlocking(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    overlay = window.lock_overlay
    assert overlay.is_locked
    qtbot.keyClicks(overlay.passphrase, PASSPHRASE)
    with qtbot.waitSignal(overlay.unlocked):
        qtbot.keyClick(overlay.passphrase, Qt.Key.Key_Return)
    assert overlay.passphrase.text() == "" and not overlay.passphrase.isUndoAvailable()
