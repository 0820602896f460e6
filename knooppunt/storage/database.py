"""Opening the encrypted database file (SQLCipher) and bringing its schema up to date."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from typing import cast

import sqlcipher3
from sqlite_utils import Database

from ..errors import DatabaseDamaged, DatabaseUnavailable, KnooppuntError, NewerSchema, WrongPassphrase
from .audit_chain import verify as verify_chain
from .folding import register_fold
from .schema import MIGRATIONS
from .sqlite_errors import translated

log = logging.getLogger(__name__)

MIN_PASSPHRASE_LENGTH = 8
# How long a write waits for another program's write to finish before it gives up (seconds).
BUSY_TIMEOUT = 5.0
_PLAIN_SQLITE = b"SQLite format 3\x00"


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def _connect(path: Path, passphrase: str, kdf_iter: int | None, *, uri: bool = False) -> sqlcipher3.Connection:
    try:
        conn = sqlcipher3.connect(str(path), uri=uri, timeout=BUSY_TIMEOUT)
    except sqlcipher3.OperationalError as exc:
        raise DatabaseUnavailable(f"Het bestand {path} kan niet worden geopend ({exc}).") from exc
    # SQLCipher writes a failed key check to stderr by default; the user gets our message instead.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {_quote(passphrase)}")
    if kdf_iter is not None:
        conn.execute(f"PRAGMA kdf_iter = {int(kdf_iter)}")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc):
            raise _unreadable(path) from exc
        raise translated(exc, path) or DatabaseUnavailable(f"De database kan niet worden gelezen ({exc}).") from exc
    return conn


def _unreadable(path: Path) -> KnooppuntError:
    """SQLCipher cannot tell a wrong key from a damaged first page; the file's shape sometimes can."""
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            head = file.read(16)
        wal = Path(f"{path}-wal")
        pending = wal.exists() and wal.stat().st_size > 0
    except OSError:
        return WrongPassphrase()
    if head == _PLAIN_SQLITE:
        return KnooppuntError(f"{path.name} is een gewone, onversleutelde SQLite-database en geen "
                              "Knooppunt-database. Er is niets aan veranderd.")
    # SQLCipher writes whole pages (a power of two, at least 512 bytes); the write-ahead log may
    # still hold the first pages of a new file, so only a file without one can be judged.
    if not pending and (size < 512 or size % 512):
        return DatabaseDamaged(path, f"het bestand is {size:,} bytes, geen heel aantal pagina's: het is "
                                     "afgebroken of beschadigd".replace(",", "."))
    return WrongPassphrase()


def _configure(db: Database) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
    # WAL + FULL: a killed process or a dying laptop loses no committed note.
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    # Temporary tables and sorts stay in memory: no plaintext scratch files on disk.
    db.execute("PRAGMA temp_store = MEMORY")
    db.execute("PRAGMA secure_delete = ON")
    # The search indexes are kept up to date by triggers that fold names with kp_fold().
    register_fold(db)


