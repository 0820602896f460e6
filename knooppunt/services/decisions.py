"""Decisions (besluiten) taken in a discussion, with the mandate from the directory.

A partner decides with the mandate of their organisation. The mandate is checked on the
*meeting* date: without a valid mandate the decision is *voorlopig* and an agreement to have it
confirmed by the organisation is made at once. Confirming later is one action.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..domain.directory import Mandate
from ..domain.enums import AgreementStatus, DecisionStatus, OwnerKind, Position
from ..domain.outcomes import Agreement, Decision
from ..errors import ValidationError
from ..storage import Store
from .changes import Change
from .locations import LocationService, PartnerView
from .records import discussion_context, ensure_editable

CONFIRMATION_TEXT = "Besluit laten bevestigen door de organisatie"
CONFIRMATION_DAYS = 14


@dataclass(frozen=True)
class MandateCheck:
    """A partner at the table and what their mandate allows on the meeting date."""

    partner: PartnerView
    on: date
    problem: str | None

    @property
    def valid(self) -> bool:
        return self.problem is None

    @property
    def organisation(self) -> str:
        return self.partner.organisation.name if self.partner.organisation else ""

    @property
    def people(self) -> list[str]:
        return [p.name for p in (self.partner.contact, self.partner.substitute) if p is not None]

    def describe(self) -> str:
        """The mandate as it is stored with the decision."""
        return describe_mandate(self.partner.partner.mandate, self.problem)


def describe_mandate(mandate: Mandate, problem: str | None) -> str:
    text = " — ".join(part for part in (mandate.category, mandate.description) if part)
    period = ""
    if mandate.valid_from or mandate.valid_until:
        start = f"{mandate.valid_from:%d-%m-%Y}" if mandate.valid_from else "…"
        end = f"{mandate.valid_until:%d-%m-%Y}" if mandate.valid_until else "…"
        period = f" (geldig {start} t/m {end})"
    if problem:
        return f"{problem}. {text}{period}".strip() if text else problem
    return f"{text}{period}"


@dataclass(frozen=True)
class DecisionInput:
    """What the chair fills in for a decision."""

    text: str
    category: str = ""
    location_partner_id: int | None = None
    decided_by: str = ""
    parents_position: Position = Position.NOT_ASKED
    parents_words: str = ""
    child_position: Position = Position.NOT_ASKED
    child_words: str = ""
    offer_id: int | None = None  # an offer from the sociale kaart, when one was picked


class DecisionService:
    def __init__(self, store: Store, locations: LocationService) -> None:
        self._store = store
        self._locations = locations

    # Reads ---------------------------------------------------------------------------------
    def decisions(self, discussion_id: int) -> list[Decision]:
        return self._store.select(Decision, "decision", "discussion_id = ?", [discussion_id], order_by="id")

    def decision(self, decision_id: int) -> Decision:
        return self._store.get(Decision, "decision", decision_id)

    def mandate_checks(self, discussion_id: int) -> list[MandateCheck]:
        """The filled partner roles of the location, each with its mandate on the meeting date."""
        ctx = discussion_context(self._store, discussion_id)
        return [
            MandateCheck(view, ctx.meeting_date, view.mandate_problem(ctx.meeting_date))
            for view in self._locations.partners(ctx.location_id)
            if view.partner.is_filled
        ]

    def mandate_check(self, discussion_id: int, location_partner_id: int) -> MandateCheck:
        for check in self.mandate_checks(discussion_id):
            if check.partner.partner.id == location_partner_id:
                return check
        raise ValidationError("location_partner_id", "Deze partner hoort niet (meer) bij het knooppunt van deze locatie.")

    # Writes --------------------------------------------------------------------------------
    def record(self, discussion_id: int, draft: DecisionInput) -> tuple[Decision, Change]:
        """Besluit vastleggen; without a valid mandate it is provisional with a confirmation agreement."""
        ensure_editable(self._store, discussion_id, "een besluit")
        ctx = discussion_context(self._store, discussion_id)
        draft = _validated(draft)
        check = self.mandate_check(discussion_id, draft.location_partner_id)
        decided_by = draft.decided_by.strip() or (check.people[0] if check.people else "")
        if not decided_by:
            raise ValidationError("decided_by", "Wie neemt het besluit? Vul de naam van de persoon in.")
        status = DecisionStatus.FINAL if check.valid else DecisionStatus.PROVISIONAL
        decision = Decision(
            None, discussion_id, draft.text, draft.category, draft.location_partner_id, decided_by,
            check.organisation, check.describe(), status, draft.parents_position, draft.parents_words,
            draft.child_position, draft.child_words, offer_id=draft.offer_id,
        )
        with self._store.unit_of_work() as uow:
            decision_id = uow.insert("decision", decision)
            uow.audit("besluit vastgelegd", "decision", decision_id, f"{status.label}: {draft.text}")
            if status == DecisionStatus.PROVISIONAL:
                self._add_confirmation(uow, ctx, decision_id, decided_by, check.organisation, draft.text)
        return replace(decision, id=decision_id), Change.created("decision", decision_id)

    def update(self, decision_id: int, draft: DecisionInput) -> Change:
        """Change a decision while its discussion is not finalised (the mandate is checked again)."""
        current = self.decision(decision_id)
        ensure_editable(self._store, current.discussion_id, "dit besluit")
        draft = _validated(draft)
        check = self.mandate_check(current.discussion_id, draft.location_partner_id)
        values = {
            "text": draft.text, "category": draft.category, "location_partner_id": draft.location_partner_id,
            "decided_by": draft.decided_by.strip() or current.decided_by, "organisation": check.organisation,
            "mandate_text": check.describe(), "parents_position": draft.parents_position,
            "parents_words": draft.parents_words, "child_position": draft.child_position,
            "child_words": draft.child_words, "offer_id": draft.offer_id,
        }
        with self._store.unit_of_work() as uow:
            if check.valid and current.status == DecisionStatus.PROVISIONAL:
                # Now decided with a valid mandate: no confirmation needed any more.
                values["status"] = DecisionStatus.FINAL
                removed = uow.delete("agreement", "decision_id = ? AND status = 'open'", [decision_id])
                if removed:
                    uow.audit("afspraak verwijderd", "agreement", None, f"bevestiging van besluit {decision_id} vervalt")
            elif not check.valid and current.status == DecisionStatus.FINAL and not current.confirmed_on:
                values["status"] = DecisionStatus.PROVISIONAL
                ctx = discussion_context(self._store, current.discussion_id)
                self._add_confirmation(uow, ctx, decision_id, values["decided_by"], check.organisation, draft.text)
            uow.update("decision", decision_id, values)
            uow.audit("besluit gewijzigd", "decision", decision_id, draft.text)
        return Change.updated("decision", decision_id)

    @staticmethod
    def _add_confirmation(uow, ctx, decision_id: int, decided_by: str, organisation: str, text: str) -> None:
        """The follow-up agreement of a provisional decision: have it confirmed by the organisation."""
        agreement = Agreement(
            None, ctx.discussion.child_id, ctx.discussion.id, OwnerKind.PARTNER, f"{decided_by} ({organisation})",
            f"{CONFIRMATION_TEXT}: {text}", ctx.meeting_date + timedelta(days=CONFIRMATION_DAYS),
            decision_id=decision_id,
        )
        agreement_id = uow.insert("agreement", agreement)
        uow.audit("afspraak gemaakt", "agreement", agreement_id, f"bevestiging van besluit {decision_id}")

    def confirm(self, decision_id: int, confirmed_by: str, on: date | None = None) -> Change:
        """The organisation confirms a provisional decision: it becomes final, its agreement done.

        Confirming is follow-up, not editing: it is allowed after the discussion was finalised.
        """
        decision = self.decision(decision_id)
        if decision.status != DecisionStatus.PROVISIONAL:
            raise ValidationError("status", "Dit besluit is al definitief.")
        if not confirmed_by.strip():
            raise ValidationError("confirmed_by", "Wie heeft het besluit namens de organisatie bevestigd?")
        on = on or self._store.now().date()
        with self._store.unit_of_work() as uow:
            uow.update(
                "decision",
                decision_id,
                {"status": DecisionStatus.FINAL, "confirmed_on": on, "confirmed_by": confirmed_by.strip()},
            )
            uow.execute(
                "UPDATE agreement SET status = ?, outcome_note = ? WHERE decision_id = ? AND status = 'open'",
                [AgreementStatus.DONE, f"Bevestigd door {confirmed_by.strip()} op {on:%d-%m-%Y}", decision_id],
            )
            uow.audit("besluit bevestigd", "decision", decision_id, f"door {confirmed_by.strip()} op {on:%d-%m-%Y}")
        return Change.updated("decision", decision_id)


def _validated(draft: DecisionInput) -> DecisionInput:
    text = draft.text.strip()
    if not text:
        raise ValidationError("text", "Schrijf op wat er besloten is.")
    if draft.location_partner_id is None:
        raise ValidationError("location_partner_id", "Kies de partner die het besluit neemt (met mandaat).")
    for field in ("parents_position", "child_position"):
        try:
            Position(getattr(draft, field))
        except ValueError:
            raise ValidationError(field, "Kies eens, oneens of eens met opmerkingen.") from None
    if Position(draft.parents_position) in (Position.DISAGREE, Position.AGREE_WITH_REMARKS) and not draft.parents_words.strip():
        raise ValidationError("parents_words", "Noteer in de woorden van de ouders wat zij ervan vinden.")
    return replace(draft, text=text, category=draft.category.strip(), parents_words=draft.parents_words.strip(),
                   child_words=draft.child_words.strip())

