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
    return Table(name, columns, fks, tuple(sorted(uniques)), tuple(sorted(indexes, key=lambda i: i.name)))
