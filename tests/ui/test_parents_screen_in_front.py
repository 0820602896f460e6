"""F5 on a laptop with one screen brings the parents' screen to the front; F5 there brings the
chair's window back."""

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from knooppunt.domain.meetings import Meeting
from ui.hub import SignalHub
from ui.meeting.meeting_window import MeetingWindow

from ..conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_f5_raises_and_activates_the_parents_screen_and_f5_again_returns(qtbot, demo_services):
    location = demo_services.locations.locations()[0]
    meeting, _ = demo_services.planning.create_meeting(
        Meeting(None, location.id, TODAY + timedelta(days=3), time(9), "Teamkamer", "Annelies Vermeulen"))
    zoe = next(v.child for v in demo_services.children.children() if v.child.first_name == "Zoë")
    discussion, _ = demo_services.planning.add_child(meeting.id, zoe.id)
    demo_services.store.clock.now = datetime.combine(meeting.date, time(9))  # chaired on its day
    window = MeetingWindow(services=demo_services, hub=SignalHub(), meeting_id=meeting.id)
    qtbot.addWidget(window)
    window.open_discussion(discussion.id)
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
