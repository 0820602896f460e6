from datetime import date, datetime, timedelta

import pytest

from knooppunt.domain.enums import AgreementStatus, DecisionStatus, OwnerKind, Position
from knooppunt.errors import RecordLocked, ValidationError
from knooppunt.services.outcomes.agreements import AgreementInput
from knooppunt.services.outcomes.decisions import CONFIRMATION_TEXT, DecisionInput

from ..conftest import TODAY
from .outcome_helpers import discussion_of, finalise, new_meeting_with, partner_id, run, set_mandate_until


def _meeting_date(s, discussion_id):
    return s.records.context(discussion_id).meeting_date


def test_mandate_expired_the_day_before_the_meeting_makes_the_decision_provisional(demo_services):
    s = demo_services
    discussion = discussion_of(s, "Şükrü", held=False)
    run(s, discussion)
    meeting_date = _meeting_date(s, discussion)
    wijk = partner_id(s, "Gemeentelijke toegang")
    set_mandate_until(s, wijk, meeting_date - timedelta(days=1))

    decision, change = s.decisions.record(discussion, DecisionInput(
        "Opvoedondersteuning thuis, 6 gesprekken", "Lichte ondersteuning", wijk,
        parents_position=Position.AGREE_WITH_REMARKS, parents_words="Liever na de herfstvakantie."))

    assert change.entity == "decision"
    stored = s.decisions.decision(decision.id)
    assert stored.status == DecisionStatus.PROVISIONAL
    assert stored.decided_by == "Fatima Bouzid" and stored.organisation == "Wijkteam Maasheuvel"
    assert f"Mandaat verlopen op {meeting_date - timedelta(days=1):%d-%m-%Y}" in stored.mandate_text
    assert stored.parents_words == "Liever na de herfstvakantie."
    [follow_up] = [a for a in s.agreements.for_discussion(discussion) if a.decision_id == decision.id]
    assert follow_up.description.startswith(CONFIRMATION_TEXT)
    assert follow_up.owner_kind == OwnerKind.PARTNER and "Fatima Bouzid" in follow_up.owner_name
    assert follow_up.status == AgreementStatus.OPEN and follow_up.due_date > meeting_date


def test_mandate_valid_through_the_meeting_date_makes_the_decision_final(demo_services):
    s = demo_services
    discussion = discussion_of(s, "Şükrü", held=False)
    run(s, discussion)
    wijk = partner_id(s, "Gemeentelijke toegang")
    set_mandate_until(s, wijk, _meeting_date(s, discussion))

    decision, _ = s.decisions.record(discussion, DecisionInput("Opvoedondersteuning", "", wijk, parents_position=Position.AGREE))

    assert s.decisions.decision(decision.id).status == DecisionStatus.FINAL
    assert not any(a.decision_id == decision.id for a in s.agreements.for_discussion(discussion))


def test_mandate_is_checked_on_the_meeting_date_not_today(demo_services):
    s = demo_services
    wijk = partner_id(s, "Gemeentelijke toegang")
    set_mandate_until(s, wijk, TODAY - timedelta(days=1))  # expired yesterday
    [earlier] = new_meeting_with(s, TODAY - timedelta(days=3), "Noor")
    run(s, earlier)

    decision, _ = s.decisions.record(earlier, DecisionInput("Huisbezoek", "", wijk, parents_position=Position.AGREE))

    assert s.decisions.decision(decision.id).status == DecisionStatus.FINAL


def test_confirming_a_provisional_decision_is_one_action_and_audit_logged(demo_services):
    s = demo_services
    discussion = discussion_of(s, "Daan", held=False)
    zorg = partner_id(s, "Zorgaanbieder")  # the demo's expired mandate
    run(s, discussion, zorg)
    decision, _ = s.decisions.record(discussion, DecisionInput("Inzet gezinscoach", "Jeugdhulp", zorg, parents_position=Position.AGREE))
    assert s.decisions.decision(decision.id).status == DecisionStatus.PROVISIONAL
    finalise(s, discussion)  # confirmation usually arrives after the meeting
    s.store.clock.now = datetime(2026, 12, 21, 10, 0)
    with pytest.raises(ValidationError, match="toekomst"):
        s.decisions.confirm(decision.id, "Teamleider De Brug", date(2026, 12, 22))

    s.decisions.confirm(decision.id, "Teamleider De Brug", date(2026, 12, 20))

    confirmed = s.decisions.decision(decision.id)
    assert confirmed.status == DecisionStatus.FINAL
    assert confirmed.confirmed_by == "Teamleider De Brug" and confirmed.confirmed_on == date(2026, 12, 20)
    [follow_up] = [a for a in s.agreements.for_discussion(discussion) if a.decision_id == decision.id]
    assert follow_up.status == AgreementStatus.DONE
    entries = [e.action for e in s.audit.for_record("decision", decision.id)]
    assert entries == ["besluit vastgelegd", "besluit bevestigd"]
    assert s.audit.for_record("decision", decision.id)[-1].actor == s.store.actor
    with pytest.raises(ValidationError):
        s.decisions.confirm(decision.id, "Nog eens")


