"""On a 1366×768 laptop every window opens within the available screen area, and a window comes
back with the size and position the user gave it."""

from datetime import time, timedelta

import pytest
from PySide6.QtCore import QRect

from knooppunt.domain.meetings import Meeting
from ui.main_window import MainWindow
from ui.meeting.meeting_window import MeetingWindow
from ui.window_geometry import FRAME_ALLOWANCE

from ..conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def small_screen(monkeypatch):
    """The available area of a 1366×768 screen with a 32-pixel panel."""
    area = QRect(0, 32, 1366, 736)
    monkeypatch.setattr("ui.window_geometry.available_area", lambda _window: area)
    return area


def within(window, area: QRect) -> bool:
    outer = window.geometry().adjusted(0, -(FRAME_ALLOWANCE.height() - 8), 0, 0)
    return area.contains(outer)


def test_main_and_meeting_windows_fit_a_small_screen(app, qtbot, demo_services, hub, db_path, small_screen):
    window = MainWindow(services=demo_services, hub=hub, database_path=db_path, idle_minutes=None)
    qtbot.addWidget(window)
    assert window.height() <= small_screen.height() - FRAME_ALLOWANCE.height()
    assert within(window, small_screen)

    location = demo_services.locations.locations()[0]
    meeting, _ = demo_services.planning.create_meeting(
        Meeting(None, location.id, TODAY + timedelta(days=3), time(9), "Teamkamer", "Annelies Vermeulen"))
    meeting_window = MeetingWindow(services=demo_services, hub=hub, meeting_id=meeting.id)
    qtbot.addWidget(meeting_window)
    assert within(meeting_window, small_screen)
    assert meeting_window.width() <= 1366 - FRAME_ALLOWANCE.width()


def test_a_window_comes_back_where_it_was_left(app, qtbot, demo_services, hub, db_path, own_settings, small_screen):
    screen = small_screen
    window = MainWindow(services=demo_services, hub=hub, database_path=db_path, idle_minutes=None)
    qtbot.addWidget(window)
    window.show()
    window.setGeometry(screen.x() + 2, screen.y() + 60, 700, 500)
    left = window.geometry()  # as wide as the window can be narrow (offscreen screens are 800 wide)
    window.close()
    assert list(own_settings.rglob("*.ini"))  # in our own settings file

    again = MainWindow(services=demo_services, hub=hub, database_path=db_path, idle_minutes=None)
    qtbot.addWidget(again)
    again.show()
    assert again.geometry() == left and again.height() == 500
