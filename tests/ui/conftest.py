from __future__ import annotations

import pytest

from ui.app import create_application
from ui.hub import SignalHub


@pytest.fixture
def app(qapp):
    return create_application(["knooppunt-test"])


@pytest.fixture
def hub(app):
    return SignalHub()


@pytest.fixture(autouse=True)
def no_unexpected_error_dialog(monkeypatch):
    """An error dialog nobody expected fails the test at once (offscreen it would wait for ever)."""
    from PySide6.QtWidgets import QMessageBox

    def unexpected(_parent, _title, text, *_args):
        raise AssertionError(f"Onverwachte foutmelding: {text}")

    monkeypatch.setattr(QMessageBox, "warning", unexpected)
