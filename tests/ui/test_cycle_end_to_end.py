"""End to end (issue 18): aanmelding → consent → planned → a meeting with a plan van aanpak → the next
meeting evaluates the goals → the case closed with the parents' judgement → the closing letter PDF."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from knooppunt.domain.children import Child, Guardian
from knooppunt.domain.enums import Attendance, DiscussionStatus
from ui import messages
from ui.dialogs.child_detail_dialog import ChildDetailDialog
from ui.dialogs.closing_dialog import ClosingDialog
from ui.dialogs.consent_dialog import ConsentDialog
from ui.dialogs.intake_dialog import IntakeDialog
from ui.hub import SignalHub
from ui.main_window import MainWindow

from .dialog_driver import QT_OFFSCREEN_NOISE, when_dialog_opens

pytestmark = QT_OFFSCREEN_NOISE


class Answers:
    """The chair's answers to the small questions (messages.ask_text / choose_item), in order."""

    def __init__(self, monkeypatch) -> None:
        self.texts: list[str] = []
        self.choices: list[str] = []
        monkeypatch.setattr(messages, "ask_text", lambda *a, **k: self.texts.pop(0))
        monkeypatch.setattr(messages, "choose_item", self._choose)
        monkeypatch.setattr(messages, "ask", lambda *a, **k: True)

    def _choose(self, _parent, _title, _label, items):
        wanted = self.choices.pop(0)
        return next(item for item in items if item.startswith(wanted))


def _run_meeting(qtbot, window, services, clock, meeting_id, act) -> int:
    """Open the chair's view on the meeting day, everyone present, ``act`` on the plan, finalise."""
    meeting = services.meetings.meeting(meeting_id)
    clock.now = datetime.combine(meeting.date, time(8, 35))
    page = window.pages[2]
    chair = page.run(meeting_id).chair
    qtbot.waitUntil(lambda: chair.state is not None)
    for combo, _reason, _warning in chair.attendance.rows.values():
        combo.setCurrentIndex(combo.findData(Attendance.PRESENT.value))
    act(chair.plan_panel)
    for _ in chair.state.agenda[1:]:
        chair.next_item()
    discussion_id = chair.state.discussion.id
    assert chair.close_discussion(), chair.notice.text()
    assert services.meeting_mode.discussion(discussion_id).status == DiscussionStatus.FINALISED
    page.meeting_window.close()
    return discussion_id


def _plan(qtbot, window, services, clock, day: date) -> int:
    page = window.pages[2]
    window.show_page(2)
    dialog = page.plan()
    dialog.date.setDate(day)
    qtbot.keyClicks(dialog.place, "Teamkamer")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    dialog.child_combo.setCurrentIndex(dialog.child_combo.findText("Fenna", Qt.MatchFlag.MatchStartsWith))
    assert dialog.add_child()
    people = [dialog.participants.item(i).text() for i in range(dialog.participants.count())]
    assert not [p for p in people if "Kastanjetje" in p]  # groep 5: no voorschool at the table
    meeting_id = dialog.meeting_id
    dialog.close()
    return meeting_id


