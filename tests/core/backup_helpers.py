"""Shared by the backup tests: a generated database, and every table of a database as rows."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import sqlcipher3

from benchmarks.generator import PASSPHRASE as GENERATED_PASSPHRASE
from benchmarks.generator import Size, generate

# A few MB: big enough that a backup takes a while, small enough for the test suite.
SMALL = Size("backup-test", locations=4, organisations=30, contacts=200, children=1_500, meetings=300,
             agreements=8_000)

__all__ = ["GENERATED_PASSPHRASE", "SMALL", "all_tables", "file_hash", "generated_database"]


def generated_database(path: Path, size: Size = SMALL, seed: int = 15) -> Path:
    generate(path, size, seed)
    return path


def all_tables(path: Path, passphrase: str, kdf_iter: int | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the schema too), for comparing two databases."""
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
        if kdf_iter:
            conn.execute(f"PRAGMA kdf_iter = {kdf_iter}")
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        tables: dict[str, list[tuple[Any, ...]]] = {
            "sqlite_master": conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()}
        for name in names:
            # Sorted here: FTS5 shadow tables are WITHOUT ROWID, so there is no rowid to order by.
            tables[name] = sorted(conn.execute(f"SELECT * FROM [{name}]").fetchall(), key=repr)
        return tables
    finally:
        conn.close()


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
