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
from .database import database_file
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
        return int(self._db[table].insert(row).last_pk)

    def update(self, table: str, record_id: int, values: dict[str, Any]) -> None:
        values = {k: to_db(v) for k, v in values.items()}
        cursor = self._db.execute(
            f"UPDATE [{table}] SET {', '.join(f'[{k}] = ?' for k in values)} WHERE id = ?",
            [*values.values(), record_id],
        )
        if cursor.rowcount != 1:
            raise NotFound(f"Het record ({table} {record_id}) bestaat niet meer.")

    def delete(self, table: str, where: str, params: Sequence[Any]) -> int:
        return self._db.execute(f"DELETE FROM [{table}] WHERE {where}", list(params)).rowcount

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        return self._db.execute(sql, [to_db(p) for p in params]).rowcount

    def audit(self, action: str, table: str, record_id: int | None, detail: str = "") -> None:
        self._db["audit_log"].insert(
            {
                "at": self._store.now().isoformat(timespec="seconds"),
                "actor": self._store.actor,
                "action": action,
                "table_name": table,
                "record_id": record_id,
                "detail": detail,
            }
        )
        self.audited = True

    def audit_coalesced(self, action: str, table: str, record_id: int, detail: str = "", *,
                        within: timedelta = timedelta(minutes=10)) -> None:
        """Audit a repeated write (autosave while typing, the meeting clock) without flooding the log.

        When the most recent entry for this record by this actor is the same action and younger
        than ``within``, its detail is brought up to date (and the time the burst ended is added);
        otherwise a new entry is written. Either way the unit of work counts as audited.
        """
        now = self._store.now()
        row = self._db.execute(
            "SELECT id, action, at FROM audit_log WHERE table_name = ? AND record_id = ? AND actor = ? "
            "ORDER BY id DESC LIMIT 1", [table, record_id, self._store.actor]).fetchone()
        if row is None or row[1] != action or datetime.fromisoformat(row[2]) < now - within:
            self.audit(action, table, record_id, detail)
            return
        self._db.execute("UPDATE audit_log SET detail = ? WHERE id = ?",
                         [f"{detail} (t/m {now:%H:%M:%S})".lstrip(), row[0]])
        self.audited = True


class Store:
    """Access to one open database. ``actor`` is who works on this laptop; ``clock`` gives now."""

    def __init__(self, db: Database, *, actor: str = "", clock: Callable[[], datetime] = datetime.now) -> None:
        self.db = db
        self.actor = actor
        self._clock = clock

    def now(self) -> datetime:
        return self._clock().replace(microsecond=0)

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
                if conn.in_transaction:
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

    def close(self) -> None:
        self.db.close()


def _integrity_message(detail: str) -> str:
    if "UNIQUE" in detail:
        return "Dit bestaat al (dubbele invoer). Er is niets opgeslagen."
    if "FOREIGN KEY" in detail:
        return "Dit hangt nog samen met andere gegevens en kan daarom niet. Er is niets opgeslagen."
    if "NOT NULL" in detail or "CHECK" in detail:
        return "Niet alle verplichte gegevens zijn goed ingevuld. Er is niets opgeslagen."
    return "De gegevens zijn niet opgeslagen omdat ze niet kloppen met de rest."
