"""The store on the organisation's PostgreSQL server (psycopg 3), with the interface of base.py.

One connection in autocommit: a read runs on its own, a unit of work is one transaction (a nested
one a savepoint). SQL arrives with ``?`` and leaves with ``%s``; an insert returns its id through
``RETURNING id``; numbers the server computes as ``numeric`` (sum, round) come back as int or
float, as SQLite gives them; rows are dicts. The audit log is a hash chain per location (audit.py):
each row goes to the chain of the location of the record it is about, or the organisation's; the
server's trigger checks that each row continues the one before it in its chain (schema_extras.py).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

import psycopg
from psycopg import errors
from psycopg.adapt import Loader
from psycopg.conninfo import make_conninfo
from psycopg.rows import dict_row

from ...errors import KnooppuntError, NoAccess
from .. import audit_chain
from ..audit_chain import Executes
from ..audit_log import fold_bursts
from ..base import Store, UnitOfWork, audited, quoted
from ..dialect import Dialect
from ..mapping import to_db
from ..store import integrity_message
from . import audit
from .access_sql import PER_LOCATION
from .dialect import PostgresDialect, pyformat
from .schema_extras import SERVER_TABLES

log = logging.getLogger(__name__)
PER_USER_SETTINGS = ("user_name", "user_role", "meeting_mode.discussion_id")
_INTEGRITY = ((errors.UniqueViolation, "UNIQUE"), (errors.ForeignKeyViolation, "FOREIGN KEY"),
              (errors.NotNullViolation, "NOT NULL"), (errors.CheckViolation, "CHECK"))


class _Number(Loader):
    """``numeric`` as SQLite gives it: an int when whole, else a float."""

    def load(self, data: Any) -> int | float:
        value = Decimal(bytes(data).decode())
        return int(value) if value == value.to_integral_value() else float(value)


class Qmark:
    """The connection as ``Executes`` (audit_chain.py): ``?`` placeholders, a cursor back."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Any = (), /) -> psycopg.Cursor[Any]:
        cursor = self.conn.cursor()
        cursor.execute(pyformat(sql).encode(), [to_db(p) for p in params])
        return cursor


