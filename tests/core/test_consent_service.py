"""Recording and withdrawing consent; the refusal names what is missing, recording it then succeeds."""

from datetime import date, time

import pytest

from knooppunt.domain.children import Consent
from knooppunt.domain.enums import ConsentGiver, ConsentMethod, DiscussionStatus
from knooppunt.domain.meetings import Discussion, Meeting
from knooppunt.errors import ConsentMissing, ValidationError

from ..children_helpers import give_consent, make_family, make_location

MEETING_DAY = date(2026, 12, 10)


@pytest.fixture
def family(services):
    location_id, orgs = make_location(services)
    child_id, guardians = make_family(services, location_id)
    return location_id, orgs, child_id, guardians


def plan(services, location_id, child_id, day=MEETING_DAY) -> int:
    with services.store.unit_of_work() as uow:
        meeting_id = uow.insert("meeting", Meeting(None, location_id, day, time(8, 30)))
        discussion_id = uow.insert("discussion", Discussion(None, meeting_id, child_id, time(8, 30)))
        uow.audit("test", "discussion", discussion_id)
    return discussion_id


def test_refusal_names_each_person_and_scope_then_recording_succeeds(services, family):
    _, orgs, child_id, (mother, father) = family
    give_consent(services, child_id, mother, [orgs["JGZ"]])
    with pytest.raises(ConsentMissing) as info:
        services.consent.require(child_id, MEETING_DAY, [orgs["JGZ"], orgs["LP"]])
    message = info.value.message
    assert "Lotte Smit kan nog niet besproken worden" in message
    assert "Eva Smit (moeder, met gezag): geen toestemming voor deelname van Leerplicht Basisschool De Linde" in message
    assert "Joost Smit (vader, met gezag): geen toestemming voor bespreking in het knooppunt" in message
    # Record exactly what the message asked for.
    for missing in services.consent.missing(child_id, MEETING_DAY, [orgs["JGZ"], orgs["LP"]]):
        give_consent(services, child_id, missing.guardian_id, missing.organisation_ids, on=date(2026, 11, 23))
    services.consent.require(child_id, MEETING_DAY, [orgs["JGZ"], orgs["LP"]])


def test_consent_is_checked_before_it_is_saved(services, family):
    _, orgs, child_id, (mother, _) = family
    base = dict(child_id=child_id, giver=ConsentGiver.GUARDIAN, guardian_id=mother, given_on=date(2026, 11, 1),
                method=ConsentMethod.WRITTEN)
    cases = [
        ({"given_on": date(2026, 12, 1)}, "given_on"),
        ({"guardian_id": None}, "giver"),
        ({"for_discussion": False}, "for_discussion"),
        ({"method": ConsentMethod.ORAL}, "note"),
    ]
    for changes, field in cases:
        with pytest.raises(ValidationError) as info:
            services.consent.record(Consent(None, **{**base, **changes}))
        assert info.value.field == field
    assert services.children.consents(child_id) == []


def test_withdrawal_cancels_future_discussions_keeps_history_and_tells_the_chair(services, family, clock):
    location_id, orgs, child_id, (mother, father) = family
    mother_consent = give_consent(services, child_id, mother)
    give_consent(services, child_id, father)
    future = plan(services, location_id, child_id)
    past = plan(services, location_id, child_id, date(2026, 11, 10))

    withdrawal = services.consent.withdraw(mother_consent, date(2026, 11, 23), "Moeder wil eerst zelf praten")

    statuses = {d: services.store.scalar("SELECT status FROM discussion WHERE id = ?", [d]) for d in (future, past)}
    assert statuses == {future: DiscussionStatus.REMOVED, past: DiscussionStatus.PLANNED}
    assert [r.discussion_id for r in withdrawal.removed] == [future]
    assert "afgemeld voor het overleg van 10-12-2026" in withdrawal.message
    assert {c.entity for c in withdrawal.changes} == {"consent", "discussion"}
    kept = {c.id: c for c in services.children.consents(child_id)}[mother_consent]
    assert kept.withdrawn_on == date(2026, 11, 23) and kept.withdrawal_note == "Moeder wil eerst zelf praten"
    assert kept.given_on == date(2026, 11, 1)
    with pytest.raises(ValidationError):
        services.consent.withdraw(mother_consent, date(2026, 11, 23))


def test_withdrawing_a_consent_that_another_one_covers_cancels_nothing(services, family):
    location_id, _, child_id, (mother, father) = family
    first = give_consent(services, child_id, mother, on=date(2026, 10, 1))
    give_consent(services, child_id, mother)
    give_consent(services, child_id, father)
    discussion = plan(services, location_id, child_id)
    withdrawal = services.consent.withdraw(first, date(2026, 11, 20))
    assert withdrawal.removed == ()
    assert services.store.scalar("SELECT status FROM discussion WHERE id = ?", [discussion]) == "gepland"


def test_withdrawal_cancels_when_an_invited_partner_is_no_longer_covered(services, family):
    location_id, orgs, child_id, (mother, father) = family
    give_consent(services, child_id, mother, [orgs["JGZ"]], on=date(2026, 10, 1))
    wide = give_consent(services, child_id, mother, [orgs["JGZ"], orgs["LP"]])
    give_consent(services, child_id, father, [orgs["JGZ"], orgs["LP"]])
    discussion = plan(services, location_id, child_id)
    leerplicht = next(p for p in services.locations.partners(location_id) if p.partner.role.startswith("Leerplicht"))
    with services.store.unit_of_work() as uow:
        uow.update("location_partner", leerplicht.partner.id, {"organisation_id": orgs["LP"]})
        uow.insert("participant", {"discussion_id": discussion, "kind": "partner", "name": "J. Smeets",
                                   "location_partner_id": leerplicht.partner.id})
        uow.audit("test", "participant", None)
    assert services.consent.invited_organisations(discussion) == [orgs["LP"]]

    withdrawal = services.consent.withdraw(wide, date(2026, 11, 23), "Liever zonder leerplicht")

    # The older consent still covers JGZ, but leerplicht sits at the table: the discussion is cancelled.
    assert [r.discussion_id for r in withdrawal.removed] == [discussion]
    assert services.consent.missing(child_id, MEETING_DAY, [orgs["JGZ"]]) == []
