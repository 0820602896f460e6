"""Meetings (overleggen), the discussion of one child (bespreking), agenda and notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from .enums import AgendaKind, Attendance, DiscussionStatus, MeetingStatus, ParticipantKind, Visibility


@dataclass(frozen=True)
class Meeting:
    """Knooppuntoverleg van een locatie."""

    id: int | None
    location_id: int
    date: date
    start_time: time
    place: str = ""
    chair_name: str = ""
    status: MeetingStatus = MeetingStatus.PLANNED
    recorded_afterwards: bool = False  # planned in the past: "naderhand vastgelegd"


@dataclass(frozen=True)
class Discussion:
    """Bespreking van één kind in een overleg, in een tijdslot."""

    id: int | None
    meeting_id: int
    child_id: int
    slot_start: time
    slot_minutes: int = 30
    status: DiscussionStatus = DiscussionStatus.PLANNED
    current_item_id: int | None = None
    parents_absent_reason: str = ""
    parents_absent_consent: bool = False
    evaluation_date: date | None = None
    finalised_at: datetime | None = None
    finalised_by: str = ""


@dataclass(frozen=True)
class Participant:
    """Deelnemer aan een bespreking: ouder, kind, school of kernpartner, met aanwezigheid."""

    id: int | None
    discussion_id: int
    kind: ParticipantKind
    name: str
    organisation: str = ""
    role: str = ""
    guardian_id: int | None = None
    location_partner_id: int | None = None
    contact_id: int | None = None
    attendance: Attendance = Attendance.UNKNOWN
    absence_reason: str = ""


@dataclass(frozen=True)
class AgendaTemplateItem:
    id: int | None
    location_id: int
    position: int
    kind: AgendaKind
    title: str
    minutes: int


@dataclass(frozen=True)
class AgendaItem:
    """Agendapunt van een bespreking, met tijdsbudget."""

    id: int | None
    discussion_id: int
    position: int
    kind: AgendaKind
    title: str
    minutes: int
    seconds_spent: int = 0
    done: bool = False


@dataclass(frozen=True)
class Note:
    """Notitie bij een agendapunt: gedeeld (ouders zien het) of intern."""

    id: int | None
    agenda_item_id: int
    text: str
    visibility: Visibility = Visibility.SHARED
    perspective: str = ""
    updated_at: datetime | None = None


DEFAULT_AGENDA: tuple[tuple[AgendaKind, int], ...] = (
    (AgendaKind.OPENING, 3),
    (AgendaKind.GOAL, 2),
    (AgendaKind.REVIEW, 4),
    (AgendaKind.GOES_WELL, 5),
    (AgendaKind.CONCERNS, 6),
    (AgendaKind.NEEDS, 4),
    (AgendaKind.DECISIONS, 4),
    (AgendaKind.CLOSING, 2),
)
