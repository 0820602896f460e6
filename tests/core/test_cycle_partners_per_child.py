"""Partners per child: planning proposes only the partners whose age/group range fits the child,
plus those the chair adds; a removal keeps its reason; consent still covers everyone at the table."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from knooppunt.domain.children import Case, Child, Guardian
from knooppunt.domain.cycle import PartnerRange
from knooppunt.domain.directory import ContactPerson, Location, Organisation
from knooppunt.domain.enums import LocationType, ParticipantKind
from knooppunt.domain.meetings import Meeting
from knooppunt.errors import ConsentMissing, ValidationError
from tests.children_helpers import give_consent
from tests.conftest import TODAY


def _location_with_partners(services, name: str, kind: LocationType) -> int:
    location, _ = services.locations.create_location(Location(None, name, kind))
    types = {t.code: t.id for t in services.locations.organisation_types()}
    with services.store.unit_of_work() as uow:
        for view in services.locations.partners(location.id):
            code = {"Jeugd": "JGZ", "Gemee": "SMW", "Voors": "VVE", "Leerp": "LP", "Samen": "SWV"}.get(
                view.partner.role[:5], "ZORG")
            org = uow.insert("organisation", Organisation(None, f"{code} {name}", types[code]))
            person = uow.insert("contact_person", ContactPerson(None, f"Contact {code} {name}", org))
            uow.update("location_partner", view.partner.id, {"organisation_id": org, "contact_id": person})
        uow.audit("test", "location", location.id)
    return location.id


def _child(services, location_id: int, born: date, group: str) -> int:
    child, _ = services.children.create_child(Child(None, location_id, "Mila", "Jansen", born, group))
    guardian, _ = services.children.add_guardian(Guardian(None, child.id, "Eva Jansen", "moeder", True,
                                                                email="eva@example.nl"))
    orgs = [o.id for o in services.locations.organisations()]
    give_consent(services, child.id, guardian.id, orgs, on=date(2026, 11, 1))
    services.cycle.intake.register(Case(None, child.id, date(2026, 11, 2), "leerkracht", "Vraag"), noticed="Signaal")
    return child.id


def _partner_roles(services, discussion_id: int) -> set[str]:
    return {p.role for p in services.meeting_mode.participants(discussion_id) if p.kind == ParticipantKind.PARTNER}


def _meeting(services, location_id: int):
    meeting, _ = services.planning.create_meeting(
        Meeting(None, location_id, TODAY + timedelta(days=7), time(13, 0), "Teamkamer", "IB"))
    return meeting


def test_a_groep_5_child_at_a_po_location_gets_no_voorschool(services):
    location_id = _location_with_partners(services, "OBS De Linde", LocationType.PO)
    child_id = _child(services, location_id, date(2018, 3, 1), "groep 5")
    discussion, _ = services.planning.add_child(_meeting(services, location_id).id, child_id)
    roles = _partner_roles(services, discussion.id)
    assert "Voorschoolse voorziening" not in roles
    assert {"Jeugdgezondheidszorg (JGZ)", "Gemeentelijke toegang / schoolmaatschappelijk werk"} <= roles


def test_a_three_year_old_at_an_ikc_gets_the_voorschool(services):
    location_id = _location_with_partners(services, "IKC De Regenboog", LocationType.KINDEROPVANG)
    child_id = _child(services, location_id, date(2023, 6, 1), "peutergroep")
    discussion, _ = services.planning.add_child(_meeting(services, location_id).id, child_id)
    assert "Voorschoolse voorziening" in _partner_roles(services, discussion.id)


def test_removing_a_proposed_partner_keeps_the_reason_and_the_next_meeting_follows_it(services):
    location_id = _location_with_partners(services, "IKC De Regenboog", LocationType.KINDEROPVANG)
    child_id = _child(services, location_id, date(2023, 6, 1), "peutergroep")
    discussion, _ = services.planning.add_child(_meeting(services, location_id).id, child_id)
    jgz = next(p for p in services.meeting_mode.participants(discussion.id) if p.role.startswith("Jeugd"))
    with pytest.raises(ValidationError, match="waarom"):
        services.cycle.partner_scope.remove_from_discussion(jgz.id, "  ")
    services.cycle.partner_scope.remove_from_discussion(jgz.id, "JGZ is al betrokken via het consultatiebureau")
    assert "Jeugdgezondheidszorg (JGZ)" not in _partner_roles(services, discussion.id)
    [choice] = services.cycle.partner_scope.choices(child_id)
    assert (choice.choice, choice.reason) == ("niet", "JGZ is al betrokken via het consultatiebureau")
    later, _ = services.planning.create_meeting(
        Meeting(None, location_id, TODAY + timedelta(days=49), time(13, 0), "Teamkamer", "IB"))
    proposal = services.planning.proposed_participants(later.id, child_id)
    assert "Jeugdgezondheidszorg (JGZ)" not in {p.role for p in proposal}


def test_the_chair_adds_a_partner_only_as_far_as_consent_covers_it(services):
    location_id = _location_with_partners(services, "OBS De Linde", LocationType.PO)
    child_id = _child(services, location_id, date(2018, 3, 1), "groep 5")
    discussion, _ = services.planning.add_child(_meeting(services, location_id).id, child_id)
    leerplicht = next(v for v in services.locations.partners(location_id) if v.partner.role == "Leerplicht")
    with pytest.raises(ValidationError):
        services.cycle.partner_scope.add_to_discussion(discussion.id, leerplicht.partner.id, "")
    services.cycle.partner_scope.add_to_discussion(discussion.id, leerplicht.partner.id, "Veel verzuim op maandag")
    assert "Leerplicht" in _partner_roles(services, discussion.id)
    # A child whose consent does not name the voorschool cannot get it at the table.
    voorschool = next(v for v in services.locations.partners(location_id) if v.partner.role.startswith("Voorschool"))
    with services.store.unit_of_work() as uow:
        uow.execute("DELETE FROM consent_organisation WHERE organisation_id = ?", [voorschool.partner.organisation_id])
        uow.audit("toestemming ingetrokken (test)", "organisation", voorschool.partner.organisation_id)
    with pytest.raises(ConsentMissing):
        services.cycle.partner_scope.add_to_discussion(discussion.id, voorschool.partner.id, "Broertje op de VVE")
    assert "Voorschoolse voorziening" not in _partner_roles(services, discussion.id)


def test_a_coordinator_sets_a_range_and_planning_follows_it(services):
    location_id = _location_with_partners(services, "OBS De Linde", LocationType.PO)
    child_id = _child(services, location_id, date(2018, 3, 1), "groep 5")
    jgz = next(v for v in services.locations.partners(location_id) if v.partner.role.startswith("Jeugd"))
    with pytest.raises(ValidationError):
        services.cycle.partner_scope.set_range(jgz.partner.id, PartnerRange(group_min=5, group_max=3))
    services.cycle.partner_scope.set_range(jgz.partner.id, PartnerRange(group_min=1, group_max=2))
    assert services.cycle.partner_scope.ranges(location_id)[jgz.partner.id].label == "groep 1–2"
    discussion, _ = services.planning.add_child(_meeting(services, location_id).id, child_id)
    assert "Jeugdgezondheidszorg (JGZ)" not in _partner_roles(services, discussion.id)
