"""The planning dialog: refused consent is shown, incidental partners, .ics saved to a file."""

from __future__ import annotations

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from knooppunt.errors import ConsentMissing
from tests.conftest import TODAY
from ui import messages
from ui.hub import SignalHub
from ui.meeting.planning_dialog import PlanningDialog

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


def test_child_without_consent_shows_what_is_missing_and_is_not_planned(qtbot, dialog, demo_services, monkeypatch):
    dialog.place.setText("Teamkamer")
    assert dialog.save()
    daan = next(v.child for v in demo_services.children.children() if v.child.first_name == "Daan")
    with demo_services.store.unit_of_work() as uow:
        uow.execute("UPDATE consent SET withdrawn_on = ? WHERE child_id = ?", [TODAY, daan.id])
        uow.audit("test", "consent", None)
    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, error, title="": shown.append(error))
    _choose(dialog, "Daan de Vries")
    assert not dialog.add_child()
    assert isinstance(shown[0], ConsentMissing) and "Kim de Vries" in shown[0].message
    assert dialog.slots.count() == 0


def test_invite_incidental_partner_and_save_ics(qtbot, dialog, demo_services, monkeypatch, tmp_path):
    dialog.place.setText("Teamkamer")
    assert dialog.save()
    _choose(dialog, "Zoë Janssen")
    assert dialog.add_child()
    dialog.incidental_combo.setCurrentIndex(dialog.incidental_combo.findText("Leerplicht", Qt.MatchFlag.MatchStartsWith))
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
