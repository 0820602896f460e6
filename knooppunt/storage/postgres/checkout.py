"""Checking a meeting out of the server into a new encrypted file on the laptop, under a lease.

One server transaction (REPEATABLE READ, so every row comes from one moment): take the lease
(``kp_lease_take`` refuses a meeting already out, naming who holds it and since when), read the
rows of the scope (checkout_scope.py), reserve an id block per table, append the audit row, and
write the laptop's file with the ordinary migrations (database.create_database). The server
commits only after the file is written; a failure leaves neither a lease nor a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import secrets
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg
from psycopg import errors

from ...errors import KnooppuntError
from .. import id_blocks
from ..audit_log import append_audit
from ..database import create_database, open_database
from . import checkout_audit, checkout_scope
from .checkout_scope import Scope
from .connection import ServerAddress, connect
from .schema import quote

CHECKOUT_KEY = "server_checkout"
BLOCK_SIZE = 10_000


@dataclass(frozen=True)
class Lease:
    """Who holds a checked-out meeting (``holder``: the name shown) and since when."""

    meeting_id: int
    holder: str
    since: datetime


@dataclass(frozen=True)
class Checkout:
    """What the laptop's file remembers of its check-out (setting ``server_checkout``)."""

    host: str
    port: int
    database: str
    user: str
    ca_file: str | None
    meeting_id: int
    location_id: int
    children: list[int]
    holder: str
    since: str
    token: str
    blocks: dict[str, list[int]]  # table -> [first, last]
    reference: dict[str, list[Any]]  # table -> keys of the rows copied for reference only
    digests: dict[str, str]  # table -> digest of those rows at check-out
    checked_in: str | None = None

    def address(self) -> ServerAddress:
        return ServerAddress(self.host, self.user, self.port, self.database,
                             Path(self.ca_file) if self.ca_file else None)

    def token_hash(self) -> str:
        return hashlib.sha256(self.token.encode()).hexdigest()


@contextlib.contextmanager
def server_refusals() -> Iterator[None]:
    """The server's refusals (the lease's guard and functions) as Dutch ``KnooppuntError``s."""
    try:
        yield
    except (errors.ObjectInUse, errors.InsufficientPrivilege, errors.NoDataFound, errors.RaiseException) as exc:
        raise KnooppuntError(exc.diag.message_primary or str(exc)) from exc


def lease_of(conn: psycopg.Connection[Any], meeting_id: int) -> Lease | None:
    row = conn.execute("SELECT holder_name, since FROM kp_lease WHERE meeting_id = %s", (meeting_id,)).fetchone()
    return None if row is None else Lease(meeting_id, str(row[0]), datetime.fromisoformat(str(row[1])))


def check_out(address: ServerAddress, password: str, meeting_id: int, target: Path, passphrase: str, *,
              holder: str, now: datetime, kdf_iter: int | None = None) -> Checkout:
    """The meeting and what goes with it into the new file ``target``, with the lease held."""
    if target.exists():
        raise KnooppuntError(f"Het bestand {target} bestaat al; kies een andere naam.")
    try:
        return _check_out(address, password, meeting_id, target, passphrase, holder, now, kdf_iter)
    except (errors.UniqueViolation, errors.SerializationFailure) as exc:  # two check-outs at the same moment
        _remove(target)
        raise KnooppuntError("Deze vergadering werd op hetzelfde moment door een ander uitgecheckt; "
                             "er is niets veranderd. Kijk wie haar nu heeft.") from exc
    except BaseException:  # also when the server's commit fails after the file was written
        _remove(target)
        raise


def _remove(target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)


