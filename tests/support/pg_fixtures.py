"""pytest fixtures for the real PostgreSQL server (tests/support/pg.py); loaded by tests/conftest.py.

- ``pg_server``: one server for the whole session, stopped at its end. Without server binaries the
  PostgreSQL tests skip and say why; under CI (``CI=true``) that is a failure instead.
- ``pg_database``: a fresh database per test with the Knooppunt schema, copied from a template
  database made once (``CREATE DATABASE … TEMPLATE``, made in the background while the test before
  runs); ``.connect(user, password)``, ``.dsn(...)``, ``.address()``. ``fresh_database(server)``
  for a module- or class-scoped one.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import psycopg
import pytest

from knooppunt.storage.postgres.access import initialise
from knooppunt.storage.postgres.access_sql import OWNER, database_statements
from knooppunt.storage.postgres.connection import ServerAddress
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

    def address(self, user: str = "postgres") -> ServerAddress:
        return server_address(self.server, self.name, user)

    def connect(self, user: str = "postgres", password: str | None = None, **kwargs: object) -> psycopg.Connection:
        return psycopg.connect(self.dsn(user, password), **kwargs)  # type: ignore[arg-type]


def server_address(server: PgServer, database: str, user: str = "postgres") -> ServerAddress:
    """How the program's own code (knooppunt.storage.postgres) reaches the test server."""
    return ServerAddress(host=server.host, user=user, port=server.port, database=database, ca_file=server.ca_file)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    bindir = find_bindir()
    if bindir is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs the PostgreSQL server. {NO_SERVER}")
        pytest.skip(f"{NO_SERVER} The PostgreSQL tests are skipped.")
    server = PgServer.start(bindir)
    try:
        # The template is made as `knooppunt-cli server inrichten` makes a board's database.
        initialise(server_address(server, TEMPLATE), server.password)
        yield server
    finally:
        server.stop()


def _create_database(server: PgServer) -> str:
    name = f"knooppunt_test_{next(_numbers)}"
    with psycopg.connect(server.dsn(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE} OWNER {OWNER}")
        for statement in database_statements(name):
            conn.execute(statement.encode())
    return name


def _drop_database(server: PgServer, name: str) -> None:
    with psycopg.connect(server.dsn(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


@contextlib.contextmanager
def fresh_database(server: PgServer) -> Iterator[PgDatabase]:
    """A new database with the whole schema and no rows but the migrations', dropped afterwards."""
    name = _create_database(server)
    try:
        yield PgDatabase(server, name)
    finally:
        _drop_database(server, name)


class _NextDatabase:
    """The next test's database, made in the background while this test runs: making one takes
    0.1–0.5 s on a shared 2-core machine, about as long as a short test."""

    def __init__(self, server: PgServer) -> None:
        self._server = server
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="knooppunt-pg")
        self._next: Future[str] | None = None

    def take(self) -> str:
        name = None
        if self._next is not None:
            try:
                name = self._next.result()
            except psycopg.OperationalError:  # a test stopped the server meanwhile (the network cut)
                name = None
        name = name or _create_database(self._server)
        self._next = self._executor.submit(_create_database, self._server)
        return name

    def close(self) -> None:
        self._executor.shutdown(wait=True)  # the spare goes with the server


@pytest.fixture(scope="session")
def _pg_next_database(pg_server: PgServer) -> Iterator[_NextDatabase]:
    spare = _NextDatabase(pg_server)
    yield spare
    spare.close()


@pytest.fixture
def pg_database(pg_server: PgServer, _pg_next_database: _NextDatabase) -> Iterator[PgDatabase]:
    """A database of this test's own, with the whole schema (made while the test before ran)."""
    name = _pg_next_database.take()
    try:
        yield PgDatabase(pg_server, name)
    finally:
        _drop_database(pg_server, name)
