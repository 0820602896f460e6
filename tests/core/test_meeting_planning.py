"""Planning a knooppunt meeting: dates, slots, proposed participants, consent, agenda template."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from knooppunt.domain.enums import AgendaKind, ParticipantKind, PartnerKind
from knooppunt.domain.meetings import Meeting
from knooppunt.errors import ConsentMissing, ValidationError
from knooppunt.services.demo import upcoming_meeting_date
from tests.conftest import TODAY


def _location(services):
    return services.locations.locations()[0]


def _children(services, location_id):
    return {v.child.first_name: v.child for v in services.children.children(location_id=location_id)}


def _plan(services, when=None):
    location = _location(services)
    meeting, change = services.planning.create_meeting(
        Meeting(None, location.id, when or TODAY + timedelta(days=7), time(13, 0), "Teamkamer", "Annelies Vermeulen"))
    assert change.entity == "meeting"
    return location, meeting


def test_suggested_dates_follow_frequency_from_last_meeting(demo_services):
    location = _location(demo_services)
    # demo: the last planned meeting is the upcoming one; frequency is 6 weeks
    dates = demo_services.planning.suggested_dates(location.id)
    assert dates[0] == upcoming_meeting_date(TODAY) + timedelta(weeks=6)
    assert dates[1] - dates[0] == timedelta(weeks=6)
    assert all(d.weekday() < 5 for d in dates)


def test_children_get_consecutive_slots_and_proposed_participants(demo_services):
    location, meeting = _plan(demo_services)
    kids = _children(demo_services, location.id)
    first, _ = demo_services.planning.add_child(meeting.id, kids["Zoë"].id, slot_minutes=20)
    second, _ = demo_services.planning.add_child(meeting.id, kids["Noor"].id, slot_minutes=30)
    assert (first.slot_start, second.slot_start) == (time(13, 0), time(13, 20))
    people = demo_services.meeting_mode.participants(first.id)
    kinds = [p.kind for p in people]
    assert kinds.count(ParticipantKind.PARENT) == 2 and ParticipantKind.CHILD not in kinds
    assert ParticipantKind.SCHOOL in kinds
    # Zoë is in groep 3: the voorschool is out of range (partners per child, issue 18).
    structural = [v for v in demo_services.locations.partners(location.id) if v.partner.kind == PartnerKind.STRUCTURAL
                  and not v.partner.role.startswith("Voorschool")]
    assert {p.name for p in people if p.kind == ParticipantKind.PARTNER} == {v.contact.name for v in structural}
    # Noor is 12 on the meeting date: she is invited herself
    noor = demo_services.meeting_mode.participants(second.id)
    assert any(p.kind == ParticipantKind.CHILD and p.name == "Noor El Amrani" for p in noor)
    agenda = demo_services.meeting_mode.agenda(first.id)
    assert [i.kind for i in agenda][:3] == [AgendaKind.OPENING, AgendaKind.GOAL, AgendaKind.REVIEW]


def test_adding_a_child_without_consent_is_refused_and_saves_nothing(demo_services):
    location, meeting = _plan(demo_services)
    kid = _children(demo_services, location.id)["Daan"]
    with demo_services.store.unit_of_work() as uow:
        uow.execute("UPDATE consent SET withdrawn_on = ? WHERE child_id = ?", [TODAY, kid.id])
        uow.audit("test", "consent", None)
    with pytest.raises(ConsentMissing) as error:
        demo_services.planning.add_child(meeting.id, kid.id)
    assert "Kim de Vries" in error.value.message
    assert demo_services.store.count("discussion", "meeting_id = ?", [meeting.id]) == 0


def test_incidental_partner_only_with_consent_for_that_organisation(demo_services):
    location, meeting = _plan(demo_services)
    kid = _children(demo_services, location.id)["Zoë"]
    discussion, _ = demo_services.planning.add_child(meeting.id, kid.id)
    options = demo_services.planning.incidental_partners(discussion.id)
    leerplicht = next(v for v in options if v.partner.role == "Leerplicht")
    swv = next(v for v in options if v.partner.role.startswith("Samenwerkingsverband"))
    with demo_services.store.unit_of_work() as uow:
        uow.execute("DELETE FROM consent_organisation WHERE organisation_id = ? AND consent_id IN "
                    "(SELECT id FROM consent WHERE child_id = ?)", [swv.partner.organisation_id, kid.id])
        uow.audit("test", "consent", None)
    demo_services.planning.add_incidental_partner(discussion.id, leerplicht.partner.id)
    with pytest.raises(ConsentMissing) as error:
        demo_services.planning.add_incidental_partner(discussion.id, swv.partner.id)
    assert "Samenwerkingsverband Heuvelland PO" in error.value.message
    names = {p.name for p in demo_services.meeting_mode.participants(discussion.id)}
    assert leerplicht.contact.name in names and swv.contact.name not in names
    assert leerplicht.partner.id not in {v.partner.id for v in demo_services.planning.incidental_partners(discussion.id)}


def test_meeting_needs_place_chair_and_a_date_not_in_the_past(demo_services):
    location = _location(demo_services)
    with pytest.raises(ValidationError) as error:
        demo_services.planning.create_meeting(Meeting(None, location.id, TODAY - timedelta(days=1), time(9), "X", "Y"))
    assert error.value.field == "date"
    with pytest.raises(ValidationError) as error:
        demo_services.planning.create_meeting(Meeting(None, location.id, TODAY, time(9), "  ", "Y"))
    assert error.value.field == "place"


def test_edited_agenda_template_is_used_for_newly_planned_children(demo_services):
    location, meeting = _plan(demo_services)
    template = demo_services.planning.agenda_template(location.id)
    assert len(template) == 8
    items = [(i.kind, i.title, i.minutes) for i in template]
    items.insert(1, (AgendaKind.OTHER, "Even voorstellen van de tolk", 2))
    demo_services.planning.save_agenda_template(location.id, items)
    discussion, _ = demo_services.planning.add_child(meeting.id, _children(demo_services, location.id)["Zoë"].id)
    titles = [i.title for i in demo_services.meeting_mode.agenda(discussion.id)]
    assert titles[1] == "Even voorstellen van de tolk" and len(titles) == 9
    with pytest.raises(ValidationError):
        demo_services.planning.save_agenda_template(location.id, [(AgendaKind.OTHER, "Te lang", 500)])


def test_an_evaluation_date_brings_the_next_meeting_forward(demo_services):
    """Evaluation dates feed the planning: Noor is due for evaluation before the next regular date."""
    location = _location(demo_services)
    noor = _children(demo_services, location.id)["Noor"]
    evaluation = TODAY + timedelta(days=12)
    with demo_services.store.unit_of_work() as uow:
        uow.execute("UPDATE meeting SET date = ? WHERE status = 'gepland'", [TODAY + timedelta(days=30)])
        uow.insert("agreement", {"child_id": noor.id, "owner_kind": "ouder", "owner_name": "Samira El Amrani",
                                 "description": "Gesprek met de mentor", "evaluation_date": evaluation})
        uow.audit("test", "agreement", None)
    due = demo_services.planning.evaluations_due(location.id)
    assert noor.id in [e.child_id for e in due]
    first = demo_services.planning.suggested_dates(location.id)[0]
    assert first <= evaluation and first.weekday() < 5 and evaluation - first < timedelta(days=3)


def test_no_extra_meeting_when_one_is_planned_before_the_evaluation(demo_services):
    location = _location(demo_services)
    zoe = _children(demo_services, location.id)["Zoë"]
    planned = next(m.meeting for m in demo_services.meetings.meetings() if m.meeting.status == "gepland")
    with demo_services.store.unit_of_work() as uow:
        uow.execute("UPDATE agreement SET evaluation_date = ? WHERE child_id = ?",
                    [planned.date + timedelta(days=2), zoe.id])
        uow.audit("test", "agreement", None)
    assert zoe.id in [e.child_id for e in demo_services.planning.evaluations_due(location.id)]
    # Zoë can join the meeting already planned before her evaluation: no extra date is suggested.
    first = demo_services.planning.suggested_dates(location.id)[0]
    assert first >= planned.date + timedelta(weeks=location.frequency_weeks)
