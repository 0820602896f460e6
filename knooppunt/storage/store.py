"""The store: reads as dataclasses, writes only inside a unit of work that is one transaction
and always leaves an audit-log entry (wie, wanneer, wat, welk record)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import sqlcipher3
from sqlite_utils import Database

from ..errors import KnooppuntError, NotFound
from . import audit_chain, id_blocks
from .audit_log import append_audit, fold_bursts
from .copying import rekey
from .database import check_database, database_file, purge_freed_content, verify_passphrase
from .dialect import Dialect, SqliteDialect
from .mapping import from_row, to_db, to_row
from .sqlite_errors import mapped

T = TypeVar("T")
log = logging.getLogger(__name__)


class UnitOfWork:
    """Writes within one transaction; nothing is visible to others until it commits."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._db = store.db
        self.audited = False

    def insert(self, table: str, record: Any) -> int:
        row = record if isinstance(record, dict) else to_row(record)
        row = {k: to_db(v) for k, v in row.items()}
        if self._store.checked_out():  # a meeting checked out from the server: ids from its blocks
            id_blocks.assign(self._db, table, row)
        pk = self._db.table(table).insert(row).last_pk
        assert pk is not None  # every table has an integer id
        return int(pk)

    def insert_ignore(self, table: str, values: dict[str, Any]) -> None:
        """Insert a row unless it would break a unique constraint (a link that is already there)."""
        _not_the_log(table)
        columns = ", ".join(f'"{k}"' for k in values)
        self._db.execute(f'INSERT INTO "{table}" ({columns}) VALUES ({", ".join("?" for _ in values)}) '
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
            f"UPDATE [{table}] SET {', '.join(f'[{k}] = ?' for k in values)} WHERE id = ?",
            [*values.values(), record_id],
        )
        if cursor.rowcount != 1:
            raise NotFound(f"Het record ({table} {record_id}) bestaat niet meer.")

    def delete(self, table: str, where: str, params: Sequence[Any]) -> int:
        _not_the_log(table)
        return int(self._db.execute(f"DELETE FROM [{table}] WHERE {where}", list(params)).rowcount)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        if "audit_log" in sql.lower():
            raise RuntimeError("Het logboek wordt alleen via audit() aangevuld")
        return int(self._db.execute(sql, [to_db(p) for p in params]).rowcount)

    def audit(self, action: str, table: str, record_id: int | None, detail: str = "") -> None:
        """Append one row to the hash-chained audit log (after folding finished autosave bursts)."""
        fold_bursts(self._db, self._store.now())
        append_audit(self._db, self._store.now(), self._store.actor, action, table, record_id, detail)
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
        key = [self._store.actor, action, table, record_id]
        row = self._db.execute(
            "SELECT id, last_at FROM audit_burst WHERE actor = ? AND action = ? AND table_name = ? AND record_id = ?",
            key).fetchone()
        if row is not None and datetime.fromisoformat(row[1]) >= now - within:
            self._db.execute("UPDATE audit_burst SET detail = ?, last_at = ?, saves = saves + 1 WHERE id = ?",
                             [detail, now.isoformat(timespec="seconds"), row[0]])
        else:
            fold_bursts(self._db, now, only=row[0] if row is not None else None)
            append_audit(self._db, now, self._store.actor, action, table, record_id, detail)
            self._db.table("audit_burst").insert({
                "actor": self._store.actor, "action": action, "table_name": table, "record_id": record_id,
                "detail": detail, "started_at": now.isoformat(timespec="seconds"),
                "last_at": now.isoformat(timespec="seconds"), "saves": 1})
        self.audited = True


def _not_the_log(table: str) -> None:
    if table == "audit_log":
        raise RuntimeError("Het logboek kan alleen worden aangevuld, niet gewijzigd of gewist")


