"""A record that holds up, as the chair sees it: who said it, the decider at the table, one
evaluation date, and the logboek (Bestand → Logboek) with its background chain check."""

from __future__ import annotations

import csv
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence

from knooppunt.documents.service import DocumentKind, DocumentTarget
from knooppunt.domain.enums import AgendaKind, Attendance, Visibility
from knooppunt.domain.meetings import Meeting
from knooppunt.services.privacy.audit import AuditFilter
from tests.conftest import TODAY
from ui import messages
from ui.dialogs.decision_dialog import DecisionDialog
from ui.dialogs.logbook_dialog import LogbookDialog, audit_model
from ui.hub import SignalHub
from ui.main_window import MainWindow
from ui.meeting.meeting_window import MeetingWindow

from ..core.documents_helpers import pdf_text
from ..core.outcome_helpers import discussion_of, partner_id, run

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def meeting_window(qtbot, demo_services, clock):
    """The chair's view on Noor's discussion (she is 12: her own turn), opened on the day, at 'Zorgen'."""
    s = demo_services
    location = s.locations.locations()[0]
    meeting, _ = s.planning.create_meeting(
        Meeting(None, location.id, TODAY + timedelta(days=3), time(9), "Teamkamer", "Annelies Vermeulen"))
    noor = next(v.child for v in s.children.children() if v.child.first_name == "Noor")
    discussion, _ = s.planning.add_child(meeting.id, noor.id)
    clock.now = datetime.combine(meeting.date, time(9))
    window = MeetingWindow(services=s, hub=SignalHub(), meeting_id=meeting.id)
    qtbot.addWidget(window)
    window.open_discussion(discussion.id)
    for p in s.meeting_mode.participants(discussion.id):
        s.meeting_mode.set_attendance(p.id, Attendance.PRESENT)
    concerns = next(i for i in s.meeting_mode.agenda(discussion.id) if i.kind == AgendaKind.CONCERNS)
    assert window.chair.go_to_item(concerns.id)
    return window


def _stored(services, editor):
    return next(n for n in services.meeting_mode.notes(editor.note.agenda_item_id) if n.id == editor.note.id)


def test_an_internal_note_in_the_childs_turn_is_the_chairs_unless_the_chair_picks_another(qtbot, meeting_window,
                                                                                           demo_services):
    chair = meeting_window.chair
    view = chair.item_view
    parents = view.add_note(Visibility.SHARED)
    qtbot.keyClicks(parents.editor, "Ze is vaak moe.")
    qtbot.waitUntil(lambda: not parents.dirty)
    assert parents.perspective.currentText() == "Ouders"
    assert view.current_turn() == "kind"  # now it is Noor's turn

    internal_action = next(a for a in chair.actions() if a.shortcut() == QKeySequence("Ctrl+Shift+Return"))
    internal_action.trigger()  # Ctrl+Shift+Enter: the chair's own remark
    internal = view.editors[-1]
    qtbot.keyClicks(internal.editor, "vader woont in buitenland")
    qtbot.waitUntil(lambda: not internal.dirty)
    assert internal.is_internal and internal.perspective.currentText() == "Voorzitter"
    assert _stored(demo_services, internal).perspective == "voorzitter"

    shared = view.add_note(Visibility.SHARED)  # a shared note in her turn is hers, visibly
    assert shared.perspective.currentText() == "Kind" and _stored(demo_services, shared).perspective == "kind"
    shared.toggle_visibility()  # made internal without choosing: the chair's, not Noor's words
    assert _stored(demo_services, shared).perspective == "voorzitter"

    internal.perspective.setCurrentIndex(internal.perspective.findData("kind"))  # the chair picks, after typing
    assert _stored(demo_services, internal).perspective == "kind"
    internal.toggle_visibility()
    internal.toggle_visibility()
    assert _stored(demo_services, internal).perspective == "kind"  # a chosen speaker is kept


def test_the_evaluation_date_is_saved_as_soon_as_it_is_set_and_shown_nowhere_else_unsaved(qtbot, meeting_window,
                                                                                           demo_services):
    chair = meeting_window.chair
    s = demo_services
    discussion = chair.state.discussion.id
    closing = next(i for i in chair.state.agenda if i.kind == AgendaKind.CLOSING)
    chair.go_to_item(closing.id)
    view = chair.item_view
    assert view.evaluation_date.text() == "— nog geen datum —" and view.evaluation_day() is None
    view.evaluation_date.setDate(QDate(2027, 3, 8))
    assert s.meeting_mode.discussion(discussion).evaluation_date == date(2027, 3, 8)
    assert view.evaluation_error.text() == "Opgeslagen"
    for kind in (DocumentKind.LETTER, DocumentKind.MINUTES):  # the same date in the letter and the verslag
        text = " ".join(pdf_text(s.documents.document(DocumentTarget(kind, discussion_id=discussion)).pdf).split())
        assert "8 maart 2027" in text and "nog een datum af" not in text
    view.evaluation_clear.click()
    assert s.meeting_mode.discussion(discussion).evaluation_date is None


