"""Decisions (besluiten) taken in a discussion, with the mandate from the directory.

A partner at the table decides with the mandate of their organisation (the rules are in
``decision_rules``). Without a valid mandate on the *meeting* date the decision is *voorlopig*,
with the reason stored, and an agreement to have it confirmed by the organisation is made at
once. Confirming later is one action, under the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from ...domain.enums import AgreementStatus, DecisionStatus, OwnerKind, Position
from ...domain.limits import NAME_MAX, TEXT_MAX, check_fields
from ...domain.meetings import Participant
from ...domain.outcomes import Agreement, Decision
from ...errors import KnooppuntError, ValidationError
from ...storage import Store, UnitOfWork
from ..changes import Change, Entity
from ..children.consent import ConsentService
from ..directory.locations import LocationService
from .decision_rules import MandateCheck, describe_mandate, refuse_outside_table, require_decision_moment, table_problem
from .records import DiscussionContext, discussion_context, ensure_editable

__all__ = ["DecisionInput", "DecisionService", "MandateCheck", "describe_mandate"]

CONFIRMATION_TEXT = "Besluit laten bevestigen door de organisatie"
CONFIRMATION_DAYS = 14


@dataclass(frozen=True)
class DecisionInput:
    """What the chair fills in for a decision."""

    text: str
    category: str = ""
    location_partner_id: int | None = None
    decided_by: str = ""
    parents_position: Position | None = None  # must be chosen; "niet gevraagd" needs a reason
    parents_words: str = ""
    child_position: Position = Position.NOT_ASKED
    child_words: str = ""
    offer_id: int | None = None  # an offer from the sociale kaart, when one was picked


class DecisionService:
    def __init__(self, store: Store, locations: LocationService, consent: ConsentService) -> None:
        self._store = store
        self._locations = locations
        self._consent = consent

    # Reads ---------------------------------------------------------------------------------
    def decisions(self, discussion_id: int) -> list[Decision]:
        return self._store.select(Decision, "decision", "discussion_id = ?", [discussion_id], order_by="id")

    def decision(self, decision_id: int) -> Decision:
        return self._store.get(Decision, "decision", decision_id)

    def mandate_checks(self, discussion_id: int) -> list[MandateCheck]:
        """The filled partner roles of the location, each with whether they are at this table
        (invited, present, covered by consent) and their mandate on the meeting date."""
        ctx = discussion_context(self._store, discussion_id)
        participants = self._store.select(Participant, "participant", "discussion_id = ?", [discussion_id])
        checks = []
        for view in self._locations.partners(ctx.location_id):
            if not view.partner.is_filled:
                continue
            org = view.partner.organisation_id
            covered = {org} if org is not None and not self._consent.missing(
                ctx.discussion.child_id, ctx.meeting_date, [org]) else set()
            checks.append(MandateCheck(view, ctx.meeting_date, view.mandate_problem(ctx.meeting_date),
                                       table_problem(view, participants, covered)))
        return checks

    def moment_problem(self, discussion_id: int) -> str | None:
        """Why no decision can be recorded in this discussion now (None: it is running, on the day)."""
        try:
            require_decision_moment(discussion_context(self._store, discussion_id), self._store.now().date())
        except KnooppuntError as exc:
            return exc.message
        return None

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
        require_decision_moment(ctx, self._store.now().date())
        draft = _validated(draft)
        assert draft.location_partner_id is not None
        check = self.mandate_check(discussion_id, draft.location_partner_id)
        refuse_outside_table(check)
        decided_by = draft.decided_by.strip() or (check.people[0] if check.people else "")
        if not decided_by:
            raise ValidationError("decided_by", "Wie neemt het besluit? Vul de naam van de persoon in.")
        status = DecisionStatus.FINAL if check.valid else DecisionStatus.PROVISIONAL
        assert draft.parents_position is not None  # checked with the other fields above
        decision = Decision(
            None, discussion_id, draft.text, draft.category, draft.location_partner_id, decided_by,
            check.organisation, check.describe(), status, draft.parents_position, draft.parents_words,
            draft.child_position, draft.child_words, provisional_reason=check.provisional_reason(),
            offer_id=draft.offer_id,
        )
        with self._store.unit_of_work() as uow:
            decision_id = uow.insert("decision", decision)
            uow.audit("besluit vastgelegd", "decision", decision_id, status.label)
            if status == DecisionStatus.PROVISIONAL:
                self._add_confirmation(uow, ctx, decision_id, decided_by, check.organisation, draft.text)
        return replace(decision, id=decision_id), Change.created(Entity.DECISION, decision_id)

    def update(self, decision_id: int, draft: DecisionInput) -> Change:
        """Change a decision while its discussion is not finalised (the mandate is checked again)."""
        current = self.decision(decision_id)
        ensure_editable(self._store, current.discussion_id, "dit besluit")
        require_decision_moment(discussion_context(self._store, current.discussion_id), self._store.now().date())
        draft = _validated(draft)
        assert current.discussion_id is not None
        assert draft.location_partner_id is not None
        check = self.mandate_check(current.discussion_id, draft.location_partner_id)
        refuse_outside_table(check)
        values = {
            "text": draft.text, "category": draft.category, "location_partner_id": draft.location_partner_id,
            "decided_by": draft.decided_by.strip() or current.decided_by, "organisation": check.organisation,
            "mandate_text": check.describe(), "parents_position": draft.parents_position,
            "parents_words": draft.parents_words, "child_position": draft.child_position,
            "child_words": draft.child_words, "provisional_reason": check.provisional_reason(),
            "offer_id": draft.offer_id,
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
                self._add_confirmation(uow, ctx, decision_id, str(values["decided_by"]), check.organisation, draft.text)
            if values.get("status", current.status) == DecisionStatus.FINAL:
                values["provisional_reason"] = ""  # confirmed by the organisation, or a valid mandate
            uow.update("decision", decision_id, values)
            uow.audit("besluit gewijzigd", "decision", decision_id)
        return Change.updated(Entity.DECISION, decision_id)

    @staticmethod
    def _add_confirmation(uow: UnitOfWork, ctx: DiscussionContext, decision_id: int, decided_by: str, organisation: str, text: str) -> None:
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
        today = self._store.now().date()
        on = on or today
        ctx = discussion_context(self._store, decision.discussion_id)
        if on > today:
            raise ValidationError("confirmed_on", "Een bevestiging kan niet in de toekomst liggen.")
        if on < ctx.meeting_date:
            raise ValidationError("confirmed_on", "Een bevestiging ligt op of na de datum van het overleg.")
        if decision.location_partner_id is None:
            raise KnooppuntError("Bij dit besluit staat geen partner meer; leg het opnieuw vast.")
        # The same table rules: the decider was at the table, within the consent.
        refuse_outside_table(self.mandate_check(decision.discussion_id, decision.location_partner_id))
        with self._store.unit_of_work() as uow:
            uow.update(
                "decision",
                decision_id,
                {"status": DecisionStatus.FINAL, "confirmed_on": on, "confirmed_by": confirmed_by.strip(),
                 "provisional_reason": ""},
            )
            uow.execute(
                "UPDATE agreement SET status = ?, outcome_note = ? WHERE decision_id = ? AND status = 'open'",
                [AgreementStatus.DONE, f"Bevestigd door {confirmed_by.strip()} op {on:%d-%m-%Y}", decision_id],
            )
            uow.audit("besluit bevestigd", "decision", decision_id, f"door {confirmed_by.strip()} op {on:%d-%m-%Y}")
        return Change.updated(Entity.DECISION, decision_id)


def _validated(draft: DecisionInput) -> DecisionInput:
    check_fields(draft, {"text": (TEXT_MAX, "Het besluit"), "category": (NAME_MAX, "De categorie"),
                         "decided_by": (NAME_MAX, "De naam van wie besluit"),
                         "parents_words": (TEXT_MAX, "De woorden van de ouders"),
                         "child_words": (TEXT_MAX, "De woorden van het kind")})
    text = draft.text.strip()
    if not text:
        raise ValidationError("text", "Schrijf op wat er besloten is.")
    if draft.location_partner_id is None:
        raise ValidationError("location_partner_id", "Kies de partner die het besluit neemt (met mandaat).")
    if draft.parents_position is None:
        raise ValidationError("parents_position", "Kies het standpunt van de ouders (of ‘niet gevraagd’, met de reden).")
    for field in ("parents_position", "child_position"):
        try:
            Position(getattr(draft, field))
        except ValueError:
            raise ValidationError(field, "Kies eens, oneens of eens met opmerkingen.") from None
    parents = Position(draft.parents_position)
    if parents in (Position.DISAGREE, Position.AGREE_WITH_REMARKS) and not draft.parents_words.strip():
        raise ValidationError("parents_words", "Noteer in de woorden van de ouders wat zij ervan vinden.")
    if parents == Position.NOT_ASKED and not draft.parents_words.strip():
        raise ValidationError("parents_words", "Waarom is het de ouders niet gevraagd? Noteer de reden "
                                               "(bijv. ‘ouders afwezig, met hun instemming’).")
    return replace(draft, text=text, category=draft.category.strip(), parents_words=draft.parents_words.strip(),
                   child_words=draft.child_words.strip())

