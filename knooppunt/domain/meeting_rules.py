"""Rules of a knooppunt meeting that need no database: dates, turn order, who must be present.

- Next dates follow the location's agreed frequency (elke N weken) from the last meeting.
- In "wat gaat goed" and "zorgen en vragen" the parents speak first, then the child, then the
  school, then the partners ("ouders eerst").
- A child is discussed *with* the parents: without a parent present, a reason and the parents'
  consent to discussing in their absence must be recorded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from ..dates import dutch_date
from ..errors import KnooppuntError
from .enums import AgendaKind, Attendance, ParticipantKind
from .meetings import Discussion, Participant

CHILD_JOINS_FROM_AGE = 12
"""From this age the child is proposed as a participant of its own discussion."""

TURN_KINDS = frozenset({AgendaKind.GOES_WELL, AgendaKind.CONCERNS})
"""Agenda items where every party gets a turn, parents first."""

PERSPECTIVES: tuple[tuple[str, ParticipantKind, str], ...] = (
    ("ouders", ParticipantKind.PARENT, "Ouders"),
    ("kind", ParticipantKind.CHILD, "Kind"),
    ("school", ParticipantKind.SCHOOL, "School"),
    ("partner", ParticipantKind.PARTNER, "Partners"),
)
"""Turn order: (perspective stored on a note, who speaks, Dutch label)."""

CHAIR_PERSPECTIVE = "voorzitter"
"""The chair's own remark: the default speaker of an internal note (never the child or the parents)."""

PERSPECTIVE_LABELS = {**{key: label for key, _kind, label in PERSPECTIVES}, CHAIR_PERSPECTIVE: "Voorzitter"}


def suggest_dates(last: date | None, frequency_weeks: int, today: date, count: int = 3) -> list[date]:
    """The next ``count`` meeting dates at the agreed frequency, never in the past, on a weekday."""
    step = timedelta(weeks=frequency_weeks)
    candidate = (last + step) if last else today + timedelta(days=7)
    while candidate < today:
        candidate += step
    dates = []
    for _ in range(count):
        day = candidate
        while day.weekday() >= 5:  # a knooppunt meets on a school day
            day += timedelta(days=1)
        dates.append(day)
        candidate += step
    return dates


def is_there(participant: Participant) -> bool:
    return participant.attendance in (Attendance.PRESENT, Attendance.LATE)


def turn_order(participants: Iterable[Participant]) -> list[str]:
    """Perspectives in speaking order, only for parties that take part (and are not absent)."""
    parties = [p for p in participants if p.attendance != Attendance.ABSENT]
    kinds = {p.kind for p in parties}
    return [key for key, kind, _label in PERSPECTIVES if kind in kinds]


def whose_turn(order: Sequence[str], spoken: Iterable[str]) -> str | None:
    """The first perspective in ``order`` that has not spoken yet (None: everyone had a turn)."""
    done = set(spoken)
    return next((key for key in order if key not in done), None)


def parents_present(participants: Iterable[Participant]) -> bool:
    return any(p.kind == ParticipantKind.PARENT and is_there(p) for p in participants)


def absence_problem(discussion: Discussion, participants: Iterable[Participant]) -> str | None:
    """Why this child may not be discussed now, or None: parents present, or absence justified."""
    if parents_present(participants):
        return None
    if not discussion.parents_absent_reason.strip():
        return ("Er is geen ouder aanwezig. We praten mét ouders: leg vast waarom zij er niet zijn "
                "en dat zij ermee instemmen dat hun kind zonder hen besproken wordt.")
    if not discussion.parents_absent_consent:
        return "De ouders hebben (nog) niet ingestemd met bespreken zonder hen."
    return None



def refuse_before_meeting_day(today: date, meeting_date: date, what: str) -> None:
    """Time is real: ``what`` (open, finalise, make final) only on or after the meeting date."""
    if today < meeting_date:
        raise KnooppuntError(f"Het overleg is pas op {dutch_date(meeting_date)}; {what} kan pas vanaf die dag.")
