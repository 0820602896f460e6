"""Record integrity across the core services: consent, finalised discussions, history, audit."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta

import pytest

from knooppunt.directory.entries import PartnerEntry, PersonEntry
from knooppunt.domain.directory import LocationPartner
from knooppunt.domain.enums import (
    AgreementStatus,
    Attendance,
    DiscussionStatus,
    MeetingStatus,
    OwnerKind,
    ParticipantKind,
    PartnerKind,
    Visibility,
)
from knooppunt.domain.meetings import Meeting
from knooppunt.errors import ConsentMissing, KnooppuntError, RecordLocked, ValidationError
from knooppunt.services.outcomes.agreements import AgreementInput
from knooppunt.services.outcomes.decisions import DecisionInput
from knooppunt.services.outcomes.records import RUNNING_KEY
from tests.conftest import TODAY

from .outcome_helpers import child_id, discussion_of, finalise, new_meeting_with, to_meeting_day


def _kids(services):
    location = services.locations.locations()[0]
    return {v.child.first_name: v.child for v in services.children.children(location_id=location.id)}


@pytest.fixture
def planned(demo_services, clock):
    """A meeting the day after tomorrow with Zoë and Noor, prepared (participants, agenda)."""
    location = demo_services.locations.locations()[0]
    meeting, _ = demo_services.planning.create_meeting(
        Meeting(None, location.id, TODAY + timedelta(days=2), time(9, 0), "Teamkamer", "Annelies Vermeulen"))
    kids = _kids(demo_services)
    zoe, _ = demo_services.planning.add_child(meeting.id, kids["Zoë"].id)
    noor, _ = demo_services.planning.add_child(meeting.id, kids["Noor"].id)
    clock.now = datetime.combine(meeting.date, time(9, 0))  # time is real: chaired on the day
    return demo_services, meeting, zoe, noor


def _parents_present(services, discussion_id):
    for p in services.meeting_mode.participants(discussion_id):
        if p.kind == ParticipantKind.PARENT:
            services.meeting_mode.set_attendance(p.id, Attendance.PRESENT)


# 6. One way to finalise ------------------------------------------------------------------------
@pytest.mark.parametrize("way", ["vaststellen", "afronden"])
def test_finalising_either_way_checks_parents_ticks_items_and_holds_the_meeting(planned, way):
    services, meeting, zoe, noor = planned

    def finalise(discussion_id, **kwargs):
        if way == "vaststellen":
            return services.records.finalise(discussion_id, **kwargs)
        return services.meeting_mode.close(discussion_id, **kwargs)

    with pytest.raises(ValidationError) as error:
        finalise(zoe.id)
    assert error.value.field == "parents_absent"
    _parents_present(services, zoe.id)
    with pytest.raises(ValidationError) as error:
        finalise(zoe.id, evaluation_date=meeting.date)
    assert error.value.field == "evaluation_date"
    assert services.meeting_mode.discussion(zoe.id).status == DiscussionStatus.PLANNED

    finalise(zoe.id, evaluation_date=meeting.date + timedelta(weeks=6))
    done = services.meeting_mode.discussion(zoe.id)
    assert done.status == DiscussionStatus.FINALISED and done.evaluation_date == meeting.date + timedelta(weeks=6)
    assert all(item.done for item in services.meeting_mode.agenda(zoe.id))
    assert services.store.get(Meeting, "meeting", meeting.id).status == MeetingStatus.PLANNED  # Noor still open
    _parents_present(services, noor.id)
    finalise(noor.id)
    assert services.store.get(Meeting, "meeting", meeting.id).status == MeetingStatus.HELD


def _withdraw_all(services, child_id, on=TODAY):
    for consent in services.children.consents(child_id):
        if consent.withdrawn_on is None:
            services.consent.withdraw(consent.id, on, "ingetrokken in gesprek")


def _end_consents_on(services, child_id, day):
    """Consent data as another laptop or an import could leave it: ending on ``day``."""
    with services.store.unit_of_work() as uow:
        for consent in services.children.consents(child_id):
            uow.update("consent", consent.id, {"withdrawn_on": day})
        uow.audit("toestemming ingetrokken", "child", child_id, "test")


# 1. Starting a meeting respects consent ---------------------------------------------------------
def test_withdrawing_consent_takes_a_running_discussion_off_and_it_cannot_be_started_again(planned):
    services, _meeting, zoe, _noor = planned
    mode = services.meeting_mode
    mode.start(zoe.id)
    assert mode.running().id == zoe.id
    _withdraw_all(services, zoe.child_id)
    assert mode.discussion(zoe.id).status == DiscussionStatus.REMOVED
    assert mode.running() is None and services.store.setting(RUNNING_KEY) == ""
    with pytest.raises(KnooppuntError, match="afgemeld"):
        mode.start(zoe.id)
    with pytest.raises(KnooppuntError, match="afgemeld"):  # the chair window still open on her
        mode.go_to_item(zoe.id, mode.agenda(zoe.id)[1].id)
    assert mode.discussion(zoe.id).status == DiscussionStatus.REMOVED


def test_a_slot_without_consent_cannot_be_started_or_prepared(demo_services):
    services = demo_services
    [slot] = new_meeting_with(services, TODAY + timedelta(days=3), "Daan")  # planned elsewhere, not prepared
    _end_consents_on(services, child_id(services, "Daan"), TODAY)
    to_meeting_day(services, slot)
    with pytest.raises(ConsentMissing):
        services.meeting_mode.start(slot)
    with pytest.raises(ConsentMissing):
        services.planning.ensure_prepared(slot)
    assert services.meeting_mode.discussion(slot).status == DiscussionStatus.PLANNED
    assert services.meeting_mode.participants(slot) == []


def test_moving_a_meeting_checks_consent_on_the_new_date(planned):
    services, meeting, zoe, _noor = planned
    _end_consents_on(services, zoe.child_id, meeting.date + timedelta(days=3))
    with pytest.raises(ConsentMissing):
        services.planning.update_meeting(replace(meeting, date=meeting.date + timedelta(days=7)))
    assert services.store.get(Meeting, "meeting", meeting.id).date == meeting.date
    services.planning.update_meeting(replace(meeting, date=meeting.date + timedelta(days=1), place="Aula"))
    assert services.store.get(Meeting, "meeting", meeting.id).place == "Aula"


# 5. A child taken off can be put back ------------------------------------------------------------
def test_a_child_taken_off_is_put_back_on_its_old_slot(planned):
    services, meeting, _zoe, noor = planned
    people = [p.id for p in services.meeting_mode.participants(noor.id)]
    services.planning.remove_child(noor.id)
    back, change = services.planning.add_child(meeting.id, noor.child_id, slot_minutes=20)
    assert back.id == noor.id and change.ids == (noor.id,)
    again = services.meeting_mode.discussion(noor.id)
    assert (again.status, again.slot_minutes) == (DiscussionStatus.PLANNED, 20)
    assert [p.id for p in services.meeting_mode.participants(noor.id)] == people
    assert noor.id in [d.id for d in services.meeting_mode.discussions(meeting.id)]
    with pytest.raises(ValidationError, match="staat al"):
        services.planning.add_child(meeting.id, noor.child_id)


def test_a_child_taken_off_for_lack_of_consent_comes_back_only_with_consent(planned):
    services, meeting, zoe, _noor = planned
    _withdraw_all(services, zoe.child_id)
    with pytest.raises(ConsentMissing):
        services.planning.add_child(meeting.id, zoe.child_id)
    assert services.meeting_mode.discussion(zoe.id).status == DiscussionStatus.REMOVED


# 2. A finalised discussion cannot be changed -----------------------------------------------------
def _finalised(services):
    """The demo's held meeting and one of its finalised discussions, with its records."""
    meeting = next(v.meeting for v in services.meetings.meetings() if v.meeting.status == MeetingStatus.HELD)
    discussion = next(d for d in services.meetings.discussions(meeting.id) if d.status == DiscussionStatus.FINALISED
                      and services.decisions.decisions(d.id) and services.agreements.for_discussion(d.id))
    item = next(i for i in services.meeting_mode.agenda(discussion.id) if services.meeting_mode.notes(i.id))
    on_meeting = {d.child_id for d in services.meetings.discussions(meeting.id)}
    incidental = [v.partner.id for v in services.locations.partners(meeting.location_id)
                  if v.partner.kind == "incidenteel" and v.partner.is_filled]
    return {
        "meeting": meeting, "d": discussion.id, "item": item.id, "note": services.meeting_mode.notes(item.id)[0].id,
        "participant": services.meeting_mode.participants(discussion.id)[0].id,
        "decision": services.decisions.decisions(discussion.id)[0],
        "agreement": services.agreements.for_discussion(discussion.id)[0],
        "partner": incidental[0],
        "other_child": next(c.id for c in _kids(services).values() if c.id not in on_meeting),
    }


