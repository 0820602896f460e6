"""The shape of the SQLite schema after all migrations, read from a fresh in-memory database.

The PostgreSQL schema is generated from this (``schema.py``), and the parity test compares the two,
so a new SQLite migration reaches the server without anyone writing its DDL twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from ..folding import register_fold
from ..schema import MIGRATIONS

# SQLite's own bookkeeping and the FTS5 search indexes (their search is kp_fold + pg_trgm on the
# server: schema_extras.py); the migrations' record has its own table on the server.
SKIPPED_PREFIXES = ("sqlite_", "_sqlite_")
SEARCH_TABLES = ("child_search", "agreement_search")


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # the SQLite declared type: INTEGER, TEXT or BLOB
    not_null: bool
    default: str | None  # an SQL literal as written in the migration
    pk_position: int  # 0: not part of the primary key


@dataclass(frozen=True)
class ForeignKey:
    column: str
    table: str
    target: str
    on_delete: str


@dataclass(frozen=True)
class Index:
    name: str
    unique: bool
    columns: tuple[str, ...]
    sql: str | None  # the CREATE INDEX statement when it indexes expressions, else None


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    foreign_keys: tuple[ForeignKey, ...]
    uniques: tuple[tuple[str, ...], ...]  # UNIQUE constraints (not the primary key)
    indexes: tuple[Index, ...]
    checks: tuple[str, ...] = ()  # CHECK expressions as written (they read the same in PostgreSQL)

    @property
    def primary_key(self) -> tuple[str, ...]:
        return tuple(c.name for c in sorted(self.columns, key=lambda c: c.pk_position) if c.pk_position)


def migrated_sqlite() -> Database:
    """A fresh in-memory SQLite database built by the real migrations."""
    db = Database(memory=True)
    register_fold(db)
    MIGRATIONS.apply(db)
    return db


def sqlite_tables(db: Database | None = None) -> list[Table]:
    """Every application table of the migrated SQLite schema, by name."""
    db = db or migrated_sqlite()
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    search_parts = tuple(f"{t}_" for t in SEARCH_TABLES)
    return [_table(db, name) for name in names
            if not name.startswith(SKIPPED_PREFIXES) and name not in SEARCH_TABLES
            and not name.startswith(search_parts)]


def _table(db: Database, name: str) -> Table:
    columns = tuple(Column(name=r[1], type=r[2].upper(), not_null=bool(r[3]), default=r[4], pk_position=r[5])
                    for r in db.execute(f"PRAGMA table_info('{name}')"))
    fks = tuple(ForeignKey(column=r[3], table=r[2], target=r[4], on_delete=r[6])
                for r in sorted(db.execute(f"PRAGMA foreign_key_list('{name}')"), key=lambda r: r[3]))
    uniques: list[tuple[str, ...]] = []
    indexes: list[Index] = []
    for _, index, unique, origin, _partial in db.execute(f"PRAGMA index_list('{name}')"):
        cols = tuple(r[2] for r in db.execute(f"PRAGMA index_info('{index}')"))
        if origin == "u":
            uniques.append(cols)
        elif origin == "c":
            expression = any(c is None for c in cols)
            sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [index]).fetchone()[0]
            indexes.append(Index(index, bool(unique), cols if not expression else (), sql if expression else None))
    create = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).fetchone()[0]
    return Table(name, columns, fks, tuple(sorted(uniques)), tuple(sorted(indexes, key=lambda i: i.name)),
                 tuple(check_expressions(create)))


def check_expressions(create_table: str) -> list[str]:
    """The expressions of the CHECK constraints in a CREATE TABLE statement (column and table ones).

    SQLite keeps no list of them, only the statement's text: a small scan finds the keyword outside
    quotes and takes the parenthesised expression after it.
    """
    found: list[str] = []
    i, n = 0, len(create_table)
    while i < n:
        c = create_table[i]
        if c in "'\"`[":
            i = _after_quoted(create_table, i)
            continue
        if create_table[i:i + 5].upper() == "CHECK" and not _word_char(create_table, i - 1) \
                and not _word_char(create_table, i + 5):
            start = create_table.index("(", i)
            end = _matching_parenthesis(create_table, start)
            found.append(" ".join(create_table[start + 1:end].split()))
            i = end + 1
            continue
        i += 1
    return found


def _word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def _after_quoted(text: str, i: int) -> int:
    close = "]" if text[i] == "[" else text[i]
    j = i + 1
    while j < len(text):
        if text[j] == close:
            if close != "]" and j + 1 < len(text) and text[j + 1] == close:  # a doubled quote
                j += 2
                continue
            return j + 1
        j += 1
    return j


def _matching_parenthesis(text: str, start: int) -> int:
    depth, i = 0, start
    while i < len(text):
        if text[i] in "'\"`[":
            i = _after_quoted(text, i)
            continue
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return i
        i += 1
    raise ValueError(f"unbalanced CHECK in: {text}")
