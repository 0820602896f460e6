"""The recorded facts monitoring counts, read for one location and period by the service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .periods import Period


@dataclass(frozen=True)
class DiscussionFact:
    """A held discussion (bespreking) in the period."""

    id: int
    child_id: int
    child_name: str
    day: date
    first_day: date  # the child's first held discussion ever: before the period means "herhaald"
    parents_present: bool
    absent_reason: str


@dataclass(frozen=True)
class MeetingFact:
    id: int
    day: date
    status: str  # gepland / gehouden / geannuleerd
    discussions: int


@dataclass(frozen=True)
class OfferUse:
    """An offer picked for a decision or agreement: its level and organisation."""

    level: str
    organisation: str
    name: str


@dataclass(frozen=True)
class DecisionFact:
    id: int
    child_name: str
    day: date
    status: str  # definitief / voorlopig
    confirmed_on: date | None
    organisation: str
    text: str
    offer: OfferUse | None


@dataclass(frozen=True)
class AgreementFact:
    id: int
    child_name: str
    day: date
    owner_kind: str
    due_date: date | None
    evaluation_date: date | None
    status: str
    outcome_day: date | None  # the date of the meeting where its outcome was recorded
    description: str
    offer: OfferUse | None


@dataclass(frozen=True)
class CaseFact:
    id: int
    child_name: str
    signal_date: date
    first_meeting: date | None  # first held discussion on or after the signal date
    closed_on: date | None
    closing_reason: str | None


@dataclass(frozen=True)
class Facts:
    location_id: int
    location_name: str
    period: Period
    today: date
    discussions: tuple[DiscussionFact, ...]
    meetings: tuple[MeetingFact, ...]
    decisions: tuple[DecisionFact, ...]
    agreements: tuple[AgreementFact, ...]
    cases: tuple[CaseFact, ...]
