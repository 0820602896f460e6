"""The child list and file: bad input at the field, search, transfer export refused, import as history."""

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox

from knooppunt.composition import open_services
from knooppunt.domain.enums import LocationType
from ui import messages
from ui.dialogs.child_detail_dialog import ChildDetailDialog
from ui.dialogs.child_dialog import ChildDialog
from ui.dialogs.form_support import set_date
from ui.hub import SignalHub
from ui.pages.children_page import ChildrenPage

from ..children_helpers import give_consent, make_location
from ..conftest import PASSPHRASE, TEST_KDF_ITER
from .dialog_driver import QT_OFFSCREEN_NOISE

pytestmark = QT_OFFSCREEN_NOISE


def press_save(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def test_impossible_birth_date_and_duplicate_are_shown_at_the_field(qtbot, demo_services):
    dialog = ChildDialog(services=demo_services, hub=SignalHub())
    qtbot.addWidget(dialog)
    dialog.first_name.setText("Zoë")
    dialog.last_name.setText("Janssen")
    press_save(dialog)
    assert dialog.errors.text() == "Vul de geboortedatum van het kind in."
    set_date(dialog.date_of_birth, date(2027, 2, 1))
    press_save(dialog)
    assert "in de toekomst" in dialog.errors.text()
    assert dialog.errors.field_in_error() is dialog.date_of_birth
    set_date(dialog.date_of_birth, date(1986, 3, 10))
    press_save(dialog)
    assert "40 jaar" in dialog.errors.text()
    set_date(dialog.date_of_birth, date(2019, 3, 10))
    press_save(dialog)
    assert "staat al bij Kindcentrum De Vlinderboom" in dialog.errors.text()
    assert dialog.errors.field_in_error() is dialog.first_name
    assert dialog.saved is None and len(demo_services.children.children()) == 6


def test_search_narrows_the_child_list(qtbot, demo_services):
    page = ChildrenPage(services=demo_services, hub=SignalHub())
    qtbot.addWidget(page)
    assert page.table.proxy.rowCount() == 6
    qtbot.keyClicks(page.search, "nowak")
    qtbot.waitUntil(lambda: page.table.proxy.rowCount() == 1)  # the search runs when typing pauses
    assert page.table.record_at(0).child.full_name == "Łukasz Nowak"


def test_export_without_transfer_consent_shows_why(qtbot, demo_services, tmp_path, monkeypatch):
    noor = next(v.child for v in demo_services.children.children() if v.child.first_name == "Noor")
    errors: list[str] = []
    monkeypatch.setattr(messages, "choose_save_file", lambda *a: tmp_path / "noor.json")
    monkeypatch.setattr(messages, "show_error", lambda parent, error, title="": errors.append(error.message))
    detail = ChildDetailDialog(services=demo_services, hub=SignalHub(), child_id=noor.id)
    qtbot.addWidget(detail)
    detail.export_button.click()
    assert "geen toestemming voor overdracht" in errors[0]
    assert not (tmp_path / "noor.json").exists()


def test_transfer_export_then_import_at_the_next_school_shows_history(qtbot, demo_services, tmp_path, monkeypatch):
    zoe = next(v.child for v in demo_services.children.children() if v.child.first_name == "Zoë")
    for guardian in demo_services.children.guardians(zoe.id):
        give_consent(demo_services, zoe.id, guardian.id, transfer=True, on=date(2026, 11, 20))
    file = tmp_path / "zoe.json"
    monkeypatch.setattr(messages, "choose_save_file", lambda *a: file)
    monkeypatch.setattr(messages, "inform", lambda *a: None)
    detail = ChildDetailDialog(services=demo_services, hub=SignalHub(), child_id=zoe.id)
    qtbot.addWidget(detail)
    detail.export_button.click()
    assert file.exists()

    other = open_services(tmp_path / "next.db", PASSPHRASE, create=True, kdf_iter=TEST_KDF_ITER)
    try:
        make_location(other, "Basisschool De Eik", LocationType.PO)
        monkeypatch.setattr(messages, "choose_open_file", lambda *a, **k: file)
        page = ChildrenPage(services=other, hub=SignalHub())
        qtbot.addWidget(page)
        page.import_button.click()
        qtbot.waitUntil(lambda: page.table.source.rowCount() == 1)
        (opened,) = page.findChildren(ChildDetailDialog)
        timeline = opened.timeline
        rows = [timeline.topLevelItem(i) for i in range(timeline.topLevelItemCount())]
        titles = [r.text(2) for r in rows]
        assert "Signaal van leerkracht (juf Mirjam)\n(vorige locatie: Kindcentrum De Vlinderboom)" in titles
        meeting = next(r for r in rows if r.text(1) == "Overleg")
        assert meeting.child(0).text(2) == "Extra consult bij de jeugdverpleegkundige over slaap"
        assert rows[-1].text(2) == "Overdrachtsdossier ontvangen van Kindcentrum De Vlinderboom"
        opened.close()
    finally:
        other.close()


def test_closing_a_case_handed_over_asks_to_whom_then_closes(qtbot, demo_services, monkeypatch):
    from ui.dialogs.case_phase_dialog import CasePhaseDialog

    monkeypatch.setattr(messages, "ask", lambda *a, **k: False)  # the closing letter: later

    from .dialog_driver import when_dialog_opens

    anais = next(v.child for v in demo_services.children.children() if v.child.first_name == "Anaïs")
    detail = ChildDetailDialog(services=demo_services, hub=SignalHub(), child_id=anais.id)
    qtbot.addWidget(detail)
    assert detail.case.close_button.isEnabled() and not detail.case.reopen_button.isEnabled()

    def close_handed_over(dialog: CasePhaseDialog) -> None:
        dialog.reason.setCurrentIndex(dialog.reason.findData("overgedragen"))
        dialog.judgement.setCurrentIndex(dialog.judgement.findData("deels"))  # the parents' judgement (issue 18)
        dialog.regie_holder.clear()
        press_save(dialog)
        assert dialog.isVisible() and dialog.errors.field_in_error() is dialog.regie_holder
        dialog.regie_holder.setText("Jeugdhulp De Brug (gezinscoach)")
        press_save(dialog)

    when_dialog_opens(CasePhaseDialog, close_handed_over)
    detail.case.close_button.click()
    qtbot.waitUntil(lambda: "Afgesloten" in detail.case.summary.text())
    assert "Regie: Jeugdhulp De Brug (gezinscoach)" in detail.case.summary.text()
    assert detail.case.reopen_button.isEnabled()
    rows = [detail.timeline.topLevelItem(i) for i in range(detail.timeline.topLevelItemCount())]
    closed = next(r for r in rows if r.text(2) == "Casus afgesloten")
    assert (closed.text(0), closed.text(4)) == ("23-11-2026", "Externe hulp ingezet, regie overgedragen. "
                                                 "Opgelost naar tevredenheid van ouders: deels")
