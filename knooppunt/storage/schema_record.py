"""Migration 0009: a record that holds up (issue 14).

- ``audit_log`` becomes a hash chain (``prev_hash``, ``hash``; AUTOINCREMENT so a deleted last row
  leaves a trace in ``sqlite_sequence``); existing rows are chained in id order; triggers refuse
  UPDATE and DELETE, and an INSERT that does not follow the current head.
- ``audit_burst``: the running burst of autosaves, folded into one audit row when it ends.
- ``decision.provisional_reason``: why a decision is voorlopig, shown wherever the decision is.
- ``meeting.recorded_afterwards``: a meeting planned in the past ("naderhand vastgelegd").

The hash is a frozen copy of ``audit_chain.chain_hash`` (migrations never import live code);
a test checks both agree.
"""

from __future__ import annotations

import hashlib
import json

from sqlite_utils import Database

from .schema import MIGRATIONS, _run

_FIELDS = ("id", "at", "actor", "action", "table_name", "record_id", "detail")


def _hash_v1(prev_hash: str, row: dict[str, object]) -> str:
    encoded = json.dumps([row[f] for f in _FIELDS], ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(prev_hash.encode("ascii") + b"\n" + encoded).hexdigest()


AUDIT_TRIGGERS = (
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'Het logboek kan alleen worden aangevuld, niet gewijzigd.'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'Het logboek kan alleen worden aangevuld, niet gewist.'); END""",
    """CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
WHEN NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), printf('%.64d', 0))
BEGIN SELECT RAISE(ABORT, 'Een logboekregel moet aansluiten op de vorige.'); END""",
)


@MIGRATIONS(name="0009_record")
def _record(db: Database) -> None:
    _run(db, """
CREATE TABLE audit_log_chained (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    table_name TEXT NOT NULL,
    record_id INTEGER,
    detail TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
)""")
    cursor = db.execute("SELECT id, at, actor, action, table_name, record_id, detail FROM audit_log ORDER BY id")
    prev, next_id = "0" * 64, 1
    while batch := cursor.fetchmany(2000):
        rows = []
        for values in batch:
            # Renumbered from 1 without gaps: the chain's ids are its positions.
            row = dict(zip(_FIELDS, (next_id, *values[1:]), strict=True))
            row["prev_hash"], row["hash"] = prev, _hash_v1(prev, row)
            prev, next_id = row["hash"], next_id + 1
            rows.append(row)
        db.table("audit_log_chained").insert_all(rows)
    _run(db, """
DROP TABLE audit_log;
ALTER TABLE audit_log_chained RENAME TO audit_log;
CREATE INDEX audit_log_record ON audit_log(table_name, record_id);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE TABLE audit_burst (
    id INTEGER PRIMARY KEY,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    table_name TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    started_at TEXT NOT NULL,
    last_at TEXT NOT NULL,
    saves INTEGER NOT NULL DEFAULT 1,
    UNIQUE (actor, action, table_name, record_id)
);
ALTER TABLE decision ADD COLUMN provisional_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting ADD COLUMN recorded_afterwards INTEGER NOT NULL DEFAULT 0
""")
    db.execute("UPDATE decision SET provisional_reason = 'Geen geldig mandaat op de datum van het overleg' "
               "WHERE status = 'voorlopig'")
    for trigger in AUDIT_TRIGGERS:
        db.execute(trigger)
