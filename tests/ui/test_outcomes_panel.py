from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from knooppunt.domain.enums import OwnerKind, Position
from knooppunt.services.outcomes.agreements import AgreementInput
from knooppunt.services.outcomes.decisions import DecisionInput
from ui.hub import SignalHub
from ui.widgets.outcomes_panel import OutcomesPanel

from ..core.outcome_helpers import discussion_of, finalise, partner_id, run, set_mandate_until

# The offscreen platform warns on showing any window with a layout; harmless here.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def hub():
    return SignalHub()


def make_panel(qtbot, services, hub, discussion_id):
    panel = OutcomesPanel(services=services, hub=hub, discussion_id=discussion_id)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def column_texts(view, column):
    model = view.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_decision_dialog_shows_the_mandate_on_the_meeting_date_and_records_provisional(qtbot, demo_services, hub):
    s = demo_services
    discussion = discussion_of(s, "Şükrü", held=False)
    run(s, discussion)
    meeting_date = s.records.context(discussion).meeting_date
    wijk = partner_id(s, "Gemeentelijke toegang")
    set_mandate_until(s, wijk, meeting_date - timedelta(days=1))
    panel = make_panel(qtbot, s, hub, discussion)

    panel.decision_button.click()
    dialog = panel.active_dialog
    dialog.text.setPlainText("Opvoedondersteuning thuis")
    dialog.select_partner(wijk)
    shown = dialog.mandate.text()
    assert f"Niet geldig op de datum van het overleg ({meeting_date:%d-%m-%Y})" in shown
    assert f"Mandaat verlopen op {meeting_date - timedelta(days=1):%d-%m-%Y}" in shown and "voorlopig" in shown
    assert dialog.person.currentText() == "Fatima Bouzid"
    dialog.select_partner(partner_id(s, "Jeugd"))
    assert f"Geldig op de datum van het overleg ({meeting_date:%d-%m-%Y})" in dialog.mandate.text()
    dialog.select_partner(wijk)
    dialog.parents_position.setCurrentIndex(dialog.parents_position.findData("eens"))

    with qtbot.waitSignal(hub.changed):
        dialog.save_button.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    [status] = column_texts(panel.decisions, 2)
    assert status.startswith("VOORLOPIG – Geen geldig mandaat op de datum van het overleg")
    assert any(t.startswith("Besluit laten bevestigen") for t in column_texts(panel.agreements, 1))
    panel.decisions.selectRow(0)
    assert panel.confirm_button.isEnabled()
    panel.confirm_button.click()
    confirm = panel.active_dialog
    confirm.confirmed_by.setText("Teamleider wijkteam")
    with qtbot.waitSignal(hub.changed):
        confirm.save_button.click()
    assert column_texts(panel.decisions, 2)[0].startswith("Definitief (bevestigd")
    assert s.audit.recent(1)[0].action == "besluit bevestigd"


def test_bad_input_is_shown_at_the_field_and_nothing_saved(qtbot, demo_services, hub):
    s = demo_services
    discussion = discussion_of(s, "Daan", held=False)
    run(s, discussion)
    meeting_date = s.records.context(discussion).meeting_date
    panel = make_panel(qtbot, s, hub, discussion)

    panel.decision_button.click()
    dialog = panel.active_dialog
    dialog.text.setPlainText("Extra begeleiding")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "Kies de partner" in dialog.error_text("location_partner_id")
    dialog.reject()

    panel.agreement_button.click()
    dialog = panel.active_dialog
    dialog.owner_kind.setCurrentIndex(dialog.owner_kind.findData(OwnerKind.PARENT.value))
    assert dialog.owner_name.currentText() == "Kim de Vries"  # suggested from the child's parents
    dialog.description.setText("Leest elke avond voor")
    dialog.due_date.set_value(meeting_date - timedelta(days=2))
    dialog.save_button.click()
    assert "vóór het overleg" in dialog.error_text("due_date")
    assert dialog.isVisible() and s.agreements.for_discussion(discussion) == []
    dialog.due_date.set_value(meeting_date + timedelta(days=7))
    with qtbot.waitSignal(hub.changed):
        dialog.save_button.click()
    assert column_texts(panel.agreements, 0) == ["Kim de Vries (ouder/verzorger)"]


def test_after_finalising_the_panel_is_read_only_and_an_addendum_keeps_the_original(qtbot, demo_services, hub):
    s = demo_services
    discussion = discussion_of(s, "Daan", held=False)
    run(s, discussion)
    s.decisions.record(discussion, DecisionInput("Extra JGZ-consult", "", partner_id(s, "Jeugd"),
                                                 parents_position=Position.AGREE))
    s.agreements.create(discussion, AgreementInput(OwnerKind.SCHOOL, "juf Ans", "Observeert in de klas"))
    panel = make_panel(qtbot, s, hub, discussion)
    assert panel.decision_button.isVisible() and not panel.addendum_button.isVisible()
    panel.decisions.doubleClicked.emit(panel.decisions.model().index(0, 0))  # still editable
    dialog = panel.active_dialog
    assert dialog.windowTitle() == "Besluit wijzigen" and dialog.text.toPlainText() == "Extra JGZ-consult"
    dialog.reject()

    hub.publish(finalise(s, discussion))
    panel.decisions.doubleClicked.emit(panel.decisions.model().index(0, 0))
    panel.agreements.doubleClicked.emit(panel.agreements.model().index(0, 0))
    assert panel.active_dialog is None  # no way to edit from the screen any more

    for button in (panel.decision_button, panel.agreement_button, panel.outcome_button):
        assert not button.isVisible() and not button.isEnabled()
    assert panel.banner.isVisible() and "Vastgesteld" in panel.banner.text()
    assert panel.addendum_button.isVisible() and panel.addendum_button.isEnabled()
    panel.addendum_button.click()
    dialog = panel.active_dialog
    dialog.target.setCurrentIndex(1)  # the decision
    dialog.text.setPlainText("Consult bij de jeugdarts, niet de verpleegkundige")
    dialog.save_button.click()
    assert "waarom" in dialog.error_text("reason").lower()
    dialog.reason.setText("Verkeerd genoteerd")
    with qtbot.waitSignal(hub.changed):
        dialog.save_button.click()

    assert column_texts(panel.decisions, 0) == ["Extra JGZ-consult"]  # the original stays
    assert "Consult bij de jeugdarts" in column_texts(panel.decisions, 6)[0]
    assert column_texts(panel.addenda, 4) == ["Verkeerd genoteerd"]


def test_outcome_models_pass_the_model_tester(qtbot, qtmodeltester, demo_services, hub):
    s = demo_services
    panel = make_panel(qtbot, s, hub, discussion_of(s, "Anaïs", held=True))
    s.records.add_addendum(panel.discussion_id, "bespreking", None, "Vader was ook aanwezig", "Vergeten")
    panel.reload()
    for view in (panel.decisions, panel.agreements, panel.addenda):
        assert view.source.rowCount() > 0
        qtmodeltester.check(view.source)
    review = make_panel(qtbot, s, hub, discussion_of(s, "Anaïs", held=False)).review
    assert review.source.rowCount() == 3
    qtmodeltester.check(review.source)
    review.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(review.proxy)
