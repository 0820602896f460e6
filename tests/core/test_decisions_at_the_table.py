"""Decisions bound to the table: definitief only from an invited, present partner, within the
consent, with a valid mandate, in a running discussion on or after its date."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knooppunt.documents.service import DocumentKind, DocumentTarget
from knooppunt.domain.enums import Attendance, DecisionStatus, DiscussionStatus, Position
from knooppunt.domain.meetings import Meeting
from knooppunt.errors import KnooppuntError, ValidationError
from knooppunt.services.outcomes.decisions import DecisionInput

from ..conftest import TODAY
from .documents_helpers import pdf_text
from .outcome_helpers import discussion_of, partner_id, run, set_mandate_until, to_meeting_day

AGREED = {"parents_position": Position.AGREE}


def _decide(s, discussion, partner, text="Extra ondersteuning in de klas"):
    return s.decisions.record(discussion, DecisionInput(text, "", partner, **AGREED))


def _participant(s, discussion, location_partner_id):
    return next(p for p in s.meeting_mode.participants(discussion) if p.location_partner_id == location_partner_id)


def _nothing_stored(s, before):
    assert s.store.count("decision") == before


@pytest.fixture
def daan(demo_services):
    """Daan's discussion in the demo's upcoming meeting, opened on its day, everyone present."""
    discussion = discussion_of(demo_services, "Daan", held=False)
    run(demo_services, discussion)
    return demo_services, discussion


def test_happy_path_a_present_partner_with_a_valid_mandate_decides_definitief(daan):
    s, discussion = daan
    decision, _ = _decide(s, discussion, partner_id(s, "Jeugd"))
    stored = s.decisions.decision(decision.id)
    assert stored.status == DecisionStatus.FINAL and stored.provisional_reason == ""


def test_an_uninvited_partner_is_refused_naming_why(daan):
    s, discussion = daan
    before = s.store.count("decision")
    with pytest.raises(ValidationError, match="niet uitgenodigd voor deze bespreking") as error:
        _decide(s, discussion, partner_id(s, "Leerplicht"))  # the case: Leerplicht, not invited
    assert error.value.field == "location_partner_id"
    _nothing_stored(s, before)


def test_an_absent_partner_is_refused(daan):
    s, discussion = daan
    jgz = partner_id(s, "Jeugd")
    s.meeting_mode.set_attendance(_participant(s, discussion, jgz).id, Attendance.ABSENT, "ziek")
    before = s.store.count("decision")
    with pytest.raises(ValidationError, match="afwezig"):
        _decide(s, discussion, jgz)
    _nothing_stored(s, before)
    checks = {c.partner.partner.id: c for c in s.decisions.mandate_checks(discussion)}
    assert checks[jgz].refusal == "afwezig" and not checks[jgz].at_table


def test_a_partner_outside_the_consent_is_refused_also_when_confirming_later(daan):
    s, discussion = daan
    zorg = partner_id(s, "Zorgaanbieder")  # the demo's expired mandate: provisional
    s.planning.add_incidental_partner(discussion, zorg)
    s.meeting_mode.set_attendance(_participant(s, discussion, zorg).id, Attendance.PRESENT)
    provisional, _ = _decide(s, discussion, zorg)
    org = s.store.scalar("SELECT organisation_id FROM location_partner WHERE id = ?", [zorg])
    with s.store.unit_of_work() as uow:  # the parents narrow their consent: no longer for this organisation
        uow.execute("DELETE FROM consent_organisation WHERE organisation_id = ? AND consent_id IN "
                    "(SELECT id FROM consent WHERE child_id = ?)", [org, s.records.context(discussion).discussion.child_id])
        uow.audit("toestemming gewijzigd", "consent", None, "test")
    before = s.store.count("decision")
    with pytest.raises(ValidationError, match="toestemming .* geldt niet voor deze organisatie"):
        _decide(s, discussion, zorg)
    _nothing_stored(s, before)
    with pytest.raises(ValidationError, match="toestemming"):
        s.decisions.confirm(provisional.id, "Teamleider De Brug")
    assert s.decisions.decision(provisional.id).status == DecisionStatus.PROVISIONAL


def test_an_expired_mandate_gives_voorlopig_with_the_reason_stored(daan):
    s, discussion = daan
    jgz = partner_id(s, "Jeugd")
    meeting_date = s.records.context(discussion).meeting_date
    set_mandate_until(s, jgz, meeting_date - timedelta(days=1))
    decision, _ = _decide(s, discussion, jgz)
    stored = s.decisions.decision(decision.id)
    assert stored.status == DecisionStatus.PROVISIONAL
    assert stored.provisional_reason.startswith(f"Geen geldig mandaat op de datum van het overleg "
                                                f"({meeting_date:%d-%m-%Y}): Mandaat verlopen")
    verslag = s.documents.document(DocumentTarget(DocumentKind.MINUTES, discussion_id=discussion)).pdf
    assert "VOORLOPIG" in pdf_text(verslag) and "Reden: Geen geldig mandaat" in " ".join(pdf_text(verslag).split())


def test_a_planned_discussion_is_refused(demo_services):
    s = demo_services
    discussion = discussion_of(s, "Daan", held=False)
    to_meeting_day(s, discussion)  # the right day, but the chair has not opened it
    before = s.store.count("decision")
    with pytest.raises(KnooppuntError, match="is nog alleen gepland"):
        _decide(s, discussion, partner_id(s, "Jeugd"))
    _nothing_stored(s, before)


def test_a_future_meeting_date_is_refused_for_starting_deciding_and_finalising(demo_services):
    s = demo_services
    discussion = discussion_of(s, "Daan", held=False)  # the demo's upcoming meeting
    day = s.records.context(discussion).meeting_date
    s.store.clock.now -= timedelta(days=14)  # the demo meets today: look at it two weeks before
    assert s.store.clock.now.date() < day
    with pytest.raises(KnooppuntError, match=f"Het overleg is pas op .* {day.year}; de bespreking openen"):
        s.meeting_mode.start(discussion)
    with s.store.unit_of_work() as uow:  # even a discussion marked running (e.g. an old database)
        uow.update("discussion", discussion, {"status": DiscussionStatus.IN_PROGRESS})
        uow.audit("test", "discussion", discussion)
    before = s.store.count("decision")
    with pytest.raises(KnooppuntError, match="een besluit kan pas vanaf die dag"):
        _decide(s, discussion, partner_id(s, "Jeugd"))
    _nothing_stored(s, before)
    with pytest.raises(KnooppuntError, match="afronden kan pas vanaf die dag"):
        s.records.finalise(discussion)


def test_documents_of_a_meeting_still_ahead_cannot_be_made_final(demo_services, docs, zoe):
    s = demo_services
    s.store.clock.now = s.store.clock.now.replace(year=2026, month=1, day=5)  # a clock set before the meeting
    with pytest.raises(KnooppuntError, match="vaststellen kan pas vanaf die dag"):
        docs.finalise(DocumentTarget(DocumentKind.LETTER, discussion_id=zoe))


def test_the_parents_position_must_be_chosen_or_not_asked_with_a_reason(daan):
    s, discussion = daan
    jgz = partner_id(s, "Jeugd")
    with pytest.raises(ValidationError) as error:
        s.decisions.record(discussion, DecisionInput("Huisbezoek", "", jgz))
    assert error.value.field == "parents_position"
    with pytest.raises(ValidationError) as error:
        s.decisions.record(discussion, DecisionInput("Huisbezoek", "", jgz, parents_position=Position.NOT_ASKED))
    assert error.value.field == "parents_words" and "Waarom" in error.value.message
    decision, _ = s.decisions.record(discussion, DecisionInput(
        "Huisbezoek", "", jgz, parents_position=Position.NOT_ASKED, parents_words="Ouders afwezig, met hun instemming"))
    assert s.decisions.decision(decision.id).parents_words == "Ouders afwezig, met hun instemming"


def test_a_partner_who_decided_cannot_be_marked_absent_or_removed_afterwards(daan):
    s, discussion = daan
    jgz = partner_id(s, "Jeugd")
    _decide(s, discussion, jgz)
    participant = _participant(s, discussion, jgz)
    with pytest.raises(ValidationError, match="heeft in deze bespreking een besluit genomen"):
        s.meeting_mode.set_attendance(participant.id, Attendance.ABSENT)
    with pytest.raises(ValidationError, match="heeft in deze bespreking een besluit genomen"):
        s.planning.remove_participant(participant.id)
    assert _participant(s, discussion, jgz).attendance == Attendance.PRESENT


def test_a_meeting_in_the_past_is_planned_only_as_naderhand_vastleggen(demo_services):
    s = demo_services
    location = s.locations.locations()[0]
    past = Meeting(None, location.id, TODAY - timedelta(days=7), time(9), "Teamkamer", "Annelies Vermeulen")
    with pytest.raises(ValidationError, match="naderhand vastleggen"):
        s.planning.create_meeting(past)
    with pytest.raises(ValidationError, match="al is geweest"):
        s.planning.create_meeting(Meeting(None, location.id, TODAY + timedelta(days=7), time(9), "Teamkamer",
                                          "Annelies Vermeulen", recorded_afterwards=True))
    meeting, _ = s.planning.create_meeting(Meeting(**{**past.__dict__, "recorded_afterwards": True}))
    assert s.meetings.meeting(meeting.id).recorded_afterwards
    assert s.audit.for_record("meeting", meeting.id)[0].action == "overleg naderhand vastgelegd"


# The invariant over generated meetings --------------------------------------------------------------
ATTENDANCE = st.sampled_from([Attendance.PRESENT, Attendance.ABSENT, Attendance.UNKNOWN, Attendance.LATE])
STEP = st.one_of(
    st.tuples(st.just("aanwezigheid"), st.integers(0, 20), ATTENDANCE),
    st.tuples(st.just("besluit"), st.integers(0, 20), st.booleans()),
    st.tuples(st.just("wijzig"), st.integers(0, 20), st.integers(0, 20)),
    st.tuples(st.just("uitnodigen"), st.integers(0, 20), st.booleans()),
    st.tuples(st.just("weg"), st.integers(0, 20), st.booleans()),
    st.tuples(st.just("bevestig"), st.integers(0, 20), st.booleans()),
)

ABSENT_DECIDER = """
SELECT count(*) FROM decision x WHERE x.status = 'definitief' AND NOT EXISTS (
    SELECT 1 FROM participant p WHERE p.discussion_id = x.discussion_id
    AND p.location_partner_id = x.location_partner_id AND p.attendance IN ('aanwezig', 'later'))"""


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(offset=st.integers(-20, 3), child=st.integers(0, 5), all_present=st.booleans(),
       steps=st.lists(STEP, max_size=14))
def test_no_definitief_decision_ever_has_a_decider_who_was_absent(demo_services, offset, child, all_present, steps):
    s = demo_services
    s.store.clock.now = s.store.clock.now.replace(year=TODAY.year, month=TODAY.month, day=TODAY.day)
    location = s.locations.locations()[0]
    day = TODAY + timedelta(days=offset)
    try:
        meeting, _ = s.planning.create_meeting(Meeting(None, location.id, day, time(9), "Teamkamer", "Annelies",
                                                       recorded_afterwards=day < TODAY))
        kids = [v.child for v in s.children.children(location_id=location.id)]
        discussion, _ = s.planning.add_child(meeting.id, kids[child % len(kids)].id)
        s.meeting_mode.start(discussion.id)
        for p in s.meeting_mode.participants(discussion.id) if all_present else []:
            s.meeting_mode.set_attendance(p.id, Attendance.PRESENT)
    except KnooppuntError:
        return  # no consent for this child, or a meeting still ahead: nothing can be decided
    partners = [c.partner.partner.id for c in s.decisions.mandate_checks(discussion.id)]
    for kind, a, b in steps:
        people = s.meeting_mode.participants(discussion.id)
        decisions = s.decisions.decisions(discussion.id)
        try:
            if kind == "aanwezigheid" and people:
                s.meeting_mode.set_attendance(people[a % len(people)].id, b)
            elif kind == "besluit":
                s.decisions.record(discussion.id, DecisionInput("Besluit", "", partners[a % len(partners)], **AGREED))
            elif kind == "wijzig" and decisions:
                s.decisions.update(decisions[a % len(decisions)].id,
                                   DecisionInput("Gewijzigd", "", partners[b % len(partners)], **AGREED))
            elif kind == "uitnodigen":
                s.planning.add_incidental_partner(discussion.id, partners[a % len(partners)])
            elif kind == "weg" and people:
                s.planning.remove_participant(people[a % len(people)].id)
            elif kind == "bevestig" and decisions:
                s.decisions.confirm(decisions[a % len(decisions)].id, "Teamleider")
        except KnooppuntError:
            pass  # refused: fine, as long as the record never says what did not happen
        assert s.store.scalar(ABSENT_DECIDER) == 0
