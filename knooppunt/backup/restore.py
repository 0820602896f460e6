"""Restoring a backup: look first (preview), then put it in place of the database in one step."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..errors import KnooppuntError
from ..storage.copying import Contents, problems_of_copy, read_contents
from ..storage.database import create_private_file
from .files import fsync_file, fsync_folder, parse

KEPT_INFIX = ".voor-terugzetten-"


@dataclass(frozen=True)
class Preview:
    path: Path
    made: datetime
    contents: Contents


def _made(path: Path) -> datetime:
    named = parse(path)
    return named.made if named else datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)


def _check_readable(path: Path) -> None:
    if not path.is_file():
        raise KnooppuntError(f"Het bestand {path} bestaat niet.")
    try:
        with path.open("rb") as file:
            file.read(1)
    except OSError as exc:
        raise KnooppuntError(f"Het bestand {path} kan niet worden gelezen ({exc.strerror}).") from exc


def preview_backup(path: Path, passphrase: str, *, kdf_iter: int | None = None) -> Preview:
    """Date and contents of a backup; the file is only read. Refuses what cannot be restored."""
    path = Path(path)
    _check_readable(path)
    return Preview(path, _made(path), read_contents(path, passphrase, kdf_iter=kdf_iter))


def kept_name(database: Path, now: datetime) -> Path:
    return database.with_name(f"{database.name}{KEPT_INFIX}{now:%Y-%m-%d_%H%M%S}")


def _keep_current(database: Path, now: datetime) -> Path | None:
    """Copy the current database (and its write-ahead log) aside before it is replaced."""
    if not database.exists():
        return None
    kept = kept_name(database, now)
    for suffix in ("", "-wal"):
        source = Path(f"{database}{suffix}")
        if source.exists():
            target = Path(f"{kept}{suffix}")
            create_private_file(target)
            shutil.copyfile(source, target)
            fsync_file(target)
    return kept


def restore_backup(backup: Path, passphrase: str, database: Path, *, now: datetime | None = None,
                   kdf_iter: int | None = None) -> Path | None:
    """Replace ``database`` by ``backup``; returns where the old database was kept (None: there was none).

    The backup is copied next to the database and checked there first; only then is the current
    database copied aside and the checked copy renamed over it, in one step. Any refusal leaves
    everything as it was. The database must be closed.
    """
    backup, database = Path(backup), Path(database)
    now = (now or datetime.now()).replace(microsecond=0)
    preview_backup(backup, passphrase, kdf_iter=kdf_iter)
    database.parent.mkdir(parents=True, exist_ok=True)
    temp = database.with_name(f".{database.name}.terugzetten-{os.getpid()}")
    for suffix in ("", "-journal"):
        Path(f"{temp}{suffix}").unlink(missing_ok=True)
    try:
        create_private_file(temp)
        shutil.copyfile(backup, temp)
        fsync_file(temp)
        problems = problems_of_copy(temp, passphrase, kdf_iter=kdf_iter)
        if problems:
            raise KnooppuntError(f"Deze back-up is niet in orde en is niet teruggezet: {problems[0]}")
        kept = _keep_current(database, now)
        # The old database's log must not be replayed onto the restored file.
        for suffix in ("-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        os.replace(temp, database)
        fsync_folder(database.parent)
    finally:
        for suffix in ("", "-journal"):
            Path(f"{temp}{suffix}").unlink(missing_ok=True)
    return kept
