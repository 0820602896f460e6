"""Children (kinderen) and their parents/guardians: reads for the screens, checked writes."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ...domain.child_rules import checked_child, checked_guardian
from ...domain.children import Case, Child, Consent, Guardian
from ...domain.directory import Location
from ...errors import ValidationError
from ...storage import Store
from ...storage.folding import search_text
from ...storage.mapping import from_row
from ..changes import Change, Entity


@dataclass(frozen=True)
class ChildView:
    child: Child
    location_name: str
    case_phase: str | None


class ChildService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def children(self, *, location_id: int | None = None, search: str = "", limit: int | None = None) -> list[ChildView]:
        where = ["c.archived_on IS NULL"]
        params: list[object] = []
        if location_id is not None:
            where.append("c.location_id = ?")
            params.append(location_id)
        typed = search_text(search)
        if len(typed) >= 3:  # the trigram index finds the few matching rows
            found, found_params = self._store.sql.search_index("child_search", ("name",), search)
            where.append(f"c.id IN ({found})")
            params += found_params
        elif typed:  # one or two letters match most children: walk the list's order, stop at ``limit``
            where.append(self._store.sql.contains("c.search_name", "?"))
            params.append(typed)
        by_name = f"{self._store.sql.nocase('c.last_name')}, {self._store.sql.nocase('c.first_name')}"
        # Pick the ids first; the case phase (a subquery) is worked out only for the rows shown.
        rows = self._store.query(
            "SELECT c.*, l.name AS location_name, "
            "(SELECT phase FROM child_case k WHERE k.child_id = c.id ORDER BY k.id DESC LIMIT 1) AS case_phase "
            "FROM (SELECT c.id FROM child c "
            f"WHERE {' AND '.join(where)} ORDER BY {by_name}"
            + (f" LIMIT {int(limit)}" if limit else "") + ") AS picked "
            "JOIN child c ON c.id = picked.id JOIN location l ON l.id = c.location_id "
            f"ORDER BY {by_name}",
            params,
        )
        return [ChildView(from_row(Child, r), r["location_name"], r["case_phase"]) for r in rows]

    def count(self, *, location_id: int | None = None) -> int:
        """How many (not archived) children there are, for "200 van 20.000 getoond"."""
        if location_id is None:
            return self._store.count("child", "archived_on IS NULL")
        return self._store.count("child", "archived_on IS NULL AND location_id = ?", [location_id])

    def child(self, child_id: int) -> Child:
        return self._store.get(Child, "child", child_id)

    def guardians(self, child_id: int) -> list[Guardian]:
        return self._store.select(Guardian, "guardian", "child_id = ?", [child_id], order_by="id")

    def consents(self, child_id: int) -> list[Consent]:
        consents = self._store.select(Consent, "consent", "child_id = ?", [child_id], order_by="given_on, id")
        links = self._store.query(
            "SELECT consent_id, organisation_id FROM consent_organisation co "
            "JOIN consent c ON c.id = co.consent_id WHERE c.child_id = ?",
            [child_id],
        )
        by_consent: dict[int | None, list[int]] = {}
        for link in links:
            by_consent.setdefault(link["consent_id"], []).append(link["organisation_id"])
        return [
            Consent(**{**c.__dict__, "organisation_ids": tuple(sorted(by_consent.get(c.id, ())))}) for c in consents
        ]

    def cases(self, child_id: int) -> list[Case]:
        return self._store.select(Case, "child_case", "child_id = ?", [child_id], order_by="id")

    def guardian(self, guardian_id: int) -> Guardian:
        return self._store.get(Guardian, "guardian", guardian_id)

    # Writes --------------------------------------------------------------------------------
    def create_child(self, child: Child) -> tuple[Child, Change]:
        child = self._checked(child)
        with self._store.unit_of_work() as uow:
            child_id = uow.insert("child", replace(child, id=None))
            uow.audit("kind aangemaakt", "child", child_id)
        return replace(child, id=child_id), Change.created(Entity.CHILD, child_id)

    def update_child(self, child: Child) -> Change:
        child = self._checked(child)
        assert child.id is not None
        with self._store.unit_of_work() as uow:
            uow.update("child", child.id, {k: v for k, v in child.__dict__.items() if k != "id"})
            uow.audit("kind gewijzigd", "child", child.id)
        return Change.updated(Entity.CHILD, child.id)

    def add_guardian(self, guardian: Guardian) -> tuple[Guardian, Change]:
        guardian = checked_guardian(guardian)
        self.child(guardian.child_id)  # NotFound when the child is gone
        with self._store.unit_of_work() as uow:
            guardian_id = uow.insert("guardian", replace(guardian, id=None))
            uow.audit("ouder toegevoegd", "guardian", guardian_id, guardian.relation)
        return replace(guardian, id=guardian_id), Change.created(Entity.GUARDIAN, guardian_id)

    def update_guardian(self, guardian: Guardian) -> Change:
        guardian = checked_guardian(guardian)
        assert guardian.id is not None
        with self._store.unit_of_work() as uow:
            values = {k: v for k, v in guardian.__dict__.items() if k not in ("id", "child_id")}
            uow.update("guardian", guardian.id, values)
            uow.audit("ouder gewijzigd", "guardian", guardian.id, guardian.relation)
        return Change.updated(Entity.GUARDIAN, guardian.id)

    def _checked(self, child: Child) -> Child:
        location = self._store.get(Location, "location", child.location_id)
        child = checked_child(child, location.type, self._store.now().date())
        nc = self._store.sql.nocase
        twin = self._store.scalar(
            "SELECT id FROM child WHERE location_id = ? AND archived_on IS NULL AND date_of_birth = ? "
            f"AND {nc('first_name')} = {nc('?')} AND {nc('last_name')} = {nc('?')} "
            f"AND {self._store.sql.distinct_from('id', '?')}",
            [child.location_id, child.date_of_birth, child.first_name, child.last_name, child.id],
        )
        if twin is not None:
            raise ValidationError(
                "first_name",
                f"{child.full_name}, geboren {child.date_of_birth:%d-%m-%Y}, staat al bij {location.name}. "
                "Open dat kind in plaats van het opnieuw aan te maken.",
            )
        return child
