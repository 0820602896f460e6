"""Errors shown to the user are logged by their kind, never with the names in them."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox

from knooppunt.errors import KnooppuntError
from ui import messages


def test_show_error_logs_the_kind_of_error_not_the_names(qtbot, monkeypatch, caplog):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: None)
    with caplog.at_level(logging.INFO, logger="ui.messages"):
        messages.show_error(None, KnooppuntError("Zoë Janssen heeft geen toestemming"))
        messages.show_error(None, "Anaïs Bakker staat al in de lijst")
    text = caplog.text
    assert "Zoë" not in text and "Anaïs" not in text
    assert "KnooppuntError" in text
