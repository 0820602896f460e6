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
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import sqlcipher3

GENESIS = "0" * 64


class Executes(Protocol):
    """A connection that runs one statement with ``?`` placeholders and returns its cursor
    (``fetchone``, ``fetchall``, ``rowcount``): sqlite-utils' Database, or the server's adapter."""

    def execute(self, sql: str, params: Any = ..., /) -> Any: ...
FIELDS = ("id", "at", "actor", "action", "table_name", "record_id", "detail")


def canonical(row: Mapping[str, Any]) -> bytes:
    """The fixed encoding that is hashed: a JSON list of the fields in a fixed order. A server row
    also has its location (``location_id``, NULL for the organisation's chain); a file's has none."""
    fields = (*FIELDS, "location_id") if "location_id" in row else FIELDS
    return json.dumps([row[f] for f in fields], ensure_ascii=False, separators=(",", ":")).encode("utf-8")


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


def head(db: Executes) -> ChainHead:
    row = db.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return ChainHead(0, GENESIS) if row is None else ChainHead(int(row[0]), str(row[1]))


class ChainWalk:
    """Walks the chain in steps (a program can check in the background without freezing)."""

    def __init__(self, db: Executes, *, issued: Callable[[], int | None] | None = None) -> None:
        self._db = db
        # The highest id ever handed out (SQLite's sqlite_sequence): rows cut off at the end show.
        self._issued = issued or self._sqlite_issued
        self._expected_id = 1
        self._prev = GENESIS
        self.done = False
        self.problem: ChainProblem | None = None

    def step(self, rows: int = 2000) -> bool:
        """Check the next ``rows`` rows; True when the walk is finished (see ``problem``)."""
        if self.done:
            return True
        try:
            return self._step(rows)
        except (sqlcipher3.DatabaseError, MemoryError) as exc:
            # A damaged file: rows that cannot be read cannot be vouched for (SQLite even reports
            # some damage as out of memory). The program's own damage message says what to do.
            return self._finish(ChainProblem(self._expected_id,
                                             f"Logboek: rij {self._expected_id} is niet te lezen ({exc})."))

    def _step(self, rows: int) -> bool:
        names = [*FIELDS, "prev_hash", "hash"]
        batch = self._db.execute(f"SELECT {', '.join(names)} FROM audit_log WHERE id >= ? ORDER BY id LIMIT ?",
                                 [self._expected_id, rows]).fetchall()
        if self._expected_id == 1:  # rows below 1 would be ones slipped in before the first
            first = self._db.execute("SELECT min(id) FROM audit_log").fetchone()[0]
            if first is not None and first < 1:
                return self._finish(ChainProblem(int(first), f"Logboek: rij {first} is ingevoegd."))
        for values in batch:
            row = dict(zip(names, values, strict=True))
            problem = self._check(row)
            if problem is not None:
                return self._finish(problem)
            self._prev, self._expected_id = row["hash"], self._expected_id + 1
        if len(batch) < rows:
            return self._finish(self._tail())
        return False

    def _check(self, row: dict[str, Any]) -> ChainProblem | None:
        number = row["id"]
        if number != self._expected_id:
            return ChainProblem(self._expected_id, f"Logboek: rij {self._expected_id} ontbreekt (verwijderd).")
        if row["prev_hash"] != self._prev:
            return ChainProblem(number, f"Logboek: rij {number} sluit niet aan op de rij ervoor "
                                        "(ingevoegd, verplaatst of de rij ervoor is gewijzigd).")
        if row["hash"] != chain_hash(self._prev, row):
            return ChainProblem(number, f"Logboek: rij {number} is gewijzigd nadat hij is vastgelegd.")
        return None

    def _tail(self) -> ChainProblem | None:
        issued = self._issued()
        if issued is not None and issued >= self._expected_id:
            return ChainProblem(self._expected_id,
                                f"Logboek: rij {self._expected_id} ontbreekt (de laatste rij(en) verwijderd).")
        return None

    def _sqlite_issued(self) -> int | None:
        row = self._db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
        return None if row is None else int(row[0])

    def _finish(self, problem: ChainProblem | None) -> bool:
        self.problem, self.done = problem, True
        return True


def verify(db: Executes) -> ChainProblem | None:
    """Walk the whole chain; the first row that does not hold, or None when all is well."""
    walk = ChainWalk(db)
    while not walk.step():
        pass
    return walk.problem
