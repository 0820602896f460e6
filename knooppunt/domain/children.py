"""Children, their parents/guardians, consent and the case (casus)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .enums import CasePhase, ClosingReason, ConsentGiver, ConsentMethod


def age_on(born: date, day: date) -> int:
    """Age in whole years on ``day`` (the meeting date, not today)."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@dataclass(frozen=True)
class Child:
    """Kind / leerling op een locatie."""

    id: int | None
    location_id: int
    first_name: str
    last_name: str
    date_of_birth: date
    group_name: str = ""
    start_date: date | None = None
    archived_on: date | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class Guardian:
    """Ouder/verzorger; gescheiden ouders zijn twee personen met eigen gegevens."""

    id: int | None
    child_id: int
    name: str
    relation: str = "ouder"
    has_authority: bool = True
    phone: str = ""
    email: str = ""
    address: str = ""
    preferred_language: str = "Nederlands"
    needs_interpreter: bool = False
    lives_apart: bool = False  # gets a letter of their own, also without a different address


@dataclass(frozen=True)
class Consent:
    """Toestemming: wie, wanneer, hoe, waarvoor (scope), en eventuele intrekking."""

    id: int | None
    child_id: int
    giver: ConsentGiver
    guardian_id: int | None
    given_on: date
    method: ConsentMethod
    for_discussion: bool = True
    for_transfer: bool = False
    organisation_ids: tuple[int, ...] = ()
    note: str = ""
    withdrawn_on: date | None = None
    withdrawal_note: str = ""

    def is_active_on(self, day: date) -> bool:
        return self.given_on <= day and (self.withdrawn_on is None or day < self.withdrawn_on)


@dataclass(frozen=True)
class Case:
    """Casus van een kind: signaal, hulpvraag, regie en fase."""

    id: int | None
    child_id: int
    signal_date: date
    signal_source: str
    hulpvraag: str = ""
    signal_by: str = ""
    strengths: str = ""
    concerns: str = ""
    regie_holder: str = ""
    phase: CasePhase = CasePhase.START
    closed_on: date | None = None
    closing_reason: ClosingReason | None = None
