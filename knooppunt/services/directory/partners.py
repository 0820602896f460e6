"""The partner directory across locations: search, import (preview, then all or nothing), export."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from ...directory import csv_io, directory_file, vcard
from ...directory.entries import DirectoryData, PartnerEntry
from ...directory.report import ImportRefused
from ...domain.directory import Location, LocationPartner
from ...domain.enums import PartnerKind
from ...errors import KnooppuntError
from ...exports import write_export
from ...storage import Store, UnitOfWork
from ...storage.folding import fold
from ..changes import Change, Entity
from .locations import LocationService
from .writes import CHANGED, KEPT, NEW, REMOVED, DirectoryChange, DirectoryWriter

SEARCH_LIMIT = 200


@dataclass(frozen=True)
class SearchHit:
    """A person (or an unfilled role) found by the search box."""

    location: str
    role: str
    kind: PartnerKind | None
    organisation: str
    name: str
    function: str
    phone: str
    email: str
    substitute: str
    mandate_problem: str | None
    location_id: int | None
    partner_id: int | None
    contact_id: int | None


@dataclass(frozen=True)
class ImportPlan:
    """What an import would change; applied as a whole or not at all."""

    location_id: int | None  # None: the location is created from the directory file
    location_name: str
    data: DirectoryData
    changes: tuple[DirectoryChange, ...]

    def count(self, action: str) -> int:
        return sum(1 for c in self.changes if c.action == action)

    @property
    def summary(self) -> str:
        if not self.changes:
            return "Geen verschillen: het adresboek is al gelijk aan het bestand"
        kept = f", {self.count(KEPT)} blijft staan (komt voor in besprekingen)" if self.count(KEPT) else ""
        return f"{self.count(NEW)} nieuw, {self.count(CHANGED)} gewijzigd, {self.count(REMOVED)} verwijderd{kept}"


class _DryRun(Exception):
    pass


class DirectoryService:
    def __init__(self, store: Store, locations: LocationService) -> None:
        self._store = store
        self._locations = locations

    # Search ----------------------------------------------------------------------------------
    def search(self, text: str, *, kind: PartnerKind | None = None, mandate_problem: bool = False,
               limit: int = SEARCH_LIMIT) -> list[SearchHit]:
        """Every word must match a name, organisation, role, function or location (case-insensitive)."""
        today = self._store.now().date()
        folded = self._store.sql.fold
        words = [w for w in text.split() if w][:6]
        match: list[str] = []
        params: list[object] = []
        for word in words:
            like = _like(word)
            match.append("(" + " OR ".join(f"{folded(col)} LIKE ? ESCAPE '\\'" for col in _SEARCH_COLUMNS) + ")")
            params += [like] * len(_SEARCH_COLUMNS)
        where = ["l.archived_on IS NULL", *match]
        if kind is not None:
            where.append("p.kind = ?")
            params.append(kind.value)
        if mandate_problem:
            where.append("((p.mandate_category = '' AND p.mandate_description = '') OR p.mandate_valid_until < ? "
                         "OR p.mandate_valid_from > ?)")
            params += [today, today]
        rows = self._store.query(_SEARCH_SQL.format(where=" AND ".join(where), location=self._store.sql.nocase("l.name")),
                                 [*params, limit])
        hits = [_hit(row, today) for row in rows]
        if kind is None and not mandate_problem and len(hits) < limit:
            hits += self._loose_contacts(words, limit - len(hits))
        return hits

    def _loose_contacts(self, words: list[str], limit: int) -> list[SearchHit]:
        """People in the directory who are nobody's contact (yet), e.g. imported from Outlook."""
        match: list[str] = []
        params: list[object] = []
        for word in words:
            like = _like(word)
            match.append("(" + " OR ".join(f"{self._store.sql.fold(col)} LIKE ? ESCAPE '\\'"
                                           for col in ("c.name", "o.name", "c.function")) + ")")
            params += [like] * 3
        where = " AND ".join(["c.left_on IS NULL", _UNLINKED, *match])
        rows = self._store.query(
            "SELECT c.id, c.name, c.function, c.phone, c.email, o.name AS organisation FROM contact_person c "
            f"LEFT JOIN organisation o ON o.id = c.organisation_id WHERE {where} "
            f"ORDER BY {self._store.sql.nocase('c.name')} LIMIT ?", [*params, limit])
        return [SearchHit("", "", None, r["organisation"] or "", r["name"], r["function"], r["phone"], r["email"],
                          "", None, None, None, r["id"]) for r in rows]

    # Import ----------------------------------------------------------------------------------
    def read(self, path: Path) -> DirectoryData:
        """A CSV file or a directory file, checked completely; ``ImportRefused`` lists every bad row."""
        data = csv_io.read_file_bytes(path)
        if directory_file.looks_like_directory_file(data):
            return directory_file.parse(data, source=path.name)
        return csv_io.parse_csv(data, source=path.name)

    def plan_import(self, location_name: str, data: DirectoryData) -> ImportPlan:
        """Compute the differences by applying the import in a transaction that is rolled back."""
        location = self._locations.location_by_name(location_name)
        if location is None and data.location is None:
            raise KnooppuntError(f"Er is geen locatie ‘{location_name}’. Maak de locatie eerst aan, "
                                 "of importeer een adresboekbestand (dat maakt de locatie zelf aan).")
        changes: list[DirectoryChange] = []
        try:
            with self._store.unit_of_work() as uow:
                writer = self._apply(uow, location, location_name, data)
                changes = writer.changes
                raise _DryRun
        except _DryRun:
            pass
        return ImportPlan(location.id if location else None, location_name.strip(), data, tuple(changes))

    def apply_import(self, plan: ImportPlan) -> Change:
        location = self._locations.location_by_name(plan.location_name)
        with self._store.unit_of_work() as uow:
            writer = self._apply(uow, location, plan.location_name, plan.data)
            uow.audit("adresboek geïmporteerd", "location", writer.location_id,
                      f"{plan.data.source}: {plan.summary}"[:500])
        return Change.updated(Entity.PARTNER, *sorted(writer.partner_ids))

    def plan_many(self, items: Sequence[DirectoryData],
                  people: Sequence[PartnerEntry] = ()) -> tuple[DirectoryChange, ...]:
        """The differences of several directory files at once, in one transaction that is rolled back.

        Each item names its own location; organisations shared by locations are counted once.
        """
        changes: list[DirectoryChange] = []
        try:
            with self._store.unit_of_work() as uow:
                changes, _ids = self._apply_many(uow, items, people)
                raise _DryRun
        except _DryRun:
            pass
        return tuple(changes)

    def apply_many(self, uow: UnitOfWork, items: Sequence[DirectoryData],
                   people: Sequence[PartnerEntry] = ()) -> tuple[list[DirectoryChange], set[int]]:
        """Apply several directory files inside the caller's unit of work (all or nothing).

        ``people`` are contact-only entries (no role): added or updated in their organisation.
        """
        return self._apply_many(uow, items, people)

    def _apply_many(self, uow: UnitOfWork, items: Sequence[DirectoryData],
                    people: Sequence[PartnerEntry] = ()) -> tuple[list[DirectoryChange], set[int]]:
        changes: list[DirectoryChange] = []
        ids: set[int] = set()
        for data in items:
            if data.location is None:
                raise KnooppuntError("Een adresboek zonder locatie kan niet voor meer locaties tegelijk.")
            name = data.location.name
            writer = self._apply(uow, self._locations.location_by_name(name), name, data)
            changes += [replace(change, location=name) for change in writer.changes]
            ids |= writer.partner_ids
        if people:
            writer = DirectoryWriter(self._store, uow, self._store.now().date())
            for entry in people:
                if entry.contact is not None:
                    writer.person(writer.organisation_of(entry), entry.contact, merge=False)
            changes += writer.changes
        return changes, ids

    def _apply(self, uow: UnitOfWork, location: Location | None, name: str, data: DirectoryData) -> DirectoryWriter:
        writer = DirectoryWriter(self._store, uow, self._store.now().date())
        if location is None:
            assert data.location is not None  # a file without its location is refused when read
            new = replace(data.location, name=name.strip())
            writer.location_id = self._locations.insert_location(uow, new, with_roles=False)
            writer.changes.append(DirectoryChange(NEW, "Locatie", new.name))
        else:
            writer.location_id = location.id
            if data.location is not None:
                self._update_location(uow, writer, location, data.location)
        merge = not data.authoritative
        for entry in data.partners:
            if entry.role:
                assert writer.location_id is not None
                writer.partner(writer.location_id, entry, merge=merge)
            elif entry.contact:
                org_id = writer.organisation_of(entry)
                writer.person(org_id, entry.contact, merge=merge)
        if data.authoritative:
            keep = {e.role.casefold() for e in data.partners}
            for partner in self._store.select(LocationPartner, "location_partner", "location_id = ?",
                                              [writer.location_id]):
                if partner.role.casefold() not in keep:
                    writer.remove_partner(partner, keep_if_used=True)
        return writer

    def _update_location(self, uow: UnitOfWork, writer: DirectoryWriter, current: Location, incoming: Location) -> None:
        keys = ("type", "address", "postcode", "city", "phone", "frequency_weeks", "composition", "working_agreements")
        differences = {k: getattr(incoming, k) for k in keys if getattr(incoming, k) != getattr(current, k)}
        if differences:
            assert current.id is not None
            uow.update("location", current.id, differences)
            writer.changes.append(DirectoryChange(CHANGED, "Locatie", current.name, ", ".join(_LOCATION_LABELS[k]
                                                                                             for k in differences)))

    # Export ----------------------------------------------------------------------------------
    def export(self, location_id: int, path: Path, fmt: str) -> None:
        """Write the location's directory as ``csv``, ``vcard``, ``directory`` or ``pdf``."""
        location = self._locations.location(location_id)
        views = self._locations.partners(location_id)
        types = {t.id: t.name for t in self._locations.organisation_types() if t.id is not None}
        if fmt == "csv":
            data = csv_io.csv_bytes(csv_io.csv_rows(views, types))
        elif fmt == "vcard":
            data = vcard.vcards(views, location.name).encode("utf-8")
        elif fmt == "directory":
            data = directory_file.dump(location, views, types, made_by=self._store.actor, made_at=self._store.now())
        elif fmt == "pdf":
            from ...directory.contact_list import contact_list_pdf

            data = contact_list_pdf(location, views, today=self._store.now().date(), made_by=self._store.actor)
        else:
            raise KnooppuntError(f"Onbekend formaat ‘{fmt}’: kies csv, vcard, directory of pdf.")
        self.save_rendered(location_id, path, data, fmt)

    def save_rendered(self, location_id: int, path: Path, data: bytes, fmt: str) -> None:
        """Write an export and log who took the location's contact data where."""
        write_export(self._store, Path(path), data, action=f"adresboek geëxporteerd ({fmt})",
                     table="location", record_id=location_id, detail=Path(path).name)


