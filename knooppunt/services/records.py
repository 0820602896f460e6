"""Record integrity: finalising a discussion locks its outcomes; corrections are addenda.

Vastgesteld is vastgesteld: after the chair finalises a child's discussion, its decisions and
agreements cannot be edited any more. A correction is an *aanvulling* (addendum) that says
who, when and why; the original stays visible next to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain.enums import DiscussionStatus
from ..domain.meetings import Discussion
from ..domain.outcomes import Addendum
from ..errors import RecordLocked, ValidationError
from ..storage import Store
from .changes import Change

ADDENDUM_TARGETS = ("bespreking", "besluit", "afspraak")


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


class RecordService:
    """Vaststellen van een bespreking en aanvullingen daarop."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def context(self, discussion_id: int) -> DiscussionContext:
        return discussion_context(self._store, discussion_id)

    def is_locked(self, discussion_id: int) -> bool:
        return self.context(discussion_id).locked

    def finalise(self, discussion_id: int) -> Change:
        """Vaststellen: from now on decisions and agreements of this discussion are locked."""
        ensure_editable(self._store, discussion_id, "de bespreking")
        counts = self._store.query(
            "SELECT (SELECT count(*) FROM decision WHERE discussion_id = ?) AS decisions, "
            "(SELECT count(*) FROM agreement WHERE discussion_id = ?) AS agreements",
            [discussion_id, discussion_id],
        )[0]
        with self._store.unit_of_work() as uow:
            uow.update(
                "discussion",
                discussion_id,
                {
                    "status": DiscussionStatus.FINALISED,
                    "finalised_at": self._store.now(),
                    "finalised_by": self._store.actor,
                },
            )
            uow.audit(
                "bespreking vastgesteld",
                "discussion",
                discussion_id,
                f"{counts['decisions']} besluit(en), {counts['agreements']} afspraak/afspraken vergrendeld",
            )
        return Change.updated("discussion", discussion_id)

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
        if not reason.strip():
            raise ValidationError("reason", "Geef aan waarom deze aanvulling nodig is.")
        table = {"besluit": "decision", "afspraak": "agreement"}.get(target)
        if table is not None:
            owner = self._store.scalar(f"SELECT discussion_id FROM [{table}] WHERE id = ?", [target_id])
            if owner != discussion_id:
                raise ValidationError("target", "Dit besluit of deze afspraak hoort niet bij deze bespreking.")
        addendum = Addendum(
            None, discussion_id, target, target_id, text.strip(), reason.strip(), self._store.actor, self._store.now()
        )
        with self._store.unit_of_work() as uow:
            addendum_id = uow.insert("addendum", addendum)
            uow.audit("aanvulling toegevoegd", "addendum", addendum_id, f"{target} {target_id or ''}: {reason.strip()}")
        return Change.created("addendum", addendum_id)
