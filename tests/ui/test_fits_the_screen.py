"""Screens fit a school laptop: table headers, the meeting window at 768 pixels high, planning at 1280 wide."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from PySide6.QtWidgets import QApplication

from ui.pages.children_page import COLUMNS, ChildrenPage


def test_every_header_of_the_children_table_fits(app, hub, demo_services, qtbot):
    page = ChildrenPage(services=demo_services, hub=hub)
    qtbot.addWidget(page)
    header = page.table.horizontalHeader()
    for i, column in enumerate(COLUMNS[:-1]):  # the last column stretches
        assert header.sectionSize(i) >= header.sectionSizeFromContents(i).width(), column.header


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_demo_meeting_is_ready_to_run_and_fits_a_768_pixel_high_laptop(app, hub, demo_services, qtbot):
    from knooppunt.domain.enums import Attendance, MeetingStatus
    from ui.meeting.meeting_window import MeetingWindow

    upcoming = next(v.meeting for v in demo_services.meetings.meetings() if v.meeting.status == MeetingStatus.PLANNED)
    demo_services.store.clock.now = datetime.combine(upcoming.date, time(8, 30))  # chaired on the day
    window = MeetingWindow(services=demo_services, hub=hub, meeting_id=upcoming.id)
    qtbot.addWidget(window)
    window.show()
    chair = window.chair
    assert window.open_discussion(chair.discussion_ids()[0])
    assert len(chair.state.agenda) == 8 and chair.attendance.rows  # planned: agenda and participants are there
    for combo, _reason, _warning in chair.attendance.rows.values():
        combo.setCurrentIndex(combo.findData(Attendance.PRESENT.value))
    height = window.height()
    for item in chair.state.agenda:
        assert chair.go_to_item(item.id), item.title
        QApplication.processEvents()  # queued layout work runs, as it would between two clicks
        assert window.minimumSizeHint().height() <= 768 - 40, item.title  # room for a taskbar
        assert window.height() == height, f"the window grew at {item.title}"
    window.close()


def test_planning_dialog_fits_a_1280_pixel_wide_screen(app, hub, demo_services, qtbot):
    from knooppunt.domain.enums import MeetingStatus
    from ui.meeting.planning_dialog import PlanningDialog

    upcoming = next(v.meeting for v in demo_services.meetings.meetings() if v.meeting.status == MeetingStatus.PLANNED)
    dialog = PlanningDialog(services=demo_services, hub=hub, location_id=upcoming.location_id, meeting_id=upcoming.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.incidental_combo.count() > 0  # the long 'role: person (organisation)' entries are there
    assert dialog.minimumSizeHint().width() <= 1280 - 40
    assert [dialog.slots.item(i).text().split("  ", 1)[1] for i in range(dialog.slots.count())] == [
        "Anaïs Bakker", "Şükrü Yılmaz", "Daan de Vries"]  # the demo planned them like a user does
