"""Writing the audit log: append a chained row; fold finished autosave bursts into it.

The log is append-only (triggers refuse UPDATE and DELETE); a running burst of autosaves lives
in ``audit_burst`` and becomes one closing row in the log when it ends.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from .audit_chain import Executes, chain_hash, head
from .mapping import storable


def append_audit(db: Executes, at: datetime, actor: str, action: str, table: str, record_id: int | None,
                 detail: str) -> int:
    """One new row at the end of the chain; returns its id."""
    last = head(db)
    row_id = last.row_id + 1
    row: dict[str, object] = {"id": row_id, "at": at.isoformat(timespec="seconds"), "actor": storable(actor),
                              "action": storable(action), "table_name": table, "record_id": record_id,
                              "detail": storable(detail)}
    row["prev_hash"], row["hash"] = last.hash, chain_hash(last.hash, row)
    db.execute(f"INSERT INTO audit_log ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
    return row_id


Append = Callable[[Executes, datetime, str, str, str, int | None, str], object]


def fold_bursts(db: Executes, now: datetime, *, only: int | None = None, append: Append = append_audit) -> None:
    """End running bursts (all, or the one with id ``only``): a burst of more than one save gets
    a closing row with its last detail and when it ended; its first save is already logged."""
    where, params = ("WHERE id = ?", [only]) if only is not None else ("", [])
    bursts = db.execute(
        f"SELECT id, actor, action, table_name, record_id, detail, last_at, saves FROM audit_burst {where} "
        "ORDER BY id", params).fetchall()
    for burst_id, actor, action, table, record_id, detail, last_at, saves in bursts:
        if saves > 1:
            ended = datetime.fromisoformat(last_at)
            append(db, now, actor, action, table, record_id,
                         f"{detail} (t/m {ended:%H:%M:%S}, {saves} keer opgeslagen)".lstrip())
        db.execute("DELETE FROM audit_burst WHERE id = ?", [burst_id])
