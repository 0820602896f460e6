"""Counts for monitoring (how many children, discussions, decisions, agreements per location and
year) that survive an erasure: an erased child's share is added to ``monitoring_tally``, a table
of numbers without names or record ids, before its records go."""

from __future__ import annotations

from collections import Counter

from ...storage import Store
from ...storage.store import UnitOfWork

Key = tuple[int, int, str]  # location id, year, measure

# measure -> SQL giving (location_id, year, count), optionally for one child (``{child}``).
_MEASURES: dict[str, str] = {
    "kinderen besproken": (
        "SELECT m.location_id, {year}, count(DISTINCT d.child_id) "
        "FROM discussion d JOIN meeting m ON m.id = d.meeting_id WHERE d.status != 'afgemeld' {child} GROUP BY 1, 2"),
    "besprekingen": (
        "SELECT m.location_id, {year}, count(*) "
        "FROM discussion d JOIN meeting m ON m.id = d.meeting_id WHERE d.status != 'afgemeld' {child} GROUP BY 1, 2"),
    "besluiten": (
        "SELECT m.location_id, {year}, count(*) FROM decision b "
        "JOIN discussion d ON d.id = b.discussion_id JOIN meeting m ON m.id = d.meeting_id WHERE 1 = 1 {child} GROUP BY 1, 2"),
    "afspraken": (
        "SELECT m.location_id, {year}, count(*) FROM agreement a "
        "JOIN discussion d ON d.id = a.discussion_id JOIN meeting m ON m.id = d.meeting_id WHERE 1 = 1 {child} "
        "GROUP BY 1, 2"),
    "afspraken gedaan": (
        "SELECT m.location_id, {year}, count(*) FROM agreement a "
        "JOIN discussion d ON d.id = a.discussion_id JOIN meeting m ON m.id = d.meeting_id "
        "WHERE a.status = 'gedaan' {child} GROUP BY 1, 2"),
    "casussen geopend": (
        "SELECT c.location_id, {year}, count(*) FROM child_case k "
        "JOIN child c ON c.id = k.child_id WHERE 1 = 1 {child} GROUP BY 1, 2"),
}
_CHILD_COLUMN = {"casussen geopend": "k.child_id"}
_DATE_COLUMN = {"casussen geopend": "k.signal_date"}


def _counts(store: Store, child_id: int | None) -> Counter[Key]:
    totals: Counter[Key] = Counter()
    for measure, sql in _MEASURES.items():
        column = _CHILD_COLUMN.get(measure, "d.child_id")
        child = f"AND {column} = ?" if child_id is not None else ""
        params = [child_id] if child_id is not None else []
        year = store.sql.year(_DATE_COLUMN.get(measure, "m.date"))
        for row in store.query(sql.format(child=child, year=f"{year} AS year"), params):
            location_id, year_of, count = row.values()
            totals[(int(location_id), int(year_of), measure)] += int(count)
    return totals


class MonitoringTally:
    def __init__(self, store: Store) -> None:
        self._store = store

    def counts(self, location_id: int | None = None) -> dict[Key, int]:
        """Every measure per location and year: the live records plus what erased children left."""
        totals = _counts(self._store, None)
        for row in self._store.query("SELECT location_id, year, measure, count FROM monitoring_tally"):
            loc, year, measure, count = row.values()
            totals[(int(loc), int(year), str(measure))] += int(count)
        return {k: v for k, v in sorted(totals.items()) if location_id is None or k[0] == location_id}

    def keep_counts_of(self, uow: UnitOfWork, child_id: int) -> None:
        """Within an erasure: add this child's share to the anonymous tally before its rows go."""
        for (location_id, year, measure), count in _counts(self._store, child_id).items():
            uow.execute(
                "INSERT INTO monitoring_tally (location_id, year, measure, count) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (location_id, year, measure) DO UPDATE SET count = monitoring_tally.count + excluded.count",
                [location_id, year, measure, count])
