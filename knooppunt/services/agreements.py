"""Agreements (afspraken) over all children: the follow-up overview."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.outcomes import Agreement
from ..storage import Store
from ..storage.mapping import from_row


@dataclass(frozen=True)
class AgreementView:
    agreement: Agreement
    child_name: str
    location_name: str


class AgreementService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def overview(self, *, location_id: int | None = None, open_only: bool = False) -> list[AgreementView]:
        where, params = ["1 = 1"], []
        if location_id is not None:
            where.append("c.location_id = ?")
            params.append(location_id)
        if open_only:
            where.append("a.status IN ('open', 'loopt_door')")
        rows = self._store.query(
            "SELECT a.*, c.first_name || ' ' || c.last_name AS child_name, l.name AS location_name "
            "FROM agreement a JOIN child c ON c.id = a.child_id JOIN location l ON l.id = c.location_id "
            f"WHERE {' AND '.join(where)} ORDER BY a.due_date IS NULL, a.due_date, a.id",
            params,
        )
        return [AgreementView(from_row(Agreement, r), r["child_name"], r["location_name"]) for r in rows]