def create_private_file(path: Path) -> None:
    """Create an empty file only its owner can read (0600); SQLite gives its journal files the
    same mode. Raises FileExistsError rather than touching an existing file."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def make_private(path: Path) -> None:
    """An existing database made by an older version (0644) becomes owner-only."""
    for suffix in ("", "-wal", "-shm"):
        file = Path(f"{path}{suffix}")
        try:
            if file.exists() and file.stat().st_mode & 0o077:
                file.chmod(0o600)
        except OSError:
            continue  # not ours to change (another owner): leave it, opening still works


def unknown_migrations(db: Database) -> list[str]:
    # Every registered migration is pending on an empty database: sqlite-utils' public API.
    known = {m.name for m in MIGRATIONS.pending(Database(memory=True))}
    return [m.name for m in MIGRATIONS.applied(db) if m.name not in known]


def open_database(path: Path, passphrase: str, *, kdf_iter: int | None = None) -> Database:
    """Open an existing Knooppunt database, upgrading an older schema in place.

    A wrong passphrase or a database of a newer version raises a ``KnooppuntError``
    before a single byte of the file is written.
    """
    path = Path(path)
    if not path.is_file():
        raise DatabaseUnavailable(f"Het databasebestand {path} bestaat niet.")
    conn = _connect(path, passphrase, kdf_iter)
    # sqlcipher3's connection is a drop-in for sqlite3's, which is all sqlite-utils is typed for.
    db = Database(cast(sqlite3.Connection, conn), recursive_triggers=False, execute_plugins=False)
    try:
        if not db["_sqlite_migrations"].exists():
            raise KnooppuntError(f"{path.name} is geen Knooppunt-database.")
        unknown = unknown_migrations(db)
        if unknown:
            raise NewerSchema(unknown)
        _configure(db)
        pending = MIGRATIONS.pending(db)
        if pending:
            log.info("Upgrading %s: %s", path, ", ".join(m.name for m in pending))
            MIGRATIONS.apply(db)
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise translated(exc, path) or DatabaseDamaged(path, exc) from exc
    except BaseException:
        conn.close()
        raise
    make_private(path)
    return db


def create_database(path: Path, passphrase: str, *, kdf_iter: int | None = None) -> Database:
    """Create a new, encrypted Knooppunt database with the current schema."""
    path = Path(path)
    if path.exists():
        raise DatabaseUnavailable(f"Het bestand {path} bestaat al; kies een andere naam.")
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise KnooppuntError(
            f"Kies een wachtwoordzin van minstens {MIN_PASSPHRASE_LENGTH} tekens."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    create_private_file(path)
    conn = _connect(path, passphrase, kdf_iter)
    # sqlcipher3's connection is a drop-in for sqlite3's, which is all sqlite-utils is typed for.
    db = Database(cast(sqlite3.Connection, conn), recursive_triggers=False, execute_plugins=False)
    try:
        _configure(db)
        MIGRATIONS.apply(db)
    except BaseException:
        conn.close()
        # The journal files too: a half-made database leaves nothing behind.
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise
    return db


def check_database(db: Database) -> list[str]:
    """Integrity and schema check; returns Dutch problem descriptions (empty: all well)."""
    try:
        return _problems(db)
    except sqlcipher3.DatabaseError as exc:
        return [f"Het bestand is beschadigd en kan niet volledig worden gelezen ({exc})."]


def _problems(db: Database) -> list[str]:
    problems: list[str] = []
    for (result,) in db.execute("PRAGMA integrity_check").fetchall():
        if result != "ok":
            problems.append(f"Integriteit: {result}")
    for row in db.execute("PRAGMA cipher_integrity_check").fetchall():
        problems.append(f"Versleuteling: {row[0]}")
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"Verwijzing: rij {rowid} in {table} wijst naar een ontbrekende {parent}")
    if db["audit_log"].exists() and "hash" in db["audit_log"].columns_dict:
        broken = verify_chain(db)
        if broken is not None:
            problems.append(broken.message)
    pending = [m.name for m in MIGRATIONS.pending(db)]
    if pending:
        problems.append(f"Schema niet bijgewerkt: {', '.join(pending)} ontbreekt")
    unknown = unknown_migrations(db)
    if unknown:
        problems.append(f"Schema van een nieuwere versie: {', '.join(unknown)}")
    return problems


def database_file(db: Database) -> Path:
    """The file behind an open database."""
    for _, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return Path(file)
    raise KnooppuntError("De database heeft geen bestand.")


def verify_passphrase(db: Database, passphrase: str) -> bool:
    """True when ``passphrase`` opens the file behind ``db`` (for unlocking a locked screen).

    Uses a separate read-only connection, so the open one is not disturbed.
    """
    path = database_file(db)
    kdf_iter = db.execute("PRAGMA kdf_iter").fetchone()[0]
    try:
        conn = _connect(path, passphrase, int(kdf_iter))
    except WrongPassphrase:
        return False
    conn.close()
    return True


def purge_freed_content(db: Database) -> bool:
    """After an erasure: leave no copy of deleted rows in the file or its WAL.

    ``secure_delete`` (always on) zeroes deleted cells and freed pages; full-text indexes keep
    deleted tokens in old segments until merged, so those are optimised; then the WAL is copied
    back and truncated to nothing. Returns False when another connection kept the WAL busy."""
    fts = [name for (name,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'")]
    for name in fts:
        db.execute(f"INSERT INTO [{name}]([{name}]) VALUES ('optimize')")
    busy, _, _ = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return not busy
