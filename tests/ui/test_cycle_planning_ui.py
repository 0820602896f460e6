"""Planning per child in the planning dialog: aanmelden on the spot, a partner off with its reason."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from PySide6.QtCore import Qt

from knooppunt.domain.children import Child, Guardian
from tests.children_helpers import give_consent
from tests.ui.dialog_driver import QT_OFFSCREEN_NOISE, when_dialog_opens
from ui import messages
from ui.dialogs.intake_dialog import IntakeDialog
from ui.meeting.planning_dialog import PlanningDialog

pytestmark = QT_OFFSCREEN_NOISE


@pytest.fixture
def dialog(qtbot, demo_services, hub):
    location = demo_services.locations.locations()[0]
    dialog = PlanningDialog(services=demo_services, hub=hub, location_id=location.id)
    qtbot.addWidget(dialog)
    dialog.place.setText("Teamkamer")
    assert dialog.save()
    return dialog


def _choose(dialog, name: str) -> None:
    dialog.child_combo.setCurrentIndex(dialog.child_combo.findText(name, Qt.MatchFlag.MatchStartsWith))


def test_a_child_without_aanmelding_is_aangemeld_on_the_spot_and_planned(qtbot, dialog, demo_services, monkeypatch):
    location = demo_services.locations.locations()[0]
    born = demo_services.store.now().date().replace(year=2018)
    child, _ = demo_services.children.create_child(Child(None, location.id, "Fenna", "Kusters", born, "groep 3"))
    mother, _ = demo_services.children.add_guardian(Guardian(None, child.id, "Iris Kusters", "moeder", True,
                                                             email="iris@example.nl"))
    give_consent(demo_services, child.id, mother.id, [o.id for o in demo_services.locations.organisations()])
    dialog._fill_slots()
    labels = [dialog.child_combo.itemText(i) for i in range(dialog.child_combo.count())]
    assert labels[-1] == "Fenna Kusters (groep 3) — nog niet aangemeld"  # the aanmeldingen come first
    assert "Łukasz Nowak (groep 4) — aangemeld, wacht 34 dagen" in labels
    asked = []
    monkeypatch.setattr(messages, "ask", lambda parent, title, question, **k: asked.append(question) or True)

    def fill(intake: IntakeDialog) -> None:
        intake.noticed.setPlainText("Fenna is stil sinds de verhuizing.")
        intake.hulpvraag.setPlainText("Hoe voelt Fenna zich weer thuis op school?")
        intake.parents_spoken.setChecked(True)
        intake.save_button.click()

    when_dialog_opens(IntakeDialog, fill)
    _choose(dialog, "Fenna Kusters")
    assert dialog.add_child()
    assert "nog niet aangemeld" in asked[0]
    case = demo_services.cases.current(child.id)
    assert case is not None and demo_services.cycle.intake.intake(case.id).parents_spoken


def test_taking_a_partner_off_asks_for_the_reason_and_keeps_it(qtbot, dialog, demo_services, monkeypatch):
    _choose(dialog, "Zoë Janssen")
    assert dialog.add_child()
    people = [dialog.participants.item(i).text() for i in range(dialog.participants.count())]
    assert not [p for p in people if "Kastanjetje" in p]  # groep 3: no voorschool proposed
    row = next(i for i, p in enumerate(people) if "JGZ Heuvelland" in p)
    dialog.participants.setCurrentRow(row)
    monkeypatch.setattr(messages, "ask_text", lambda *a, **k: "JGZ ziet Zoë al via de jeugdarts")
    qtbot.mouseClick(dialog.remove_participant_button, Qt.MouseButton.LeftButton)
    people = [dialog.participants.item(i).text() for i in range(dialog.participants.count())]
    assert not [p for p in people if "JGZ Heuvelland" in p]
    zoe = next(v.child.id for v in demo_services.children.children() if v.child.first_name == "Zoë")
    reasons = [c.reason for c in demo_services.cycle.partner_scope.choices(zoe)]
    assert reasons == ["JGZ ziet Zoë al via de jeugdarts"]


def test_the_chair_links_an_agreement_to_a_goal_and_is_warned_about_unevaluated_goals(qtbot, demo_services, hub,
                                                                                        monkeypatch):
    from ui.meeting.chair_view import ChairView

    meeting = next(v.meeting for v in demo_services.meetings.meetings() if v.meeting.status == "gepland")
    anais = next(d for d in demo_services.meetings.discussions(meeting.id)
                 if demo_services.children.child(d.child_id).first_name == "Anaïs")
    demo_services.store.clock.now = datetime.combine(meeting.date, time(9))  # chaired on its day
    chair = ChairView(services=demo_services, hub=hub, meeting_id=meeting.id)
    qtbot.addWidget(chair)
    assert chair.open_discussion(anais.id)
    panel = chair.plan_panel
    panel.goals.setCurrentRow(0)
    monkeypatch.setattr(messages, "choose_item", lambda parent, title, label, items: next(
        i for i in items if "rustplek" in i))
    panel.link_button.click()
    assert "Afspraak: Anaïs: Zegt het tegen de juf als ze even naar de rustplek wil" in panel.goals.item(0).text()
    assert "2 doel(en)" in panel.pending_text()
    asked: list[str] = []
    monkeypatch.setattr(messages, "ask", lambda parent, title, question, **k: asked.append(question) or False)
    chair.close_discussion()
    assert asked and asked[0].startswith("Let op: 2 doel(en)")
