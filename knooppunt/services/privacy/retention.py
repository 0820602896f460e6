"""Bewaartermijn: a child's data are kept ``location.retention_months`` after its case was
closed — or, without a case, after its last meeting — and then erased.

The term starts at the latest of the case's closing and the child's last meeting (a meeting
after closing extends it). A child with an open case is never due; neither is a child with no
case and no meeting at all (nothing to count from: such a record is erased on request).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from ...storage import Store
from ..changes import Change, Entity
from .erasure import ErasureReason, ErasureService

_SQL = """
SELECT c.id, c.first_name, c.last_name, l.name AS location, l.retention_months,
       (SELECT count(*) FROM child_case k WHERE k.child_id = c.id AND k.closed_on IS NULL) AS open_cases,
       (SELECT max(k.closed_on) FROM child_case k WHERE k.child_id = c.id) AS closed_on,
       (SELECT max(m.date) FROM discussion d JOIN meeting m ON m.id = d.meeting_id WHERE d.child_id = c.id)
           AS last_meeting
FROM child c JOIN location l ON l.id = c.location_id
"""


@dataclass(frozen=True)
class RetentionDue:
    child_id: int
    child_name: str
    location: str
    basis: str  # "casus afgesloten" or "laatste overleg"
    since: date
    term_ended: date


class RetentionService:
    def __init__(self, store: Store, erasure: ErasureService) -> None:
        self._store = store
        self._erasure = erasure

    def due(self, today: date | None = None) -> list[RetentionDue]:
        """The children past their term on ``today`` (the store's clock by default), oldest term first."""
        today = today or self._store.now().date()
        out = []
        for row in self._store.query(_SQL):
            if row["open_cases"]:
                continue
            closed = date.fromisoformat(row["closed_on"]) if row["closed_on"] else None
            last = date.fromisoformat(row["last_meeting"]) if row["last_meeting"] else None
            if closed is None and last is None:
                continue
            since = max(d for d in (closed, last) if d is not None)
            basis = "casus afgesloten" if closed is not None and since == closed else "laatste overleg"
            ended = since + relativedelta(months=int(row["retention_months"]))
            if ended <= today:
                name = f"{row['first_name']} {row['last_name']}".strip()
                out.append(RetentionDue(int(row["id"]), name, row["location"], basis, since, ended))
        return sorted(out, key=lambda r: (r.term_ended, r.child_name))

    def erase_due(self, today: date | None = None) -> tuple[list[RetentionDue], Change]:
        """Erase every child past its term, all in one unit of work; returns who was erased."""
        due = self.due(today)
        if not due:
            return [], Change.deleted(Entity.CHILD)
        return due, self._erasure.erase_many([d.child_id for d in due], ErasureReason.RETENTION)
