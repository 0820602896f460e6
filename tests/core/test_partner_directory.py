"""The coordinator's directory in the services: roles, people, mandates, a leaver, search."""

from __future__ import annotations

from datetime import date

import pytest

from knooppunt.directory.entries import PartnerEntry, PersonEntry
from knooppunt.domain.directory import Location
from knooppunt.domain.enums import LocationType, PartnerKind
from knooppunt.errors import ValidationError
from knooppunt.services.directory.partners import SEARCH_LIMIT


def new_location(services, name="OBS De Regenboog"):
    location, _ = services.locations.create_location(Location(None, name, LocationType.PO))
    return location


def role(services, location, start):
    return next(v for v in services.locations.partners(location.id) if v.partner.role.startswith(start))


def jgz_entry(**changes):
    values = dict(role="Jeugdgezondheidszorg (JGZ)", organisation="GGD Zuid Limburg", kind=PartnerKind.STRUCTURAL,
                  organisation_type="JGZ", contact=PersonEntry("Marieke Hendriks", "Jeugdverpleegkundige",
                                                               "0458501234", "M.Hendriks@GGDZL.nl"),
                  substitute=PersonEntry("Ruud Claessens", phone="0032470123456"),
                  mandate_category="Onderzoek en advies", mandate_valid_until=date(2027, 7, 31))
    values.update(changes)
    return PartnerEntry(**values)


def test_a_new_location_waits_with_the_knooppunt_roles_unfilled(services):
    location = new_location(services)
    views = services.locations.partners(location.id)
    assert [(v.partner.role, v.partner.kind.value) for v in views] == [
        ("Jeugdgezondheidszorg (JGZ)", "structureel"),
        ("Gemeentelijke toegang / schoolmaatschappelijk werk", "structureel"),
        ("Voorschoolse voorziening", "structureel"),
        ("Leerplicht", "incidenteel"),
        ("Samenwerkingsverband passend onderwijs", "incidenteel"),
        ("Zorgaanbieder (jeugdhulp, GGZ, ...)", "incidenteel"),
    ]
    assert all(v.mandate_problem(date(2026, 11, 23)) == "Geen mandaat vastgelegd" for v in views)


def test_filling_a_role_creates_organisation_and_people_with_normalised_phone_and_email(services):
    location = new_location(services)
    services.locations.fill_partner(role(services, location, "Jeugd").partner.id, jgz_entry())
    view = role(services, location, "Jeugd")
    assert view.organisation.name == "GGD Zuid Limburg"
    assert (view.contact.phone, view.contact.email) == ("045 850 1234", "M.Hendriks@ggdzl.nl")
    assert view.substitute.phone == "+32 470 12 34 56"
    assert view.mandate_problem(date(2026, 11, 23)) is None
    assert view.mandate_problem(date(2027, 8, 1)) == "Mandaat verlopen op 31-07-2027"


@pytest.mark.parametrize(("changes", "field"), [
    ({"contact": PersonEntry("Ans", phone="12345")}, "contact_phone"),
    ({"substitute": PersonEntry("Bob", email="bob@")}, "substitute_email"),
    ({"organisation": ""}, "organisation"),
    ({"role": "  "}, "role"),
    ({"role": "Leerplicht"}, "role"),
    ({"substitute": PersonEntry("marieke hendriks")}, "substitute_name"),
    ({"mandate_valid_from": date(2027, 8, 1)}, "mandate_valid_until"),
])
def test_a_refused_role_names_the_field_and_saves_nothing(services, changes, field):
    location = new_location(services)
    before = services.store.query("SELECT * FROM location_partner"), services.locations.organisations()
    with pytest.raises(ValidationError) as refused:
        services.locations.fill_partner(role(services, location, "Jeugd").partner.id, jgz_entry(**changes))
    assert refused.value.field == field
    assert (services.store.query("SELECT * FROM location_partner"), services.locations.organisations()) == before


