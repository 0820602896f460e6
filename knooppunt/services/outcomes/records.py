"""Record integrity: finalising a discussion locks its outcomes; corrections are addenda.

Vastgesteld is vastgesteld: after the chair finalises a child's discussion, its decisions and
agreements cannot be edited any more. A correction is an *aanvulling* (addendum) that says
who, when and why; the original stays visible next to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...domain.enums import DiscussionStatus, MeetingStatus
from ...domain.limits import LINE_MAX, TEXT_MAX, check_length
from ...domain.meeting_rules import absence_problem, refuse_before_meeting_day
from ...domain.meetings import Discussion, Participant
from ...domain.outcomes import Addendum
from ...errors import RecordLocked, ValidationError
from ...storage import Store, UnitOfWork
from ..changes import Change, Entity

ADDENDUM_TARGETS = ("bespreking", "besluit", "afspraak")
RUNNING_KEY = "meeting_mode.discussion_id"  # setting: the discussion the chair is in (status bezig)


@dataclass(frozen=True)
class DiscussionContext:
    """A discussion with what the outcome screens need: meeting date, child, location."""

    discussion: Discussion
    meeting_date: date
    location_id: int
    child_name: str

    @property
    def locked(self) -> bool:
        return self.discussion.status == DiscussionStatus.FINALISED


def discussion_context(store: Store, discussion_id: int) -> DiscussionContext:
    discussion = store.get(Discussion, "discussion", discussion_id)
    row = store.query(
        "SELECT m.date, m.location_id, c.first_name || ' ' || c.last_name AS child_name "
        "FROM discussion d JOIN meeting m ON m.id = d.meeting_id JOIN child c ON c.id = d.child_id "
        "WHERE d.id = ?",
        [discussion_id],
    )[0]
    return DiscussionContext(discussion, date.fromisoformat(row["date"]), row["location_id"], row["child_name"])


def ensure_editable(store: Store, discussion_id: int | None, what: str) -> None:
    """Refuse a change to ``what`` when its discussion has been finalised (vastgesteld)."""
    if discussion_id is None:
        return
    status = store.scalar("SELECT status FROM discussion WHERE id = ?", [discussion_id])
    if status == DiscussionStatus.FINALISED.value:
        raise RecordLocked(
            f"De bespreking is vastgesteld; {what} kan niet meer gewijzigd worden. "
            "Voeg een aanvulling toe als er iets gecorrigeerd moet worden."
        )


def ensure_meeting_day(store: Store, meeting_date: date, what: str) -> None:
    """Time is real: ``what`` (open, finalise, make final) only on or after the meeting date."""
    refuse_before_meeting_day(store.now().date(), meeting_date, what)


def refuse_leaving_decider(store: Store, participant: Participant) -> None:
    """A partner who decided in this discussion stays at the table (a decision needs its decider present)."""
    if participant.location_partner_id is None:
        return
    decided = store.count("decision", "discussion_id = ? AND location_partner_id = ?",
                          [participant.discussion_id, participant.location_partner_id])
    others = store.count("participant", "discussion_id = ? AND location_partner_id = ? AND id != ? "
                         "AND attendance IN ('aanwezig', 'later')",
                         [participant.discussion_id, participant.location_partner_id, participant.id])
    if decided and not others:
        raise ValidationError("attendance", f"{participant.name} heeft in deze bespreking een besluit genomen en kan "
                                            "daarom niet afwezig zijn. Zet het besluit eerst op de partner die "
                                            "wel besliste, of verwijder het.")


def check_evaluation_date(store: Store, discussion_id: int, day: date | None) -> None:
    """The evaluation date lies after the meeting (or there is none)."""
    if day is not None and day <= discussion_context(store, discussion_id).meeting_date:
        raise ValidationError("evaluation_date", "De evaluatiedatum ligt na de datum van dit overleg.")


def finalise_discussion(store: Store, discussion_id: int, *, seconds_spent: dict[int, int] | None = None,
                        evaluation_date: date | None = None) -> Change:
    """Afronden / vaststellen, the one way: parents present or their absence justified, every agenda
    item ticked off, outcomes locked, and the meeting held once none of its discussions is open."""
    ensure_editable(store, discussion_id, "de bespreking")
    ctx = discussion_context(store, discussion_id)
    ensure_meeting_day(store, ctx.meeting_date, "de bespreking afronden")
    participants = store.select(Participant, "participant", "discussion_id = ?", [discussion_id])
    problem = absence_problem(ctx.discussion, participants)
    if problem:
        raise ValidationError("parents_absent", problem)
    check_evaluation_date(store, discussion_id, evaluation_date)
    counts = store.query(
        "SELECT (SELECT count(*) FROM decision WHERE discussion_id = ?) AS decisions, "
        "(SELECT count(*) FROM agreement WHERE discussion_id = ?) AS agreements",
        [discussion_id, discussion_id],
    )[0]
    meeting_id = ctx.discussion.meeting_id
    with store.unit_of_work() as uow:
        write_seconds(uow, discussion_id, seconds_spent)
        uow.update("discussion", discussion_id, {
            "status": DiscussionStatus.FINALISED, "current_item_id": None,
            "evaluation_date": evaluation_date or ctx.discussion.evaluation_date,
            "finalised_at": store.now(), "finalised_by": store.actor})
        uow.execute("UPDATE agenda_item SET done = 1 WHERE discussion_id = ?", [discussion_id])
        left = store.scalar(
            "SELECT count(*) FROM discussion WHERE meeting_id = ? AND status IN ('gepland', 'bezig')", [meeting_id])
        if not left:
            uow.update("meeting", meeting_id, {"status": MeetingStatus.HELD})
        uow.execute("DELETE FROM setting WHERE key = ?", [store.setting_key(RUNNING_KEY)])
        uow.audit("bespreking vastgesteld", "discussion", discussion_id,
                  f"{counts['decisions']} besluit(en), "
                  f"{counts['agreements']} afspraak/afspraken vergrendeld")
    return Change.updated(Entity.DISCUSSION, discussion_id)


def write_seconds(uow: UnitOfWork, discussion_id: int, seconds_spent: dict[int, int] | None) -> None:
    for item_id, seconds in (seconds_spent or {}).items():
        uow.execute("UPDATE agenda_item SET seconds_spent = ? WHERE id = ? AND discussion_id = ?",
                    [max(0, int(seconds)), item_id, discussion_id])


class RecordService:
    """Vaststellen van een bespreking en aanvullingen daarop."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def context(self, discussion_id: int) -> DiscussionContext:
        return discussion_context(self._store, discussion_id)

    def is_locked(self, discussion_id: int) -> bool:
        return self.context(discussion_id).locked

    def finalise(self, discussion_id: int, *, evaluation_date: date | None = None) -> Change:
        """Vaststellen: from now on decisions and agreements of this discussion are locked.

        The same as *Afronden* in the meeting mode (``finalise_discussion``).
        """
        return finalise_discussion(self._store, discussion_id, evaluation_date=evaluation_date)

    def addenda(self, discussion_id: int) -> list[Addendum]:
        return self._store.select(Addendum, "addendum", "discussion_id = ?", [discussion_id], order_by="id")

    def add_addendum(self, discussion_id: int, target: str, target_id: int | None, text: str, reason: str) -> Change:
        """Aanvulling: only on a finalised discussion (before that, simply edit the record)."""
        if not self.is_locked(discussion_id):
            raise ValidationError("text", "De bespreking is nog niet vastgesteld: pas het besluit of de afspraak zelf aan.")
        if target not in ADDENDUM_TARGETS:
            raise ValidationError("target", "Kies waar de aanvulling over gaat.")
        if not text.strip():
            raise ValidationError("text", "Schrijf op wat er aangevuld of gecorrigeerd wordt.")
        check_length("text", text, TEXT_MAX, "De aanvulling")
        check_length("reason", reason, LINE_MAX, "De reden")
        if not reason.strip():
            raise ValidationError("reason", "Geef aan waarom deze aanvulling nodig is.")
        table = {"besluit": "decision", "afspraak": "agreement"}.get(target)
        if table is not None:
            owner = self._store.scalar(f'SELECT discussion_id FROM "{table}" WHERE id = ?', [target_id])
            if owner != discussion_id:
                raise ValidationError("target", "Dit besluit of deze afspraak hoort niet bij deze bespreking.")
        addendum = Addendum(
            None, discussion_id, target, target_id, text.strip(), reason.strip(), self._store.actor, self._store.now()
        )
        with self._store.unit_of_work() as uow:
            addendum_id = uow.insert("addendum", addendum)
            uow.audit("aanvulling toegevoegd", "addendum", addendum_id, f"{target} {target_id or ''}".strip())
        return Change.created(Entity.ADDENDUM, addendum_id)