class PostgresStore(Store):
    sql: Dialect = PostgresDialect()

    def __init__(self, conn: psycopg.Connection[Any], *, clock: Callable[[], datetime] = datetime.now,
                 conninfo: str = "") -> None:
        super().__init__(clock=clock)
        conn.autocommit = True
        conn.adapters.register_loader("numeric", _Number)
        self._conn = conn
        self._db = Qmark(conn)
        self._conninfo = conninfo
        self._columns: dict[str, list[str]] = {}
        self._unit_location: int | None = None  # the location the current unit of work is about

    @classmethod
    def connect(cls, conninfo: str, *, clock: Callable[[], datetime] = datetime.now) -> PostgresStore:
        return cls(psycopg.connect(conninfo, autocommit=True), clock=clock, conninfo=conninfo)

    # Writes ----------------------------------------------------------------------------------
    @contextlib.contextmanager
    def unit_of_work(self) -> Iterator[UnitOfWork]:
        uow = UnitOfWork(self, self._db)
        if not self._conn.info.transaction_status:  # the outermost unit (IDLE): nothing known yet
            self._unit_location = None
        try:
            with self._conn.transaction(), audited(uow):
                yield uow
        except errors.InsufficientPrivilege as exc:
            log.info("Refused by the server: %s", exc)
            raise NoAccess("De server weigert dit: u hoort niet bij de locatie van deze gegevens, of dit mag "
                           "alleen de beheerder. Er is niets opgeslagen.") from exc
        except errors.IntegrityError as exc:
            log.info("Refused write: %s", exc)
            kind = next((name for cls, name in _INTEGRITY if isinstance(exc, cls)), "")
            raise KnooppuntError(integrity_message(kind)) from exc
        except errors.ObjectInUse as exc:  # the lease guard: the meeting is checked out (its message is Dutch)
            log.info("Refused write: %s", exc)
            raise KnooppuntError(exc.diag.message_primary or "Deze vergadering is uitgecheckt.") from exc

    def insert_row(self, db: audit_chain.Executes, table: str, row: dict[str, Any]) -> int:
        returning = " RETURNING id" if "id" in self.columns(table) else ""
        if row:
            sql = (f"INSERT INTO {quoted(table)} ({', '.join(quoted(k) for k in row)}) "
                   f"VALUES ({', '.join('?' for _ in row)}){returning}")
        else:
            sql = f"INSERT INTO {quoted(table)} DEFAULT VALUES{returning}"
        cursor = db.execute(sql, list(row.values()))
        return int(cursor.fetchone()[0]) if returning else 0

    # The audit log: one chain per location ---------------------------------------------------
    def append_audit(self, db: Executes, at: datetime, actor: str, action: str, table: str,
                     record_id: int | None, detail: str) -> None:
        audit.append(db, at, actor, action, table, record_id, detail, self._location(db, table, record_id))

    def audit_scope(self, db: Executes, table: str, record_id: int | None) -> dict[str, Any]:
        return {"location_id": self._location(db, table, record_id)}

    def deleting(self, db: Executes, table: str, where: str, params: Sequence[Any]) -> None:
        # A row about a deleted record (a note, a participant, an erased child) stays in its
        # location's chain: the location is noted while the rows are still there.
        locations = audit.locations_where(db, table, where, params)
        if locations:
            self._unit_location = locations[0]

    def _location(self, db: Executes, table: str, record_id: int | None) -> int | None:
        found = audit.location_of(db, table, record_id)
        if found is None and table in PER_LOCATION:  # the record is gone: this unit's location
            return self._unit_location
        if found is not None:
            self._unit_location = found
        return found

    def setting_key(self, key: str) -> str:
        # One database for many users: the profile and the discussion one is chairing are each
        # user's own (row-level security lets a user write only keys ending in its own @role).
        return f"{key}@{self._conn.info.user}" if key in PER_USER_SETTINGS else key

    # Reads -----------------------------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._conn.cursor(row_factory=dict_row) as cursor:
            cursor.execute(pyformat(sql).encode(), [to_db(p) for p in params])
            return cursor.fetchall() if cursor.description else []

    def column(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return [row[0] for row in self._db.execute(sql, params).fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._db.execute(sql, params).fetchone()
        return None if row is None else row[0]

    # The database as a whole ------------------------------------------------------------------
    def tables(self) -> list[str]:
        return [t for t in self.column(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
            "AND table_type = 'BASE TABLE' ORDER BY table_name") if t not in SERVER_TABLES]

    def columns(self, table: str) -> list[str]:
        if table not in self._columns:
            self._columns[table] = self.column(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
                "AND table_name = ? ORDER BY ordinal_position", [table])
        return self._columns[table]

    def audit_head(self, location_id: int | None = None) -> audit_chain.ChainHead:
        # Without a location: the last row this user may read (its locations' or the organisation's).
        return audit_chain.head(self._db) if location_id is None else audit.chain_head(self._db, location_id)

    def audit_walk(self) -> audit_chain.ChainWalk:
        return audit.LocationChainWalk(self._db)

    def fold_audit_bursts(self) -> None:
        if self.scalar("SELECT count(*) FROM audit_burst"):
            with self._conn.transaction():
                self._unit_location = None
                fold_bursts(self._db, self.now(), append=self.append_audit)

    def purge_freed_content(self) -> bool:
        # Deleted rows are gone for every reader at once; the server's disk pages (until VACUUM)
        # and its backups are the board's IT's (packaging/server/README.md).
        return True

    def check(self) -> list[str]:
        problem = self.verify_audit()
        return [] if problem is None else [problem.message]

    def verify_passphrase(self, passphrase: str) -> bool:
        """Does the server accept this password for the same user (unlocking a locked screen)?"""
        try:
            psycopg.connect(make_conninfo(self._conninfo, password=passphrase)).close()
        except psycopg.OperationalError:
            return False
        return True

    def change_passphrase(self, new: str) -> None:
        raise KnooppuntError("Op de server van uw organisatie is er geen wachtwoordzin van een bestand: "
                             "uw wachtwoord voor de server wijzigt de beheerder.")

    def close(self) -> None:
        with contextlib.suppress(psycopg.Error, KnooppuntError):
            self.fold_audit_bursts()
        self._conn.close()
