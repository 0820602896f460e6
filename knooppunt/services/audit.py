"""Reading the audit log (logboek)."""

from __future__ import annotations

from ..domain.outcomes import AuditEntry
from ..storage import Store


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
