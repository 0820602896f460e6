"""Qt's own texts (standard buttons) are Dutch."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox


def test_standard_buttons_are_dutch(app, qtbot):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Close).text().replace("&", "") == "Sluiten"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Annuleren"
