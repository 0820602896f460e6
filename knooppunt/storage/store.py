"""The store on the encrypted SQLite file (SQLCipher, through sqlite-utils); the interface is
``Store`` in base.py, which this module re-exports with ``UnitOfWork``."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlite_utils import Database

from ..errors import KnooppuntError
from . import audit_chain, id_blocks
from .audit_chain import Executes
from .audit_log import fold_bursts
from .base import Store, UnitOfWork, audited
from .copying import rekey
from .database import check_database, database_file, purge_freed_content, verify_passphrase
from .dialect import Dialect, SqliteDialect
from .mapping import to_db
from .sqlite_errors import mapped

__all__ = ["SqliteStore", "Store", "UnitOfWork"]
log = logging.getLogger(__name__)


class SqliteStore(Store):
    """The store on one open SQLCipher file. ``db`` (sqlite-utils) is for the storage package only."""

    sql: Dialect = SqliteDialect()

    def __init__(self, db: Database, *, clock: Callable[[], datetime] = datetime.now) -> None:
        super().__init__(clock=clock)
        self.db = db
        self._checked_out: bool | None = None

    def checked_out(self) -> bool:
        """Is this file a meeting checked out from the server (new rows take reserved ids)?"""
        if self._checked_out is None:
            self._checked_out = id_blocks.has_blocks(self.db)
        return self._checked_out

    def insert_row(self, db: Executes, table: str, row: dict[str, Any]) -> int:
        if self.checked_out():  # a meeting checked out from the server: ids from its blocks (id_blocks.py)
            id_blocks.assign(self.db, table, row)
        pk = self.db.table(table).insert(row).last_pk
        assert pk is not None  # every table has an integer key (a link table: its rowid)
        return int(pk)

    @contextlib.contextmanager
    def unit_of_work(self) -> Iterator[UnitOfWork]:
        """One service operation: all of it commits, with its audit entry, or none of it.

        The write lock is taken at the start (``BEGIN IMMEDIATE``): a second writer waits up to
        the busy timeout instead of failing half-way when it tries to upgrade a read lock.
        """
        uow = UnitOfWork(self, self.db)
        try:
            with self._mapped(writing=True), self._transaction(), audited(uow):
                yield uow
        except sqlcipher3.IntegrityError as exc:
            log.info("Refused write: %s", exc)
            raise KnooppuntError(integrity_message(str(exc))) from exc

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

    def audit_head(self, location_id: int | None = None) -> audit_chain.ChainHead:
        """The head of the audit chain (last row and its hash), e.g. printed on a document."""
        with self._mapped():
            return audit_chain.head(self.db)

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


def integrity_message(detail: str) -> str:
    """A Dutch refusal for a broken constraint (``detail`` names its kind: UNIQUE, FOREIGN KEY, …)."""
    if "UNIQUE" in detail:
        return "Dit bestaat al (dubbele invoer). Er is niets opgeslagen."
    if "FOREIGN KEY" in detail:
        return "Dit hangt nog samen met andere gegevens en kan daarom niet. Er is niets opgeslagen."
    if "NOT NULL" in detail or "CHECK" in detail:
        return "Niet alle verplichte gegevens zijn goed ingevuld. Er is niets opgeslagen."
    return "De gegevens zijn niet opgeslagen omdat ze niet kloppen met de rest."
