"""Driving the meeting: parents first, parents present, mandates, notes saved, reopening."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from knooppunt.domain.enums import AgendaKind, Attendance, DiscussionStatus, MeetingStatus, ParticipantKind, Visibility
from knooppunt.domain.meetings import Meeting
from knooppunt.errors import RecordLocked, ValidationError
from tests.conftest import TODAY


@pytest.fixture
def planned(demo_services, clock):
    location = demo_services.locations.locations()[0]
    meeting, _ = demo_services.planning.create_meeting(
        Meeting(None, location.id, TODAY + timedelta(days=2), time(9, 0), "Teamkamer", "Annelies Vermeulen"))
    kids = {v.child.first_name: v.child for v in demo_services.children.children(location_id=location.id)}
    zoe, _ = demo_services.planning.add_child(meeting.id, kids["Zoë"].id)
    noor, _ = demo_services.planning.add_child(meeting.id, kids["Noor"].id)
    clock.now = datetime.combine(meeting.date, time(9, 0))  # time is real: chaired on the day
    return demo_services, meeting, zoe, noor


def _item(services, discussion_id, kind):
    return next(i for i in services.meeting_mode.agenda(discussion_id) if i.kind == kind)


def _mark_all(services, discussion_id, attendance=Attendance.PRESENT, *, except_kind=None):
    for p in services.meeting_mode.participants(discussion_id):
        if p.kind != except_kind:
            services.meeting_mode.set_attendance(p.id, attendance)


def test_content_items_need_parents_present_or_a_reason_with_their_consent(planned):
    services, _meeting, zoe, _ = planned
    mode = services.meeting_mode
    mode.start(zoe.id)
    _mark_all(services, zoe.id, except_kind=ParticipantKind.PARENT)
    parents = [p for p in mode.participants(zoe.id) if p.kind == ParticipantKind.PARENT]
    for p in parents:
        mode.set_attendance(p.id, Attendance.ABSENT, "werk")
    goal = _item(services, zoe.id, AgendaKind.GOAL)
    with pytest.raises(ValidationError) as error:
        mode.go_to_item(zoe.id, goal.id)
    assert error.value.field == "parents_absent"
    mode.record_parents_absence(zoe.id, "Ouders konden niet vrij krijgen van hun werk", parents_consent=False)
    with pytest.raises(ValidationError, match="niet\\) ingestemd|ingestemd"):
        mode.go_to_item(zoe.id, goal.id)
    mode.record_parents_absence(zoe.id, "Ouders konden niet vrij krijgen van hun werk", parents_consent=True)
    mode.go_to_item(zoe.id, goal.id)
    assert mode.discussion(zoe.id).current_item_id == goal.id
    # one parent joining late is enough on its own
    mode.record_parents_absence(zoe.id, "", parents_consent=False)
    mode.set_attendance(parents[0].id, Attendance.LATE)
    mode.go_to_item(zoe.id, _item(services, zoe.id, AgendaKind.REVIEW).id)


def test_parents_speak_first_then_child_school_partners(planned):
    services, _meeting, _zoe, noor = planned
    mode = services.meeting_mode
    mode.start(noor.id)
    _mark_all(services, noor.id)
    item = _item(services, noor.id, AgendaKind.GOES_WELL)
    order, turn = mode.whose_turn(item.id)
    assert order == ["ouders", "kind", "school", "partner"] and turn == "ouders"
    note, _ = mode.add_note(item.id, perspective="ouders")
    assert mode.whose_turn(item.id)[1] == "ouders"  # an empty note is not a turn taken
    mode.save_note_text(note.id, "Noor helpt thuis veel mee.")
    assert mode.whose_turn(item.id)[1] == "kind"
    assert mode.whose_turn(_item(services, noor.id, AgendaKind.GOAL).id) == ([], None)


def test_present_partner_without_valid_mandate_is_marked(planned):
    services, _meeting, zoe, _ = planned
    mode = services.meeting_mode
    zorg = next(v for v in services.planning.incidental_partners(zoe.id) if v.partner.role.startswith("Zorg"))
    services.planning.add_incidental_partner(zoe.id, zorg.partner.id)
    state = mode.state(zoe.id)
    coach = next(p for p in state.participants if p.location_partner_id == zorg.partner.id)
    assert coach.id not in state.mandate_problems  # not marked while not (yet) present
    mode.set_attendance(coach.id, Attendance.PRESENT)
    state = mode.state(zoe.id)
    assert state.mandate_problems == {coach.id: state.mandate_problems[coach.id]}
    assert state.mandate_problems[coach.id].startswith("Mandaat verlopen op")  # the demo coach's mandate expired


@pytest.mark.sqlite_only(reason="reopens the database file")
def test_notes_are_saved_and_the_meeting_reopens_where_it_was(planned, db_path, clock):
    services, meeting, zoe, _ = planned
    mode = services.meeting_mode
    mode.start(zoe.id)
    _mark_all(services, zoe.id)
    concerns = _item(services, zoe.id, AgendaKind.CONCERNS)
    mode.go_to_item(zoe.id, concerns.id)
    note, _ = mode.add_note(concerns.id, visibility=Visibility.INTERNAL, perspective="partner")
    mode.save_note_text(note.id, "Interne zorg")
    services.close()
    from knooppunt.composition import open_services
    from tests.conftest import PASSPHRASE, TEST_KDF_ITER

    again = open_services(db_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER, clock=clock)
    try:
        running = again.meeting_mode.running()
        assert running.id == zoe.id and running.status == DiscussionStatus.IN_PROGRESS
        assert running.current_item_id == concerns.id
        assert [(n.text, n.visibility) for n in again.meeting_mode.notes(concerns.id)] == [
            ("Interne zorg", Visibility.INTERNAL)]
    finally:
        again.close()


def test_closing_fixes_the_discussion_and_the_meeting_is_held_after_the_last_child(planned):
    services, meeting, zoe, noor = planned
    mode = services.meeting_mode
    for discussion in (zoe, noor):
        mode.start(discussion.id)
        _mark_all(services, discussion.id)
        item = _item(services, discussion.id, AgendaKind.NEEDS)
        mode.close(discussion.id, seconds_spent={item.id: 75})
        assert services.store.get(type(item), "agenda_item", item.id).seconds_spent == 75
    assert mode.discussion(zoe.id).status == DiscussionStatus.FINALISED
    assert mode.running() is None
    assert services.meetings.meeting(meeting.id).status == MeetingStatus.HELD
    with pytest.raises(RecordLocked):
        mode.add_note(_item(services, zoe.id, AgendaKind.GOAL).id)


def test_review_lists_the_childs_open_earlier_agreements(planned):
    services, _meeting, zoe, _ = planned
    open_ones = services.meeting_mode.open_agreements(zoe.child_id, except_discussion_id=zoe.id)
    assert {a.description for a in open_ones} == {"Houden twee weken een slaapdagboek bij",
                                                  "Geeft Zoë na de pauze een actieve taak"}


def test_evaluation_date_lies_after_the_meeting_and_is_told_to_the_parents(planned):
    services, meeting, zoe, _ = planned
    mode = services.meeting_mode
    with pytest.raises(ValidationError) as error:
        mode.set_evaluation_date(zoe.id, meeting.date)
    assert error.value.field == "evaluation_date"
    mode.set_evaluation_date(zoe.id, meeting.date + timedelta(weeks=6))
    mode.start(zoe.id)
    _mark_all(services, zoe.id)
    mode.go_to_item(zoe.id, _item(services, zoe.id, AgendaKind.CLOSING).id)
    content = services.parents_screen.content(zoe.id)
    assert content.question == "We kijken samen hoe het gaat op woensdag 6 januari."
