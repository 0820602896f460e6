"""``--postgres``: a real PostgreSQL server on 127.0.0.1 for the run, holding the same generated
database, and a user of the program to measure with.

The server is the test suite's (``tests/support/pg.py``: Debian's PostgreSQL 15+, the settings of
``packaging/server/``, TLS only with a throw-away CA, stopped and removed afterwards). Imported
from there, not copied: that module needs only the standard library and trustme (no pytest).
The database is made as ``knooppunt-cli server inrichten`` makes a board's (roles, schema,
row-level security), the rows are copied in (``pg_load.py``), and the services connect as an
ordinary user (``knooppunt_gebruiker``) belonging to every location — so row-level security is
part of what is measured, as it is for every user of a team server.
"""

from __future__ import annotations

import contextlib
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# The service-level measures (through ``Services``): run on both backends.
SERVICE_MEASURES = ("search", "page_search", "reads", "typing", "documents", "largest_notes", "monitoring", "today")
# About the SQLCipher file itself, or the laptop's own file: SQLite only.
SQLITE_ONLY = {
    "start": "cold start, unlock dialog and memory of the desktop program opening its file",
    "unlock": "SQLCipher key derivation",
    "backup": "sqlcipher_export of the file (a server's backups are the board's IT's)",
    "regional": "the regional directory pulled into a new laptop file",
}
DURABLE = ("fsync", "synchronous_commit", "full_page_writes")
DATABASE = "knooppunt"
USER = "benchmark"
NO_SERVER = ("No PostgreSQL server binaries (initdb, pg_ctl) of version 15 or newer: install Debian's "
             "'postgresql' package or set KNOOPPUNT_PG_BINDIR.")


class NoServer(RuntimeError):
    pass


@dataclass(frozen=True)
class ServerDatabase:
    conninfo: str  # the benchmark user's (TLS, certificate checked)
    version: str
    load_s: float
    rows: dict[str, int] = field(default_factory=dict)
    superuser: str = ""  # the server's superuser (row-level security does not apply to it)

    def describe(self, as_superuser: bool = False) -> dict[str, object]:
        user = ("postgres: the superuser (row-level security does not apply)" if as_superuser
                else f"{USER}: knooppunt_gebruiker, member of every location (row-level security applies)")
        return {"server": f"PostgreSQL {self.version} on 127.0.0.1 (TLS, verify-full)", "user": user,
                "load_s": self.load_s, "rows": self.rows}


def available() -> bool:
    from tests.support.pg import find_bindir

    return find_bindir() is not None


@contextlib.contextmanager
def server_database(plain: Path) -> Iterator[ServerDatabase]:
    """Start a server, load the file's rows into a new Knooppunt database; stop it afterwards."""
    import psycopg

    from knooppunt.storage.postgres.access import add_user, initialise
    from knooppunt.storage.postgres.connection import ServerAddress
    from tests.support.pg import PgServer, find_bindir

    from .pg_load import copy_database

    bindir = find_bindir()
    if bindir is None:
        raise NoServer(NO_SERVER)
    server = PgServer.start(bindir)
    try:
        admin = ServerAddress(host=server.host, user="postgres", port=server.port, database=DATABASE,
                              ca_file=server.ca_file)
        initialise(admin, server.password)
        started = time.perf_counter()
        rows = copy_database(plain, server.dsn(DATABASE))
        load_s = time.perf_counter() - started
        password = secrets.token_urlsafe(18)
        with psycopg.connect(server.dsn(DATABASE), autocommit=True) as conn:
            first = conn.execute("SELECT name FROM location ORDER BY id LIMIT 1").fetchone()[0]
            add_user(admin, server.password, USER, password, [first])
            conn.execute("INSERT INTO kp_membership (role_name, location_id) SELECT %s, id FROM location "
                         "ON CONFLICT DO NOTHING", (USER,))
            # The test server runs without fsync (tests/support/pg.py); a board's server does not, and
            # the note autosave's commit should wait for the disk as SQLite's does. Reloadable settings.
            for setting in DURABLE:
                conn.execute(f"ALTER SYSTEM SET {setting} = on")
            conn.execute("SELECT pg_reload_conf()")
            version = conn.execute("SHOW server_version").fetchone()[0]
        yield ServerDatabase(server.dsn(DATABASE, USER, password), str(version).split()[0], load_s, rows,
                             server.dsn(DATABASE))
    finally:
        server.stop()