def test_decision_without_deciding_partner_is_refused_at_the_field_and_nothing_saved(demo_services):
    s = demo_services
    discussion = discussion_of(s, "Daan", held=False)
    run(s, discussion)
    before = s.store.count("decision"), s.store.count("audit_log")
    with pytest.raises(ValidationError) as info:
        s.decisions.record(discussion, DecisionInput("Extra begeleiding", "", None, parents_position=Position.AGREE))
    assert info.value.field == "location_partner_id"
    with pytest.raises(ValidationError) as info:
        s.decisions.record(discussion, DecisionInput("  ", "", partner_id(s, "Jeugd")))
    assert info.value.field == "text"
    assert (s.store.count("decision"), s.store.count("audit_log")) == before


def test_after_finalising_decisions_and_agreements_cannot_be_edited(demo_services):
    s = demo_services
    discussion = discussion_of(s, "Daan", held=False)
    run(s, discussion)
    jgz = partner_id(s, "Jeugd")
    decision, _ = s.decisions.record(discussion, DecisionInput("Extra JGZ-consult", "", jgz, parents_position=Position.AGREE))
    agreement, _ = s.agreements.create(discussion, AgreementInput(OwnerKind.PARENT, "Kim de Vries", "Belt de JGZ"))
    finalise(s, discussion)
    ctx = s.records.context(discussion)
    assert ctx.locked and ctx.discussion.finalised_by == s.store.actor and ctx.discussion.finalised_at

    with pytest.raises(RecordLocked):
        s.decisions.update(decision.id, DecisionInput("Iets anders", "", jgz, parents_position=Position.AGREE))
    with pytest.raises(RecordLocked):
        s.decisions.record(discussion, DecisionInput("Nog een besluit", "", jgz, parents_position=Position.AGREE))
    with pytest.raises(RecordLocked):
        s.agreements.update(agreement.id, AgreementInput(OwnerKind.PARENT, "Kim de Vries", "Iets anders"))
    with pytest.raises(RecordLocked):
        s.agreements.create(discussion, AgreementInput(OwnerKind.SCHOOL, "juf", "Nieuw"))
    assert s.decisions.decision(decision.id).text == "Extra JGZ-consult"
    assert s.agreements.agreement(agreement.id).description == "Belt de JGZ"


def test_an_addendum_keeps_the_original_visible_and_is_logged(demo_services):
    s = demo_services
    discussion = discussion_of(s, "Daan", held=False)
    run(s, discussion)
    decision, _ = s.decisions.record(discussion, DecisionInput("Extra JGZ-consult", "", partner_id(s, "Jeugd"),
                                                                         parents_position=Position.AGREE))
    with pytest.raises(ValidationError):  # not finalised yet: edit the decision itself
        s.records.add_addendum(discussion, "besluit", decision.id, "Consult bij de jeugdarts", "Verkeerd genoteerd")
    finalise(s, discussion)
    with pytest.raises(ValidationError) as info:
        s.records.add_addendum(discussion, "besluit", decision.id, "Consult bij de jeugdarts", " ")
    assert info.value.field == "reason"

    s.records.add_addendum(discussion, "besluit", decision.id, "Consult bij de jeugdarts", "Verkeerd genoteerd")

    [addendum] = s.records.addenda(discussion)
    assert (addendum.author, addendum.reason, addendum.target_id) == (s.store.actor, "Verkeerd genoteerd", decision.id)
    assert s.decisions.decision(decision.id).text == "Extra JGZ-consult"
    assert s.audit.for_record("addendum", addendum.id)[0].action == "aanvulling toegevoegd"
    actions = [e.action for e in s.audit.for_record("discussion", discussion)]
    # the demo plans Daan like a user does; the chair opens the discussion on the day and finalises it
    assert actions == ["kind ingepland", "bespreking geopend", "bespreking vastgesteld"]


def test_changing_the_deciding_partner_before_finalising_rechecks_the_mandate(demo_services):
    s = demo_services
    discussion = discussion_of(s, "Daan", held=False)
    jgz, zorg = partner_id(s, "Jeugd"), partner_id(s, "Zorgaanbieder")
    run(s, discussion, zorg)
    decision, _ = s.decisions.record(discussion, DecisionInput("Gezinscoach", "", jgz, parents_position=Position.AGREE))

    s.decisions.update(decision.id, DecisionInput("Gezinscoach", "", zorg, parents_position=Position.AGREE))
    assert s.decisions.decision(decision.id).status == DecisionStatus.PROVISIONAL
    assert [a.decision_id for a in s.agreements.for_discussion(discussion)] == [decision.id]

    s.decisions.update(decision.id, DecisionInput("Gezinscoach", "", jgz, parents_position=Position.AGREE))
    assert s.decisions.decision(decision.id).status == DecisionStatus.FINAL
    assert s.agreements.for_discussion(discussion) == []
