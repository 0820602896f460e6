"""The organisation's server with a record on it, users of its location, and the server's rows of
one meeting read back for comparison (tests/core/test_checkout*.py)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import psycopg

from knooppunt.services.team.checkout import CheckoutService
from knooppunt.storage.postgres.access import add_user
from knooppunt.storage.postgres.checkout_scope import Scope, columns, select, tables
from knooppunt.storage.postgres.schema import quote

from ..conftest import TEST_KDF_ITER


def seed_server(database, services) -> None:
    """Copy the whole record of a laptop's file onto the server (as its superuser, the ids kept),
    as if it had been worked on there; the audit log starts empty on the server."""
    db = services.store.db
    with database.connect() as conn, conn.cursor() as cursor:
        for table in reversed(list(tables())):
            cursor.execute(f"DELETE FROM {quote(table)}")
        for table in tables():
            names = columns(table)
            rows = [tuple(r) for r in db.execute(f"SELECT {', '.join(quote(n) for n in names)} FROM {quote(table)}")]
            if rows:
                cursor.executemany(f"INSERT INTO {quote(table)} ({', '.join(quote(n) for n in names)}) "
                                   f"VALUES ({', '.join('%s' for _ in names)})", rows)
            if names[0] == "id" and tables()[table].primary_key == ("id",):
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                               f"coalesce((SELECT max(id) FROM {quote(table)}), 0) + 1, false)")


@dataclass(frozen=True)
class User:
    role: str
    password: str

    def service(self, database, clock) -> CheckoutService:
        return CheckoutService(database.address(self.role), self.password, clock=clock, kdf_iter=TEST_KDF_ITER)

    def connect(self, database, **kwargs) -> psycopg.Connection:
        return database.connect(self.role, self.password, **kwargs)


def make_user(database, name: str, location: str, *, coordinator: bool = False) -> User:
    role = f"{name}_{database.name}"
    password = secrets.token_urlsafe(18)
    add_user(database.address(), database.server.password, role, password, [location], admin=coordinator)
    return User(role, password)


def server_rows(database, meeting_id: int) -> dict[str, list[tuple]]:
    """The server's rows of a meeting and its children's files (the owned part), by table."""
    with database.connect() as conn:
        def rows(sql, params):
            return conn.execute(sql.replace("?", "%s").encode(), list(params)).fetchall()
        scope = Scope.find(rows, meeting_id)
        return {t: select(rows, t, scope.owned(t)) for t in tables() if scope.owned(t)}


def file_rows(services, meeting_id: int) -> dict[str, list[tuple]]:
    """The same rows of a laptop's file."""
    db = services.store.db

    def rows(sql, params):
        return [tuple(r) for r in db.execute(sql, list(params)).fetchall()]
    scope = Scope.find(rows, meeting_id)
    return {t: select(rows, t, scope.owned(t)) for t in tables() if scope.owned(t)}
