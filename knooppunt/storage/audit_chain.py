"""The audit log as a hash chain (tamper-evident logboek).

Each row carries ``hash = sha256(prev_hash + "\\n" + canonical(row))`` where ``canonical`` is a
fixed JSON list of the row's fields, its id included: changing, deleting, inserting or moving a
row breaks the chain at that row. The head of the chain (its last hash) is printed, shortened,
on every finalised document and kept with backups, so a history rewritten as a whole no longer
matches what was printed or sent.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

GENESIS = "0" * 64
FIELDS = ("id", "at", "actor", "action", "table_name", "record_id", "detail")


def canonical(row: Mapping[str, Any]) -> bytes:
    """The fixed encoding that is hashed: a JSON list of the fields in a fixed order."""
    return json.dumps([row[f] for f in FIELDS], ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def chain_hash(prev_hash: str, row: Mapping[str, Any]) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + b"\n" + canonical(row)).hexdigest()


def fingerprint(hash_hex: str) -> str:
    """A short, readable form of a chain head for a document footer: ``3f9a-1c2e-88b0-7d41``."""
    short = hash_hex[:16]
    return "-".join(short[i:i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class ChainHead:
    """The last row of the audit log and its hash (row 0 and GENESIS for an empty log)."""

    row_id: int
    hash: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.hash)

    def describe(self) -> str:
        return f"logboek {self.fingerprint} (rij {self.row_id})"


@dataclass(frozen=True)
class ChainProblem:
    """The first row where the chain does not hold, and why (Dutch)."""

    row_id: int
    message: str


def head(db: Database) -> ChainHead:
    row = db.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return ChainHead(0, GENESIS) if row is None else ChainHead(int(row[0]), str(row[1]))


def _rows(db: Database) -> Iterable[dict[str, Any]]:
    cursor = db.execute(f"SELECT {', '.join(FIELDS)}, prev_hash, hash FROM audit_log ORDER BY id")
    names = [*FIELDS, "prev_hash", "hash"]
    while batch := cursor.fetchmany(2000):
        for values in batch:
            yield dict(zip(names, values, strict=True))


def verify(db: Database) -> ChainProblem | None:
    """Walk the whole chain; the first row that does not hold, or None when all is well."""
    expected_id, prev = 1, GENESIS
    for row in _rows(db):
        if row["id"] != expected_id:
            return ChainProblem(expected_id, f"Logboek: rij {expected_id} ontbreekt (verwijderd).")
        if row["prev_hash"] != prev:
            return ChainProblem(row["id"], f"Logboek: rij {row['id']} sluit niet aan op de rij ervoor "
                                           "(ingevoegd, verplaatst of de rij ervoor is gewijzigd).")
        if row["hash"] != chain_hash(prev, row):
            return ChainProblem(row["id"], f"Logboek: rij {row['id']} is gewijzigd nadat hij is vastgelegd.")
        prev, expected_id = row["hash"], expected_id + 1
    issued = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
    if issued is not None and int(issued[0]) >= expected_id:
        return ChainProblem(expected_id, f"Logboek: rij {expected_id} ontbreekt (de laatste rij(en) verwijderd).")
    return None
