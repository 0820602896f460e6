"""Schooljaar plannen, werkafspraken and Vandaag in the main window (issue 18)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from knooppunt.services.meetings.school_year import shipped_holidays
from tests.ui.dialog_driver import QT_OFFSCREEN_NOISE
from ui import messages
from ui.dialogs.cycle_settings_dialog import CycleSettingsDialog
from ui.dialogs.school_year_dialog import SchoolYearDialog
from ui.main_window import MainWindow

pytestmark = QT_OFFSCREEN_NOISE


def test_the_school_year_dialog_plans_outside_the_holidays_and_saves_the_series(qtbot, demo_services, hub, tmp_path,
                                                                                monkeypatch):
    location_id = demo_services.locations.locations()[0].id
    dialog = SchoolYearDialog(services=demo_services, hub=hub, location_id=location_id)
    qtbot.addWidget(dialog)
    planned = dialog.planned()
    holidays = [h for h in shipped_holidays() if h.region.value == "zuid"]  # the demo's region
    assert planned and not [d for d in planned for h in holidays if h.covers(d)]
    assert dialog.dates.count() == len(planned) and "regio zuid" in dialog.info.text()
    monkeypatch.setattr(messages, "choose_save_file", lambda *a, **k: tmp_path / "jaar.ics")
    dialog.ics_button.click()
    assert (tmp_path / "jaar.ics").read_bytes().count(b"BEGIN:VEVENT") == len(planned)
    dialog.place.setText("Teamkamer")
    before = demo_services.store.count("meeting")
    dialog.create_button.click()
    # The series starts today, where the demo already has its meeting: that date is not planned twice.
    assert planned[0] == demo_services.store.now().date()
    assert demo_services.store.count("meeting") == before + len(planned) - 1


def test_werkafspraken_change_the_region_and_the_norms(qtbot, demo_services):
    location_id = demo_services.locations.locations()[0].id
    dialog = CycleSettingsDialog(services=demo_services, location_id=location_id)
    qtbot.addWidget(dialog)
    dialog.region.setCurrentIndex(dialog.region.findData("noord"))
    dialog.norm.setValue(40)
    dialog.save_button.click()
    settings = demo_services.cycle.settings.settings(location_id)
    assert settings.region.value == "noord" and settings.intake_norm_days == 40
    # Łukasz has waited 34 days: within the new norm, so he leaves Vandaag.
    assert not [i for i in demo_services.cycle.today.items() if i.kind == "aanmelding"]


def test_vandaag_is_the_start_page_and_leads_to_the_aanmeldingen(qtbot, demo_services, hub, db_path):
    window = MainWindow(services=demo_services, hub=hub, database_path=db_path, demo=True)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    today = window.stack.currentWidget()
    assert today.title == "Vandaag"
    kinds = {today.table.record_at(r).kind for r in range(today.table.model().rowCount())}
    assert len(kinds) == 6
    row = next(r for r in range(today.table.model().rowCount()) if today.table.record_at(r).kind == "aanmelding")
    today.table.doubleClicked.emit(today.table.model().index(row, 0))
    intake = window.stack.currentWidget()
    assert intake.title == "Aanmeldingen"
    names = [intake.table.record_at(r).child_name for r in range(intake.table.model().rowCount())]
    assert "Łukasz Nowak" in names
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget().title == "Vandaag"
    assert date(2026, 11, 23) == demo_services.store.now().date()


def test_inplannen_from_the_aanmeldingen_opens_the_next_meeting_with_the_child_chosen(qtbot, demo_services, hub,
                                                                                        db_path):
    window = MainWindow(services=demo_services, hub=hub, database_path=db_path, demo=True)
    qtbot.addWidget(window)
    window.show()
    window.start_areas.show(1)
    intake = window.stack.currentWidget()
    row = next(r for r in range(intake.table.model().rowCount())
               if intake.table.record_at(r).child_name == "Noor El Amrani")
    intake.table.selectRow(row)
    intake.plan_button.click()
    dialog = window.pages[2].planning_dialog
    assert window.stack.currentWidget().title == "Overleggen" and dialog is not None and dialog.isVisible()
    assert dialog.child_combo.currentText().startswith("Noor El Amrani")
    upcoming = demo_services.meetings.meeting(dialog.meeting_id)
    assert upcoming.status == "gepland" and upcoming.date == demo_services.store.now().date()  # the demo meets today
    assert dialog.add_child()
    dialog.close()
