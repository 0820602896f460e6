"""Audit rows of a check-out, take-over and check-in, appended to the location's chain on the server.

The server's chain per location (schema_extras.py): a row's ``prev_hash`` is the hash of the last
row of its location; the hash is the same ``chain_hash`` as in SQLite, over the row's server id.
Rows made offline are appended in their order with new ids (their ids in the laptop's file were
positions in that file's own chain); what they say (when, who, what, which record) is unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import psycopg

from ..audit_chain import GENESIS, chain_hash

AuditRow = tuple[str, str, str, str, int | None, str]  # at, actor, action, table_name, record_id, detail


def append(conn: psycopg.Connection[Any], location_id: int, rows: Iterable[AuditRow]) -> int:
    """Append ``rows`` to the chain of ``location_id`` in the open transaction; returns how many."""
    # The same lock as the chain's trigger takes: no other writer continues the head meanwhile.
    conn.execute("SELECT pg_advisory_xact_lock(hashtext('knooppunt.audit_log'), %s::integer)", (location_id,))
    head = conn.execute("SELECT hash FROM audit_log WHERE location_id = %s ORDER BY id DESC LIMIT 1",
                        (location_id,)).fetchone()
    prev = str(head[0]) if head else GENESIS
    count = 0
    for at, actor, action, table, record_id, detail in rows:
        new_id = conn.execute("SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))").fetchone()
        assert new_id is not None
        row: dict[str, Any] = {"id": int(new_id[0]), "at": at, "actor": actor, "action": action,
                               "table_name": table, "record_id": record_id, "detail": detail,
                               "location_id": location_id}  # hashed with the row, as the store does (audit.py)
        row["prev_hash"], row["hash"] = prev, chain_hash(prev, row)
        conn.execute("INSERT INTO audit_log (id, at, actor, action, table_name, record_id, detail, prev_hash, hash, "
                     "location_id) VALUES (%(id)s, %(at)s, %(actor)s, %(action)s, %(table_name)s, %(record_id)s, "
                     "%(detail)s, %(prev_hash)s, %(hash)s, %(location_id)s)", row)
        prev, count = row["hash"], count + 1
    return count
