"""Columns of the outcome tables (decisions, agreements, review, addenda) for RecordTableModel."""

from __future__ import annotations

from collections.abc import Callable

from knooppunt.domain.enums import AgreementStatus, DecisionStatus, OwnerKind, Position
from knooppunt.domain.outcomes import Addendum, Agreement, Decision

from .record_table import Column

AddendaOf = Callable[[str, int | None], str]


def _position(position: Position, words: str) -> str:
    if position == Position.NOT_ASKED:
        return ""
    return f"{position.label}: “{words}”" if words else position.label


def _provisional(d: Decision) -> str | None:
    if d.status == DecisionStatus.PROVISIONAL:
        reason = d.provisional_reason or "geen geldig mandaat op de datum van het overleg"
        return f"Voorlopig: nog te bevestigen door de organisatie. Reden: {reason}."
    return None


def _decision_status(d: Decision) -> str:
    if d.status == DecisionStatus.PROVISIONAL:
        return f"VOORLOPIG – {d.provisional_reason}" if d.provisional_reason else "VOORLOPIG – te bevestigen"
    if d.confirmed_on:
        return f"Definitief (bevestigd {d.confirmed_on:%d-%m-%Y} door {d.confirmed_by})"
    return "Definitief"


def decision_columns(addenda: AddendaOf) -> list[Column[Decision]]:
    return [
        # What the chair checks first (status) comes before the long mandate text, so it is in view.
        Column[Decision]("Besluit", lambda d: d.text, width=200),
        Column[Decision]("Door", lambda d: f"{d.decided_by} ({d.organisation})", width=160),
        Column[Decision]("Status", _decision_status, warning=_provisional, width=170),
        Column[Decision]("Mandaat", lambda d: d.mandate_text, warning=_provisional, width=200),
        Column[Decision]("Ouders", lambda d: _position(d.parents_position, d.parents_words), width=140),
        Column[Decision]("Kind", lambda d: _position(d.child_position, d.child_words), width=90),
        Column[Decision]("Aanvulling", lambda d: addenda("besluit", d.id)),
    ]


def agreement_columns(addenda: AddendaOf) -> list[Column[Agreement]]:
    return [
        Column[Agreement]("Wie", lambda a: owner_text(a.owner_name, a.owner_kind), width=190),
        Column[Agreement]("Wat", lambda a: a.description, width=240),
        Column[Agreement]("Uiterlijk", lambda a: a.due_date, width=95),
        Column[Agreement]("Evaluatie", lambda a: a.evaluation_date, width=95),
        Column[Agreement]("Status", lambda a: a.status, width=90),
        Column[Agreement]("Aanvulling", lambda a: addenda("afspraak", a.id)),
    ]


def review_columns(discussion_id: int) -> list[Column[Agreement]]:
    def outcome(a: Agreement) -> str:
        if a.outcome_discussion_id != discussion_id:
            return "Nog geen uitkomst" if a.status == AgreementStatus.OPEN else f"{a.status.label} (vorige keer)"
        return a.status.label

    def missing(a: Agreement) -> str | None:
        return "Geef deze afspraak een uitkomst." if a.outcome_discussion_id != discussion_id else None

    return [
        # The outcome to give is what the chair works on: it is in view next to what was agreed.
        Column[Agreement]("Wie", lambda a: a.owner_name, width=160),
        Column[Agreement]("Wat", lambda a: a.description, width=230),
        Column[Agreement]("Uitkomst", outcome, warning=missing, width=150),
        Column[Agreement]("Uiterlijk", lambda a: a.due_date, width=95),
        Column[Agreement]("Toelichting", lambda a: a.outcome_note),
    ]


ADDENDUM_COLUMNS = [
    Column[Addendum]("Wanneer", lambda a: a.created_at.strftime("%d-%m-%Y %H:%M"), width=130),
    Column[Addendum]("Wie", lambda a: a.author, width=150),
    Column[Addendum]("Over", lambda a: a.target, width=90),
    Column[Addendum]("Aanvulling", lambda a: a.text, width=300),
    Column[Addendum]("Waarom", lambda a: a.reason),
]


def owner_text(name: str, kind: OwnerKind) -> str:
    """'Kim de Vries (ouder/verzorger)', but 'Fatima Bouzid (wijkteam) · kernpartner': never two brackets."""
    label = kind.label.lower()
    return f"{name} · {label}" if name.rstrip().endswith(")") else f"{name} ({label})"
