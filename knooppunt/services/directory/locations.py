"""Locations and their knooppunt partners (locatie, kernpartners, mandaat)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ...directory.entries import PartnerEntry, PersonEntry
from ...directory.validation import check_year, normalise_email, normalise_phone
from ...domain.directory import (
    INCIDENTAL_ROLES,
    STRUCTURAL_ROLES,
    ContactPerson,
    Location,
    LocationPartner,
    Organisation,
    OrganisationType,
)
from ...domain.enums import LocationType, PartnerKind
from ...domain.limits import LINE_MAX, NAME_MAX, NOTE_MAX, TEXT_MAX, check_fields, check_length
from ...domain.meetings import DEFAULT_AGENDA
from ...errors import ValidationError
from ...storage import Store, UnitOfWork
from ..changes import Change, Entity
from .writes import DirectoryWriter, normalised_entry_fields


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
        return self._store.select(Location, "location", where, order_by=self._store.sql.nocase("name"))

    def location(self, location_id: int) -> Location:
        return self._store.get(Location, "location", location_id)

    def location_by_name(self, name: str) -> Location | None:
        found = self._store.select(Location, "location", f"{self._store.sql.nocase('name')} = {self._store.sql.nocase('?')}", [name.strip()])
        return found[0] if found else None

    def organisation_types(self) -> list[OrganisationType]:
        return self._store.select(OrganisationType, "organisation_type", order_by="name")

    def organisations(self) -> list[Organisation]:
        return self._store.select(Organisation, "organisation", order_by=self._store.sql.nocase("name"))

    def contact(self, contact_id: int) -> ContactPerson:
        return self._store.get(ContactPerson, "contact_person", contact_id)

    def contacts(self, organisation_id: int | None = None, *, include_left: bool = False) -> list[ContactPerson]:
        where, params = [], []
        if organisation_id is not None:
            where.append("organisation_id = ?")
            params.append(organisation_id)
        if not include_left:
            where.append("left_on IS NULL")
        return self._store.select(ContactPerson, "contact_person", " AND ".join(where) or None, params,
                                  order_by=self._store.sql.nocase("name"))

    def organisation_by_name(self, name: str) -> Organisation | None:
        found = self._store.select(Organisation, "organisation", f"{self._store.sql.nocase('name')} = {self._store.sql.nocase('?')}", [name.strip()])
        return found[0] if found else None

    def partner(self, partner_id: int) -> PartnerView:
        found = self._store.get(LocationPartner, "location_partner", partner_id)
        return next(v for v in self.partners(found.location_id) if v.partner.id == partner_id)

    def partner_history(self, partner_id: int) -> list[dict[str, Any]]:
        """Earlier contact persons of a role: name, substitute, until when and why."""
        return self._store.query(
            "SELECT h.valid_until, h.reason, c.name AS contact, s.name AS substitute "
            "FROM location_partner_history h LEFT JOIN contact_person c ON c.id = h.contact_id "
            "LEFT JOIN contact_person s ON s.id = h.substitute_id WHERE h.location_partner_id = ? "
            "ORDER BY h.valid_until DESC, h.id DESC", [partner_id])

    def locations_of_contact(self, contact_id: int) -> list[tuple[str, str]]:
        """(location, role) where this person is the fixed contact or the substitute."""
        rows = self._store.query(
            "SELECT l.name, p.role FROM location_partner p JOIN location l ON l.id = p.location_id "
            "WHERE p.contact_id = ? OR p.substitute_id = ? ORDER BY l.name, p.position", [contact_id, contact_id])
        return [(r["name"], r["role"]) for r in rows]

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
            location_id = self.insert_location(uow, location, with_roles=True)
            uow.audit("locatie aangemaakt", "location", location_id, location.name)
        return replace(location, id=location_id), Change.created(Entity.LOCATION, location_id)

    def insert_location(self, uow: UnitOfWork, location: Location, *, with_roles: bool) -> int:
        """Within a unit of work: the location, its agenda template and (optionally) the default roles."""
        location = _validated(location)
        location_id = uow.insert("location", replace(location, id=None))
        if with_roles:
            for position, (role, _code) in enumerate(STRUCTURAL_ROLES + INCIDENTAL_ROLES):
                kind = PartnerKind.STRUCTURAL if position < len(STRUCTURAL_ROLES) else PartnerKind.INCIDENTAL
                uow.insert("location_partner", LocationPartner(None, location_id, role, kind, position=position))
        for position, (item, minutes) in enumerate(DEFAULT_AGENDA):
            uow.insert(
                "agenda_template_item",
                {"location_id": location_id, "position": position, "kind": item.value,
                 "title": item.label, "minutes": minutes},
            )
        return location_id

    def update_location(self, location: Location) -> Change:
        location = _validated(location)
        other = self.location_by_name(location.name)
        if other and other.id != location.id:
            raise ValidationError("name", f"Er is al een locatie met de naam ‘{location.name}’.")
        assert location.id is not None
        with self._store.unit_of_work() as uow:
            values = {k: v for k, v in location.__dict__.items() if k != "id"}
            uow.update("location", location.id, values)
            uow.audit("locatie gewijzigd", "location", location.id, location.name)
        return Change.updated(Entity.LOCATION, location.id)

    def archive_location(self, location_id: int, *, restore: bool = False) -> Change:
        """Archived locations leave the lists but keep all their history."""
        location = self.location(location_id)
        with self._store.unit_of_work() as uow:
            uow.update("location", location_id, {"archived_on": None if restore else self._store.now().date()})
            uow.audit("locatie teruggezet" if restore else "locatie gearchiveerd", "location", location_id,
                      location.name)
        return Change.updated(Entity.LOCATION, location_id)

    # Organisation types (per municipality: wijkteam, gebiedsteam, CJG, ...) --------------------
    def add_organisation_type(self, name: str) -> Change:
        name = self._check_type_name(name, None)
        with self._store.unit_of_work() as uow:
            type_id = DirectoryWriter(self._store, uow, self._store.now().date()).organisation_type(name)
            uow.audit("organisatiesoort toegevoegd", "organisation_type", type_id, name)
        return Change.created(Entity.ORGANISATION, type_id)

    def rename_organisation_type(self, type_id: int, name: str) -> Change:
        name = self._check_type_name(name, type_id)
        with self._store.unit_of_work() as uow:
            uow.update("organisation_type", type_id, {"name": name})
            uow.audit("organisatiesoort hernoemd", "organisation_type", type_id, name)
        return Change.updated(Entity.ORGANISATION, type_id)

    def _check_type_name(self, name: str, type_id: int | None) -> str:
        name = name.strip()
        if not name:
            raise ValidationError("name", "Geef de soort organisatie een naam, bijv. ‘Gebiedsteam’.")
        if any(name.casefold() in (t.name.casefold(), t.code.casefold()) and t.id != type_id
               for t in self.organisation_types()):
            raise ValidationError("name", f"De soort ‘{name}’ bestaat al.")
        return name

    # Partners (kernpartners) -------------------------------------------------------------------
    def add_role(self, location_id: int, role: str, kind: PartnerKind) -> Change:
        role = role.strip()
        if not role:
            raise ValidationError("role", "Geef de rol een naam, bijv. ‘Logopedie’.")
        if any(v.partner.role.casefold() == role.casefold() for v in self.partners(location_id)):
            raise ValidationError("role", f"De rol ‘{role}’ bestaat al bij deze locatie.")
        with self._store.unit_of_work() as uow:
            writer = DirectoryWriter(self._store, uow, self._store.now().date())
            partner_id = writer.partner(location_id, PartnerEntry(role, "", PartnerKind(kind)), merge=False)
            uow.audit("rol toegevoegd", "location_partner", partner_id, role)
        return Change.created(Entity.PARTNER, partner_id)

    def remove_role(self, partner_id: int) -> Change:
        partner = self._store.get(LocationPartner, "location_partner", partner_id)
        with self._store.unit_of_work() as uow:
            DirectoryWriter(self._store, uow, self._store.now().date()).remove_partner(partner)
            uow.audit("rol verwijderd", "location_partner", partner_id, partner.role)
        return Change.deleted(Entity.PARTNER, partner_id)

    def fill_partner(self, partner_id: int, entry: PartnerEntry) -> Change:
        """Save a role: organisation (new ones are created), fixed contact, substitute and mandate.

        The previous contact and substitute stay in the role's history.
        """
        current = self._store.get(LocationPartner, "location_partner", partner_id)
        entry = validated_entry(entry)
        other = [v for v in self.partners(current.location_id)
                 if v.partner.id != partner_id and v.partner.role.casefold() == entry.role.casefold()]
        if other:
            raise ValidationError("role", f"De rol ‘{entry.role}’ bestaat al bij deze locatie.")
        with self._store.unit_of_work() as uow:
            writer = DirectoryWriter(self._store, uow, self._store.now().date())
            writer.partner(current.location_id, entry, merge=False, partner_id=partner_id)
            uow.audit("kernpartner ingevuld", "location_partner", partner_id,
                      "; ".join(str(c) for c in writer.changes)[:500])
        return Change.updated(Entity.PARTNER, partner_id)

    def replace_person(self, contact_id: int, successor: PersonEntry, *, reason: str = "") -> Change:
        """A person leaves: the successor takes over everywhere they were contact or substitute.

        The person is marked as left (kept, not deleted) and each role keeps them in its history.
        """
        leaving = self.contact(contact_id)
        successor = PersonEntry(**{k: (v.strip() if isinstance(v, str) else v) for k, v in successor.__dict__.items()})
        successor = _validated_person(successor, "successor")
        if successor.name.casefold() == leaving.name.casefold():
            raise ValidationError("successor_name", "Kies een andere persoon dan wie vertrekt.")
        today = self._store.now().date()
        with self._store.unit_of_work() as uow:
            writer = DirectoryWriter(self._store, uow, today)
            assert leaving.organisation_id is not None
            new_id = writer.person(leaving.organisation_id, successor, merge=False)
            roles = self._store.select(LocationPartner, "location_partner", "contact_id = ? OR substitute_id = ?",
                                       [contact_id, contact_id])
            for partner in roles:
                uow.insert("location_partner_history", {
                    "location_partner_id": partner.id, "contact_id": partner.contact_id,
                    "substitute_id": partner.substitute_id, "valid_until": today,
                    "reason": reason.strip() or f"{leaving.name} is vertrokken"})
                values: dict[str, int | None] = {}
                if partner.contact_id == contact_id:
                    values["contact_id"] = new_id
                if partner.substitute_id == contact_id:
                    values["substitute_id"] = None if partner.contact_id == new_id else new_id
                if values.get("contact_id") == partner.substitute_id:
                    values["substitute_id"] = None
                assert partner.id is not None
                uow.update("location_partner", partner.id, values)
            uow.update("contact_person", contact_id, {"left_on": today})
            uow.audit("contactpersoon vervangen", "contact_person", contact_id,
                      f"{leaving.name} → {successor.name} in {len(roles)} rol(len)")
        return Change.updated(Entity.PARTNER, *[p.id for p in roles if p.id is not None])


def validated_entry(entry: PartnerEntry) -> PartnerEntry:
    """Check a role as typed in the partner dialog; ``ValidationError.field`` names the widget."""
    entry = normalised_entry_fields(entry)
    check_fields(entry, {"role": (NAME_MAX, "De rol"), "organisation": (NAME_MAX, "De organisatie"),
                         "organisation_address": (LINE_MAX, "Het adres"), "mandate_category": (NAME_MAX, "De categorie"),
                         "mandate_description": (TEXT_MAX, "Het mandaat")})
    if not entry.role:
        raise ValidationError("role", "Geef de rol een naam.")
    has_people = bool((entry.contact and entry.contact.name) or (entry.substitute and entry.substitute.name))
    if has_people and not entry.organisation:
        raise ValidationError("organisation", "Vul de organisatie in waar de contactpersoon werkt.")
    for field, check in (("organisation_phone", normalise_phone), ("organisation_email", normalise_email)):
        try:
            checked: dict[str, Any] = {field: check(getattr(entry, field))}
            entry = replace(entry, **checked)
        except ValueError as exc:
            raise ValidationError(field, str(exc)) from None
    contact = _validated_person(entry.contact, "contact") if entry.contact and entry.contact.name else None
    substitute = _validated_person(entry.substitute, "substitute") if entry.substitute and entry.substitute.name else None
    if contact and substitute and contact.name.casefold() == substitute.name.casefold():
        raise ValidationError("substitute_name", "De vervanger is dezelfde persoon als de vaste contactpersoon.")
    for field in ("mandate_valid_from", "mandate_valid_until"):
        try:
            check_year(getattr(entry, field))
        except ValueError as exc:
            raise ValidationError(field, str(exc)) from None
    if entry.mandate_valid_from and entry.mandate_valid_until and entry.mandate_valid_until < entry.mandate_valid_from:
        raise ValidationError("mandate_valid_until", "Het mandaat eindigt vóór het begint.")
    return replace(entry, contact=contact, substitute=substitute)


def _validated_person(person: PersonEntry, prefix: str) -> PersonEntry:
    for field, limit, label in (("name", NAME_MAX, "De naam"), ("function", NAME_MAX, "De functie"),
                                ("availability", LINE_MAX, "De beschikbaarheid"), ("note", TEXT_MAX, "De notitie")):
        check_length(f"{prefix}_{field}", getattr(person, field), limit, label)
    if not person.name:
        raise ValidationError(f"{prefix}_name", "Vul de naam in.")
    try:
        phone = normalise_phone(person.phone)
    except ValueError as exc:
        raise ValidationError(f"{prefix}_phone", str(exc)) from None
    try:
        mobile = normalise_phone(person.mobile)
    except ValueError as exc:
        raise ValidationError(f"{prefix}_mobile", str(exc)) from None
    try:
        email = normalise_email(person.email)
    except ValueError as exc:
        raise ValidationError(f"{prefix}_email", str(exc)) from None
    return replace(person, phone=phone, mobile=mobile, email=email)


def _validated(location: Location) -> Location:
    check_fields(location, {"address": (LINE_MAX, "Het adres"), "composition": (TEXT_MAX, "De samenstelling"),
                            "working_agreements": (NOTE_MAX, "De werkafspraken")})
    name = location.name.strip()
    if not name:
        raise ValidationError("name", "Geef de locatie een naam.")
    if len(name) > 120:
        raise ValidationError("name", "De naam van de locatie is te lang (hoogstens 120 tekens).")
    try:
        kind = LocationType(location.type)
    except ValueError:
        raise ValidationError("type", "Kies het soort locatie (kinderopvang, voorschool, PO, VO, MBO of SO).") from None
    if not 1 <= location.frequency_weeks <= 52:
        raise ValidationError("frequency_weeks", "De frequentie ligt tussen 1 en 52 weken.")
    try:
        phone = normalise_phone(location.phone)
    except ValueError as exc:
        raise ValidationError("phone", str(exc)) from None
    return replace(location, name=name, type=kind, phone=phone)
