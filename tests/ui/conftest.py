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


@pytest.fixture
def meeting_window(qtbot, demo_services, clock):
    """Zoë's discussion in a meeting three days ahead, opened in the meeting window on its day."""
    from datetime import datetime, time, timedelta

    from knooppunt.domain.meetings import Meeting
    from ui.meeting.meeting_window import MeetingWindow

    from ..conftest import TODAY

    location = demo_services.locations.locations()[0]
    meeting, _ = demo_services.planning.create_meeting(
        Meeting(None, location.id, TODAY + timedelta(days=3), time(9), "Teamkamer", "Annelies Vermeulen"))
    zoe = next(v.child for v in demo_services.children.children() if v.child.first_name == "Zoë")
    discussion, _ = demo_services.planning.add_child(meeting.id, zoe.id)
    clock.now = datetime.combine(meeting.date, time(9))  # chaired on the day
    window = MeetingWindow(services=demo_services, hub=SignalHub(), meeting_id=meeting.id)
    qtbot.addWidget(window)
    window.open_discussion(discussion.id)
    return window


# The app on the organisation's server (issue 22): the test server's location user, keyring, data folder.
from .team_helpers import linde, user_folder  # noqa: E402, F401 - fixtures
