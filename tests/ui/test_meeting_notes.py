"""Notes in the chair's view: saved while typing, a failed save is shown and retried, internal is visible."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from knooppunt.domain.enums import Attendance, Visibility
from knooppunt.domain.meetings import Meeting
from knooppunt.errors import DatabaseUnavailable
from tests.conftest import TODAY
from ui import messages
from ui.hub import SignalHub
from ui.meeting.agenda_template_dialog import AgendaTemplateDialog
from ui.meeting.meeting_window import MeetingWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_a_failed_autosave_is_shown_at_the_note_and_retried(qtbot, meeting_window, demo_services, monkeypatch):
    chair = meeting_window.chair
    editor = chair.item_view.add_note(Visibility.SHARED)
    real = demo_services.meeting_mode.save_note_text
    failures = []

    def busy_once(note_id, text):
        if not failures:
            failures.append(text)
            raise DatabaseUnavailable("De database is bezet.")
        return real(note_id, text)

    monkeypatch.setattr(demo_services.meeting_mode, "save_note_text", busy_once)
    qtbot.keyClicks(editor.editor, "welkom allemaal")
    qtbot.waitUntil(lambda: bool(failures))
    assert editor.status.text().startswith("Niet opgeslagen") and editor.dirty
    qtbot.waitUntil(lambda: not editor.dirty, timeout=3000)
    assert editor.status.text() == "Opgeslagen"
    assert demo_services.meeting_mode.notes(editor.note.agenda_item_id)[0].text == "welkom allemaal"


def test_internal_note_is_marked_and_can_be_made_shared(qtbot, meeting_window, demo_services, monkeypatch):
    chair = meeting_window.chair
    editor = chair.item_view.add_note(Visibility.INTERNAL)
    assert editor.badge.text() == "INTERN · niet voor ouders" and editor.property("internal") is True
    editor.toggle_visibility()
    assert editor.badge.text() == "Gedeeld met ouders" and editor.property("internal") is False
    assert demo_services.meeting_mode.notes(editor.note.agenda_item_id)[0].visibility == Visibility.SHARED
    qtbot.keyClicks(editor.editor, "tekst")
    monkeypatch.setattr(messages, "ask", lambda *a, **k: False)
    editor.remove.click()
    assert len(demo_services.meeting_mode.notes(editor.note.agenda_item_id)) == 1  # not confirmed: kept
    monkeypatch.setattr(messages, "ask", lambda *a, **k: True)
    editor.remove.click()
    assert demo_services.meeting_mode.notes(editor.note.agenda_item_id) == []
    assert chair.item_view.editors == []


def test_agenda_template_dialog_adds_and_moves_items(qtbot, demo_services):
    location = demo_services.locations.locations()[0]
    dialog = AgendaTemplateDialog(services=demo_services, hub=SignalHub(), location_id=location.id)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 8
    dialog._on_add_clicked()
    dialog.table.item(8, 0).setText("Tolk stelt zich voor")
    dialog.table.setCurrentCell(8, 0)
    for _ in range(7):
        dialog._move(-1)
    dialog.save()
    titles = [i.title for i in demo_services.planning.agenda_template(location.id)]
    assert titles[:2] == ["Opening en kennismaking", "Tolk stelt zich voor"] and len(titles) == 9


def test_moving_on_while_a_note_cannot_be_saved_keeps_the_text(qtbot, meeting_window, demo_services, monkeypatch):
    chair = meeting_window.chair
    for participant in chair.state.participants:
        if participant.kind == "ouder":
            demo_services.meeting_mode.set_attendance(participant.id, Attendance.PRESENT)
    editor = chair.item_view.add_note(Visibility.SHARED)
    item_before = chair.state.discussion.current_item_id
    next_item = next(i.id for i in chair.state.agenda if i.id != item_before)

    def always_busy(note_id, text):
        raise DatabaseUnavailable("De database is bezet.")

    monkeypatch.setattr(demo_services.meeting_mode, "save_note_text", always_busy)
    editor.editor.setPlainText("Ouders vertellen over de zomer")
    assert chair.go_to_item(next_item) is False
    assert chair.state.discussion.current_item_id == item_before
    assert editor in chair.item_view.editors and editor.editor.toPlainText() == "Ouders vertellen over de zomer"
    asked = []
    monkeypatch.setattr(messages, "ask", lambda *a, **k: asked.append(a[2]) or False)
    meeting_window.show()
    meeting_window.close()
    assert "verloren" in asked[0] and meeting_window.isVisible()  # stays open: nothing is lost
    monkeypatch.undo()
    assert chair.go_to_item(next_item) is True
    saved = demo_services.meeting_mode.notes(editor.note.agenda_item_id)
    assert [n.text for n in saved] == ["Ouders vertellen over de zomer"]


def test_consent_withdrawn_elsewhere_takes_the_child_off_the_open_chair_view(qtbot, demo_services, clock):
    """The chair has Zoë open; consent is withdrawn in her file: the chair view follows at once."""
    from datetime import date

    location = demo_services.locations.locations()[0]
    meeting, _ = demo_services.planning.create_meeting(
        Meeting(None, location.id, TODAY + timedelta(days=3), time(9), "Teamkamer", "Annelies Vermeulen"))
    zoe = next(v.child for v in demo_services.children.children() if v.child.first_name == "Zoë")
    discussion, _ = demo_services.planning.add_child(meeting.id, zoe.id)
    clock.now = datetime.combine(meeting.date, time(9))
    hub = SignalHub()
    window = MeetingWindow(services=demo_services, hub=hub, meeting_id=meeting.id)
    qtbot.addWidget(window)
    window.open_discussion(discussion.id)
    chair = window.chair
    assert chair.state.child.first_name == "Zoë"
    consent = next(c for c in demo_services.children.consents(zoe.id) if c.withdrawn_on is None)
    withdrawal = demo_services.consent.withdraw(consent.id, date.fromisoformat(TODAY.isoformat()), "Ouders trekken in")
    for change in withdrawal.changes:
        hub.publish(change)
    assert chair.state is None and chair.item_view.item is None
    assert "Zoë Janssen is afgemeld" in chair.notice.text()
    assert all("Zoë" not in chair.children_list.item(i).text() or "•" not in chair.children_list.item(i).text()
               for i in range(chair.children_list.count()))
