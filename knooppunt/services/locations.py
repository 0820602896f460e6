"""Locations and their knooppunt partners (locatie, kernpartners, mandaat)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ..domain.directory import (
    INCIDENTAL_ROLES,
    STRUCTURAL_ROLES,
    ContactPerson,
    Location,
    LocationPartner,
    Organisation,
    OrganisationType,
)
from ..domain.enums import LocationType, PartnerKind
from ..domain.meetings import DEFAULT_AGENDA
from ..errors import ValidationError
from ..storage import Store
from .changes import Change


@dataclass(frozen=True)
class PartnerView:
    """A location partner with the names the screens and documents need."""

    partner: LocationPartner
    organisation: Organisation | None
    contact: ContactPerson | None
    substitute: ContactPerson | None

    def mandate_problem(self, day: date) -> str | None:
        return self.partner.mandate.problem_on(day)


class LocationService:
    def __init__(self, store: Store) -> None:
        self._store = store

    # Reads ---------------------------------------------------------------------------------
    def locations(self, *, include_archived: bool = False) -> list[Location]:
        where = None if include_archived else "archived_on IS NULL"
        return self._store.select(Location, "location", where, order_by="name COLLATE NOCASE")

    def location(self, location_id: int) -> Location:
        return self._store.get(Location, "location", location_id)

    def location_by_name(self, name: str) -> Location | None:
        found = self._store.select(Location, "location", "name = ? COLLATE NOCASE", [name.strip()])
        return found[0] if found else None

    def organisation_types(self) -> list[OrganisationType]:
        return self._store.select(OrganisationType, "organisation_type", order_by="name")

    def organisations(self) -> list[Organisation]:
        return self._store.select(Organisation, "organisation", order_by="name COLLATE NOCASE")

    def contact(self, contact_id: int) -> ContactPerson:
        return self._store.get(ContactPerson, "contact_person", contact_id)

    def partners(self, location_id: int) -> list[PartnerView]:
        partners = self._store.select(
            LocationPartner, "location_partner", "location_id = ?", [location_id], order_by="kind desc, position, id"
        )
        orgs = {o.id: o for o in self.organisations()}
        ids = {i for p in partners for i in (p.contact_id, p.substitute_id) if i is not None}
        contacts = {}
        if ids:
            marks = ",".join("?" * len(ids))
            contacts = {
                c.id: c for c in self._store.select(ContactPerson, "contact_person", f"id IN ({marks})", sorted(ids))
            }
        return [
            PartnerView(
                p,
                orgs.get(p.organisation_id),
                contacts.get(p.contact_id),
                contacts.get(p.substitute_id),
            )
            for p in partners
        ]

    # Writes --------------------------------------------------------------------------------
    def create_location(self, location: Location) -> tuple[Location, Change]:
        """A new location starts with the structural and incidental roles waiting to be filled."""
        location = _validated(location)
        if self.location_by_name(location.name):
            raise ValidationError("name", f"Er is al een locatie met de naam ‘{location.name}’.")
        with self._store.unit_of_work() as uow:
            location_id = uow.insert("location", replace(location, id=None))
            for position, (role, _code) in enumerate(STRUCTURAL_ROLES + INCIDENTAL_ROLES):
                kind = PartnerKind.STRUCTURAL if position < len(STRUCTURAL_ROLES) else PartnerKind.INCIDENTAL
                uow.insert(
                    "location_partner",
                    LocationPartner(None, location_id, role, kind, position=position),
                )
            for position, (kind, minutes) in enumerate(DEFAULT_AGENDA):
                uow.insert(
                    "agenda_template_item",
                    {"location_id": location_id, "position": position, "kind": kind.value,
                     "title": kind.label, "minutes": minutes},
                )
            uow.audit("locatie aangemaakt", "location", location_id, location.name)
        return replace(location, id=location_id), Change.created("location", location_id)

    def update_location(self, location: Location) -> Change:
        location = _validated(location)
        other = self.location_by_name(location.name)
        if other and other.id != location.id:
            raise ValidationError("name", f"Er is al een locatie met de naam ‘{location.name}’.")
        with self._store.unit_of_work() as uow:
            values = {k: v for k, v in location.__dict__.items() if k != "id"}
            uow.update("location", location.id, values)
            uow.audit("locatie gewijzigd", "location", location.id, location.name)
        return Change.updated("location", location.id)


def _validated(location: Location) -> Location:
    name = location.name.strip()
    if not name:
        raise ValidationError("name", "Geef de locatie een naam.")
    if len(name) > 120:
        raise ValidationError("name", "De naam van de locatie is te lang (hoogstens 120 tekens).")
    try:
        kind = LocationType(location.type)
    except ValueError:
        raise ValidationError("type", "Kies het soort locatie (kinderopvang, voorschool, PO, VO, MBO of SO).")
    if not 1 <= location.frequency_weeks <= 52:
        raise ValidationError("frequency_weeks", "De frequentie ligt tussen 1 en 52 weken.")
    return replace(location, name=name, type=kind)
