"""pytest fixtures for the real PostgreSQL server (tests/support/pg.py); loaded by tests/conftest.py.

- ``pg_server``: one server for the whole session, stopped at its end. Without server binaries the
  PostgreSQL tests skip and say why; under CI (``CI=true``) that is a failure instead.
- ``pg_database``: a fresh database per test with the Knooppunt schema, copied from a template
  database made once (``CREATE DATABASE … TEMPLATE`` takes milliseconds). ``.dsn(...)`` connects.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest

from knooppunt.storage.postgres.schema import install
from tests.support.pg import PgServer, find_bindir

TEMPLATE = "knooppunt_template"
NO_SERVER = ("No PostgreSQL server binaries (initdb, pg_ctl) of version 15 or newer: install Debian's "
             "'postgresql' package or set KNOOPPUNT_PG_BINDIR.")
_numbers = itertools.count(1)


@dataclass(frozen=True)
class PgDatabase:
    server: PgServer
    name: str

    def dsn(self, user: str = "postgres", password: str | None = None, sslmode: str = "verify-full") -> str:
        return self.server.dsn(self.name, user, password, sslmode)

    def connect(self, user: str = "postgres", password: str | None = None, **kwargs: object) -> psycopg.Connection:
        return psycopg.connect(self.dsn(user, password), **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    bindir = find_bindir()
    if bindir is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs the PostgreSQL server. {NO_SERVER}")
        pytest.skip(f"{NO_SERVER} The PostgreSQL tests are skipped.")
    server = PgServer.start(bindir)
    try:
        with psycopg.connect(server.dsn(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {TEMPLATE}")
        with psycopg.connect(server.dsn(TEMPLATE)) as conn:
            install(conn)
        yield server
    finally:
        server.stop()


@contextlib.contextmanager
def fresh_database(server: PgServer) -> Iterator[PgDatabase]:
    """A new database with the whole schema and no rows but the migrations', dropped afterwards."""
    name = f"knooppunt_test_{next(_numbers)}"
    with psycopg.connect(server.dsn(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
    try:
        yield PgDatabase(server, name)
    finally:
        with psycopg.connect(server.dsn(), autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture
def pg_database(pg_server: PgServer) -> Iterator[PgDatabase]:
    """A database of this test's own (about half a second to make)."""
    with fresh_database(pg_server) as database:
        yield database
