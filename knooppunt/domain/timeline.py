"""The child's timeline (tijdlijn): everything about the case in date order, for the chair."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


class EntryKind:
    SIGNAL = "signaal"
    CONSENT = "toestemming"
    WITHDRAWAL = "intrekking"
    MEETING = "bespreking"
    DECISION = "besluit"
    AGREEMENT = "afspraak"
    PHASE = "fase"
    TRANSFER = "overdracht"


# Within one day: the signal first, then consent, the meeting, and the phase change it led to.
_RANK = {EntryKind.SIGNAL: 0, EntryKind.CONSENT: 1, EntryKind.WITHDRAWAL: 1, EntryKind.MEETING: 2,
         EntryKind.PHASE: 3, EntryKind.TRANSFER: 4}

KIND_LABELS = {
    EntryKind.SIGNAL: "Signaal",
    EntryKind.CONSENT: "Toestemming",
    EntryKind.WITHDRAWAL: "Toestemming ingetrokken",
    EntryKind.MEETING: "Overleg",
    EntryKind.DECISION: "Besluit",
    EntryKind.AGREEMENT: "Afspraak",
    EntryKind.PHASE: "Casus",
    EntryKind.TRANSFER: "Overdracht",
}


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the timeline; a meeting carries its decisions and agreements as ``details``.

    ``origin`` is empty for this location, or the name of the location the history came from.
    """

    day: date
    kind: str
    title: str
    text: str = ""
    status: str = ""
    details: tuple[TimelineEntry, ...] = ()
    origin: str = ""

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    def sort_key(self) -> tuple[date, int]:
        return (self.day, _RANK.get(self.kind, 5))

    def to_dict(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "kind": self.kind,
            "title": self.title,
            "text": self.text,
            "status": self.status,
            "details": [d.to_dict() for d in self.details],
            "origin": self.origin,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], origin: str = "") -> TimelineEntry:
        return cls(
            date.fromisoformat(str(data["day"])),
            str(data["kind"]),
            str(data["title"]),
            str(data.get("text", "")),
            str(data.get("status", "")),
            tuple(cls.from_dict(d, origin) for d in data.get("details", ())),
            str(data.get("origin") or origin),
        )


def in_order(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    return sorted(entries, key=TimelineEntry.sort_key)
