"""The planning dialog: refused consent is shown, incidental partners, .ics saved to a file."""

from __future__ import annotations

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.conftest import TODAY
from ui import messages
from ui.dialogs.consent_dialog import ConsentDialog
from ui.hub import SignalHub
from ui.meeting.planning_dialog import PlanningDialog

from .dialog_driver import when_dialog_opens

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def dialog(qtbot, demo_services):
    location = demo_services.locations.locations()[0]
    dialog = PlanningDialog(services=demo_services, hub=SignalHub(), location_id=location.id)
    qtbot.addWidget(dialog)
    return dialog


def _choose(dialog, name):
    dialog.child_combo.setCurrentIndex(dialog.child_combo.findText(name, Qt.MatchFlag.MatchStartsWith))


def test_a_meeting_without_place_is_refused_at_the_field(qtbot, dialog):
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.meeting_id is None
    assert dialog.error.isVisible() and "waar" in dialog.error.text()
    assert dialog.place.hasFocus()
    assert not dialog.add_child_button.isEnabled()


def _withdraw_all_consent(services, first_name):
    child = next(v.child for v in services.children.children() if v.child.first_name == first_name)
    with services.store.unit_of_work() as uow:
        uow.execute("UPDATE consent SET withdrawn_on = ? WHERE child_id = ?", [TODAY, child.id])
        uow.audit("test", "consent", None)
    return child


def test_child_without_consent_shows_what_is_missing_and_is_not_planned(qtbot, dialog, demo_services, monkeypatch):
    dialog.place.setText("Teamkamer")
    assert dialog.save()
    _withdraw_all_consent(demo_services, "Daan")
    questions = []
    monkeypatch.setattr(messages, "ask", lambda parent, title, question, **k: questions.append(question) or False)
    _choose(dialog, "Daan de Vries")
    assert not dialog.add_child()
    assert "Kim de Vries" in questions[0] and "geen toestemming" in questions[0]
    assert dialog.slots.count() == 0


def test_recording_the_missing_consent_from_the_message_plans_the_child(qtbot, dialog, demo_services, monkeypatch):
    dialog.place.setText("Teamkamer")
    assert dialog.save()
    daan = _withdraw_all_consent(demo_services, "Daan")
    monkeypatch.setattr(messages, "ask", lambda *a, **k: True)
    saved = []

    def save_as_prefilled(consent_dialog):
        qtbot.addWidget(consent_dialog)
        consent_dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    when_dialog_opens(ConsentDialog, save_as_prefilled, saved)
    _choose(dialog, "Daan de Vries")
    assert dialog.add_child()
    assert len(saved) == 1  # Kim has gezag; Bas (stiefvader) has not and is not asked
    assert dialog.slots.count() == 1 and "Daan" in dialog.slots.item(0).text()
    meeting = demo_services.meetings.meeting(dialog.meeting_id)
    assert demo_services.consent.missing(daan.id, meeting.date) == []


def test_invite_incidental_partner_and_save_ics(qtbot, dialog, demo_services, monkeypatch, tmp_path):
    dialog.place.setText("Teamkamer")
    assert dialog.save()
    _choose(dialog, "Zoë Janssen")
    assert dialog.add_child()
    dialog.incidental_combo.setCurrentIndex(dialog.incidental_combo.findText("Leerplicht", Qt.MatchFlag.MatchStartsWith))
    monkeypatch.setattr(messages, "ask_text", lambda *a, **k: "Veel verzuim op maandag")  # the reason is kept
    qtbot.mouseClick(dialog.invite_button, Qt.MouseButton.LeftButton)
    people = [dialog.participants.item(i).text() for i in range(dialog.participants.count())]
    assert "Kernpartner: Jeroen Smeets – Bureau Leerplicht Parkstad" in people
    assert dialog.incidental_combo.findText("Leerplicht", Qt.MatchFlag.MatchStartsWith) == -1
    assert "Jeroen Smeets (Bureau Leerplicht Parkstad)" in dialog.invitation.toPlainText()
    target = tmp_path / "uitnodiging.ics"
    monkeypatch.setattr(messages, "choose_save_file", lambda *a, **k: target)
    qtbot.mouseClick(dialog.ics_button, Qt.MouseButton.LeftButton)
    event = next(iter(Calendar.from_ical(target.read_bytes()).walk("VEVENT")))
    assert "mailto:j.smeets@leerplicht-parkstad.example" in {str(a) for a in event.get("attendee")}
    assert demo_services.audit.recent(1)[0].action == "agenda-uitnodiging opgeslagen"
    assert "sandra.janssen@example.nl" not in target.read_text(encoding="utf-8")
    assert "Moeder van Zoë" in dialog.invitation.toPlainText()
    dialog.audience.setCurrentIndex(dialog.audience.findData(True))
    assert "Sandra Janssen (moeder)" in dialog.invitation.toPlainText()
    qtbot.mouseClick(dialog.ics_button, Qt.MouseButton.LeftButton)
    event = next(iter(Calendar.from_ical(target.read_bytes()).walk("VEVENT")))
    attendees = event.get("attendee")
    attendees = attendees if isinstance(attendees, list) else [attendees]
    assert "mailto:sandra.janssen@example.nl" in {str(a) for a in attendees}
    assert "mailto:j.smeets@leerplicht-parkstad.example" not in {str(a) for a in attendees}
    shown = []
    monkeypatch.setattr(messages, "choose_save_file", lambda *a, **k: tmp_path / "weg" / "x.ics")
    monkeypatch.setattr(messages, "show_error", lambda parent, error, title="": shown.append(error.message))
    qtbot.mouseClick(dialog.ics_button, Qt.MouseButton.LeftButton)
    assert shown and "kon niet worden opgeslagen: de map bestaat niet" in shown[0]
