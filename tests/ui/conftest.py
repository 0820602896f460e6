from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from ui.app import create_application
from ui.hub import SignalHub


@pytest.fixture(autouse=True)
def own_settings(tmp_path_factory):
    """Window sizes and other settings go to a temporary folder, never the tester's own."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


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
