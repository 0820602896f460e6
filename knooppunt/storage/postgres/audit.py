"""The audit log on the server: one hash chain per location, and one for the organisation.

A row about a child's file (a table of ``PER_LOCATION`` in access_sql.py) belongs to the chain of
that record's location; every other row (the directory, settings, the profile) to the
organisation's chain (``location_id`` NULL), which every user reads: the directory is shared, so
its history reveals nothing another location could not see already. The hash covers the location
too (audit_chain.canonical), so a row cannot be moved to another chain unseen. Ids come from one
sequence shared by all chains: a location's rows have gaps, and the walk checks each row against
the one before it in its own chain, not against the id before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from ..audit_chain import FIELDS, GENESIS, ChainHead, ChainProblem, ChainWalk, Executes, chain_hash
from ..mapping import storable
from .access_sql import LOOKUPS, PER_LOCATION

_CALL = re.compile(r"(kp_\w+_location)\((\w+)\)")
_NAMES = [*FIELDS, "location_id", "prev_hash", "hash"]


def location_expression(table: str) -> str | None:
    """SQL for the location of a row of ``table`` (alias ``kp_row``), from the same rules as the
    row-level security, with the lookups written out: the policies' functions answer only for the
    caller's own locations, and a superuser belongs to none."""
    rule = PER_LOCATION.get(table)
    if rule is None:
        return None
    if rule == "location_id":
        return "kp_row.location_id"
    return _CALL.sub(lambda m: "(" + LOOKUPS[m[1]].replace("$1", f"kp_row.{m[2]}") + ")", rule)


def location_of(db: Executes, table: str, record_id: int | None) -> int | None:
    expression = location_expression(table)
    if expression is None or record_id is None:
        return None
    row = db.execute(f"SELECT {expression} FROM {table} kp_row WHERE kp_row.id = ?", [record_id]).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def locations_where(db: Executes, table: str, where: str, params: Sequence[Any]) -> list[int]:
    """The locations of the rows of ``table`` that ``where`` selects (before they are deleted)."""
    expression = location_expression(table)
    if expression is None:
        return []
    rows = db.execute(f"SELECT DISTINCT {expression} FROM {table} kp_row WHERE {where}", list(params)).fetchall()
    return [int(r[0]) for r in rows if r[0] is not None]


def chain_head(db: Executes, location_id: int | None) -> ChainHead:
    where = "location_id IS NULL" if location_id is None else "location_id = ?"
    row = db.execute(f"SELECT id, hash FROM audit_log WHERE {where} ORDER BY id DESC LIMIT 1",
                     [] if location_id is None else [location_id]).fetchone()
    return ChainHead(0, GENESIS) if row is None else ChainHead(int(row[0]), str(row[1]))


def append(db: Executes, at: datetime, actor: str, action: str, table: str, record_id: int | None, detail: str,
           location_id: int | None) -> int:
    """One new row at the end of its location's chain; returns its id. Writers of one location
    take turns (the lock the server's trigger takes too), so no two rows continue the same one."""
    db.execute("SELECT pg_advisory_xact_lock(hashtext('knooppunt.audit_log'), ?::integer)", [location_id or 0])
    last = chain_head(db, location_id)
    row_id = int(db.execute("SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))").fetchone()[0])
    row: dict[str, Any] = {"id": row_id, "at": at.isoformat(timespec="seconds"), "actor": storable(actor),
                           "action": storable(action), "table_name": table, "record_id": record_id,
                           "detail": storable(detail), "location_id": location_id}
    row["prev_hash"], row["hash"] = last.hash, chain_hash(last.hash, row)
    db.execute(f"INSERT INTO audit_log ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
    return row_id


class LocationChainWalk(ChainWalk):
    """The walk over every chain the reader may see, in id order, each row checked against the
    last row of its own chain (rows of another location are invisible under row-level security,
    and their absence is no gap)."""

    def __init__(self, db: Executes) -> None:
        super().__init__(db, issued=lambda: None)
        self._heads: dict[int | None, str] = {}
        self._after = 0

    def _step(self, rows: int) -> bool:
        batch = self._db.execute(f"SELECT {', '.join(_NAMES)} FROM audit_log WHERE id > ? ORDER BY id LIMIT ?",
                                 [self._after, rows]).fetchall()
        for values in batch:
            row = dict(zip(_NAMES, values, strict=True))
            prev = self._heads.get(row["location_id"], GENESIS)
            number = row["id"]
            if row["prev_hash"] != prev:
                return self._finish(ChainProblem(number, f"Logboek: rij {number} sluit niet aan op de rij ervoor "
                                                         f"in {_chain(row['location_id'])} (ingevoegd, verplaatst "
                                                         "of de rij ervoor is gewijzigd of verwijderd)."))
            if row["hash"] != chain_hash(prev, row):
                return self._finish(ChainProblem(number, f"Logboek: rij {number} is gewijzigd nadat hij is "
                                                         "vastgelegd."))
            self._heads[row["location_id"]], self._after = row["hash"], number
        return self._finish(None) if len(batch) < rows else False

    @property
    def chains(self) -> int:
        return len(self._heads)


def _chain(location_id: int | None) -> str:
    return "de keten van de organisatie" if location_id is None else f"de keten van locatie {location_id}"