class Store:
    """Access to one open database. ``actor`` is who works on this laptop; ``clock`` gives now.

    ``sql`` holds the dialect's fragments for the services' SQL (storage/dialect.py); ``db``
    (sqlite-utils) is for the storage package only.
    """

    sql: Dialect = SqliteDialect()

    def __init__(self, db: Database, *, clock: Callable[[], datetime] = datetime.now) -> None:
        self.db = db
        self._actor: Callable[[], str] = lambda: ""
        self.clock = clock  # services ask the store for the time; tests give a test clock
        self._checked_out: bool | None = None

    def identify(self, actor: Callable[[], str]) -> None:
        """Who writes the audit rows. Asked at each audited write, so a renamed profile (or a
        rolled-back rename) is followed at once. Called by the composition root only."""
        self._actor = actor

    def checked_out(self) -> bool:
        """Is this file a meeting checked out from the server (new rows take reserved ids)?"""
        if self._checked_out is None:
            self._checked_out = id_blocks.has_blocks(self.db)
        return self._checked_out

    @property
    def actor(self) -> str:
        return self._actor()

    def now(self) -> datetime:
        return self.clock().replace(microsecond=0)

    @contextlib.contextmanager
    def unit_of_work(self) -> Iterator[UnitOfWork]:
        """One service operation: all of it commits, with its audit entry, or none of it.

        The write lock is taken at the start (``BEGIN IMMEDIATE``): a second writer waits up to
        the busy timeout instead of failing half-way when it tries to upgrade a read lock.
        """
        uow = UnitOfWork(self)
        try:
            with self._mapped(writing=True), self._transaction():
                yield uow
                if not uow.audited:
                    raise RuntimeError("A unit of work must write an audit-log entry")
        except sqlcipher3.IntegrityError as exc:
            log.info("Refused write: %s", exc)
            raise KnooppuntError(_integrity_message(str(exc))) from exc

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        conn = self.db.conn
        if conn.in_transaction:  # a unit of work inside another: a savepoint
            with self.db.atomic():
                yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            conn.execute("COMMIT")
        except BaseException:
            # A failing rollback (disk gone) must not hide why the unit of work failed.
            with contextlib.suppress(sqlcipher3.Error):
                if self.db.conn.in_transaction:  # (conn, re-read: the failure may have ended it)
                    conn.execute("ROLLBACK")
            raise

    def _mapped(self, *, writing: bool = False) -> contextlib.AbstractContextManager[None]:
        return mapped(self._path, writing=writing)

    def _path(self) -> Path | None:
        try:
            return database_file(self.db)
        except (sqlcipher3.Error, KnooppuntError):
            return None

    # Reads ---------------------------------------------------------------------------------
    def get(self, cls: type[T], table: str, record_id: int) -> T:
        with self._mapped():
            rows = list(self.db[table].rows_where("id = ?", [record_id]))
        if not rows:
            raise NotFound("Het gevraagde record bestaat niet (meer).")
        return from_row(cls, rows[0])

    def select(
        self,
        cls: type[T],
        table: str,
        where: str | None = None,
        params: Sequence[Any] = (),
        *,
        order_by: str | None = None,
        limit: int | None = None,
    ) -> list[T]:
        with self._mapped():
            rows = list(self.db[table].rows_where(where, [to_db(p) for p in params], order_by=order_by, limit=limit))
        return [from_row(cls, row) for row in rows]

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._mapped():
            return list(self.db.query(sql, [to_db(p) for p in params]))

    def column(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """The first column of every row, as plain values (cheap for long id lists)."""
        with self._mapped():
            return [row[0] for row in self.db.execute(sql, [to_db(p) for p in params]).fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self._mapped():
            row = self.db.execute(sql, [to_db(p) for p in params]).fetchone()
        return None if row is None else row[0]

    def count(self, table: str, where: str | None = None, params: Sequence[Any] = ()) -> int:
        sql = f"SELECT count(*) FROM [{table}]" + (f" WHERE {where}" if where else "")
        return int(self.scalar(sql, params))

    def setting(self, key: str, default: str = "") -> str:
        value = self.scalar("SELECT value FROM setting WHERE key = ?", [key])
        return default if value is None else value

    def fold_audit_bursts(self) -> None:
        """End every running autosave burst: each becomes its closing row in the audit log."""
        if self.scalar("SELECT count(*) FROM audit_burst"):
            with self.db.atomic():
                fold_bursts(self.db, self.now())

    # The database as a whole ------------------------------------------------------------------
    def tables(self) -> list[str]:
        """The names of the tables (without SQLite's and the search indexes' own)."""
        return [t for t in self.db.table_names() if not t.startswith("sqlite_") and not _fts_part(t)]

    def columns(self, table: str) -> list[str]:
        return list(self.db[table].columns_dict)

    def audit_head(self) -> audit_chain.ChainHead:
        """The head of the audit chain (last row and its hash), e.g. printed on a document."""
        with self._mapped():
            return audit_chain.head(self.db)

    def verify_audit(self) -> audit_chain.ChainProblem | None:
        with self._mapped():
            return audit_chain.verify(self.db)

    def audit_walk(self) -> audit_chain.ChainWalk:
        """The chain check in steps, for a background check that does not freeze the screen."""
        return audit_chain.ChainWalk(self.db)

    def purge_freed_content(self) -> bool:
        """After an erasure: no copy of deleted rows stays behind in the file (see database.py)."""
        return purge_freed_content(self.db)

    def check(self) -> list[str]:
        """Integrity, encryption, references, audit chain and schema; Dutch problems (empty: well)."""
        return check_database(self.db)

    def verify_passphrase(self, passphrase: str) -> bool:
        """Does ``passphrase`` open this database (unlocking a locked screen)?"""
        return verify_passphrase(self.db, passphrase)

    def change_passphrase(self, new: str) -> None:
        """Re-encrypt the open database with ``new`` in one step."""
        rekey(self.db.conn, new)

    def close(self) -> None:
        # Closing must always close: a damaged file can answer a read with any error (SQLite even
        # reports some damage as out of memory); the unfolded burst stays and is folded next time.
        with contextlib.suppress(sqlcipher3.Error, KnooppuntError, MemoryError):
            self.fold_audit_bursts()
        self.db.close()


def _fts_part(table: str) -> bool:
    # FTS5 keeps each index in shadow tables named after it (child_search_data, …).
    return table.endswith(("_search", "_search_data", "_search_idx", "_search_content", "_search_docsize",
                           "_search_config"))


def _integrity_message(detail: str) -> str:
    if "UNIQUE" in detail:
        return "Dit bestaat al (dubbele invoer). Er is niets opgeslagen."
    if "FOREIGN KEY" in detail:
        return "Dit hangt nog samen met andere gegevens en kan daarom niet. Er is niets opgeslagen."
    if "NOT NULL" in detail or "CHECK" in detail:
        return "Niet alle verplichte gegevens zijn goed ingevuld. Er is niets opgeslagen."
    return "De gegevens zijn niet opgeslagen omdat ze niet kloppen met de rest."
