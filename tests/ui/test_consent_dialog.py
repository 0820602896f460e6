"""The consent dialog and the helper the meeting planner calls when consent is missing."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from knooppunt.errors import ConsentMissing
from ui import messages
from ui.dialogs.child_detail_dialog import ChildDetailDialog
from ui.dialogs.consent_dialog import ConsentDialog, offer_to_record_missing
from ui.dialogs.withdraw_consent_dialog import WithdrawConsentDialog
from ui.hub import SignalHub

from ..children_helpers import give_consent, make_family, make_location
from .dialog_driver import QT_OFFSCREEN_NOISE, when_dialog_opens

pytestmark = QT_OFFSCREEN_NOISE
MEETING_DAY = date(2026, 12, 10)


@pytest.fixture
def family(services):
    location_id, orgs = make_location(services)
    child_id, guardians = make_family(services, location_id)
    return child_id, guardians, orgs


def press_save(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def test_offer_names_what_is_missing_and_records_it_prefilled(qtbot, services, family, monkeypatch):
    child_id, (mother, father), orgs = family
    give_consent(services, child_id, mother, [orgs["JGZ"]])
    invited = [orgs["JGZ"], orgs["LP"]]
    with pytest.raises(ConsentMissing):
        services.consent.require(child_id, MEETING_DAY, invited)
    questions: list[str] = []

    def ask(parent, title, question, **kwargs):
        questions.append(question)
        return True

    monkeypatch.setattr(messages, "ask", ask)
    opened: list[ConsentDialog] = []
    prefilled: list[tuple[object, tuple[int, ...]]] = []

    def accept_as_prefilled(dialog: ConsentDialog) -> None:
        # read while it is open: the dialog is deleted once it has closed
        prefilled.append((dialog.giver.currentData(), dialog.checked_organisations()))
        press_save(dialog)

    hub = SignalHub()
    when_dialog_opens(ConsentDialog, accept_as_prefilled, opened, times=2)
    with qtbot.waitSignal(hub.changed):
        complete = offer_to_record_missing(None, services=services, hub=hub, child_id=child_id, day=MEETING_DAY,
                                           organisation_ids=invited)
    # Two people lacked something, so the question came up twice before it was complete.
    assert "Eva Smit (moeder, met gezag): geen toestemming voor deelname van Leerplicht" in questions[0]
    assert "Joost Smit (vader, met gezag): geen toestemming voor bespreking" in questions[0]
    assert "toestemming van Eva Smit nu vastleggen" in questions[0]
    assert complete is True
    assert len(opened) == 2
    assert prefilled[0] == (mother, (orgs["LP"],))
    assert prefilled[1] == (father, tuple(sorted(invited)))
    services.consent.require(child_id, MEETING_DAY, invited)


def test_offer_declined_saves_nothing(qtbot, services, family, monkeypatch):
    child_id, _, orgs = family
    monkeypatch.setattr(messages, "ask", lambda *a, **k: False)
    assert offer_to_record_missing(None, services=services, hub=SignalHub(), child_id=child_id, day=MEETING_DAY,
                                   organisation_ids=[orgs["JGZ"]]) is False
    assert services.children.consents(child_id) == []


def test_offer_when_nothing_is_missing_asks_nothing(qtbot, services, family, monkeypatch):
    child_id, guardians, _ = family
    for guardian in guardians:
        give_consent(services, child_id, guardian)
    monkeypatch.setattr(messages, "ask", lambda *a, **k: pytest.fail("asked although consent is complete"))
    assert offer_to_record_missing(None, services=services, hub=SignalHub(), child_id=child_id, day=MEETING_DAY,
                                   organisation_ids=[])


def test_oral_consent_without_note_is_refused_at_the_note(qtbot, services, family):
    child_id, (mother, _), orgs = family
    dialog = ConsentDialog(services=services, hub=SignalHub(), child_id=child_id, guardian_id=mother,
                           organisation_ids=[orgs["LP"]])
    qtbot.addWidget(dialog)
    dialog.method.setCurrentIndex(dialog.method.findData("mondeling"))
    press_save(dialog)
    assert dialog.errors.isVisibleTo(dialog) and "mondelinge toestemming" in dialog.errors.text()
    assert dialog.errors.field_in_error() is dialog.note
    assert services.children.consents(child_id) == []
    dialog.note.setPlainText("Telefonisch aan de IB'er, 20-11")
    press_save(dialog)
    (consent,) = services.children.consents(child_id)
    assert (consent.guardian_id, consent.organisation_ids, consent.method) == (mother, (orgs["LP"],), "mondeling")


def test_withdrawal_in_the_child_file_tells_the_chair(qtbot, services, family, monkeypatch):
    child_id, (mother, father), _ = family
    first = give_consent(services, child_id, mother)
    give_consent(services, child_id, father)
    told: list[str] = []
    monkeypatch.setattr(messages, "inform", lambda parent, title, text: told.append(f"{title}: {text}"))
    hub = SignalHub()
    detail = ChildDetailDialog(services=services, hub=hub, child_id=child_id)
    qtbot.addWidget(detail)
    view = detail.consents.table
    assert view.source.rowCount() == 2
    view.selectRow(next(r for r in range(2) if view.record_at(r).consent.id == first))
    when_dialog_opens(WithdrawConsentDialog, press_save)
    detail.consents.withdraw_button.click()
    qtbot.waitUntil(lambda: bool(told))
    assert told[0].startswith("Bericht voor de voorzitter: De toestemming voor Lotte Smit is ingetrokken")
    statuses = sorted(view.source.record(r).status for r in range(2))
    assert statuses == ["geldig", "ingetrokken op 23-11-2026"]
    assert "Nog nodig voor bespreking" in detail.consents.summary.text()


def test_consent_table_model_passes_the_model_tester(qtbot, qtmodeltester, services, family):
    child_id, guardians, _ = family
    give_consent(services, child_id, guardians[0])
    detail = ChildDetailDialog(services=services, hub=SignalHub(), child_id=child_id)
    qtbot.addWidget(detail)
    qtmodeltester.check(detail.consents.table.source)
    qtmodeltester.check(detail.guardians.table.source)
    assert detail.consents.table.source.data(detail.consents.table.source.index(0, 0), Qt.ItemDataRole.DisplayRole) \
        == "Eva Smit"
