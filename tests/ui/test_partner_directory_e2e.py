"""End to end: a coordinator sets up a location's knooppunt from an empty database, only through
the real windows (main window → locations page → dialogs), without reading a manual."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from knooppunt.domain.enums import PartnerKind, Role
from ui.dialogs.location_dialog import LocationDialog
from ui.dialogs.partner_dialog import PartnerDialog
from ui.dialogs.replace_person_dialog import ReplacePersonDialog
from ui.dialogs.role_dialog import RoleDialog
from ui.hub import SignalHub
from ui.main_window import MainWindow
from ui.models.record_table import RecordTableModel

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(qtbot, services, db_path):
    services.profile.save("Petra Coördinator", Role.COORDINATOR)
    window = MainWindow(services=services, hub=SignalHub(), database_path=db_path)
    qtbot.addWidget(window)
    window.show()
    return window


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot, widget, text):
    widget.clear() if hasattr(widget, "clear") and not hasattr(widget, "lineEdit") else None
    target = widget.lineEdit() if hasattr(widget, "lineEdit") and widget.lineEdit() else widget
    target.selectAll()
    qtbot.keyClicks(target, text)


def select_role(qtbot, page, role_start):
    table = page.partners
    for row in range(table.proxy.rowCount()):
        if table.record_at(row).partner.role.startswith(role_start):
            rect = table.visualRect(table.proxy.index(row, 0))
            qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return table.record_at(row)
    raise AssertionError(f"no role {role_start}")


def shown(page, role_start, column):
    table = page.partners
    headers = [table.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(table.proxy.columnCount())]
    for row in range(table.proxy.rowCount()):
        if table.record_at(row).partner.role.startswith(role_start):
            index = table.proxy.index(row, headers.index(column))
            return table.proxy.data(index), table.proxy.data(index, Qt.ItemDataRole.ForegroundRole)
    raise AssertionError(role_start)


def fill_person(qtbot, fields, name, function, phone, email):
    type_into(qtbot, fields.name, name)
    type_into(qtbot, fields.function, function)
    type_into(qtbot, fields.phone, phone)
    type_into(qtbot, fields.email, email)


def save(qtbot, dialog):
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))


def test_coordinator_sets_up_a_location_from_an_empty_database(qtbot, qtmodeltester, window, services):
    window.show_page(0)
    page = window.pages[0]
    assert page.empty.isVisible() and "Nieuwe locatie" in page.empty.text()

    # 1. A new location: the knooppunt's roles are waiting to be filled.
    click(qtbot, page.new_button)
    dialog = page.dialog
    assert isinstance(dialog, LocationDialog) and dialog.isVisible()
    type_into(qtbot, dialog.form.name, "OBS De Regenboog")
    dialog.form.type.setCurrentIndex(dialog.form.type.findData("PO"))
    dialog.form.frequency.setValue(8)
    qtbot.keyClicks(dialog.form.working_agreements, "Ouders krijgen de agenda een week vooraf.")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert page.location_list.count() == 1
    assert "Knooppunt elke 8 weken" in page.details.text()
    roles = [v.partner for v in page.partners.source.records()]
    assert [r.kind for r in roles] == [PartnerKind.STRUCTURAL] * 3 + [PartnerKind.INCIDENTAL] * 3
    assert shown(page, "Jeugdgezondheidszorg", "Organisatie")[0] == "— nog in te vullen —"
    assert shown(page, "Jeugdgezondheidszorg", "Mandaat")[0] == "Geen mandaat vastgelegd"
    qtmodeltester.check(page.partners.source)

    # 2. JGZ: a new organisation, contact, substitute and mandate; a typo is shown at the field.
    select_role(qtbot, page, "Jeugdgezondheidszorg")
    click(qtbot, page.fill_button)
    dialog = page.dialog
    assert isinstance(dialog, PartnerDialog)
    type_into(qtbot, dialog.organisation, "GGD Zuid Limburg")
    assert dialog.organisation_type.isEnabled()  # a new organisation asks for its type
    dialog.organisation_type.setCurrentIndex(dialog.organisation_type.findText("Jeugdgezondheidszorg (JGZ/GGD)"))
    fill_person(qtbot, dialog.contact, "Marieke Hendriks", "Jeugdverpleegkundige", "045 85", "m.hendriks@ggdzl.nl")
    fill_person(qtbot, dialog.substitute, "Ruud Claessens", "Jeugdarts", "06 12345678", "r.claessens@ggdzl.nl")
    type_into(qtbot, dialog.mandate_category, "Onderzoek en advies")
    qtbot.keyClicks(dialog.mandate_description, "Extra consult en verwijzing naar de jeugdarts")
    type_into(qtbot, dialog.mandate_valid_from, "01-08-2026")
    type_into(qtbot, dialog.mandate_valid_until, "31-07-2027")
    assert dialog.mandate_status.text() == "Mandaat geldig t/m 31-07-2027"
    save(qtbot, dialog)
    assert dialog.isVisible()  # refused: nothing saved
    assert "Telefoon contactpersoon" in dialog.errors.text and "geen geldig telefoonnummer" in dialog.errors.text
    assert dialog.contact.phone.hasFocus() or dialog.contact.phone.toolTip()
    assert services.locations.organisation_by_name("GGD Zuid Limburg") is None
    type_into(qtbot, dialog.contact.phone, "0458501234")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert shown(page, "Jeugdgezondheidszorg", "Organisatie")[0] == "GGD Zuid Limburg"
    assert shown(page, "Jeugdgezondheidszorg", "Telefoon")[0] == "045 850 1234"  # normalised
    assert shown(page, "Jeugdgezondheidszorg", "Vervanger")[0] == "Ruud Claessens"
    text, colour = shown(page, "Jeugdgezondheidszorg", "Mandaat")
    assert text == "t/m 31-07-2027 · Onderzoek en advies" and colour is None

    # 3. Leerplicht (incidental) with a mandate that has expired: shown clearly in red.
    select_role(qtbot, page, "Leerplicht")
    click(qtbot, page.fill_button)
    dialog = page.dialog
    type_into(qtbot, dialog.organisation, "Bureau Leerplicht Parkstad")
    dialog.organisation_type.setCurrentIndex(dialog.organisation_type.findText("Leerplicht"))
    fill_person(qtbot, dialog.contact, "Jeroen Smeets", "Leerplichtambtenaar", "045 850 4567", "")
    type_into(qtbot, dialog.mandate_category, "Verzuim")
    type_into(qtbot, dialog.mandate_valid_until, "01-09-2026")
    assert "verlopen" in dialog.mandate_status.text()
    save(qtbot, dialog)
    text, colour = shown(page, "Leerplicht", "Mandaat")
    assert text == "Mandaat verlopen op 01-09-2026" and colour is not None

    # 4. Another incidental partner, with a contact from an organisation already known.
    click(qtbot, page.add_role_button)
    dialog = page.dialog
    assert isinstance(dialog, RoleDialog)
    type_into(qtbot, dialog.role, "Jeugdarts")
    click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))
    assert shown(page, "Jeugdarts", "Soort")[0] == "Incidenteel"
    select_role(qtbot, page, "Jeugdarts")
    click(qtbot, page.fill_button)
    dialog = page.dialog
    type_into(qtbot, dialog.organisation, "GGD Zuid Limburg")
    assert not dialog.organisation_type.isEnabled()  # known organisation: its type is known
    dialog.contact.name.setCurrentIndex(dialog.contact.name.findText("Ruud Claessens"))
    dialog.contact.name.textActivated.emit("Ruud Claessens")
    assert dialog.contact.phone.text() == "06 12345678"  # picked from the organisation's people
    save(qtbot, dialog)
    assert shown(page, "Jeugdarts", "Contactpersoon")[0] == "Ruud Claessens"

    # 5. Marieke leaves: her successor takes over in one step, history kept.
    select_role(qtbot, page, "Jeugdgezondheidszorg")
    click(qtbot, page.leaves_button)
    dialog = page.dialog
    assert isinstance(dialog, ReplacePersonDialog)
    fill_person(qtbot, dialog.successor, "Lotte Vos", "Jeugdverpleegkundige", "045 850 9999", "l.vos@ggdzl.nl")
    type_into(qtbot, dialog.reason, "andere baan")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert shown(page, "Jeugdgezondheidszorg", "Contactpersoon")[0] == "Lotte Vos"
    assert shown(page, "Jeugdgezondheidszorg", "Vervanger")[0] == "Ruud Claessens"

    # What was saved is what the screens showed.
    location = services.locations.location_by_name("OBS De Regenboog")
    assert location.working_agreements == "Ouders krijgen de agenda een week vooraf."
    jgz = next(v for v in services.locations.partners(location.id) if v.partner.role.startswith("Jeugdgezond"))
    assert (jgz.organisation.name, jgz.contact.name, jgz.substitute.name) == ("GGD Zuid Limburg", "Lotte Vos",
                                                                               "Ruud Claessens")
    assert jgz.partner.mandate_description == "Extra consult en verwijzing naar de jeugdarts"
    history = services.locations.partner_history(jgz.partner.id)
    assert [(h["contact"], h["reason"]) for h in history] == [("Marieke Hendriks", "andere baan")]
    assert services.locations.contact(jgz.contact.id).left_on is None
    assert all(c.name != "Marieke Hendriks" for c in services.locations.contacts())
    assert isinstance(page.partners.source, RecordTableModel)
    qtmodeltester.check(page.partners.source)
