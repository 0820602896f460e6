"""The baseline for a service read: the very SQL it issued, replayed directly on the connection.

SQLite: its trace callback gives each statement with its parameters filled in. PostgreSQL: a
psycopg cursor class that records each query and its parameters as sent (the same bytes, ``%s``
placeholders). Either way the baseline follows the service when its queries change; no SQL is
copied into the benchmarks, and the replay fetches every row without mapping them to objects.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

READ_PREFIXES = ("SELECT", "WITH", "PRAGMA")


def _server_connection(store) -> Any | None:
    """The psycopg connection of a PostgresStore (its one connection), else None."""
    if type(store).__name__ != "PostgresStore":
        return None
    return store._conn  # the benchmark replays on the store's own connection on purpose


def _is_read(statement: str | bytes) -> bool:
    text = statement.decode() if isinstance(statement, bytes) else statement
    return text.lstrip().upper().startswith(READ_PREFIXES)


def captured_reads(store, action: Callable[[], object]) -> list[Any]:
    """The read statements ``action`` runs on the store's connection (SQLite or PostgreSQL)."""
    server = _server_connection(store)
    if server is not None:
        return _captured_on_server(server, action)
    conn = store.db.conn
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        action()
    finally:
        conn.set_trace_callback(None)
    return [s for s in statements if _is_read(s)]


def _captured_on_server(conn, action: Callable[[], object]) -> list[tuple[Any, Any]]:
    import psycopg

    statements: list[tuple[Any, Any]] = []

    class Recording(psycopg.Cursor):  # type: ignore[type-arg]
        def execute(self, query, params=None, **kwargs):  # type: ignore[no-untyped-def]
            statements.append((query, None if params is None else list(params)))
            return super().execute(query, params, **kwargs)

    previous = conn.cursor_factory
    conn.cursor_factory = Recording
    try:
        action()
    finally:
        conn.cursor_factory = previous
    return [(q, p) for q, p in statements if isinstance(q, str | bytes) and _is_read(q)]


def replay(store, statements: list[Any]) -> Callable[[], None]:
    """An action that runs ``statements`` on the store's connection and fetches every row."""
    server = _server_connection(store)
    if server is not None:

        def run_on_server() -> None:
            for query, params in statements:
                with server.cursor() as cursor:
                    cursor.execute(query, params)
                    cursor.fetchall()

        return run_on_server
    conn = store.db.conn

    def run() -> None:
        for statement in statements:
            conn.execute(statement).fetchall()

    return run
