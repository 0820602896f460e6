"""Reading the audit log (logboek): filters, CSV export, the chain check and its head.

Every user of the database may read the whole log: it is also what a parent's inzage request
needs ("who looked at or printed my child's file").
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ...domain.outcomes import AuditEntry
from ...exports import ExportFailed, ExportFile, reason
from ...storage import Store
from ...storage.audit_chain import ChainHead, ChainProblem, ChainWalk
from ...storage.dialect import Dialect
from ...storage.folding import like_contains, search_text
from ...storage.mapping import from_row

# The child a row is about, for every table whose rows belong to one child.
_CHILD_OF_ROW = """CASE a.table_name
    WHEN 'child' THEN a.record_id
    WHEN 'discussion' THEN (SELECT child_id FROM discussion WHERE id = a.record_id)
    WHEN 'agreement' THEN (SELECT child_id FROM agreement WHERE id = a.record_id)
    WHEN 'consent' THEN (SELECT child_id FROM consent WHERE id = a.record_id)
    WHEN 'guardian' THEN (SELECT child_id FROM guardian WHERE id = a.record_id)
    WHEN 'child_case' THEN (SELECT child_id FROM child_case WHERE id = a.record_id)
    WHEN 'transfer_history' THEN (SELECT child_id FROM transfer_history WHERE id = a.record_id)
    WHEN 'decision' THEN (SELECT d.child_id FROM decision x JOIN discussion d ON d.id = x.discussion_id
                          WHERE x.id = a.record_id)
    WHEN 'participant' THEN (SELECT d.child_id FROM participant x JOIN discussion d ON d.id = x.discussion_id
                             WHERE x.id = a.record_id)
    WHEN 'addendum' THEN (SELECT d.child_id FROM addendum x JOIN discussion d ON d.id = x.discussion_id
                          WHERE x.id = a.record_id)
    WHEN 'agenda_item' THEN (SELECT d.child_id FROM agenda_item x JOIN discussion d ON d.id = x.discussion_id
                             WHERE x.id = a.record_id)
    WHEN 'note' THEN (SELECT d.child_id FROM note n JOIN agenda_item x ON x.id = n.agenda_item_id
                      JOIN discussion d ON d.id = x.discussion_id WHERE n.id = a.record_id)
    WHEN 'document' THEN (SELECT d.child_id FROM document x JOIN discussion d ON d.id = x.discussion_id
                          WHERE x.id = a.record_id)
