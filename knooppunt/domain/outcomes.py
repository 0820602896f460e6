"""Decisions (besluiten), agreements (afspraken), addenda and the audit log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .enums import AgreementStatus, DecisionStatus, OwnerKind, Position


@dataclass(frozen=True)
class Decision:
    """Besluit, genomen door een kernpartner met mandaat van de organisatie."""

    id: int | None
    discussion_id: int
    text: str
    category: str
    location_partner_id: int | None
    decided_by: str
    organisation: str
    mandate_text: str
    status: DecisionStatus = DecisionStatus.FINAL
    parents_position: Position = Position.NOT_ASKED
    parents_words: str = ""
    child_position: Position = Position.NOT_ASKED
    child_words: str = ""
    confirmed_on: date | None = None
    confirmed_by: str = ""
    provisional_reason: str = ""  # why it is voorlopig (shown wherever the decision is)
    offer_id: int | None = None  # the offer (sociale kaart) this decision refers to, if picked


@dataclass(frozen=True)
class Agreement:
    """Afspraak: wie doet wat, wanneer; met evaluatiedatum en uitkomst."""

    id: int | None
    child_id: int
    discussion_id: int | None
    owner_kind: OwnerKind
    owner_name: str
    description: str
    due_date: date | None = None
    evaluation_date: date | None = None
    status: AgreementStatus = AgreementStatus.OPEN
    outcome_note: str = ""
    outcome_discussion_id: int | None = None
    decision_id: int | None = None
    offer_id: int | None = None  # the offer (sociale kaart) this agreement uses, if picked


@dataclass(frozen=True)
class Addendum:
    """Aanvulling op een vastgestelde bespreking: het origineel blijft zichtbaar."""

    id: int | None
    discussion_id: int
    target: str
    target_id: int | None
    text: str
    reason: str
    author: str
    created_at: datetime


@dataclass(frozen=True)
class AuditEntry:
    """Regel in het logboek: wie, wanneer, wat, welk record."""

    id: int | None
    at: datetime
    actor: str
    action: str
    table_name: str
    record_id: int | None
    detail: str = ""
    hash: str = ""