WRITES = {
    # planning
    "update_meeting": lambda s, f: s.planning.update_meeting(replace(f["meeting"], place="Aula")),
    "update_meeting (date)": lambda s, f: s.planning.update_meeting(replace(f["meeting"], date=TODAY + timedelta(1))),
    "add_child": lambda s, f: s.planning.add_child(f["meeting"].id, f["other_child"]),
    "remove_child": lambda s, f: s.planning.remove_child(f["d"]),
    "add_incidental_partner": lambda s, f: s.planning.add_incidental_partner(f["d"], f["partner"]),
    "remove_participant": lambda s, f: s.planning.remove_participant(f["participant"]),
    # meeting mode
    "start": lambda s, f: s.meeting_mode.start(f["d"]),
    "go_to_item": lambda s, f: s.meeting_mode.go_to_item(f["d"], f["item"]),
    "save_time": lambda s, f: s.meeting_mode.save_time(f["d"], {f["item"]: 600}),
    "set_item_done": lambda s, f: s.meeting_mode.set_item_done(f["item"], False),
    "set_attendance": lambda s, f: s.meeting_mode.set_attendance(f["participant"], Attendance.ABSENT, "ziek"),
    "record_parents_absence": lambda s, f: s.meeting_mode.record_parents_absence(f["d"], "ziek", True),
    "set_evaluation_date": lambda s, f: s.meeting_mode.set_evaluation_date(f["d"], TODAY + timedelta(weeks=8)),
    "add_note": lambda s, f: s.meeting_mode.add_note(f["item"], text="later toegevoegd"),
    "save_note_text": lambda s, f: s.meeting_mode.save_note_text(f["note"], "overschreven"),
    "set_note_visibility": lambda s, f: s.meeting_mode.set_note_visibility(f["note"], Visibility.INTERNAL),
    "set_note_perspective": lambda s, f: s.meeting_mode.set_note_perspective(f["note"], "school"),
    "delete_note": lambda s, f: s.meeting_mode.delete_note(f["note"]),
    "close": lambda s, f: s.meeting_mode.close(f["d"]),
    "finalise": lambda s, f: s.records.finalise(f["d"]),
    # decisions and agreements (confirming a provisional decision is follow-up and stays allowed)
    "decision record": lambda s, f: s.decisions.record(f["d"], DecisionInput("Nieuw", "", f["partner"])),
    "decision update": lambda s, f: s.decisions.update(
        f["decision"].id, DecisionInput("Anders", "", f["decision"].location_partner_id, "iemand")),
    "agreement create": lambda s, f: s.agreements.create(f["d"], AgreementInput(OwnerKind.SCHOOL, "IB", "Nieuw")),
    "agreement update": lambda s, f: s.agreements.update(
        f["agreement"].id, AgreementInput(OwnerKind.SCHOOL, "IB", "Anders")),
    "record_outcome": lambda s, f: s.agreements.record_outcome(f["agreement"].id, f["d"], AgreementStatus.DONE),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_every_write_on_a_finalised_discussion_is_refused(demo_services, write):
    services = demo_services
    found = _finalised(services)
    before = services.store.count("audit_log")
    with pytest.raises(RecordLocked):
        write(services, found)
    assert services.store.count("audit_log") == before


# 3. An outcome recorded in a finalised discussion stays ------------------------------------------
@pytest.mark.parametrize("first", [AgreementStatus.DONE, AgreementStatus.CONTINUES])
def test_an_outcome_of_a_finalised_discussion_is_not_overwritten_later(demo_services, first):
    s = demo_services
    second = discussion_of(s, "Anaïs", held=False)
    rest = next(a for a in s.agreements.to_review(second) if "rustplek" in a.description)
    s.agreements.record_outcome(rest.id, second, first)
    finalise(s, second)
    [third] = new_meeting_with(s, TODAY + timedelta(days=70), "Anaïs")
    if first == AgreementStatus.CONTINUES:  # loopt door: the next discussion records the next outcome
        s.agreements.record_outcome(rest.id, third, AgreementStatus.DONE)
        assert s.agreements.agreement(rest.id).outcome_discussion_id == third
        return
    with pytest.raises(RecordLocked, match="vastgesteld"):
        s.agreements.record_outcome(rest.id, third, AgreementStatus.NOT_DONE, "toch niet")
    kept = s.agreements.agreement(rest.id)
    assert (kept.status, kept.outcome_discussion_id) == (AgreementStatus.DONE, second)


# 4. Removing a partner role keeps the record ------------------------------------------------------
DEMO = "Kindcentrum De Vlinderboom"


def _used_role(services):
    """A role of the demo location that sat at the table in a discussion."""
    partner_id = services.store.scalar("SELECT min(location_partner_id) FROM participant")
    return services.store.get(LocationPartner, "location_partner", partner_id)


def _links(services, partner_id):
    return (services.store.count("participant", "location_partner_id = ?", [partner_id]),
            services.store.count("decision", "location_partner_id = ?", [partner_id]))


def test_a_role_that_is_part_of_the_record_cannot_be_removed(demo_services):
    s = demo_services
    used = _used_role(s)
    links = _links(s, used.id)
    with pytest.raises(ValidationError, match="komt voor in besprekingen") as error:
        s.locations.remove_role(used.id)
    assert error.value.field == "role"
    assert used.id in [v.partner.id for v in s.locations.partners(used.location_id)]
    assert _links(s, used.id) == links and links[0] > 0

    s.locations.add_role(used.location_id, "Logopedie", PartnerKind.INCIDENTAL)
    new = next(v.partner for v in s.locations.partners(used.location_id) if v.partner.role == "Logopedie")
    s.locations.fill_partner(new.id, PartnerEntry("Logopedie", "Praktijk Spraakwater",
                                                  contact=PersonEntry("Ina de Wit"), kind=PartnerKind.INCIDENTAL))
    s.locations.fill_partner(new.id, PartnerEntry("Logopedie", "Praktijk Spraakwater",
                                                  contact=PersonEntry("Bas Smit"), kind=PartnerKind.INCIDENTAL))
    with pytest.raises(ValidationError, match="geschiedenis"):
        s.locations.remove_role(new.id)

    s.locations.add_role(used.location_id, "Fysiotherapie", PartnerKind.INCIDENTAL)
    unused = next(v.partner for v in s.locations.partners(used.location_id) if v.partner.role == "Fysiotherapie")
    s.locations.remove_role(unused.id)
    assert "Fysiotherapie" not in [v.partner.role for v in s.locations.partners(used.location_id)]


def test_a_directory_file_without_a_role_in_use_keeps_that_role_and_says_why(demo_services, tmp_path):
    s = demo_services
    used = _used_role(s)
    links = _links(s, used.id)
    s.locations.add_role(used.location_id, "Fysiotherapie", PartnerKind.INCIDENTAL)
    path = tmp_path / "adresboek.knooppunt-adresboek.json"
    s.directory.export(used.location_id, path, "directory")
    data = s.directory.read(path)
    data = replace(data, partners=tuple(e for e in data.partners if e.role not in (used.role, "Fysiotherapie")))

    plan = s.directory.plan_import(DEMO, data)
    seen = {(c.action, c.name): c.detail for c in plan.changes}
    assert seen[("blijft", used.role)] == "kan niet worden verwijderd: komt voor in besprekingen"
    assert ("verwijderd", "Fysiotherapie") in seen
    assert plan.summary == "0 nieuw, 0 gewijzigd, 1 verwijderd, 1 blijft staan (komt voor in besprekingen)"
    s.directory.apply_import(plan)
    roles = [v.partner.role for v in s.locations.partners(used.location_id)]
    assert used.role in roles and "Fysiotherapie" not in roles
    assert _links(s, used.id) == links


# 7. The audit log is not flooded by autosaves -------------------------------------------------------
def _entries(services, table, record_id, action):
    return [e for e in services.audit.for_record(table, record_id) if e.action == action]


def test_typing_a_note_logs_a_burst_at_its_start_and_its_end_without_rewriting_the_log(planned, clock):
    services, _meeting, zoe, _noor = planned
    mode = services.meeting_mode
    mode.start(zoe.id)
    item = mode.agenda(zoe.id)[0]
    note, _ = mode.add_note(item.id)
    started = clock.now
    text = ""
    for i in range(20):  # an autosave every ~3 seconds while typing
        clock.now = started + timedelta(seconds=3 * i)
        text += "woord "
        mode.save_note_text(note.id, text)
    [first] = _entries(services, "note", note.id, "notitie bijgewerkt")
    assert first.detail == "6 tekens" and mode.notes(item.id)[0].text == text  # the first save, logged at once

    clock.now = started + timedelta(minutes=15)  # a new burst later on: the first is folded into one row
    mode.save_note_text(note.id, text + "einde")
    entries = _entries(services, "note", note.id, "notitie bijgewerkt")
    assert [e.detail for e in entries] == [
        "6 tekens", f"{len(text)} tekens (t/m 09:00:57, 20 keer opgeslagen)", f"{len(text) + 5} tekens"]
    assert entries[0] == first  # earlier rows are never rewritten

    for minute in range(3):  # the meeting clock, every 30 seconds
        clock.now = started + timedelta(minutes=16, seconds=30 * minute)
        mode.save_time(zoe.id, {item.id: 60 + 30 * minute})
    assert len(_entries(services, "discussion", zoe.id, "tijd bijgehouden")) == 1
    assert mode.agenda(zoe.id)[0].seconds_spent == 120
    mode.set_item_done(item.id)  # another action ends the running bursts
    assert len(_entries(services, "discussion", zoe.id, "tijd bijgehouden")) == 2
    assert services.audit.verify() is None
