"""End to end: add a child and two parents, record consent, open a case, see it all on the timeline."""

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox

from knooppunt.domain.enums import CasePhase
from knooppunt.domain.timeline import EntryKind
from ui.dialogs.case_dialog import CaseDialog
from ui.dialogs.child_detail_dialog import ChildDetailDialog
from ui.dialogs.child_dialog import ChildDialog
from ui.dialogs.consent_dialog import ConsentDialog
from ui.dialogs.form_support import set_date
from ui.dialogs.guardian_dialog import GuardianDialog
from ui.hub import SignalHub
from ui.main_window import MainWindow

from ..children_helpers import make_location
from .dialog_driver import QT_OFFSCREEN_NOISE, when_dialog_opens

pytestmark = QT_OFFSCREEN_NOISE


def save(dialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_child_parents_consent_case_timeline(qtbot, services, db_path):
    location_id, orgs = make_location(services)
    hub = SignalHub()
    window = MainWindow(services=services, hub=hub, database_path=db_path)
    qtbot.addWidget(window)
    window.show_page(1)
    page = window.pages[1]
    assert page.empty_label.isVisibleTo(page)

    def fill_child(dialog: ChildDialog) -> None:
        dialog.first_name.setText("Lotte")
        dialog.last_name.setText("Smit")
        set_date(dialog.date_of_birth, date(2017, 5, 1))
        dialog.group_name.setText("groep 5")
        save(dialog)

    when_dialog_opens(ChildDialog, fill_child)
    page.new_button.click()
    qtbot.waitUntil(lambda: page.table.source.rowCount() == 1)
    assert page.table.source.record(0).child.full_name == "Lotte Smit"
    (detail,) = page.findChildren(ChildDetailDialog)
    qtbot.waitUntil(detail.isVisible)
    assert detail.heading.text() == "Lotte Smit"

    for name, relation, contact in (("Eva Smit", "moeder", "eva@example.nl"), ("Joost Smit", "vader", "")):
        def fill_parent(dialog: GuardianDialog, name=name, relation=relation, contact=contact) -> None:
            dialog.name.setText(name)
            dialog.relation.setCurrentText(relation)
            dialog.email.setText(contact)
            save(dialog)
            if not contact:  # separated father: no address yet → refused at the field, then filled in
                assert dialog.isVisible() and "afsprakenbrief" in dialog.errors.text()
                assert dialog.errors.field_in_error() is dialog.address
                dialog.address.setText("Kerkstraat 2, 6411 AB Heerlen")
                save(dialog)

        when_dialog_opens(GuardianDialog, fill_parent)
        detail.guardians.add_button.click()
    qtbot.waitUntil(lambda: detail.guardians.table.source.rowCount() == 2)
    assert "Nog nodig voor bespreking" in detail.consents.summary.text()

    for guardian in services.children.guardians(detail._child_id):
        def fill_consent(dialog: ConsentDialog, guardian=guardian) -> None:
            dialog.giver.setCurrentIndex(dialog.giver.findData(guardian.id))
            dialog.all_button.click()
            dialog.note.setPlainText("Formulier getekend")
            save(dialog)

        when_dialog_opens(ConsentDialog, fill_consent)
        detail.consents.record_button.click()
    qtbot.waitUntil(lambda: detail.consents.table.source.rowCount() == 2)
    assert "compleet" in detail.consents.summary.text()
    assert services.consent.missing(detail._child_id, date(2026, 12, 10), orgs.values()) == []

    def fill_case(dialog: CaseDialog) -> None:
        set_date(dialog.signal_date, date(2026, 11, 16))
        dialog.signal_source.setCurrentText("leerkracht")
        dialog.signal_by.setText("juf Mirjam")
        dialog.hulpvraag.setPlainText("Lotte is stil en wil niet meer naar gym")
        save(dialog)

    when_dialog_opens(CaseDialog, fill_case)
    detail.case.open_button.click()
    qtbot.waitUntil(lambda: "Fase: Start" in detail.case.summary.text())
    assert not detail.case.open_button.isEnabled()
    assert page.table.source.record(0).case_phase == CasePhase.START

    entries = detail.timeline.entries()
    assert [(e.day, e.kind) for e in entries] == [
        (date(2026, 11, 16), EntryKind.SIGNAL), (date(2026, 11, 23), EntryKind.CONSENT),
        (date(2026, 11, 23), EntryKind.CONSENT)]
    shown = [detail.timeline.topLevelItem(i).text(2) for i in range(detail.timeline.topLevelItemCount())]
    assert shown == ["Signaal van leerkracht (juf Mirjam)", "Toestemming van Eva Smit (moeder)",
                     "Toestemming van Joost Smit (vader)"]
