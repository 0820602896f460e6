"""The parents' say: their input beforehand comes first, the decisions are on their screen, and the
parents' screen opens in front; the interpreter is named in the chair's view."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtWidgets import QApplication

from knooppunt.domain.enums import AgendaKind, Attendance, Visibility
from knooppunt.domain.meetings import Meeting
from tests.conftest import TODAY
from ui.hub import SignalHub
from ui.meeting.meeting_window import MeetingWindow
from ui.meeting.parent_input_dialog import ParentInputDialog
from ui.meeting.parents_screen import ParentsScreen

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _planned(services, first_name: str):
    location = services.locations.locations()[0]
    meeting, _ = services.planning.create_meeting(
        Meeting(None, location.id, TODAY + timedelta(days=3), time(9), "Teamkamer", "Annelies Vermeulen"))
    child = next(v.child for v in services.children.children() if v.child.first_name == first_name)
    discussion, _ = services.planning.add_child(meeting.id, child.id)
    return meeting, discussion


def test_parents_input_recorded_beforehand_comes_first_in_the_chairs_view_and_on_their_screen(qtbot, demo_services):
    hub = SignalHub()
    meeting, discussion = _planned(demo_services, "Zoë")
    dialog = ParentInputDialog(services=demo_services, hub=hub, discussion_id=discussion.id, child_name="Zoë")
    qtbot.addWidget(dialog)
    dialog.answers[AgendaKind.CONCERNS].setPlainText("Zoë wil niet meer naar gym.")
    dialog.answers[AgendaKind.GOES_WELL].setPlainText("Ze slaapt beter sinds de vakantie.")
    dialog.given_by.setText("moeder, per mail")
    with qtbot.waitSignal(hub.changed):
        dialog.save()
    demo_services.store.clock.now = datetime.combine(meeting.date, time(9))  # chaired on its day
    window = MeetingWindow(services=demo_services, hub=hub, meeting_id=meeting.id)
    qtbot.addWidget(window)
    window.open_discussion(discussion.id)
    chair = window.chair
    concerns = next(i for i in chair.state.agenda if i.kind == AgendaKind.CONCERNS)
    for combo, _reason, _warning in chair.attendance.rows.values():
        combo.setCurrentIndex(combo.findData(Attendance.PRESENT.value))
    assert chair.go_to_item(concerns.id)
    view = chair.item_view
    assert view.parents_input.isVisibleTo(chair)
    assert view.parents_input.text() == "Vooraf van de ouders:\n• Zoë wil niet meer naar gym."
    layout = view.layout()
    assert layout.indexOf(view.parents_input) < layout.indexOf(view.review)  # above everything else
    note, _ = demo_services.meeting_mode.add_note(concerns.id, visibility=Visibility.SHARED)
    demo_services.meeting_mode.save_note_text(note.id, "Gym is op dinsdag.")
    screen = ParentsScreen(services=demo_services)
    qtbot.addWidget(screen)
    screen.show_discussion(discussion.id)
    text = screen.body.text()
    assert "Wat u vooraf aangaf" in text and text.index("Zoë wil niet meer naar gym.") < text.index("Gym is op dinsdag.")
    opening = next(i for i in chair.state.agenda if i.kind == AgendaKind.OPENING)
    chair.go_to_item(opening.id)
    assert not view.parents_input.isVisibleTo(chair)  # only under the matching item


def test_parents_screen_shows_the_decisions_with_the_parents_position(qtbot, demo_services):
    discussion_id = demo_services.store.scalar(
        "SELECT d.id FROM discussion d JOIN child c ON c.id = d.child_id WHERE c.first_name = 'Anaïs'")
    screen = ParentsScreen(services=demo_services)
    qtbot.addWidget(screen)
    screen.show_discussion(discussion_id)
    text = screen.body.text()
    assert "Wat er besloten is" in text
    assert "Opvoedondersteuning thuis door het wijkteam (6 gesprekken) (besloten door Fatima Bouzid" in text
    assert "Inzet gezinscoach van Jeugdhulp De Brug" in text and "nog niet zeker" in text
    assert "U bent het eens, met een opmerking: “Goed, als we eerst kennis kunnen maken" in text
    assert text.index("Wat er besloten is") < text.index("Wat we afspreken")
    assert "Besluit laten bevestigen" not in text  # the partner's internal follow-up


def test_parents_screen_opens_in_front_on_one_screen_and_the_chair_sees_the_interpreter(qtbot, demo_services):
    meeting, discussion = _planned(demo_services, "Şükrü")
    demo_services.store.clock.now = datetime.combine(meeting.date, time(9))  # chaired on its day
    window = MeetingWindow(services=demo_services, hub=SignalHub(), meeting_id=meeting.id)
    qtbot.addWidget(window)
    window.show()
    window.open_discussion(discussion.id)
    assert "tolk nodig (Turks)" in window.chair.child_title.text()
    qtbot.waitActive(window)
    window.toggle_parents_screen()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window.parents_screen)
    assert window.parents_screen.isVisible() and not window.isActiveWindow()
