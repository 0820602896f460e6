"""Every text Qt itself shows is Dutch: the file dialog's labels and the shortcut names in menus
(written the way the buttons write them: Ctrl+Enter)."""

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.mark.parametrize("mode", [QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave])
def test_the_file_dialog_speaks_dutch(app, qtbot, tmp_path, mode):
    dialog = QFileDialog(None, "Opslaan als PDF", str(tmp_path), "PDF-bestanden (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.text() for label in dialog.findChildren(QLabel) if label.text()}
    assert labels == {"&Zoeken in:", "Bestands&naam:", "Bestands&type:"}


def test_menus_name_the_keys_as_the_buttons_do(app):
    def shown(keys: str) -> str:
        return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)

    assert shown("Ctrl+Return") == "Ctrl+Enter"
    assert shown("Ctrl+Shift+Return") == "Ctrl+Shift+Enter"
    assert shown("Ctrl+PgDown") == "Ctrl+Page Down"
    assert shown("Ctrl+L") == "Ctrl+L"


def test_standard_buttons_are_dutch(app, qtbot):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Close).text().replace("&", "") == "Sluiten"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Annuleren"
