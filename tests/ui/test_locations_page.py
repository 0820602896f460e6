"""Locations page details: organisation types, archiving and restoring, the role's history."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from knooppunt.directory.entries import PersonEntry
from ui import messages
from ui.dialogs.organisation_types_dialog import OrganisationTypesDialog
from ui.hub import SignalHub
from ui.pages.locations_page import LocationsPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def page(qtbot, demo_services):
    page = LocationsPage(services=demo_services, hub=SignalHub())
    qtbot.addWidget(page)
    page.show()
    return page


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_organisation_types_are_configurable_and_offered_for_new_organisations(qtbot, page, demo_services):
    click(qtbot, page.types_button)
    dialog = page.dialog
    assert isinstance(dialog, OrganisationTypesDialog)
    qtbot.keyClicks(dialog.name, "Gebiedsteam")
    click(qtbot, dialog.add_button)
    assert dialog.types.currentItem().text() == "Gebiedsteam"
    dialog.name.setText("jeugdgezondheidszorg (jgz/ggd)")
    click(qtbot, dialog.add_button)
    assert "bestaat al" in dialog.errors.text
    dialog.reject()

    page.partners.selectRow(1)
    click(qtbot, page.fill_button)
    partner = page.dialog
    assert partner.organisation_type.findText("Gebiedsteam") >= 0
    partner.organisation.setEditText("Gebiedsteam Heerlen-Noord")
    partner.organisation_type.setEditText("Gebiedsteam")
    click(qtbot, partner.buttons.button(QDialogButtonBox.StandardButton.Save))
    organisation = demo_services.locations.organisation_by_name("Gebiedsteam Heerlen-Noord")
    kinds = {t.id: t.name for t in demo_services.locations.organisation_types()}
    assert kinds[organisation.type_id] == "Gebiedsteam"


def test_an_archived_location_leaves_the_list_and_can_be_restored(qtbot, page, monkeypatch):
    monkeypatch.setattr(messages, "ask", lambda *a, **k: True)
    click(qtbot, page.archive_button)
    assert page.location_list.count() == 0 and page.empty.isVisible()
    page.show_archived.setChecked(True)
    assert "gearchiveerd 23-11-2026" in page.location_list.item(0).text()
    assert page.archive_button.text() == "&Terugzetten"
    click(qtbot, page.archive_button)
    page.show_archived.setChecked(False)
    assert page.location_list.count() == 1


def test_the_partner_dialog_shows_who_sat_there_before(qtbot, page, demo_services):
    jgz = page.partners.source.record(0)
    demo_services.locations.replace_person(jgz.contact.id, PersonEntry("Lotte Vos"), reason="pensioen")
    page.reload()
    page.partners.selectRow(0)
    click(qtbot, page.fill_button)
    assert page.dialog.history.text() == "Eerder: Marieke Hendriks (tot 23-11-2026, pensioen)"


def test_enter_on_a_role_opens_it_and_a_bad_location_phone_is_shown_at_the_field(qtbot, page):
    page.partners.setFocus()
    page.partners.selectRow(2)
    qtbot.keyClick(page.partners, Qt.Key.Key_Return)
    assert page.dialog.windowTitle() == "Kernpartner: Voorschoolse voorziening"
    page.dialog.reject()
    click(qtbot, page.edit_button)
    dialog = page.dialog
    dialog.form.phone.setText("045 57")
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert dialog.isVisible() and "geen geldig telefoonnummer" in dialog.form.error.text()
    dialog.form.phone.setText("0455710001")
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert not dialog.isVisible()
    assert "tel. 045 571 0001" in page.details.text()  # normalised