END"""

# What a row is about, in Dutch (the table names are English).
TABLE_LABELS = {
    "child": "kind", "guardian": "ouder/verzorger", "consent": "toestemming", "child_case": "casus",
    "discussion": "bespreking", "meeting": "overleg", "participant": "deelnemer", "agenda_item": "agendapunt",
    "note": "notitie", "decision": "besluit", "agreement": "afspraak", "addendum": "aanvulling",
    "document": "document", "location": "locatie", "location_partner": "partnerrol", "organisation": "organisatie",
    "contact_person": "contactpersoon", "setting": "instelling", "audit_log": "logboek",
    "transfer_history": "overdracht",
}


def record_label(table: str, record_id: int | None) -> str:
    return f"{TABLE_LABELS.get(table, table)} {'' if record_id is None else record_id}".strip()


CSV_HEADER = ("Rij", "Wanneer", "Wie", "Wat", "Soort record", "Record", "Kind", "Toelichting", "Hash")


def audit_chain_head(store: Store) -> ChainHead:
    """The head of the audit chain (last row and its hash), e.g. to keep with a backup."""
    return store.audit_head()


@dataclass(frozen=True)
class AuditFilter:
    """What the logboek shows: a child, a person (actor, part of the name), an action, a period."""

    child_id: int | None = None
    actor: str = ""
    action: str = ""
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class AuditRow:
    entry: AuditEntry
    child_name: str


class AuditService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def recent(self, limit: int = 200) -> list[AuditEntry]:
        return self._store.select(AuditEntry, "audit_log", order_by="id desc", limit=limit)

    def for_record(self, table: str, record_id: int) -> list[AuditEntry]:
        return self._store.select(
            AuditEntry, "audit_log", "table_name = ? AND record_id = ?", [table, record_id], order_by="id"
        )

    def log_access(self, action: str, table: str, record_id: int | None, detail: str = "") -> None:
        """Log an access that matters (opening a case file, printing, exporting)."""
        with self._store.unit_of_work() as uow:
            uow.audit(action, table, record_id, detail)

    # The logboek ---------------------------------------------------------------------------
    def actions(self) -> list[str]:
        return [str(a) for a in self._store.column("SELECT DISTINCT action FROM audit_log ORDER BY action")]

    def actors(self) -> list[str]:
        return [str(a) for a in self._store.column("SELECT DISTINCT actor FROM audit_log ORDER BY actor")]

    def rows(self, f: AuditFilter, *, limit: int = 5000) -> list[AuditRow]:
        """The newest ``limit`` rows matching ``f``, newest first, with the child they are about."""
        where, params = _where(f, self._store.sql)
        rows = self._store.query(
            f"SELECT * FROM (SELECT a.*, {_CHILD_OF_ROW} AS child_id FROM audit_log a) a "
            f"LEFT JOIN (SELECT id AS cid, first_name || ' ' || last_name AS child_name FROM child) c "
            f"ON c.cid = a.child_id {where} ORDER BY a.id DESC LIMIT ?", [*params, limit])
        return [AuditRow(_entry(r), r["child_name"] or "") for r in rows]

    def export_csv(self, f: AuditFilter, path: Path) -> int:
        """The filtered log as CSV (semicolon, UTF-8 with BOM for Dutch Excel); the export is logged."""
        rows = self.rows(f, limit=10_000_000)
        file = ExportFile(Path(path), encoding="utf-8-sig", newline="")
        try:
            writer = csv.writer(file.file, delimiter=";")
            writer.writerow(CSV_HEADER)
            writer.writerows(_csv_row(r) for r in reversed(rows))
        except OSError as exc:
            file.discard()
            raise ExportFailed(file.path, reason(exc)) from exc
        except BaseException:
            file.discard()
            raise
        file.commit(self._store, action="logboek geëxporteerd", table="audit_log", record_id=None,
                    detail=f"{len(rows)} regels naar {file.path.name}")
        return len(rows)

    # The chain -----------------------------------------------------------------------------
    def head(self) -> ChainHead:
        return audit_chain_head(self._store)

    def verify(self) -> ChainProblem | None:
        return self._store.verify_audit()

    def walk(self) -> ChainWalk:
        """The same check in steps, for a background check that does not freeze the screen."""
        return self._store.audit_walk()


def _where(f: AuditFilter, sql: Dialect) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if f.child_id is not None:
        clauses.append("a.child_id = ?")
        params.append(f.child_id)
    if f.actor.strip():
        clauses.append(f"{sql.fold('a.actor')} LIKE ? ESCAPE '\\'")  # any case, any accent
        params.append(like_contains(search_text(f.actor)))
    if f.action:
        clauses.append("a.action = ?")
        params.append(f.action)
    if f.since is not None:
        clauses.append("a.at >= ?")
        params.append(f.since.isoformat())
    if f.until is not None:
        clauses.append("a.at < ?")
        params.append((f.until + timedelta(days=1)).isoformat())
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _entry(r: dict[str, Any]) -> AuditEntry:
    return from_row(AuditEntry, r)


def _csv_row(r: AuditRow) -> tuple[str, ...]:
    e = r.entry
    return (str(e.id), f"{e.at:%d-%m-%Y %H:%M:%S}", e.actor, e.action, TABLE_LABELS.get(e.table_name, e.table_name),
            "" if e.record_id is None else str(e.record_id), r.child_name, e.detail, e.hash)