def _check_out(address: ServerAddress, password: str, meeting_id: int, target: Path, passphrase: str,
               holder: str, now: datetime, kdf_iter: int | None) -> Checkout:
    token = secrets.token_urlsafe(32)
    since = now.isoformat(timespec="seconds")
    with connect(address, password) as conn:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        with conn.transaction(), server_refusals():
            conn.execute("SELECT kp_lease_take(%s, %s, %s, %s)",
                         (meeting_id, holder, hashlib.sha256(token.encode()).hexdigest(), since))
            scope = Scope.find(_reader(conn), meeting_id)
            copied = {t: checkout_scope.select(_reader(conn), t, scope.copied(t)) for t in checkout_scope.tables()}
            reference = checkout_scope.reference_keys(_reader(conn), scope)
            digests = {t: checkout_scope.reference_digest(_reader(conn), t, keys) for t, keys in reference.items()}
            blocks = {t: _reserve(conn, t) for t in checkout_scope.tables() if checkout_scope.identity(t)}
            checkout_audit.append(conn, scope.location_id, [(
                since, holder, "uitgecheckt", "meeting", meeting_id, f"naar de laptop van {holder}")])
            info = Checkout(address.host, address.port, address.database, address.user,
                            str(address.ca_file) if address.ca_file else None, meeting_id, scope.location_id,
                            sorted(scope.children), holder, since, token, blocks, reference, digests)
            _write_file(target, passphrase, kdf_iter, copied, info, now)
    return info


def take_over(address: ServerAddress, password: str, meeting_id: int, *, by: str, now: datetime) -> str:
    """End another's lease (a lost laptop); returns whose lease it was. Audited on the location's chain."""
    with connect(address, password) as conn, conn.transaction(), server_refusals():
        location = conn.execute("SELECT location_id FROM meeting WHERE id = %s", (meeting_id,)).fetchone()
        row = conn.execute("SELECT kp_lease_take_over(%s, %s, %s)",
                           (meeting_id, now.isoformat(timespec="seconds"), by)).fetchone()
        assert row is not None and location is not None
        checkout_audit.append(conn, int(str(location[0])), [(
            now.isoformat(timespec="seconds"), by, "uitcheck overgenomen", "meeting", meeting_id,
            f"van {row[0]}; de uitgecheckte kopie kan niet meer worden ingecheckt")])
    return str(row[0])


def _reader(conn: psycopg.Connection[Any]) -> checkout_scope.Rows:
    def rows(sql: str, params: Any) -> list[tuple[Any, ...]]:
        return conn.execute(sql.replace("?", "%s").encode(), list(params)).fetchall()
    return rows


def _reserve(conn: psycopg.Connection[Any], table: str) -> list[int]:
    row = conn.execute("SELECT kp_reserve_ids(%s, %s)", (table, BLOCK_SIZE)).fetchone()
    assert row is not None
    return [int(row[0]), int(row[0]) + BLOCK_SIZE - 1]


def _write_file(target: Path, passphrase: str, kdf_iter: int | None, copied: dict[str, list[tuple[Any, ...]]],
                info: Checkout, now: datetime) -> None:
    db = create_database(target, passphrase, kdf_iter=kdf_iter)
    try:
        with db.atomic():
            for table in reversed(list(copied)):  # what the migrations put in (organisation types)
                db.execute(f"DELETE FROM {quote(table)}")
            for table, rows in copied.items():
                names = checkout_scope.columns(table)
                db.conn.executemany(f"INSERT INTO {quote(table)} ({', '.join(quote(n) for n in names)}) "
                                    f"VALUES ({', '.join('?' for _ in names)})", rows)
            for table, (first, last) in info.blocks.items():
                id_blocks.reserve(db, table, first, last - first + 1)
            for key, value in {CHECKOUT_KEY: json.dumps(asdict(info)), "user_name": info.holder}.items():
                db.execute("INSERT INTO setting (key, value) VALUES (?, ?) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value])
            append_audit(db, now, info.holder, "uitgecheckt", "meeting", info.meeting_id,
                         f"van {info.address().describe()}")
    finally:
        db.close()


def read_checkout(db: Any) -> Checkout:
    row = db.execute("SELECT value FROM setting WHERE key = ?", [CHECKOUT_KEY]).fetchone()
    if row is None:
        raise KnooppuntError("Dit bestand is geen vergadering die van de server is uitgecheckt.")
    return Checkout(**json.loads(str(row[0])))


def checkout_of_file(path: Path, passphrase: str, *, kdf_iter: int | None = None) -> Checkout:
    """What the laptop's file ``path`` remembers of its check-out (its server, meeting, lease)."""
    db = open_database(path, passphrase, kdf_iter=kdf_iter)
    try:
        return read_checkout(db)
    finally:
        db.close()
