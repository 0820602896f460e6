"""Small dialogs that got in the way: a new organisation's type is not assumed, the partner dialog
keeps its width while typing, 'Rol toevoegen' shows all of its text, the program's name is not
in a title twice, and a new, empty database leads the first steps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from knooppunt.domain.children import Child
from knooppunt.domain.enums import PartnerKind
from ui.dialogs.role_dialog import RoleDialog
from ui.main_window import MainWindow
from ui.pages.locations_page import LocationsPage

from ..conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_a_new_organisation_gets_its_type_from_the_role_not_a_default(qtbot, demo_services, hub):
    page = LocationsPage(services=demo_services, hub=hub)
    qtbot.addWidget(page)
    page.show()
    location = demo_services.locations.locations()[0]
    demo_services.locations.add_role(location.id, "Logopedie", PartnerKind.INCIDENTAL)
    page.reload()
    rows = range(page.partners.model().rowCount())
    row = next(r for r in rows if page.partners.source.record(r).partner.role == "Logopedie")
    page.partners.selectRow(row)
    qtbot.mouseClick(page.fill_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.keyClicks(dialog.organisation.lineEdit(), "Logopediepraktijk Van Dijk")
    assert dialog.organisation_type.currentText() == ""  # not "Gemeentelijke toegang / wijkteam"

    width = dialog.width()
    qtbot.keyClicks(dialog.organisation.lineEdit(), " en Partners, voor spraak, taal en slikken in Zuid-Limburg")
    dialog.mandate_valid_until.setText("31-12-2027")
    qtbot.keyClicks(dialog.mandate_description, "Mag tien behandelingen toezeggen zonder verwijzing " * 3)
    assert dialog.width() == width

    dialog.organisation.setEditText("Logopediepraktijk Van Dijk")
    qtbot.keyClicks(dialog.contact.name, "Sanne van Dijk")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    organisation = demo_services.locations.organisation_by_name("Logopediepraktijk Van Dijk")
    kinds = {t.id: t.name for t in demo_services.locations.organisation_types()}
    assert "wijkteam" not in kinds[organisation.type_id].lower()


def test_add_role_shows_its_title_and_example_whole(qtbot, app):
    dialog = RoleDialog(save=lambda _role, _kind: None)
    qtbot.addWidget(dialog)
    dialog.show()
    metrics = dialog.role.fontMetrics()
    assert dialog.role.width() >= metrics.horizontalAdvance(dialog.role.placeholderText())
    assert dialog.width() >= dialog.fontMetrics().horizontalAdvance(dialog.windowTitle()) + 200


def test_titles_name_the_program_once(qtbot, demo_services, hub, db_path, app):
    window = MainWindow(services=demo_services, hub=hub, database_path=db_path, demo=True, idle_minutes=None)
    qtbot.addWidget(window)
    assert "Knooppunt" not in window.windowTitle()  # Qt adds " — Knooppunt" itself
    assert app.applicationDisplayName() == "Knooppunt"


def test_an_empty_database_leads_the_first_steps(qtbot, services, hub, db_path, app):
    window = MainWindow(services=services, hub=hub, database_path=db_path, idle_minutes=None)
    qtbot.addWidget(window)
    window.show()
    steps = window.first_steps
    assert steps.isVisible()
    assert [m.text() for m in steps.marks] == ["1.", "2.", "3."]
    assert window.navigation.currentRow() == 0  # the first step's area, not an empty Overleggen
    location = services.locations.locations()
    if not location:
        from knooppunt.domain.directory import Location
        from knooppunt.domain.enums import LocationType

        created, change = services.locations.create_location(Location(None, "OBS De Kleine Wereld", LocationType.PO))
        hub.publish(change)
        location = [created]
    child = Child(None, location[0].id, "Anaïs", "Yılmaz", TODAY.replace(year=2019))
    _child, change = services.children.create_child(child)
    hub.publish(change)
    assert [m.text() for m in steps.marks] == ["1.", "✔", "3."]
    assert not steps.buttons[1].isEnabled()


def test_a_database_in_use_shows_no_first_steps(qtbot, demo_services, hub, db_path, app):
    window = MainWindow(services=demo_services, hub=hub, database_path=db_path, idle_minutes=None)
    qtbot.addWidget(window)
    window.show()
    assert not window.first_steps.isVisible()