def test_the_whole_cycle_from_aanmelding_to_closing_letter(qtbot, demo_services, clock, db_path, tmp_path,
                                                           monkeypatch):
    services = demo_services
    location = services.locations.locations()[0]
    fenna, _ = services.children.create_child(Child(None, location.id, "Fenna", "Kusters", date(2018, 4, 2), "groep 5"))
    for name, relation in (("Iris Kusters", "moeder"), ("Tim Kusters", "vader")):
        email = f"{name.split()[0].lower()}@example.nl"
        services.children.add_guardian(Guardian(None, fenna.id, name, relation, True, email=email))
    window = MainWindow(services=services, hub=SignalHub(), database_path=db_path)
    qtbot.addWidget(window)
    window.show()
    answers = Answers(monkeypatch)

    # 1. Aanmelding, from the Aanmeldingen area.
    window.start_areas.show(1)
    intake_page = window.stack.currentWidget()

    def fill_intake(dialog: IntakeDialog) -> None:
        dialog.signal_by.setText("meester Rik")
        dialog.noticed.setPlainText("Fenna zit sinds de herfstvakantie vaak alleen op het plein.")
        dialog.parents_words.setPlainText("Ze zegt dat niemand met haar wil spelen.")
        dialog.hulpvraag.setPlainText("Hoe krijgt Fenna weer vriendinnen op school?")
        dialog.parents_spoken.setChecked(True)
        dialog.save_button.click()

    answers.choices.append("Fenna Kusters")
    when_dialog_opens(IntakeDialog, fill_intake)
    intake_page.new_button.click()
    row = next(r for r in intake_page.rows if r.child_name == "Fenna Kusters")
    assert row.missing == ("toestemming",)

    # 2. Consent of both parents, from the child's file.
    detail = ChildDetailDialog(services=services, hub=window.start_areas._hub, child_id=fenna.id)
    qtbot.addWidget(detail)
    for guardian in services.children.guardians(fenna.id):
        def fill_consent(dialog: ConsentDialog, guardian=guardian) -> None:
            dialog.giver.setCurrentIndex(dialog.giver.findData(guardian.id))
            dialog.all_button.click()
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

        when_dialog_opens(ConsentDialog, fill_consent)
        detail.consents.record_button.click()
    qtbot.waitUntil(lambda: "compleet" in detail.consents.summary.text())
    assert next(r for r in intake_page.rows if r.child_name == "Fenna Kusters").missing == ()

    # 3. Planned, and 4. the first meeting makes the plan van aanpak: safety first, a goal, regie.
    first_day = clock.now.date() + timedelta(days=8)
    first = _plan(qtbot, window, services, clock, first_day)

    def make_plan(panel) -> None:
        assert "Eerst" in panel.safety.text()
        answers.choices.append("Veilig")
        panel.safety_button.click()
        answers.texts += ["Fenna speelt in de pauze met andere kinderen", "Juf zet een speelmaatje in; ouders "
                          "nodigen een klasgenoot uit", "Fenna vertelt thuis met wie ze speelde"]
        panel.goal_button.click()
        answers.choices.append("Iris Kusters")
        panel.regie_button.click()
        assert "Regie: Iris Kusters (moeder)" in panel.regie.text()
        assert panel.goals.count() == 1

    _run_meeting(qtbot, window, services, clock, first, make_plan)
    case = services.cases.current(fenna.id)
    assert services.cycle.plans.view(case.id).safety_line.startswith("Veilig")

    # 5. The next meeting evaluates the goal.
    second = _plan(qtbot, window, services, clock, first_day + timedelta(weeks=6))

    def evaluate(panel) -> None:
        assert "Nog evalueren in dit overleg" in panel.goals.item(0).text()
        panel.goals.setCurrentRow(0)
        answers.choices.append("Bereikt")
        answers.texts.append("Fenna speelt elke pauze met Sara en Lina.")
        panel.evaluate_button.click()
        assert "Nu: bereikt" in panel.goals.item(0).text()

    second_discussion = _run_meeting(qtbot, window, services, clock, second, evaluate)
    titles = [e.title for e in services.timeline.timeline(fenna.id)]
    assert "Doel geëvalueerd" in titles
    verslag = services.cycle.plans.view(case.id).goals[0].last
    assert verslag.discussion_id == second_discussion and verslag.words.startswith("Fenna speelt elke pauze")

    # 6. Closed with the parents' judgement, and 7. the closing letter as PDF.
    letter = tmp_path / "afsluitbrief-fenna.pdf"
    monkeypatch.setattr(messages, "choose_save_file", lambda *a, **k: letter)

    def close_with_parents(dialog: ClosingDialog) -> None:
        dialog.judgement.setCurrentIndex(dialog.judgement.findData("ja"))
        dialog.parents_words.setPlainText("Fenna gaat weer met plezier naar school.")
        dialog.child_words.setPlainText("Ik heb nu twee vriendinnen.")
        dialog.scores["parents_before"].setValue(4)
        dialog.scores["parents_after"].setValue(8)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    when_dialog_opens(ClosingDialog, close_with_parents)
    detail.case.close_button.click()
    qtbot.waitUntil(letter.exists)
    closing = services.cycle.closing.closing(case.id)
    assert closing.parents_judgement.value == "ja" and closing.parents_after == 8
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(letter)).pages).split())
    assert "We sluiten de begeleiding van Fenna af" in text
    assert "U vindt dat uw vraag is opgelost." in text and "Fenna speelt in de pauze met andere kinderen" in text
    assert "Heeft u later weer vragen?" in text
