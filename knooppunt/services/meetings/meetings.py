"""Meetings (overleggen) and the children discussed in them: reads for the screens."""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.meetings import Discussion, Meeting
from ...storage import Store
from ...storage.folding import search_text
from ...storage.mapping import from_row


@dataclass(frozen=True)
class MeetingView:
    meeting: Meeting
    location_name: str
    child_count: int


class MeetingService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def meetings(self, *, location_id: int | None = None, search: str = "",
                 limit: int | None = None) -> list[MeetingView]:
        """Newest first. ``search`` matches the location, place, chair or date (dd-mm-jjjj)."""
        where = ["1 = 1"]
        params: list[object] = []
        if location_id is not None:
            where.append("m.location_id = ?")
            params.append(location_id)
        typed = search_text(search)
        if typed:  # accent-folded like every search; a few thousand meetings need no index
            sql = self._store.sql
            texts = [sql.fold("l.name"), sql.fold("m.place"), sql.fold("m.chair_name"), sql.dmy("m.date")]
            where.append("(" + " OR ".join(sql.contains(text, "?") for text in texts) + ")")
            params += [typed] * 4
        rows = self._store.query(
            "SELECT m.*, l.name AS location_name, "
            "(SELECT count(*) FROM discussion d WHERE d.meeting_id = m.id AND d.status != 'afgemeld') AS child_count "
            f"FROM meeting m JOIN location l ON l.id = m.location_id WHERE {' AND '.join(where)} "
            "ORDER BY m.date DESC, m.start_time" + (f" LIMIT {int(limit)}" if limit else ""),
            params,
        )
        return [MeetingView(from_row(Meeting, r), r["location_name"], r["child_count"]) for r in rows]

    def count(self) -> int:
        """How many meetings there are, for "200 van 5.000 getoond"."""
        return self._store.count("meeting")

    def meeting(self, meeting_id: int) -> Meeting:
        return self._store.get(Meeting, "meeting", meeting_id)

    def discussions(self, meeting_id: int) -> list[Discussion]:
        return self._store.select(Discussion, "discussion", "meeting_id = ?", [meeting_id], order_by="slot_start")