def test_the_decision_dialog_offers_only_partners_at_the_table_and_says_why_others_are_missing(
        qtbot, demo_services):
    s = demo_services
    discussion = discussion_of(s, "Daan", held=False)
    run(s, discussion)
    jgz = partner_id(s, "Jeugd")
    absent = next(p for p in s.meeting_mode.participants(discussion) if p.location_partner_id == jgz)
    s.meeting_mode.set_attendance(absent.id, Attendance.ABSENT, "ziek")
    dialog = DecisionDialog(services=s, discussion_id=discussion)
    qtbot.addWidget(dialog)
    offered = [dialog.partner.itemData(i) for i in range(1, dialog.partner.count())]
    assert jgz not in offered and partner_id(s, "Leerplicht") not in offered
    assert partner_id(s, "Gemeentelijke toegang") in offered
    missing = dialog.missing.text()
    assert "Jeugdgezondheidszorg" in missing and "afwezig" in missing
    assert "Leerplicht" in missing and "niet uitgenodigd voor deze bespreking" in missing
    assert dialog.parents_position.currentData() is None  # the parents' position must be chosen


def test_the_logbook_filters_by_child_and_exports_csv(qtbot, demo_services, tmp_path, monkeypatch):
    s = demo_services
    dialog = LogbookDialog(services=s)
    qtbot.addWidget(dialog)
    everything = dialog.model.rowCount()
    assert everything == s.store.count("audit_log")
    daan = next(v.child for v in s.children.children() if v.child.first_name == "Daan")
    dialog.child.setCurrentIndex(dialog.child.findData(daan.id))
    rows = dialog.model.records()
    assert 0 < len(rows) < everything and {r.child_name for r in rows} == {daan.full_name}
    dialog.action.setCurrentIndex(dialog.action.findData("kind ingepland"))
    assert [r.entry.action for r in dialog.model.records()] == ["kind ingepland"]
    dialog.until.setDate(QDate(2020, 1, 1))
    assert dialog.model.rowCount() == 0
    dialog.until.setDate(dialog.until.minimumDate())

    target = tmp_path / "logboek.csv"
    monkeypatch.setattr(messages, "choose_save_file", lambda *a, **k: target)
    monkeypatch.setattr(messages, "inform", lambda *a, **k: None)
    dialog.export.click()
    with target.open(encoding="utf-8-sig", newline="") as file:
        exported = list(csv.reader(file, delimiter=";"))
    assert exported[0][:4] == ["Rij", "Wanneer", "Wie", "Wat"] and exported[1][3] == "kind ingepland"
    assert s.audit.recent(1)[0].action == "logboek geëxporteerd"
    assert "Vingerafdruk van het logboek" in dialog.chain.text()


def test_the_logbook_model_passes_the_model_tester(qtmodeltester, demo_services):
    model = audit_model()
    model.set_records(demo_services.audit.rows(AuditFilter()))
    qtmodeltester.check(model)


def test_opening_checks_the_chain_in_the_background_and_tells_calmly_when_it_fails(qtbot, demo_services, db_path):
    s = demo_services
    window = MainWindow(services=s, hub=SignalHub(), database_path=db_path, idle_minutes=None)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.chain_check.finished) as untouched:
        window.show()
    assert untouched.args == [""] and not window.chain_notice.isVisible()

    s.store.db.execute("DROP TRIGGER audit_log_no_update")  # as someone with the passphrase could
    s.store.db.execute("UPDATE audit_log SET actor = 'Iemand anders' WHERE id = 3")
    again = MainWindow(services=s, hub=SignalHub(), database_path=db_path, idle_minutes=None)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.chain_check.finished):
        again.show()
    assert again.chain_notice.isVisible() and "rij 3 is gewijzigd" in again.chain_notice.text()
    assert "gewoon te gebruiken" in again.chain_notice.text()


def test_the_decision_dialog_says_when_no_decision_can_be_taken_yet(qtbot, demo_services):
    s = demo_services
    discussion = discussion_of(s, "Daan", held=False)  # still planned
    s.store.clock.now -= timedelta(days=14)  # the demo meets today: open the dialog two weeks before
    dialog = DecisionDialog(services=s, discussion_id=discussion)
    qtbot.addWidget(dialog)
    box = dialog.findChild(type(dialog.missing), "momentBox")
    assert box is not None and "Nu geen besluit mogelijk" in box.text() and "Het overleg is pas op" in box.text()
