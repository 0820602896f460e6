"""Keeping an erased child's share of the Monitoring indicators (``monitoring_erased``).

Within the erasure's unit of work: :meth:`ErasedShareKeeper.before` computes the indicators of every
location, school year and period the child's records count in; :meth:`keep`, after the child's rows
are deleted (same connection, not yet committed), computes them again and stores the difference —
numbers per figure key, no names. :class:`MonitoringService` adds them back when it computes.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ...storage import Store
from ...storage.store import UnitOfWork
from .monitoring import MonitoringService

if TYPE_CHECKING:
    from ...monitoring.model import Monitor

Span = tuple[int, str, str]  # location id, school year, period key

# Where and when a child's records count: its meetings (at their location, and at the child's for
# its case's lead time) and its cases (at the child's location, by signal and closing date).
_DAYS_OF_CHILD = """
SELECT m.location_id, m.date FROM discussion d JOIN meeting m ON m.id = d.meeting_id WHERE d.child_id = ?
UNION SELECT c.location_id, m.date FROM discussion d JOIN meeting m ON m.id = d.meeting_id
      JOIN child c ON c.id = d.child_id WHERE d.child_id = ?
UNION SELECT c.location_id, k.signal_date FROM child_case k JOIN child c ON c.id = k.child_id WHERE k.child_id = ?
UNION SELECT c.location_id, k.closed_on FROM child_case k JOIN child c ON c.id = k.child_id
      WHERE k.child_id = ? AND k.closed_on IS NOT NULL
"""


class ErasedShareKeeper:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._monitoring = MonitoringService(store)

    def spans_of(self, child_id: int) -> list[Span]:
        """The whole school year and the period of every day the child's records count on."""
        from ...monitoring.periods import school_year_of

        spans: set[Span] = set()
        for row in self._store.query(_DAYS_OF_CHILD, [child_id] * 4):
            day = date.fromisoformat(str(row["date"])[:10])
            location_id, year = int(row["location_id"]), school_year_of(day)
            spans.update((location_id, year, p.key) for p in self._monitoring.periods(year)
                         if p.key == "jaar" or day in p)
        return sorted(spans)

    def before(self, child_id: int) -> dict[Span, Monitor]:
        """The live indicators wherever this child counts (taken before its rows go)."""
        return {span: self._monitoring.live_monitor(*span) for span in self.spans_of(child_id)}

    def keep(self, uow: UnitOfWork, before: dict[Span, Monitor]) -> None:
        """After the child's rows are deleted: store what they contributed."""
        from ...monitoring.erased import share_of

        for (location_id, school_year, period), monitor in before.items():
            after = self._monitoring.live_monitor(location_id, school_year, period)
            for share in share_of(monitor, after):
                uow.execute(
                    "INSERT INTO monitoring_erased (location_id, school_year, period, figure, label, days, count) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (location_id, school_year, period, figure, days) "
                    "DO UPDATE SET count = monitoring_erased.count + excluded.count",
                    [location_id, school_year, period, share.figure, share.label, share.days, share.count])
