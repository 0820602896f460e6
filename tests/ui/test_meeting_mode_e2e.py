"""End to end: plan a meeting with two children, run the first child's whole agenda, close it."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from knooppunt.domain.enums import AgendaKind, Attendance, DiscussionStatus, ParticipantKind, Visibility
from ui import messages
from ui.hub import SignalHub
from ui.main_window import MainWindow

# Showing top-level windows on Qt's headless platform prints a harmless notice.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, demo_services, db_path):
    window = MainWindow(services=demo_services, hub=SignalHub(), database_path=db_path)
    qtbot.addWidget(window)
    window.show()
    yield window
    page = window.pages[2]
    if page.meeting_window is not None:
        page.meeting_window.close()


def _plan_two_children(qtbot, page, services):
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.planning_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.date.date().toPython() == services.planning.suggested_dates(dialog.location_id)[0]
    qtbot.keyClicks(dialog.place, "Teamkamer, 1e verdieping")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.meeting_id is not None, dialog.error.text()
    for name in ("Zoë Janssen", "Noor El Amrani"):
        dialog.child_combo.setCurrentIndex(dialog.child_combo.findText(name, Qt.MatchFlag.MatchStartsWith))
        qtbot.mouseClick(dialog.add_child_button, Qt.MouseButton.LeftButton)
    slots = [dialog.slots.item(i).text() for i in range(dialog.slots.count())]
    assert slots == ["08:30–09:00  Zoë Janssen", "09:00–09:30  Noor El Amrani"]
    assert "Wie zijn uitgenodigd" in dialog.invitation.toPlainText()
    meeting_id = dialog.meeting_id
    dialog.close()
    # Time is real: the meeting is chaired on its day.
    services.store.clock.now = datetime.combine(services.meetings.meeting(meeting_id).date, time(8, 30))
    return meeting_id


def _activate(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _key(qtbot, widget, key, modifiers=Qt.KeyboardModifier.ControlModifier):
    qtbot.keyClick(widget, key, modifiers)


def test_plan_two_children_run_first_childs_agenda_and_close(qtbot, window, demo_services, monkeypatch):
    window.show_page(2)  # the meetings area, as the user reaches it (a hidden page waits)
    page = window.pages[2]
    meeting_id = _plan_two_children(qtbot, page, demo_services)
    row = next(r for r in range(page.table.proxy.rowCount()) if page.table.record_at(r).meeting.id == meeting_id)
    page.table.selectRow(row)
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    meeting_window = page.meeting_window
    chair = meeting_window.chair
    meeting_window.activateWindow()
    qtbot.waitActive(meeting_window)
    assert chair.state.child.first_name == "Zoë"
    discussion_id = chair.state.discussion.id

    for combo, _reason, _warning in chair.attendance.rows.values():
        combo.setCurrentIndex(combo.findData(Attendance.PRESENT.value))
    meeting_window.toggle_parents_screen()
    screen = meeting_window.parents_screen
    assert screen.isVisible()
    _activate(qtbot, meeting_window)

    agenda = chair.state.agenda
    assert len(agenda) == 8
    typed_internal = []
    for number, item in enumerate(agenda):
        assert chair.item_view.item.id == item.id
        panel = chair.item_view.outcomes_panel
        if item.kind == AgendaKind.REVIEW:
            # Earlier open agreements are listed, each ready for its outcome.
            review = [a.description for a in panel.review.source.records()]
            assert any("slaapdagboek" in text for text in review)
            assert panel.review_box.isVisibleTo(chair) and not panel.decisions_box.isVisibleTo(chair)
        if item.kind == AgendaKind.DECISIONS:
            assert panel.decisions_box.isVisibleTo(chair) and panel.agreement_button.isVisibleTo(chair)
        shows_outcomes = item.kind in (AgendaKind.REVIEW, AgendaKind.DECISIONS)
        assert chair.item_view.outcomes_container.isVisibleTo(chair) == shows_outcomes
        _key(qtbot, chair.item_view, Qt.Key.Key_Return)
        shared = chair.item_view.editors[-1]
        assert not shared.is_internal
        if item.kind == AgendaKind.GOES_WELL:
            assert shared.note.perspective == "ouders"  # parents first
        qtbot.keyClicks(shared.editor, f"Gedeeld bij punt {number}")
        _key(qtbot, chair.item_view, Qt.Key.Key_Return,
             Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        internal = chair.item_view.editors[-1]
        assert internal.is_internal and internal.property("internal") is True
        text = f"Intern geheim {number}"
        qtbot.keyClicks(internal.editor, text)
        typed_internal.append(text)
        qtbot.waitUntil(lambda s=shared, i=internal: not s.dirty and not i.dirty, timeout=3000)
        qtbot.waitUntil(lambda n=number: f"Gedeeld bij punt {n}" in screen.visible_text(), timeout=3000)
        assert not any(t in screen.visible_text() for t in typed_internal)
        if item.kind == AgendaKind.CLOSING:
            chair.item_view.evaluation_date.setDate(QDate(2027, 3, 8))
            qtbot.waitUntil(lambda: "maandag 8 maart" in screen.visible_text())
        if number < len(agenda) - 1:
            _key(qtbot, chair, Qt.Key.Key_PageDown)

    monkeypatch.setattr(messages, "ask", lambda *a, **k: True)
    _key(qtbot, chair, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    closed = demo_services.meeting_mode.discussion(discussion_id)
    assert closed.status == DiscussionStatus.FINALISED and closed.evaluation_date == date(2027, 3, 8)
    notes = [n for i in demo_services.meeting_mode.agenda(discussion_id) for n in demo_services.meeting_mode.notes(i.id)]
    assert sorted(n.visibility for n in notes) == [Visibility.SHARED] * 8 + [Visibility.INTERNAL] * 8
    assert {n.text for n in notes if n.visibility == Visibility.INTERNAL} == set(typed_internal)
    assert "✓" in chair.children_list.item(0).text()
    # on to the second child with the keyboard
    _key(qtbot, chair, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert chair.state.child.first_name == "Noor"
    assert "Zoë" not in screen.visible_text()
    # back to Zoë: her finalised notes can be read, not changed
    _key(qtbot, chair, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert chair.state.child.first_name == "Zoë"
    _key(qtbot, chair, Qt.Key.Key_PageDown)
    assert chair.item_view.item.kind == AgendaKind.GOAL
    assert [e.text() for e in chair.item_view.editors] == ["Gedeeld bij punt 1", "Intern geheim 1"]
    assert all(e.editor.isReadOnly() for e in chair.item_view.editors)
    assert not chair.item_view.add_shared.isEnabled()


def test_without_parents_the_chair_cannot_move_on_until_reason_and_consent(qtbot, window, demo_services):
    window.show_page(2)  # the meetings area, as the user reaches it (a hidden page waits)
    page = window.pages[2]
    meeting_id = _plan_two_children(qtbot, page, demo_services)
    chair = page.run(meeting_id).chair
    parents = [p for p in chair.state.participants if p.kind == ParticipantKind.PARENT]
    for p in parents:
        chair.attendance.set_attendance(p.id, Attendance.ABSENT, "ziek")
    assert chair.attendance.absence_box.isVisibleTo(chair)
    chair.next_item()
    assert chair.state.current_item.kind == AgendaKind.OPENING
    assert chair.notice.isVisibleTo(chair) and "mét ouders" in chair.notice.text()
    chair.attendance.absence_reason.setText("Moeder is ziek, vader is op zee")
    chair.attendance.absence_consent.setChecked(True)
    qtbot.mouseClick(chair.attendance.absence_save, Qt.MouseButton.LeftButton)
    chair.next_item()
    assert chair.state.current_item.kind == AgendaKind.GOAL
    assert not chair.notice.isVisibleTo(chair)


def test_timer_gives_a_quiet_signal_when_over_budget(qtbot, window, demo_services):
    window.show_page(2)  # the meetings area, as the user reaches it (a hidden page waits)
    page = window.pages[2]
    chair = page.run(_plan_two_children(qtbot, page, demo_services)).chair
    budget = chair.state.current_item.minutes * 60
    chair.add_seconds(budget)
    assert not chair.item_clock.property("over")
    with qtbot.waitSignal(chair.over_budget) as signal:
        chair.add_seconds(1)
    assert signal.args == ["item"]
    assert chair.item_clock.property("over") is True
    assert chair.item_clock.text().startswith(f"Punt {budget // 60}:01")
