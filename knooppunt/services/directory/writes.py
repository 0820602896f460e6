"""Writing the directory inside one unit of work, shared by the partner dialog and the imports.

``DirectoryWriter`` finds or creates organisations and contact persons by name, fills a role
(keeping the previous contact in the history) and notes every difference as a ``DirectoryChange``
so an import can show them before it is applied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any, TypeVar

from ...directory.entries import PartnerEntry, PersonEntry
from ...domain.directory import (
    INCIDENTAL_ROLES,
    STRUCTURAL_ROLES,
    ContactPerson,
    LocationPartner,
    Organisation,
    OrganisationType,
)
from ...domain.enums import PartnerKind
from ...errors import ValidationError
from ...storage import Store, UnitOfWork

NEW, CHANGED, REMOVED = "nieuw", "gewijzigd", "verwijderd"
KEPT = "blijft"  # a role missing from an authoritative file that is part of the record
_ROLE_TYPES = {role.casefold(): code for role, code in STRUCTURAL_ROLES + INCIDENTAL_ROLES}
_PERSON_LABELS = {"function": "functie", "phone": "telefoon", "mobile": "mobiel", "email": "e-mail",
                  "availability": "beschikbaarheid", "note": "notitie"}


@dataclass(frozen=True)
class DirectoryChange:
    """One difference an import or edit makes: ``action`` is nieuw, gewijzigd or verwijderd."""

    action: str
    what: str  # Rol, Organisatie, Contactpersoon, Locatie
    name: str
    detail: str = ""
    location: str = ""  # set when one update covers many locations (the regional directory)

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.what} ‘{self.name}’ {self.action}" + (f": {self.detail}" if self.detail else "")


class DirectoryWriter:
    def __init__(self, store: Store, uow: UnitOfWork, today: date) -> None:
        self._store = store
        self._uow = uow
        self._today = today
        self.changes: list[DirectoryChange] = []
        self.partner_ids: set[int] = set()
        self.location_id: int | None = None

    # Organisations ---------------------------------------------------------------------------
    def organisation_type(self, text: str, role: str = "") -> int:
        """A type by code or name; unknown text becomes a new type (types differ per municipality)."""
        text = text.strip() or _ROLE_TYPES.get(role.strip().casefold(), "") or "OVERIG"
        for t in self._store.select(OrganisationType, "organisation_type"):
            if text.casefold() in (t.code.casefold(), t.name.casefold()):
                assert t.id is not None
                return t.id
        code = re.sub(r"[^A-Z0-9]", "", text.upper())[:12] or "SOORT"
        while self._store.count("organisation_type", "code = ?", [code]):
            code = code[:10] + str(self._store.count("organisation_type") + 1)
        name = "Overig" if text == "OVERIG" else text
        self.changes.append(DirectoryChange(NEW, "Soort organisatie", name))
        return self._uow.insert("organisation_type", OrganisationType(None, code, name))

    def organisation(self, name: str, type_text: str = "", role: str = "", *, phone: str = "", email: str = "",
                     address: str = "") -> int:
        """Found by name (its type is kept), else added. Empty details never erase known ones."""
        details = {"phone": phone.strip(), "email": email.strip(), "address": address.strip()}
        found = self._store.select(Organisation, "organisation", f"{self._store.sql.nocase('name')} = {self._store.sql.nocase('?')}", [name.strip()])
        if found:
            current = found[0]
            updates = {k: v for k, v in details.items() if v and v != getattr(current, k)}
            assert current.id is not None
            if updates:
                self._uow.update("organisation", current.id, updates)
                labels = {"phone": "telefoon", "email": "e-mail", "address": "adres"}
                detail = ", ".join(f"{labels[k]} ‘{getattr(current, k)}’ → ‘{v}’" for k, v in updates.items())
                self.changes.append(DirectoryChange(CHANGED, "Organisatie", current.name, detail))
            return current.id
        type_id = self.organisation_type(type_text, role)
        self.changes.append(DirectoryChange(NEW, "Organisatie", name.strip()))
        return self._uow.insert("organisation", Organisation(None, name.strip(), type_id, **details))

    def organisation_of(self, entry: PartnerEntry) -> int:
        return self.organisation(entry.organisation, entry.organisation_type, entry.role,
                                 phone=entry.organisation_phone, email=entry.organisation_email,
                                 address=entry.organisation_address)

    # People ----------------------------------------------------------------------------------
    def person(self, organisation_id: int, entry: PersonEntry, *, merge: bool) -> int:
        """Find the (still working) person by name in the organisation, else add them.

        ``merge``: empty values from a file do not erase what is known (an import); otherwise
        the entry is the whole truth (the partner dialog).
        """
        found = self._store.select(
            ContactPerson, "contact_person", f"organisation_id = ? AND {self._store.sql.nocase('name')} = {self._store.sql.nocase('?')} AND left_on IS NULL",
            [organisation_id, entry.name.strip()], order_by="id",
        )
        if not found:
            self.changes.append(DirectoryChange(NEW, "Contactpersoon", entry.name))
            return self._uow.insert("contact_person", ContactPerson(
                None, entry.name.strip(), organisation_id, entry.function, entry.phone, entry.email,
                entry.availability, entry.note, mobile=entry.mobile))
        current = found[0]
        updates = {}
        for key in _PERSON_LABELS:
            new = getattr(entry, key)
            if (new or not merge) and new != getattr(current, key):
                updates[key] = new
        assert current.id is not None
        if updates:
            self._uow.update("contact_person", current.id, updates)
            detail = ", ".join(f"{_PERSON_LABELS[k]} ‘{getattr(current, k)}’ → ‘{v}’" for k, v in updates.items())
            self.changes.append(DirectoryChange(CHANGED, "Contactpersoon", current.name, detail))
        return current.id

    # Roles -----------------------------------------------------------------------------------
    def partner(self, location_id: int, entry: PartnerEntry, *, merge: bool, partner_id: int | None = None) -> int:
        """Fill (or add) the role ``entry.role`` at the location with organisation, people and mandate."""
        current = self._find_role(location_id, entry.role, partner_id)
        org_id = contact_id = substitute_id = None
        if entry.organisation.strip():
            org_id = self.organisation_of(entry)
            if entry.contact and entry.contact.name.strip():
                contact_id = self.person(org_id, entry.contact, merge=merge)
            if entry.substitute and entry.substitute.name.strip():
                substitute_id = self.person(org_id, entry.substitute, merge=merge)
        values: dict[str, Any] = {
            "role": entry.role.strip(), "organisation_id": org_id, "contact_id": contact_id,
            "substitute_id": substitute_id, "mandate_category": entry.mandate_category.strip(),
            "mandate_description": entry.mandate_description.strip(),
            "mandate_valid_from": entry.mandate_valid_from, "mandate_valid_until": entry.mandate_valid_until,
        }
        if current is None:
            kind = entry.kind or PartnerKind.INCIDENTAL
            position = self._store.scalar("SELECT coalesce(max(position) + 1, 0) FROM location_partner "
                                          "WHERE location_id = ?", [location_id])
            new_id = self._uow.insert("location_partner", LocationPartner(
                None, location_id, kind=kind, position=position, **values))
            who = [entry.organisation.strip(), entry.contact.name.strip() if entry.contact and org_id else ""]
            detail = ", ".join(x for x in [kind.label.lower(), *who] if x)
            self.changes.append(DirectoryChange(NEW, "Rol", entry.role.strip(), detail))
            self.partner_ids.add(new_id)
            return new_id
        if entry.kind:
            values["kind"] = entry.kind
        assert current.id is not None
        differences = {k: v for k, v in values.items() if v != getattr(current, k)}
        if differences:
            if {"contact_id", "substitute_id"} & differences.keys() and (current.contact_id or current.substitute_id):
                self._uow.insert("location_partner_history", {
                    "location_partner_id": current.id, "contact_id": current.contact_id,
                    "substitute_id": current.substitute_id, "valid_until": self._today,
                    "reason": "andere contactpersoon"})
            self._uow.update("location_partner", current.id, differences)
            self.changes.append(DirectoryChange(CHANGED, "Rol", current.role, self._describe(current, differences)))
            self.partner_ids.add(current.id)
        return current.id

    def remove_partner(self, partner: LocationPartner, *, keep_if_used: bool = False) -> bool:
        """Remove a role that never took part in a discussion and has no history.

        A role that is part of the record is kept: with ``keep_if_used`` (an import) it is noted
        as *blijft*, otherwise removing it is refused with ``ValidationError``.
        """
        assert partner.id is not None
        reason = role_in_use(self._store, partner.id)
        if reason:
            if keep_if_used:
                self.changes.append(DirectoryChange(KEPT, "Rol", partner.role, f"kan niet worden verwijderd: {reason}"))
                return False
            raise ValidationError("role", f"De rol ‘{partner.role}’ kan niet worden verwijderd: {reason}. "
                                          "Laat de rol staan (eventueel zonder contactpersoon), dan blijft de "
                                          "geschiedenis kloppen.")
        self._uow.delete("location_partner", "id = ?", [partner.id])
        self.changes.append(DirectoryChange(REMOVED, "Rol", partner.role))
        self.partner_ids.add(partner.id)
        return True

    def _find_role(self, location_id: int, role: str, partner_id: int | None) -> LocationPartner | None:
        if partner_id is not None:
            return self._store.get(LocationPartner, "location_partner", partner_id)
        found = self._store.select(LocationPartner, "location_partner", f"location_id = ? AND {self._store.sql.nocase('role')} = {self._store.sql.nocase('?')}",
                                   [location_id, role.strip()], order_by="id")
        return found[0] if found else None

    def _describe(self, current: LocationPartner, differences: dict[str, Any]) -> str:
        parts = []
        names = {"organisation_id": ("organisatie", "organisation", "name"),
                 "contact_id": ("contactpersoon", "contact_person", "name"),
                 "substitute_id": ("vervanger", "contact_person", "name")}
        for key, new in differences.items():
            if key in names:
                label, table, column = names[key]
                old_name = self._name(table, getattr(current, key))
                parts.append(f"{label} ‘{old_name}’ → ‘{self._name(table, new)}’")
            elif key.startswith("mandate"):
                parts.append(_mandate_difference(key, getattr(current, key), new))
            elif key == "kind":
                parts.append(f"soort → {PartnerKind(new).label.lower()}")
            elif key == "role":
                parts.append(f"naam → ‘{new}’")
        return ", ".join(parts)

    def _name(self, table: str, record_id: int | None) -> str:
        if record_id is None:
            return "—"
        return self._store.scalar(f'SELECT name FROM "{table}" WHERE id = ?', [record_id]) or "—"


_MANDATE_LABELS = {"mandate_category": "mandaat", "mandate_description": "mandaat (omschrijving)",
                   "mandate_valid_from": "mandaat geldig vanaf", "mandate_valid_until": "mandaat geldig tot"}


def _mandate_difference(key: str, old: object, new: object) -> str:
    """What changed in a mandate, e.g. ``mandaat geldig tot 31-07-2027 → 31-12-2027``."""
    def shown(value: object) -> str:
        if isinstance(value, date):
            return f"{value:%d-%m-%Y}"
        return "—" if value in (None, "") else f"‘{value}’"

    if key == "mandate_description":
        return _MANDATE_LABELS[key]
    return f"{_MANDATE_LABELS[key]} {shown(old)} → {shown(new)}"


def role_in_use(store: Store, partner_id: int) -> str | None:
    """Why a role must stay: it took part in discussions (participants, decisions) or has history."""
    if store.scalar("SELECT EXISTS (SELECT 1 FROM participant WHERE location_partner_id = ?) "
                    "OR EXISTS (SELECT 1 FROM decision WHERE location_partner_id = ?)", [partner_id, partner_id]):
        return "komt voor in besprekingen"
    if store.count("location_partner_history", "location_partner_id = ?", [partner_id]):
        return "heeft een geschiedenis van eerdere contactpersonen"
    return None


E = TypeVar("E", PartnerEntry, PersonEntry)


def normalised_entry_fields(entry: PartnerEntry) -> PartnerEntry:
    """Strip every text field of the entry and its people."""
    def strip(obj: E) -> E:
        return replace(obj, **{f.name: getattr(obj, f.name).strip() for f in fields(obj)
                               if isinstance(getattr(obj, f.name), str)})
    entry = strip(entry)
    return replace(entry, contact=strip(entry.contact) if entry.contact else None,
                   substitute=strip(entry.substitute) if entry.substitute else None)
