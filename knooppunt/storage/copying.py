"""The SQL behind backups: an encrypted copy (``sqlcipher_export``), checking a copy, a preview
of what a file holds, and re-keying. File handling (names, renames, rotation) is in
``knooppunt.backup``; this module only talks to SQLCipher."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlcipher3

from ..errors import KnooppuntError, NewerSchema, WrongPassphrase
from .database import _connect, _quote
from .schema import MIGRATIONS


@dataclass(frozen=True)
class Snapshot:
    """What a copy must match: the applied migrations and the newest audit entry (the chain head)."""

    migrations: tuple[str, ...]
    audit_head: tuple[Any, ...]


@dataclass(frozen=True)
class Contents:
    """What a backup holds, for the restore preview."""

    locations: int
    children: int
    meetings: int
    newest_meeting: str | None
    newest_audit: str | None


def _migrations(conn: sqlcipher3.Connection) -> tuple[str, ...]:
    rows = conn.execute("SELECT name FROM _sqlite_migrations ORDER BY name").fetchall()
    return tuple(row[0] for row in rows)


def _audit_head(conn: sqlcipher3.Connection) -> tuple[Any, ...]:
    """The newest audit row's id, and its hash columns when the audit log is a hash chain."""
    columns = [row[1] for row in conn.execute("PRAGMA table_info(audit_log)").fetchall()]
    chain = [c for c in columns if "hash" in c.lower() or "chain" in c.lower()]
    select = ", ".join(["id", *(f"[{c}]" for c in chain)])
    row = conn.execute(f"SELECT {select} FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return tuple(row) if row else ()


def export_copy(source: Path, passphrase: str, target: Path, *, kdf_iter: int | None = None) -> Snapshot:
    """Write an encrypted copy of ``source`` into the (existing, empty) file ``target``.

    Runs on its own connection, so it can run on a worker thread while the program keeps
    working: one read transaction gives a consistent copy of what was committed.
    """
    conn = _connect(source, passphrase, kdf_iter)
    conn.isolation_level = None
    try:
        source_iter = int(conn.execute("PRAGMA kdf_iter").fetchone()[0])
        conn.execute(f"ATTACH DATABASE {_quote(str(target))} AS backup KEY {_quote(passphrase)}")
        conn.execute(f"PRAGMA backup.kdf_iter = {source_iter}")
        conn.execute("BEGIN")
        snapshot = Snapshot(_migrations(conn), _audit_head(conn))
        conn.execute("SELECT sqlcipher_export('backup')")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE backup")
    finally:
        conn.close()
    return snapshot


def _open_copy(path: Path, passphrase: str, kdf_iter: int | None) -> sqlcipher3.Connection:
    """Open a backup read-only: looking at a file never changes it."""
    try:
        uri = f"file:{quote(path.resolve().as_posix(), safe='/:')}?mode=ro"
        conn = _connect(Path(uri), passphrase, kdf_iter, uri=True)
    except WrongPassphrase:
        raise
    except KnooppuntError as exc:
        raise _damaged(path, str(exc.__cause__ or exc.message)) from exc
    return conn


def problems_of_copy(path: Path, passphrase: str, expected: Snapshot | None = None,
                     *, kdf_iter: int | None = None) -> list[str]:
    """Dutch problems of the backup at ``path``; empty when it is complete and readable."""
    try:
        conn = _open_copy(path, passphrase, kdf_iter)
    except KnooppuntError as exc:
        return [exc.message]
    try:
        problems = [f"Integriteit: {r[0]}" for r in conn.execute("PRAGMA integrity_check").fetchall()
                    if r[0] != "ok"]
        problems += [f"Versleuteling: {r[0]}" for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        if problems:
            return problems
        migrations = _migrations(conn)
        if expected is not None:
            if migrations != expected.migrations:
                problems.append("Het schema van de kopie wijkt af van dat van de database.")
            if _audit_head(conn) != expected.audit_head:
                problems.append("Het logboek van de kopie eindigt niet waar dat van de database eindigt.")
        return problems
    except (sqlcipher3.DatabaseError, MemoryError) as exc:  # SQLite reports some damage as out of memory
        return [f"Het bestand is onvolledig of beschadigd ({exc or 'onleesbare regel'})."]
    finally:
        conn.close()


def read_contents(path: Path, passphrase: str, *, kdf_iter: int | None = None) -> Contents:
    """What a backup holds. Refuses a wrong passphrase, a damaged file and a newer schema."""
    conn = _open_copy(path, passphrase, kdf_iter)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "_sqlite_migrations" not in tables:
            raise KnooppuntError(f"{path.name} is geen Knooppunt-database.")
        known = {m.name for m in MIGRATIONS._migrations}
        unknown = [name for name in _migrations(conn) if name not in known]
        if unknown:
            raise NewerSchema(unknown)
        problems = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall() if r[0] != "ok"]
        if problems:
            raise _damaged(path, problems[0])

        def scalar(sql: str) -> Any:
            return conn.execute(sql).fetchone()[0]

        return Contents(
            locations=int(scalar("SELECT count(*) FROM location")),
            children=int(scalar("SELECT count(*) FROM child")),
            meetings=int(scalar("SELECT count(*) FROM meeting")),
            newest_meeting=scalar("SELECT max(date) FROM meeting"),
            newest_audit=scalar("SELECT max(at) FROM audit_log"),
        )
    except (sqlcipher3.DatabaseError, MemoryError) as exc:  # SQLite reports some damage as out of memory
        raise _damaged(path, str(exc) or "onleesbare regel") from exc
    finally:
        conn.close()


def _damaged(path: Path, detail: str) -> KnooppuntError:
    return KnooppuntError(f"{path.name} is beschadigd of onvolledig en kan niet worden teruggezet. "
                          f"Er is niets veranderd. (Technisch: {detail})")


def rekey(conn: sqlite3.Connection | sqlcipher3.Connection, new_passphrase: str) -> None:
    """Re-encrypt the open database with a new passphrase, in one step (SQLCipher's rekey)."""
    conn.execute(f"PRAGMA rekey = {_quote(new_passphrase)}")
