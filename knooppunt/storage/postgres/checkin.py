"""Checking a meeting back in: the laptop's state of the owned rows replaces the server's, in one
server transaction with its audit rows appended to the location's chain, and the lease released.

Not merged row by row: the lease holder owns the checked-out part (checkout_scope.py), so for those
rows the server gets exactly what the laptop has: rows changed there are written, rows deleted
there are deleted, rows made there (ids from the reserved blocks) are added, wherever they are.
Reference rows changed offline (earlier meetings, the directory) are not written back.
A copy whose lease was taken over, or that was checked in already, is refused with the reason.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg

from ...dates import dutch_date
from ...errors import KnooppuntError
from ..audit_log import append_audit, fold_bursts
from ..database import open_database
from . import checkout_audit, checkout_scope
from .checkout import CHECKOUT_KEY, Checkout, _reader, read_checkout, server_refusals
from .checkout_scope import Scope, select
from .connection import connect
from .schema import quote

Key = tuple[Any, ...]


@dataclass(frozen=True)
class CheckIn:
    meeting_id: int
    written: int  # rows added or changed on the server
    deleted: int
    audit_rows: int
    not_written: tuple[str, ...] = ()  # reference data changed on the laptop (Dutch), not written back


def check_in(path: Path, passphrase: str, password: str, *, now: datetime, kdf_iter: int | None = None) -> CheckIn:
    db = open_database(path, passphrase, kdf_iter=kdf_iter)
    try:
        info = read_checkout(db)
        if info.checked_in:
            raise KnooppuntError(f"Deze kopie is al ingecheckt op {_when(info.checked_in)}; "
                                 "check de vergadering opnieuw uit om verder te werken.")
        with db.atomic():
            fold_bursts(db, now)
        local = _sqlite_reader(db)
        audit = [tuple(r) for r in db.execute("SELECT at, actor, action, table_name, record_id, detail "
                                              "FROM audit_log WHERE id > 1 ORDER BY id").fetchall()]
        not_written = tuple(checkout_scope.REFERENCE_NAMES.get(t, t) for t, keys in info.reference.items()
                            if checkout_scope.reference_digest(local, t, keys) != info.digests[t])
        tally = db.execute("SELECT location_id, year, measure, count FROM monitoring_tally").fetchall()
        with connect(info.address(), password) as conn, conn.transaction(), server_refusals():
            conn.execute("SELECT set_config('knooppunt.checkin', %s, true)", (info.token,))
            _lease_still_ours(conn, info)
            written, deleted = _replace(conn, local, info)
            for row in tally:  # counted offline: added to the server's counts
                conn.execute("INSERT INTO monitoring_tally (location_id, year, measure, count) VALUES (%s, %s, %s, %s) "
                             "ON CONFLICT (location_id, year, measure) DO UPDATE "
                             "SET count = monitoring_tally.count + EXCLUDED.count", tuple(row))
            stamp = now.isoformat(timespec="seconds")
            appended = checkout_audit.append(conn, info.location_id, [
                *audit, (stamp, info.holder, "ingecheckt", "meeting", info.meeting_id,
                         f"{written} rij(en) geschreven, {deleted} verwijderd")])
            conn.execute("SELECT kp_lease_release(%s, %s, %s)", (info.meeting_id, stamp, info.holder))
        with db.atomic():
            db.execute("UPDATE setting SET value = ? WHERE key = ?",
                       [_json(replace(info, checked_in=stamp)), CHECKOUT_KEY])
            append_audit(db, now, info.holder, "ingecheckt", "meeting", info.meeting_id,
                         f"naar {info.address().describe()}")
        return CheckIn(info.meeting_id, written, deleted, appended, not_written)
    finally:
        db.close()


def _lease_still_ours(conn: psycopg.Connection[Any], info: Checkout) -> None:
    ended = conn.execute("SELECT how, ended_by, ended FROM kp_lease_history WHERE token_hash = %s",
                         (info.token_hash(),)).fetchone()
    if ended is not None and ended[0] == "overgenomen":
        raise KnooppuntError(f"Deze uitgecheckte kopie kan niet meer worden ingecheckt: {ended[1]} heeft de "
                             f"vergadering op {_when(str(ended[2]))} overgenomen (laptop kwijt?). De wijzigingen "
                             "in deze kopie staan niet op de server.")
    if ended is not None:
        raise KnooppuntError(f"Deze kopie is al ingecheckt op {_when(str(ended[2]))}.")
    held = conn.execute("SELECT holder_role FROM kp_lease WHERE meeting_id = %s", (info.meeting_id,)).fetchone()
    if held is None or held[0] != info.user:
        raise KnooppuntError("De server kent deze uitcheck niet (meer); er is niets ingecheckt.")


def _replace(conn: psycopg.Connection[Any], local: checkout_scope.Rows, info: Checkout) -> tuple[int, int]:
    """Every owned or new row as the laptop has it; owned rows the laptop no longer has deleted."""
    server = _reader(conn)
    on_laptop = Scope.find(local, info.meeting_id, info.children)
    on_server = Scope.find(server, info.meeting_id, info.children)
    writes: dict[str, list[tuple[Any, ...]]] = {}
    deletes: dict[str, set[Key]] = {}
    for table, shape in checkout_scope.tables().items():
        key = [checkout_scope.columns(table).index(c) for c in shape.primary_key]
        rows = {_key(r, key): r for r in _laptop_rows(local, table, on_laptop, info)}
        owned = on_server.owned(table)
        gone = {_key(r, key) for r in select(server, table, owned)} - set(rows) if owned else set()
        for pk in list(gone):  # still on the laptop, outside the meeting now (moved to another)
            found = select(local, table, _by_key(shape.primary_key, pk))
            if found:
                rows[pk] = found[0]
                gone.discard(pk)
        writes[table], deletes[table] = list(rows.values()), gone
    deleted = sum(_delete(conn, t, deletes[t]) for t in reversed(list(writes)))
    for table, written in writes.items():
        _upsert(conn, table, written)
    return sum(len(r) for r in writes.values()), deleted


def _laptop_rows(local: checkout_scope.Rows, table: str, scope: Scope, info: Checkout) -> list[tuple[Any, ...]]:
    owned = scope.owned(table)
    rows = select(local, table, owned) if owned else []
    new: list[tuple[str, list[Any]]] = []
    if table in info.blocks:
        new.append(("id BETWEEN ? AND ?", list(info.blocks[table])))
    for fk in checkout_scope.tables()[table].foreign_keys:  # rows of a link table under a new row
        if fk.table in info.blocks and not checkout_scope.identity(table):
            new.append((f"{quote(fk.column)} BETWEEN ? AND ?", list(info.blocks[fk.table])))
    for where in new:
        rows += [r for r in select(local, table, where) if r not in rows]
    return rows


def _key(row: tuple[Any, ...], positions: list[int]) -> Key:
    return tuple(row[i] for i in positions)


def _by_key(names: tuple[str, ...], values: Key) -> tuple[str, list[Any]]:
    return " AND ".join(f"{quote(n)} = ?" for n in names), list(values)


def _delete(conn: psycopg.Connection[Any], table: str, keys: set[Key]) -> int:
    names = checkout_scope.tables()[table].primary_key
    where = " AND ".join(f"{quote(n)} = %s" for n in names)
    return sum(conn.execute(f"DELETE FROM {quote(table)} WHERE {where}".encode(), key).rowcount for key in keys)


def _upsert(conn: psycopg.Connection[Any], table: str, rows: list[tuple[Any, ...]]) -> None:
    if not rows:
        return
    names = checkout_scope.columns(table)
    key = checkout_scope.tables()[table].primary_key
    rest = [n for n in names if n not in key]
    action = ("DO UPDATE SET " + ", ".join(f"{quote(n)} = EXCLUDED.{quote(n)}" for n in rest)) if rest else "DO NOTHING"
    sql = (f"INSERT INTO {quote(table)} ({', '.join(quote(n) for n in names)}) VALUES "
           f"({', '.join('%s' for _ in names)}) ON CONFLICT ({', '.join(quote(n) for n in key)}) {action}")
    with conn.cursor() as cursor:
        cursor.executemany(sql.encode(), rows)


def _sqlite_reader(db: Any) -> checkout_scope.Rows:
    def rows(sql: str, params: Any) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in db.execute(sql, list(params)).fetchall()]
    return rows


def _when(stamp: str) -> str:
    moment = datetime.fromisoformat(stamp)
    return f"{dutch_date(moment.date(), 'long')} om {moment:%H:%M}"


def _json(info: Checkout) -> str:
    return json.dumps(asdict(info))
