"""Loading the generated database into the server's schema: every table's rows copied from the
unencrypted SQLite copy with COPY (psycopg), ids kept, the identity sequences advanced past them.

The rows were checked when they were generated (``foreign_key_check``), so the copy runs with
``session_replication_role = replica``: no foreign-key or trigger checks per row, in any table
order. Hence the triggers' work is done here: ``child.search_name`` comes from the file (the same
folding, tested), and the audit log is the file's one chain (``location_id`` NULL: the
organisation's). Finally ``ANALYZE``, so the planner knows the tables as autovacuum would later.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg
from psycopg import sql

from knooppunt.storage.postgres.schema_extras import SERVER_TABLES


def _columns(conn: psycopg.Connection) -> dict[str, list[str]]:
    rows = conn.execute(
        "SELECT c.table_name, c.column_name FROM information_schema.columns c "
        "JOIN information_schema.tables t USING (table_schema, table_name) "
        "WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' "
        "ORDER BY c.table_name, c.ordinal_position").fetchall()
    tables: dict[str, list[str]] = {}
    for table, column in rows:
        if table not in SERVER_TABLES:
            tables.setdefault(table, []).append(column)
    return tables


def _sqlite_columns(src: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in src.execute(f"PRAGMA table_info({_quote(table)})")}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def copy_database(plain: Path, conninfo: str) -> dict[str, int]:
    """Replace the server database's rows by the file's; the rows copied per table."""
    src = sqlite3.connect(f"file:{plain}?mode=ro", uri=True)
    copied: dict[str, int] = {}
    try:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            tables = _columns(conn)
            with conn.transaction():
                conn.execute("SET LOCAL session_replication_role = replica")
                # The rows the migrations put in (organisation types) are in the file as well;
                # CASCADE: kp_membership (empty yet) refers to location.
                conn.execute(sql.SQL("TRUNCATE {} CASCADE").format(sql.SQL(", ").join(map(sql.Identifier, tables))))
                for table, pg_columns in tables.items():
                    columns = [c for c in pg_columns if c in _sqlite_columns(src, table)]
                    copied[table] = _copy_table(conn, src, table, columns)
                _advance_sequences(conn)
            conn.execute("ANALYZE")
    finally:
        src.close()
    return copied


def _copy_table(conn: psycopg.Connection, src: sqlite3.Connection, table: str, columns: list[str]) -> int:
    names = ", ".join(_quote(c) for c in columns)
    count = 0
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns)))
    with conn.cursor() as cursor, cursor.copy(statement) as copy:
        for row in src.execute(f"SELECT {names} FROM {_quote(table)}"):
            copy.write_row(row)
            count += 1
    return count


def _advance_sequences(conn: psycopg.Connection) -> None:
    """The next new row (a note typed, an agenda item) gets the id after the copied ones."""
    identities = conn.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND is_identity = 'YES'").fetchall()
    for table, column in identities:
        conn.execute(sql.SQL("SELECT setval(pg_get_serial_sequence({}, {}), coalesce(max({}), 0) + 1, false) "
                             "FROM {}").format(sql.Literal(table), sql.Literal(column), sql.Identifier(column),
                                               sql.Identifier(table)))


def sqlite_counts(plain: Path) -> dict[str, int]:
    """Rows per table in the file (for checking a copy)."""
    src = sqlite3.connect(f"file:{plain}?mode=ro", uri=True)
    try:
        names = [r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {name: src.execute(f"SELECT count(*) FROM {_quote(name)}").fetchone()[0] for name in names}
    finally:
        src.close()
