"""Agreements (afspraken): who does what by when, and their follow-up in the next discussion.

Parents and the child own agreements too: they are partners, not subjects. Open agreements of a
child come back in the child's next discussion, where each gets an outcome (uitkomst).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ...domain.enums import AgreementStatus, OwnerKind
from ...domain.limits import NAME_MAX, TEXT_MAX, check_fields, check_length
from ...domain.outcomes import Agreement
from ...errors import RecordLocked, ValidationError
from ...storage import Store
from ...storage.mapping import from_row
from ..changes import Change, Entity
from .agreement_overview import AgreementFilter, AgreementOverview, AgreementView
from .records import discussion_context, ensure_editable

OUTCOMES = (AgreementStatus.DONE, AgreementStatus.NOT_DONE, AgreementStatus.CONTINUES, AgreementStatus.CHANGED)
STILL_OPEN = ("open", "loopt_door")


@dataclass(frozen=True)
class AgreementInput:
    owner_kind: OwnerKind | str | None
    owner_name: str
    description: str
    due_date: date | None = None
    evaluation_date: date | None = None
    offer_id: int | None = None  # an offer from the sociale kaart, when one was picked


@dataclass(frozen=True)
class EvaluationDue:
    """The earliest open evaluation date of a child: input for planning the next meeting."""

    location_id: int
    location_name: str
    child_id: int
    child_name: str
    evaluation_date: date
    open_agreements: int
    planned_on: date | None = None


class AgreementService(AgreementOverview):
    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self._store = store

    # Reads ---------------------------------------------------------------------------------
    def agreement(self, agreement_id: int) -> Agreement:
        return self._store.get(Agreement, "agreement", agreement_id)

    def for_discussion(self, discussion_id: int) -> list[Agreement]:
        """The agreements made in this discussion."""
        return self._store.select(Agreement, "agreement", "discussion_id = ?", [discussion_id], order_by="id")

    def to_review(self, discussion_id: int) -> list[Agreement]:
        """Terugblik: the child's agreements from earlier discussions that are open, or got their
        outcome in this discussion (so they stay listed after the outcome is entered)."""
        ctx = discussion_context(self._store, discussion_id)
        rows = self._store.query(
            "SELECT a.* FROM agreement a LEFT JOIN discussion d ON d.id = a.discussion_id "
            "LEFT JOIN meeting m ON m.id = d.meeting_id "
            "WHERE a.child_id = ? AND (a.discussion_id IS NULL OR a.discussion_id != ?) "
            "AND (m.date IS NULL OR m.date <= ?) "
            "AND (a.outcome_discussion_id = ? OR (a.status IN ('open', 'loopt_door') "
            "     AND (a.outcome_discussion_id IS NULL OR a.outcome_discussion_id != ?"
            "          OR a.status = 'loopt_door'))) "
            "ORDER BY a.due_date IS NULL, a.due_date, a.id",
            [ctx.discussion.child_id, discussion_id, ctx.meeting_date, discussion_id, discussion_id],
        )
        return [from_row(Agreement, r) for r in rows]

    def owner_suggestions(self, discussion_id: int) -> dict[OwnerKind, list[str]]:
        """Who could own an agreement in this discussion: parents, the child, partners, school."""
        ctx = discussion_context(self._store, discussion_id)
        parents = self._store.query(
            "SELECT name FROM guardian WHERE child_id = ? ORDER BY id", [ctx.discussion.child_id]
        )
        child = self._store.query("SELECT first_name FROM child WHERE id = ?", [ctx.discussion.child_id])
        partners = self._store.query(
            "SELECT p.name || ' (' || o.name || ')' AS name FROM location_partner lp "
            "JOIN contact_person p ON p.id = lp.contact_id JOIN organisation o ON o.id = lp.organisation_id "
            "WHERE lp.location_id = ? ORDER BY lp.kind DESC, lp.position",
            [ctx.location_id],
        )
        chair = self._store.scalar(
            "SELECT m.chair_name FROM meeting m JOIN discussion d ON d.meeting_id = m.id WHERE d.id = ?",
            [discussion_id],
        )
        return {
            OwnerKind.PARTNER: [r["name"] for r in partners],
            OwnerKind.PARENT: [r["name"] for r in parents],
            OwnerKind.CHILD: [r["first_name"] for r in child],
            OwnerKind.SCHOOL: [chair] if chair else [],
        }

    def evaluations_due(self, *, location_id: int | None = None) -> list[EvaluationDue]:
        """Per child the earliest evaluation date, earliest first: of its open agreements, and the
        evaluation date set in its latest finalised discussion (if no later one exists).

        The planner uses it to suggest the next meeting and which children it should include;
        ``planned_on`` says whether the child already has a slot in a planned meeting.
        """
        where, params = "", []
        if location_id is not None:
            where, params = "AND c.location_id = ?", [location_id]
        rows = self._store.query(
            "SELECT c.location_id, l.name AS location_name, c.id AS child_id, "
            "c.first_name || ' ' || c.last_name AS child_name, min(e.day) AS evaluation_date, "
            "sum(e.open) AS open_agreements, "
            "(SELECT min(m.date) FROM discussion d JOIN meeting m ON m.id = d.meeting_id "
            " WHERE d.child_id = c.id AND m.status = 'gepland' AND d.status != 'afgemeld' AND m.date >= ?) "
            "AS planned_on "
            "FROM ("
            "  SELECT a.child_id, a.evaluation_date AS day, 1 AS open FROM agreement a "
            "  WHERE a.status IN ('open', 'loopt_door') AND a.evaluation_date IS NOT NULL "
            "  UNION ALL "
            "  SELECT d.child_id, d.evaluation_date, 0 FROM discussion d JOIN meeting m ON m.id = d.meeting_id "
            "  WHERE d.evaluation_date IS NOT NULL AND d.status = 'vastgesteld' AND NOT EXISTS ("
            "    SELECT 1 FROM discussion d2 JOIN meeting m2 ON m2.id = d2.meeting_id "
            "    WHERE d2.child_id = d.child_id AND m2.date > m.date AND d2.status != 'afgemeld')"
            ") e JOIN child c ON c.id = e.child_id JOIN location l ON l.id = c.location_id "
            f"WHERE c.archived_on IS NULL {where} GROUP BY c.id, l.name ORDER BY evaluation_date, child_name",
            [self._store.now().date(), *params],
        )
        return [
            EvaluationDue(r["location_id"], r["location_name"], r["child_id"], r["child_name"],
                          date.fromisoformat(r["evaluation_date"]), r["open_agreements"],
                          date.fromisoformat(r["planned_on"]) if r["planned_on"] else None)
            for r in rows
        ]

    def earliest_evaluation(self, location_id: int) -> date | None:
        """The earliest evaluation date at a location: the next meeting should be before it."""
        due = self.evaluations_due(location_id=location_id)
        return due[0].evaluation_date if due else None

    # Writes --------------------------------------------------------------------------------
    def create(self, discussion_id: int, draft: AgreementInput) -> tuple[Agreement, Change]:
        """Afspraak maken in een bespreking."""
        ensure_editable(self._store, discussion_id, "een afspraak")
        ctx = discussion_context(self._store, discussion_id)
        draft = _validated(draft, ctx.meeting_date)
        assert draft.owner_kind is not None  # _validated refuses a missing owner
        agreement = Agreement(None, ctx.discussion.child_id, discussion_id, OwnerKind(draft.owner_kind),
                              draft.owner_name, draft.description, draft.due_date, draft.evaluation_date,
                              offer_id=draft.offer_id)
        with self._store.unit_of_work() as uow:
            agreement_id = uow.insert("agreement", agreement)
            uow.audit("afspraak gemaakt", "agreement", agreement_id, _who(draft))
        return replace(agreement, id=agreement_id), Change.created(Entity.AGREEMENT, agreement_id)

    def update(self, agreement_id: int, draft: AgreementInput) -> Change:
        current = self.agreement(agreement_id)
        ensure_editable(self._store, current.discussion_id, "deze afspraak")
        meeting_date = discussion_context(self._store, current.discussion_id).meeting_date if current.discussion_id else None
        draft = _validated(draft, meeting_date)
        assert draft.owner_kind is not None  # _validated refuses a missing owner
        with self._store.unit_of_work() as uow:
            uow.update("agreement", agreement_id, {
                "owner_kind": OwnerKind(draft.owner_kind), "owner_name": draft.owner_name,
                "description": draft.description, "due_date": draft.due_date,
                "evaluation_date": draft.evaluation_date, "offer_id": draft.offer_id,
            })
            uow.audit("afspraak gewijzigd", "agreement", agreement_id, _who(draft))
        return Change.updated(Entity.AGREEMENT, agreement_id)

    def record_outcome(self, agreement_id: int, discussion_id: int, status: AgreementStatus | str, note: str = "") -> Change:
        """Uitkomst in de terugblik: gedaan / niet gedaan (waarom) / loopt door / gewijzigd (hoe)."""
        ensure_editable(self._store, discussion_id, "de terugblik")
        agreement = self.agreement(agreement_id)
        ctx = discussion_context(self._store, discussion_id)
        if agreement.child_id != ctx.discussion.child_id or agreement.discussion_id == discussion_id:
            raise ValidationError("status", "Deze afspraak komt niet terug in deze bespreking.")
        self._earlier_outcome_open(agreement, discussion_id)
        try:
            status = AgreementStatus(status)
        except ValueError:
            status = ""
        if not isinstance(status, AgreementStatus) or status not in OUTCOMES:
            raise ValidationError("status", "Kies een uitkomst: gedaan, niet gedaan, loopt door of gewijzigd.")
        note = check_length("outcome_note", note.strip(), TEXT_MAX, "De toelichting op de uitkomst")
        if status == AgreementStatus.NOT_DONE and not note:
            raise ValidationError("outcome_note", "Schrijf op waarom de afspraak niet gedaan is.")
        if status == AgreementStatus.CHANGED and not note:
            raise ValidationError("outcome_note", "Schrijf op wat er aan de afspraak veranderd is.")
        with self._store.unit_of_work() as uow:
            uow.update("agreement", agreement_id,
                       {"status": status, "outcome_note": note, "outcome_discussion_id": discussion_id})
            uow.audit("uitkomst afspraak", "agreement", agreement_id, status.label)
        return Change.updated(Entity.AGREEMENT, agreement_id)


    def _earlier_outcome_open(self, agreement: Agreement, discussion_id: int) -> None:
        """An outcome recorded in another, finalised discussion stays; only *loopt door* invites
        the next discussion to record the next outcome."""
        earlier = agreement.outcome_discussion_id
        if earlier is None or earlier == discussion_id or agreement.status == AgreementStatus.CONTINUES:
            return
        ctx = discussion_context(self._store, earlier)
        if ctx.locked:
            raise RecordLocked(
                f"De uitkomst van deze afspraak ({AgreementStatus(agreement.status).label.lower()}) is vastgelegd "
                f"in de bespreking van {ctx.meeting_date:%d-%m-%Y}, en die is vastgesteld. Voeg daar een "
                "aanvulling toe als de uitkomst niet klopt.")


def _validated(draft: AgreementInput, meeting_date: date | None) -> AgreementInput:
    try:
        kind = OwnerKind(draft.owner_kind) if draft.owner_kind else None
    except ValueError:
        kind = None
    if kind is None:
        raise ValidationError("owner_kind", "Wie is eigenaar van de afspraak: een partner, ouder, het kind of school?")
    check_fields(draft, {"owner_name": (NAME_MAX, "Wie de afspraak uitvoert"),
                         "description": (TEXT_MAX, "De afspraak")})
    owner = draft.owner_name.strip()
    if not owner:
        raise ValidationError("owner_name", "Vul in wie de afspraak uitvoert.")
    description = draft.description.strip()
    if not description:
        raise ValidationError("description", "Schrijf op wat er afgesproken is.")
    if draft.due_date and meeting_date and draft.due_date < meeting_date:
        raise ValidationError(
            "due_date", f"De datum ‘uiterlijk’ ligt vóór het overleg ({meeting_date:%d-%m-%Y}). Kies een latere datum."
        )
    if draft.evaluation_date and meeting_date and draft.evaluation_date < meeting_date:
        raise ValidationError(
            "evaluation_date", f"De evaluatiedatum ligt vóór het overleg ({meeting_date:%d-%m-%Y})."
        )
    return replace(draft, owner_kind=kind, owner_name=owner, description=description)


__all__ = ["AgreementFilter", "AgreementInput", "AgreementService", "AgreementView", "EvaluationDue"]


def _who(draft: AgreementInput) -> str:
    """The audit detail of an agreement: whose it is by kind, never a name or its text (AVG erasure)."""
    return f"eigenaar: {OwnerKind(draft.owner_kind).value}" if draft.owner_kind else ""
