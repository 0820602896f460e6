"""Children (kinderen), their parents/guardians, consents and cases: reads for the screens."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.children import Case, Child, Consent, Guardian
from ..storage import Store


@dataclass(frozen=True)
class ChildView:
    child: Child
    location_name: str
    case_phase: str | None


class ChildService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def children(self, *, location_id: int | None = None, search: str = "", limit: int | None = None) -> list[ChildView]:
        where, params = ["c.archived_on IS NULL"], []
        if location_id is not None:
            where.append("c.location_id = ?")
            params.append(location_id)
        if search.strip():
            where.append("(c.first_name || ' ' || c.last_name) LIKE ?")
            params.append(f"%{search.strip()}%")
        rows = self._store.query(
            "SELECT c.*, l.name AS location_name, "
            "(SELECT phase FROM child_case k WHERE k.child_id = c.id ORDER BY k.id DESC LIMIT 1) AS case_phase "
            "FROM child c JOIN location l ON l.id = c.location_id "
            f"WHERE {' AND '.join(where)} ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE"
            + (f" LIMIT {int(limit)}" if limit else ""),
            params,
        )
        from ..storage.mapping import from_row

        return [ChildView(from_row(Child, r), r["location_name"], r["case_phase"]) for r in rows]

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
        by_consent: dict[int, list[int]] = {}
        for link in links:
            by_consent.setdefault(link["consent_id"], []).append(link["organisation_id"])
        return [
            Consent(**{**c.__dict__, "organisation_ids": tuple(sorted(by_consent.get(c.id, ())))}) for c in consents
        ]

    def cases(self, child_id: int) -> list[Case]:
        return self._store.select(Case, "child_case", "child_id = ?", [child_id], order_by="id")
