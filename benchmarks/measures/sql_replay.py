"""The baseline for a service read: the very SQL it issued, replayed directly on the connection.

SQLite's trace callback gives each statement with its parameters filled in, so the baseline
follows the service when its queries change; no SQL is copied into the benchmarks.
"""

from __future__ import annotations

from collections.abc import Callable

READ_PREFIXES = ("SELECT", "WITH", "PRAGMA")


def captured_reads(conn, action: Callable[[], object]) -> list[str]:
    """The read statements ``action`` runs on ``conn`` (a sqlite3/sqlcipher3 connection)."""
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        action()
    finally:
        conn.set_trace_callback(None)
    return [s for s in statements if s.lstrip().upper().startswith(READ_PREFIXES)]


def replay(conn, statements: list[str]) -> Callable[[], None]:
    """An action that runs ``statements`` on ``conn`` and fetches every row (no mapping)."""

    def run() -> None:
        for statement in statements:
            conn.execute(statement).fetchall()

    return run
