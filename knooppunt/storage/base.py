"""The store's interface, the same on every backend: reads as dataclasses, writes only inside a
unit of work that is one transaction and always leaves an audit-log entry (wie, wanneer, wat,
welk record). ``SqliteStore`` (store.py) and ``PostgresStore`` (postgres/store.py) implement it.

SQL given to a store is standard SQL with ``?`` placeholders; what has no standard spelling comes
from ``store.sql`` (dialect.py)."""

from __future__ import annotations

import contextlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta
from typing import Any, TypeVar

from ..errors import NotFound
from .audit_chain import ChainHead, ChainProblem, ChainWalk, Executes
from .audit_log import append_audit, fold_bursts
from .dialect import Dialect
from .mapping import from_row, to_db, to_row

T = TypeVar("T")


def quoted(name: str) -> str:
    """A table or column name as a standard SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


class UnitOfWork:
    """Writes within one transaction; nothing is visible to others until it commits."""

    def __init__(self, store: Store, db: Executes) -> None:
        self._store = store
        self._db = db
        self.audited = False

    def insert(self, table: str, record: Any) -> int:
        """Insert a row (a dataclass or a dict); returns its id."""
        row = record if isinstance(record, dict) else to_row(record)
        return self._store.insert_row(self._db, table, {k: to_db(v) for k, v in row.items()})

    def insert_ignore(self, table: str, values: dict[str, Any]) -> None:
        """Insert a row unless it would break a unique constraint (a link that is already there)."""
        _not_the_log(table)
        columns = ", ".join(quoted(k) for k in values)
        self._db.execute(f"INSERT INTO {quoted(table)} ({columns}) VALUES ({', '.join('?' for _ in values)}) "
                         "ON CONFLICT DO NOTHING", [to_db(v) for v in values.values()])

    # Reads inside the unit of work (its own transaction sees its own writes).
    def column(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return [row[0] for row in self._db.execute(sql, [to_db(p) for p in params]).fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._db.execute(sql, [to_db(p) for p in params]).fetchone()
        return None if row is None else row[0]

    def update(self, table: str, record_id: int, values: dict[str, Any]) -> None:
        _not_the_log(table)
        values = {k: to_db(v) for k, v in values.items()}
        cursor = self._db.execute(
            f"UPDATE {quoted(table)} SET {', '.join(f'{quoted(k)} = ?' for k in values)} WHERE id = ?",
            [*values.values(), record_id],
        )
        if cursor.rowcount != 1:
            raise NotFound(f"Het record ({table} {record_id}) bestaat niet meer.")

    def delete(self, table: str, where: str, params: Sequence[Any]) -> int:
        _not_the_log(table)
        self._store.deleting(self._db, table, where, params)
        return int(self._db.execute(f"DELETE FROM {quoted(table)} WHERE {where}",
                                    [to_db(p) for p in params]).rowcount)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        if "audit_log" in sql.lower():
            raise RuntimeError("Het logboek wordt alleen via audit() aangevuld")
        return int(self._db.execute(sql, [to_db(p) for p in params]).rowcount)

    def set_setting(self, key: str, value: str) -> None:
        """Write one setting (read with ``Store.setting``); on the server a user's own ones are its own."""
        self._db.execute("INSERT INTO setting (key, value) VALUES (?, ?) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [self._store.setting_key(key), value])

    def audit(self, action: str, table: str, record_id: int | None, detail: str = "") -> None:
        """Append one row to the hash-chained audit log (after folding finished autosave bursts)."""
        fold_bursts(self._db, self._store.now(), append=self._store.append_audit)
        self._store.append_audit(self._db, self._store.now(), self._store.actor, action, table, record_id, detail)
        self.audited = True

    def audit_coalesced(self, action: str, table: str, record_id: int, detail: str = "", *,
                        within: timedelta = timedelta(minutes=10)) -> None:
        """Audit a repeated write (autosave while typing, the meeting clock) without flooding the log.

        The first save of a burst is logged at once (so even a killed program leaves a row for
        what was saved); later saves only update the running burst in ``audit_burst``, which is
        folded into one closing row when the burst ends: at the next other audited action, a
        save after ``within`` of quiet, or when the database is closed or opened again.
        """
        now = self._store.now()
        actor = self._store.actor
        row = self._db.execute(
            "SELECT id, last_at FROM audit_burst WHERE actor = ? AND action = ? AND table_name = ? AND record_id = ?",
            [actor, action, table, record_id]).fetchone()
        if row is not None and datetime.fromisoformat(row[1]) >= now - within:
            self._db.execute("UPDATE audit_burst SET detail = ?, last_at = ?, saves = saves + 1 WHERE id = ?",
                             [detail, now.isoformat(timespec="seconds"), row[0]])
        else:
            fold_bursts(self._db, now, only=row[0] if row is not None else None, append=self._store.append_audit)
            self._store.append_audit(self._db, now, actor, action, table, record_id, detail)
            burst = {"actor": actor, "action": action, "table_name": table, "record_id": record_id, "detail": detail,
                     "started_at": now.isoformat(timespec="seconds"), "last_at": now.isoformat(timespec="seconds"),
                     "saves": 1, **self._store.audit_scope(self._db, table, record_id)}
            self._db.execute(f"INSERT INTO audit_burst ({', '.join(burst)}) VALUES ({', '.join('?' * len(burst))})",
                             list(burst.values()))
        self.audited = True


def _not_the_log(table: str) -> None:
    if table == "audit_log":
        raise RuntimeError("Het logboek kan alleen worden aangevuld, niet gewijzigd of gewist")


class Store(ABC):
    """Access to one open database. ``actor`` is who works on this laptop; ``clock`` gives now;
    ``sql`` holds the dialect's fragments for the services' SQL."""

    sql: Dialect

    def __init__(self, *, clock: Callable[[], datetime] = datetime.now) -> None:
        self._actor: Callable[[], str] = lambda: ""
        self.clock = clock  # services ask the store for the time; tests give a test clock

    def identify(self, actor: Callable[[], str]) -> None:
        """Who writes the audit rows. Asked at each audited write, so a renamed profile (or a
        rolled-back rename) is followed at once. Called by the composition root only."""
        self._actor = actor

    @property
    def actor(self) -> str:
        return self._actor()

    def now(self) -> datetime:
        return self.clock().replace(microsecond=0)

    # Writes ----------------------------------------------------------------------------------
    @abstractmethod
    def unit_of_work(self) -> contextlib.AbstractContextManager[UnitOfWork]:
        """One service operation: all of it commits, with its audit entry, or none of it."""

    @abstractmethod
    def insert_row(self, db: Executes, table: str, row: dict[str, Any]) -> int:
        """Insert ``row`` (values already converted) through ``db``; its id (0 for a link table)."""

    # The audit log: one chain in a file; the server overrides these (one chain per location).
    def append_audit(self, db: Executes, at: datetime, actor: str, action: str, table: str,
                     record_id: int | None, detail: str) -> None:
        append_audit(db, at, actor, action, table, record_id, detail)

    def audit_scope(self, db: Executes, table: str, record_id: int | None) -> dict[str, Any]:
        """The columns only the server's audit rows have (the location a row belongs to)."""
        return {}

    def deleting(self, db: Executes, table: str, where: str, params: Sequence[Any]) -> None:
        """Called before a unit of work deletes rows (the server notes their location first)."""
        return None

    # Reads -----------------------------------------------------------------------------------
    @abstractmethod
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]: ...

    @abstractmethod
    def column(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """The first column of every row, as plain values (cheap for long id lists)."""

    @abstractmethod
    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any: ...

    def get(self, cls: type[T], table: str, record_id: int) -> T:
        rows = self.query(f"SELECT * FROM {quoted(table)} WHERE id = ?", [record_id])
        if not rows:
            raise NotFound("Het gevraagde record bestaat niet (meer).")
        return from_row(cls, rows[0])

    def select(self, cls: type[T], table: str, where: str | None = None, params: Sequence[Any] = (), *,
               order_by: str | None = None, limit: int | None = None) -> list[T]:
        sql = f"SELECT * FROM {quoted(table)}" + (f" WHERE {where}" if where else "")
        sql += (f" ORDER BY {order_by}" if order_by else "") + (f" LIMIT {int(limit)}" if limit is not None else "")
        return [from_row(cls, row) for row in self.query(sql, params)]

    def count(self, table: str, where: str | None = None, params: Sequence[Any] = ()) -> int:
        sql = f"SELECT count(*) FROM {quoted(table)}" + (f" WHERE {where}" if where else "")
        return int(self.scalar(sql, params))

    def setting(self, key: str, default: str = "") -> str:
        value = self.scalar("SELECT value FROM setting WHERE key = ?", [self.setting_key(key)])
        return default if value is None else value

    def setting_key(self, key: str) -> str:
        """The row a setting is kept in: in a file the key itself (one user, one file)."""
        return key

    # The database as a whole ------------------------------------------------------------------
    @abstractmethod
    def tables(self) -> list[str]:
        """The names of the tables (without the backend's own and the search indexes')."""

    @abstractmethod
    def columns(self, table: str) -> list[str]: ...

    @abstractmethod
    def audit_head(self, location_id: int | None = None) -> ChainHead:
        """The head of the audit chain (last row and its hash), e.g. printed on a document; on the
        server that of ``location_id``'s chain when given (a file has one chain)."""

    def verify_audit(self) -> ChainProblem | None:
        walk = self.audit_walk()
        while not walk.step():
            pass
        return walk.problem

    @abstractmethod
    def audit_walk(self) -> ChainWalk:
        """The chain check in steps, for a background check that does not freeze the screen."""

    @abstractmethod
    def fold_audit_bursts(self) -> None:
        """End every running autosave burst: each becomes its closing row in the audit log."""

    @abstractmethod
    def purge_freed_content(self) -> bool:
        """After an erasure: no copy of the deleted rows stays behind; False if that could not finish."""

    @abstractmethod
    def check(self) -> list[str]:
        """Integrity, references, audit chain and schema; Dutch problems (empty: all well)."""

    @abstractmethod
    def verify_passphrase(self, passphrase: str) -> bool:
        """Does ``passphrase`` open this database (unlocking a locked screen)?"""

    @abstractmethod
    def change_passphrase(self, new: str) -> None:
        """Re-encrypt the database with ``new`` in one step."""

    @abstractmethod
    def close(self) -> None: ...


@contextlib.contextmanager
def audited(uow: UnitOfWork) -> Iterator[UnitOfWork]:
    """Yield ``uow``; a unit of work that wrote no audit entry is a bug and commits nothing."""
    yield uow
    if not uow.audited:
        raise RuntimeError("A unit of work must write an audit-log entry")