_SEARCH_COLUMNS = ("l.name", "p.role", "o.name", "c.name", "s.name", "c.function")
_SEARCH_SQL = """
SELECT l.id AS location_id, l.name AS location, p.id AS partner_id, p.role, p.kind,
       o.name AS organisation, c.id AS contact_id, c.name, c.function, c.phone, c.email, s.name AS substitute,
       p.mandate_category, p.mandate_description, p.mandate_valid_from, p.mandate_valid_until
FROM location_partner p
JOIN location l ON l.id = p.location_id
LEFT JOIN organisation o ON o.id = p.organisation_id
LEFT JOIN contact_person c ON c.id = p.contact_id
LEFT JOIN contact_person s ON s.id = p.substitute_id
WHERE {where}
ORDER BY {location}, p.kind DESC, p.position
LIMIT ?
"""
_UNLINKED = ("NOT EXISTS (SELECT 1 FROM location_partner lp WHERE lp.contact_id = c.id) "
             "AND NOT EXISTS (SELECT 1 FROM location_partner lp WHERE lp.substitute_id = c.id)")
_LOCATION_LABELS = {"type": "soort", "address": "adres", "postcode": "postcode", "city": "plaats",
                    "phone": "telefoon", "frequency_weeks": "frequentie", "composition": "samenstelling",
                    "working_agreements": "werkafspraken"}


def _like(word: str) -> str:
    escaped = fold(word).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _hit(row: dict[str, Any], today: date) -> SearchHit:
    partner = LocationPartner(
        row["partner_id"], row["location_id"], row["role"], PartnerKind(row["kind"]),
        mandate_category=row["mandate_category"], mandate_description=row["mandate_description"],
        mandate_valid_from=date.fromisoformat(row["mandate_valid_from"]) if row["mandate_valid_from"] else None,
        mandate_valid_until=date.fromisoformat(row["mandate_valid_until"]) if row["mandate_valid_until"] else None)
    return SearchHit(row["location"], row["role"], partner.kind, row["organisation"] or "", row["name"] or "",
                     row["function"] or "", row["phone"] or "", row["email"] or "", row["substitute"] or "",
                     partner.mandate.problem_on(today), row["location_id"], row["partner_id"], row["contact_id"])


__all__ = ["DirectoryService", "ImportPlan", "ImportRefused", "SearchHit"]