def test_a_person_who_leaves_is_replaced_everywhere_in_one_step_keeping_history(services):
    north, south = new_location(services, "Noord"), new_location(services, "Zuid")
    services.locations.fill_partner(role(services, north, "Jeugd").partner.id, jgz_entry())
    # In the south Marieke is only the substitute.
    services.locations.fill_partner(role(services, south, "Jeugd").partner.id, jgz_entry(
        contact=PersonEntry("Ruud Claessens"), substitute=PersonEntry("Marieke Hendriks")))
    marieke = role(services, north, "Jeugd").contact
    assert services.locations.locations_of_contact(marieke.id) == [("Noord", "Jeugdgezondheidszorg (JGZ)"),
                                                                   ("Zuid", "Jeugdgezondheidszorg (JGZ)")]

    change = services.locations.replace_person(marieke.id, PersonEntry("Lotte Vos", phone="045 850 9999"),
                                               reason="andere baan")
    assert len(change.ids) == 2
    assert role(services, north, "Jeugd").contact.name == "Lotte Vos"
    assert role(services, south, "Jeugd").substitute.name == "Lotte Vos"
    assert role(services, south, "Jeugd").contact.name == "Ruud Claessens"
    assert services.locations.contact(marieke.id).left_on == date(2026, 11, 23)
    for location in (north, south):
        history = services.locations.partner_history(role(services, location, "Jeugd").partner.id)
        assert "Marieke Hendriks" in (history[0]["contact"], history[0]["substitute"])
        assert history[0]["reason"] == "andere baan"
    assert services.audit.recent(1)[0].action == "contactpersoon vervangen"


def test_replacing_with_the_same_person_is_refused(services):
    location = new_location(services)
    services.locations.fill_partner(role(services, location, "Jeugd").partner.id, jgz_entry())
    marieke = role(services, location, "Jeugd").contact
    with pytest.raises(ValidationError) as refused:
        services.locations.replace_person(marieke.id, PersonEntry("Marieke Hendriks"))
    assert refused.value.field == "successor_name"


def test_roles_can_be_added_and_removed_and_locations_archived(services):
    location = new_location(services)
    services.locations.add_role(location.id, "Logopedie", PartnerKind.INCIDENTAL)
    with pytest.raises(ValidationError, match="bestaat al"):
        services.locations.add_role(location.id, "logopedie", PartnerKind.INCIDENTAL)
    services.locations.remove_role(role(services, location, "Logopedie").partner.id)
    assert len(services.locations.partners(location.id)) == 6
    services.locations.archive_location(location.id)
    assert services.locations.locations() == []
    assert [x.name for x in services.locations.locations(include_archived=True)] == ["OBS De Regenboog"]


def test_search_matches_names_organisations_roles_and_locations_ignoring_accents(demo_services):
    search = demo_services.directory.search
    assert [h.name for h in search("anais")] == ["Anaïs Dubois"]
    assert [h.name for h in search("BOUZID")] == ["Fatima Bouzid"]
    assert [h.organisation for h in search("leerplicht")] == ["Bureau Leerplicht Parkstad"]
    assert len(search("vlinderboom")) == 6
    assert [h.name for h in search("wijkteam fatima")] == ["Fatima Bouzid"]  # every word must match
    assert search("niemand hier") == []
    assert search("100%") == []  # LIKE wildcards are taken literally


def test_search_filters_structural_incidental_and_mandate_problems(demo_services):
    search = demo_services.directory.search
    assert {h.kind.value for h in search("", kind=PartnerKind.STRUCTURAL)} == {"structureel"}
    assert len(search("", kind=PartnerKind.INCIDENTAL)) == 3
    problems = search("", mandate_problem=True)
    # The demo's one expired mandate ended the day before its held meeting (26-10-2026 for TODAY).
    assert [(h.name, h.mandate_problem) for h in problems] == [("Sven Lemmens", "Mandaat verlopen op 25-10-2026")]


def test_search_answers_with_at_most_the_limit(services):
    location = new_location(services)
    for number in range(SEARCH_LIMIT + 5):
        services.locations.add_role(location.id, f"Extra rol {number}", PartnerKind.INCIDENTAL)
    assert len(services.directory.search("extra")) == SEARCH_LIMIT


def test_a_mandate_date_with_an_impossible_year_is_refused(services):
    location = new_location(services)
    with pytest.raises(ValidationError, match="controleer het jaar") as refused:
        services.locations.fill_partner(role(services, location, "Jeugd").partner.id,
                                        jgz_entry(mandate_valid_until=date(207, 7, 31)))
    assert refused.value.field == "mandate_valid_until"
