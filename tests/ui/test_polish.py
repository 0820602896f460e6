"""Polish pass: names sort alphabetically for people, Qt's own texts are Dutch, headers fit."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from ui.models.collation import sort_key
from ui.pages.children_page import COLUMNS, ChildrenPage

DEMO_NAMES = ["Zoë Janssen", "Anaïs Bakker", "Şükrü Yılmaz", "Daan de Vries", "Noor El Amrani", "Łukasz Nowak"]


def test_names_with_diacritics_sort_with_their_base_letter():
    assert sorted(DEMO_NAMES, key=sort_key) == [
        "Anaïs Bakker", "Daan de Vries", "Łukasz Nowak", "Noor El Amrani", "Şükrü Yılmaz", "Zoë Janssen",
    ]
    assert sorted(["émile", "Eva", "ezra", "Ærin", "Øyvind", "Otto"], key=sort_key) == [
        "Ærin", "émile", "Eva", "ezra", "Otto", "Øyvind",
    ]


def test_clicking_the_name_header_sorts_lukasz_before_zoe(app, hub, demo_services, qtbot):
    page = ChildrenPage(services=demo_services, hub=hub)
    qtbot.addWidget(page)
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    names = [page.table.record_at(r).child.full_name for r in range(page.table.proxy.rowCount())]
    assert names == sorted(DEMO_NAMES, key=sort_key)
    assert names.index("Łukasz Nowak") < names.index("Zoë Janssen")
    assert names.index("Şükrü Yılmaz") < names.index("Zoë Janssen")


def test_date_column_still_sorts_by_date_not_by_text(app, hub, demo_services, qtbot):
    page = ChildrenPage(services=demo_services, hub=hub)
    qtbot.addWidget(page)
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    born = [page.table.record_at(r).child.date_of_birth for r in range(page.table.proxy.rowCount())]
    assert born == sorted(born) and isinstance(born[0], date)


def test_every_header_of_the_children_table_fits(app, hub, demo_services, qtbot):
    page = ChildrenPage(services=demo_services, hub=hub)
    qtbot.addWidget(page)
    header = page.table.horizontalHeader()
    for i, column in enumerate(COLUMNS[:-1]):  # the last column stretches
        assert header.sectionSize(i) >= header.sectionSizeFromContents(i).width(), column.header


def test_standard_buttons_are_dutch(app, qtbot):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Close).text().replace("&", "") == "Sluiten"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Annuleren"


def test_an_owner_with_an_organisation_gets_no_second_pair_of_brackets():
    from knooppunt.domain.enums import OwnerKind
    from ui.models.outcome_columns import owner_text

    assert owner_text("Kim de Vries", OwnerKind.PARENT) == "Kim de Vries (ouder/verzorger)"
    assert owner_text("Fatima Bouzid (wijkteam)", OwnerKind.PARTNER) == "Fatima Bouzid (wijkteam) · kernpartner"


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_demo_meeting_is_ready_to_run_and_fits_a_768_pixel_high_laptop(app, hub, demo_services, qtbot):
    from knooppunt.domain.enums import Attendance, MeetingStatus
    from ui.meeting.meeting_window import MeetingWindow

    upcoming = next(v.meeting for v in demo_services.meetings.meetings() if v.meeting.status == MeetingStatus.PLANNED)
    demo_services.store.clock.now = datetime.combine(upcoming.date, time(8, 30))  # chaired on the day
    window = MeetingWindow(services=demo_services, hub=hub, meeting_id=upcoming.id)
    qtbot.addWidget(window)
    window.show()
    chair = window.chair
    assert window.open_discussion(chair.discussion_ids()[0])
    assert len(chair.state.agenda) == 8 and chair.attendance.rows  # planned: agenda and participants are there
    for combo, _reason, _warning in chair.attendance.rows.values():
        combo.setCurrentIndex(combo.findData(Attendance.PRESENT.value))
    height = window.height()
    for item in chair.state.agenda:
        assert chair.go_to_item(item.id), item.title
        QApplication.processEvents()  # queued layout work runs, as it would between two clicks
        assert window.minimumSizeHint().height() <= 768 - 40, item.title  # room for a taskbar
        assert window.height() == height, f"the window grew at {item.title}"
    window.close()


def test_planning_dialog_fits_a_1280_pixel_wide_screen(app, hub, demo_services, qtbot):
    from knooppunt.domain.enums import MeetingStatus
    from ui.meeting.planning_dialog import PlanningDialog

    upcoming = next(v.meeting for v in demo_services.meetings.meetings() if v.meeting.status == MeetingStatus.PLANNED)
    dialog = PlanningDialog(services=demo_services, hub=hub, location_id=upcoming.location_id, meeting_id=upcoming.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.incidental_combo.count() > 0  # the long 'role: person (organisation)' entries are there
    assert dialog.minimumSizeHint().width() <= 1280 - 40
    assert [dialog.slots.item(i).text().split("  ", 1)[1] for i in range(dialog.slots.count())] == [
        "Anaïs Bakker", "Şükrü Yılmaz", "Daan de Vries"]  # the demo planned them like a user does


def test_terugblik_selects_the_first_agreement_without_outcome(app, hub, demo_services, qtbot):
    from knooppunt.domain.enums import MeetingStatus
    from ui.widgets.outcomes_panel import OutcomesPanel

    upcoming = next(v.meeting for v in demo_services.meetings.meetings() if v.meeting.status == MeetingStatus.PLANNED)
    anais = next(d for d in demo_services.meeting_mode.discussions(upcoming.id)
                 if demo_services.children.child(d.child_id).first_name == "Anaïs")
    panel = OutcomesPanel(services=demo_services, hub=hub, discussion_id=anais.id)
    qtbot.addWidget(panel)
    panel.show_sections(review=True, outcomes=False)
    panel.show()
    assert panel.review.proxy.rowCount() == 3
    assert panel.review.selected_record() == panel.review.record_at(0)
    assert panel.outcome_button.isEnabled()  # the chair can press it straight away
    panel.show_sections(review=False, outcomes=True)
    assert panel.decisions_box.title() == "Besluiten (nog geen – kies ‘Besluit vastleggen…’)"
    assert panel.agreements_box.title() == "Afspraken (nog geen – kies ‘Afspraak maken…’)"
