"""Ways a database file goes wrong on a laptop, made on purpose for the tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3

from knooppunt.composition import open_services
from tests.conftest import PASSPHRASE, TEST_KDF_ITER

PAGE_SIZE = 4096  # SQLCipher 4's default


def damage_table(path: Path, table: str) -> None:
    """Flip bytes in the first page of ``table``: SQLCipher's page check then fails on reading it."""
    services = open_services(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    root = services.store.scalar("SELECT rootpage FROM sqlite_master WHERE name = ?", [table])
    services.close()  # the last connection checkpoints the write-ahead log into the file
    with path.open("r+b") as file:
        file.seek((root - 1) * PAGE_SIZE + 1000)
        data = file.read(8)
        file.seek((root - 1) * PAGE_SIZE + 1000)
        file.write(bytes(b ^ 0xFF for b in data))


class FaultyConnection:
    """A connection that raises SQLite's own error for the next ``times`` writes, then works again.

    Stands in for a full disk: SQLite reports SQLITE_FULL as exactly this ``OperationalError``.
    """

    def __init__(self, conn: Any, error: Exception, times: int) -> None:
        self._conn = conn
        self._error = error
        self.remaining = times

    def execute(self, sql: str, *args: Any) -> Any:
        if self.remaining and sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            self.remaining -= 1
            raise self._error
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def fail_writes(services: Any, times: int, message: str = "database or disk is full") -> FaultyConnection:
    """Make the next ``times`` writes of ``services`` fail as SQLite fails them (until restored)."""
    faulty = FaultyConnection(services.store.db.conn, sqlcipher3.OperationalError(message), times)
    services.store.db.conn = faulty
    return faulty
