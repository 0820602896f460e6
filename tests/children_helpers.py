"""Small builders for the children/consent/case tests (issue 4): a location with two partners."""

from __future__ import annotations

from datetime import date

from knooppunt.domain.children import Child, Consent, Guardian
from knooppunt.domain.directory import Location, Organisation
from knooppunt.domain.enums import ConsentGiver, ConsentMethod, LocationType


def make_location(services, name="Basisschool De Linde", kind=LocationType.PO) -> tuple[int, dict[str, int]]:
    """A location and two organisations (JGZ, leerplicht); returns (location id, {code: organisation id})."""
    location, _ = services.locations.create_location(Location(None, name, kind))
    types = {t.code: t.id for t in services.locations.organisation_types()}
    orgs = {}
    with services.store.unit_of_work() as uow:
        for code, org in (("JGZ", f"JGZ {name}"), ("LP", f"Leerplicht {name}")):
            orgs[code] = uow.insert("organisation", Organisation(None, org, types[code]))
        uow.audit("test", "organisation", None)
    return location.id, orgs


def make_family(services, location_id: int, born=date(2017, 5, 1)) -> tuple[int, list[int]]:
    child, _ = services.children.create_child(Child(None, location_id, "Lotte", "Smit", born, "groep 5"))
    mother, _ = services.children.add_guardian(Guardian(None, child.id, "Eva Smit", "moeder", True,
                                                        email="eva@example.nl"))
    father, _ = services.children.add_guardian(Guardian(None, child.id, "Joost Smit", "vader", True,
                                                        address="Kerkstraat 2, Heerlen"))
    return child.id, [mother.id, father.id]


def give_consent(services, child_id, guardian_id, orgs=(), *, transfer=False, on=date(2026, 11, 1)) -> int:
    giver = ConsentGiver.GUARDIAN if guardian_id else ConsentGiver.CHILD
    consent, _ = services.consent.record(Consent(None, child_id, giver, guardian_id, on, ConsentMethod.WRITTEN,
                                                 for_transfer=transfer, organisation_ids=tuple(orgs)))
    return consent.id
