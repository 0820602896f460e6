"""Erasing a child (AVG art. 17): on request, or when the retention term has passed.

First :meth:`ErasureService.preview` shows what will go; :meth:`erase` then deletes the child,
its parents, consents, case, discussions (with their participants, notes, decisions, addenda),
agreements, documents and transfer files in one unit of work. Other children's records stay:
a meeting that also discussed others keeps them. Counts for monitoring survive without names:
the old yearly tally (``monitoring_tally``) and the child's share of every Monitoring indicator
(``monitoring_erased``), so the Monitoring figures do not change. The audit log keeps that an
erasure happened, by whom and why — the reason is a fixed category, so no name can be typed into the log.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ...errors import KnooppuntError, NotFound
from ...storage import Store
from ...storage.store import UnitOfWork
from ..changes import Change, Entity
from ..monitoring.erased import ErasedShareKeeper
from ..monitoring.tally import MonitoringTally


class ErasureReason(StrEnum):
    REQUEST = "verzoek"
    RETENTION = "bewaartermijn"
    NOT_NEEDED = "niet_meer_nodig"

    @property
    def label(self) -> str:
        return {"verzoek": "op verzoek van de ouders of het kind (AVG art. 17)",
                "bewaartermijn": "bewaartermijn verstreken",
                "niet_meer_nodig": "niet meer nodig"}[self.value]


@dataclass(frozen=True)
class ErasurePreview:
    """What erasing one child removes (shown before the user confirms)."""

    child_id: int
    child_name: str
    counts: tuple[tuple[str, int], ...]  # (Dutch label, number), only the non-zero ones
    shared_meetings: int  # meetings that also discussed other children: they stay, without this child
    meeting_reports: int  # overlegverslagen of those meetings: they name this child, so they go too

    def summary(self) -> str:
        parts = [f"{n} {label}" for label, n in self.counts]
        return ", ".join(parts) if parts else "alleen de gegevens van het kind"


# (label, SQL counting rows of one child)
_COUNTS: tuple[tuple[str, str], ...] = (
    ("ouder(s)/verzorger(s)", "SELECT count(*) FROM guardian WHERE child_id = ?"),
    ("toestemming(en)", "SELECT count(*) FROM consent WHERE child_id = ?"),
    ("casus(sen)", "SELECT count(*) FROM child_case WHERE child_id = ?"),
    ("bespreking(en)", "SELECT count(*) FROM discussion WHERE child_id = ?"),
    ("notitie(s)", "SELECT count(*) FROM note n JOIN agenda_item i ON i.id = n.agenda_item_id "
                   "JOIN discussion d ON d.id = i.discussion_id WHERE d.child_id = ?"),
    ("besluit(en)", "SELECT count(*) FROM decision b JOIN discussion d ON d.id = b.discussion_id WHERE d.child_id = ?"),
    ("afspraak/afspraken", "SELECT count(*) FROM agreement WHERE child_id = ?"),
    ("aanvulling(en)", "SELECT count(*) FROM addendum a JOIN discussion d ON d.id = a.discussion_id "
                       "WHERE d.child_id = ?"),
    ("document(en)", "SELECT count(*) FROM document o JOIN discussion d ON d.id = o.discussion_id WHERE d.child_id = ?"),
    ("overdrachtsdossier(s)", "SELECT count(*) FROM transfer_history WHERE child_id = ?"),
    ("verzoek(en) van ouders", "SELECT count(*) FROM avg_request WHERE child_id = ?"),
)
_MEETINGS_OF_CHILD = "SELECT DISTINCT meeting_id FROM discussion WHERE child_id = ?"
# Tables whose rows belong to one child and are deleted in this order (dependants first).
_OWN_TABLES = ("agreement", "discussion", "consent", "child_case", "transfer_history", "guardian")


class ErasureService:
    def __init__(self, store: Store, monitoring: MonitoringTally) -> None:
        self._store = store
        self._monitoring = monitoring
        self._shares = ErasedShareKeeper(store)

    def preview(self, child_id: int) -> ErasurePreview:
        row = self._store.query("SELECT first_name, last_name FROM child WHERE id = ?", [child_id])
        if not row:
            raise NotFound("Dit kind bestaat niet (meer); er is niets te wissen.")
        counts = tuple((label, n) for label, sql in _COUNTS if (n := int(self._store.scalar(sql, [child_id]))))
        shared = int(self._store.scalar(
            f"SELECT count(*) FROM ({_MEETINGS_OF_CHILD}) x WHERE EXISTS (SELECT 1 FROM discussion o "
            "WHERE o.meeting_id = x.meeting_id AND o.child_id != ?)", [child_id, child_id]))
        reports = int(self._store.scalar(
            f"SELECT count(*) FROM document WHERE discussion_id IS NULL AND meeting_id IN ({_MEETINGS_OF_CHILD})",
            [child_id]))
        name = f"{row[0]['first_name']} {row[0]['last_name']}".strip()
        return ErasurePreview(child_id, name, counts, shared, reports)

    def erase(self, child_id: int, reason: ErasureReason) -> Change:
        """Erase one child for good; the file keeps no copy (see ``purge_freed_content``)."""
        return self.erase_many([child_id], reason)

    def erase_many(self, child_ids: list[int], reason: ErasureReason) -> Change:
        """Erase several children in one unit of work (all or none), one audit entry each."""
        reason = ErasureReason(reason)
        previews = [self.preview(child_id) for child_id in child_ids]
        with self._store.unit_of_work() as uow:
            for preview in previews:
                self._erase(uow, preview, reason)
        self._store.purge_freed_content()
        return Change.deleted(Entity.CHILD, *child_ids)

    def _erase(self, uow: UnitOfWork, preview: ErasurePreview, reason: ErasureReason) -> None:
        child_id = preview.child_id
        if self._store.scalar("SELECT count(*) FROM discussion WHERE child_id = ? AND status = 'bezig'", [child_id]):
            raise KnooppuntError("Dit kind wordt nu besproken. Stel de bespreking eerst vast; wis daarna.")
        self._monitoring.keep_counts_of(uow, child_id)
        before = self._shares.before(child_id)
        uow.execute(f"DELETE FROM document WHERE discussion_id IN (SELECT id FROM discussion WHERE child_id = ?) "
                    f"OR (discussion_id IS NULL AND meeting_id IN ({_MEETINGS_OF_CHILD}))", [child_id, child_id])
        for table in (*_OWN_TABLES, *self._other_child_tables()):
            uow.delete(table, "child_id = ?", [child_id])
        uow.execute("DELETE FROM child WHERE id = ?", [child_id])
        self._shares.keep(uow, before)  # the Monitoring figures stay the same (monitoring_erased)
        # The reason is a category and the counts are numbers: no name reaches the audit log.
        uow.audit("kind gewist", "child", child_id, f"{reason.label}; {preview.summary()}")

    def _other_child_tables(self) -> list[str]:
        """Tables added later (other features) that also hold rows per child: erased as well."""
        known = {*_OWN_TABLES, "child"}
        return [t for t in self._store.tables() if t not in known and "child_id" in self._store.columns(t)]
