"""The published regional directory: a plain (unencrypted) SQLite file that Datasette serves.

Written next to the target and moved into place, so a server never sees half a file.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlite_utils import Database

SCHEMA = """
CREATE TABLE location (id INTEGER PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, address TEXT,
    postcode TEXT, city TEXT, phone TEXT, frequency_weeks INTEGER, composition TEXT, working_agreements TEXT);
CREATE TABLE organisation_type (id INTEGER PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE organisation (id INTEGER PRIMARY KEY, name TEXT NOT NULL,
    type_id INTEGER REFERENCES organisation_type(id), phone TEXT, email TEXT, address TEXT);
CREATE TABLE contact_person (id INTEGER PRIMARY KEY, name TEXT NOT NULL,
    organisation_id INTEGER REFERENCES organisation(id), function TEXT, phone TEXT, email TEXT,
    availability TEXT, note TEXT);
CREATE TABLE location_partner (id INTEGER PRIMARY KEY, location_id INTEGER REFERENCES location(id),
    role TEXT NOT NULL, kind TEXT NOT NULL, organisation_id INTEGER REFERENCES organisation(id),
    contact_id INTEGER REFERENCES contact_person(id), substitute_id INTEGER REFERENCES contact_person(id),
    mandate_category TEXT, mandate_description TEXT, mandate_valid_from TEXT, mandate_valid_until TEXT,
    position INTEGER);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)
"""


def write_publication(path: Path, tables: Mapping[str, Sequence[Mapping[str, Any]]],
                      meta: Mapping[str, str]) -> None:
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    conn = sqlite3.connect(partial)
    try:
        db = Database(conn)
        with db.conn:
            for statement in SCHEMA.split(";\n"):
                db.execute(statement)
            for table, rows in tables.items():
                if rows:
                    db.table(table).insert_all([dict(r) for r in rows])
            db.table("meta").insert_all([{"key": k, "value": v} for k, v in meta.items()])
        db.execute("VACUUM")
    except BaseException:
        conn.close()
        partial.unlink(missing_ok=True)
        raise
    conn.close()
    os.replace(partial, path)


def published_tables(path: Path) -> list[str]:
    """The tables in a published file (for the scan test and a check before serving)."""
    conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    finally:
        conn.close()


def read_publication_rows(path: Path, tables: Sequence[str]) -> tuple[dict[str, list[dict[str, Any]]], dict[str, str]]:
    """The rows of a published file read from disk (the same content a server would give)."""
    conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        rows = {t: [dict(r) for r in conn.execute(f"SELECT * FROM [{t}] ORDER BY id")] for t in tables}
        meta = {str(r["key"]): str(r["value"]) for r in conn.execute("SELECT key, value FROM meta")}
    finally:
        conn.close()
    return rows, meta
