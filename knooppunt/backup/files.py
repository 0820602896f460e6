"""Backup file names and listing. Only a file with the final name counts as a backup: a copy is
written under a temporary name and renamed only after it passed its check."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

PREFIX = "knooppunt-back-up-"
SUFFIX = ".db"
TEMP_SUFFIX = ".onvoltooid"
_STAMP = "%Y-%m-%d_%H%M%S"
_NAME = re.compile(re.escape(PREFIX) + r"(\d{4}-\d{2}-\d{2}_\d{6})" + re.escape(SUFFIX) + "$")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made: datetime

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def final_name(made: datetime) -> str:
    return f"{PREFIX}{made.strftime(_STAMP)}{SUFFIX}"


def temp_name(made: datetime) -> str:
    # Hidden and with its own ending: never taken for a backup, by us or by a person.
    return f".{final_name(made)}.{os.getpid()}{TEMP_SUFFIX}"


def parse(path: Path) -> BackupFile | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    return BackupFile(path, datetime.strptime(match.group(1), _STAMP))


def list_backups(folder: Path) -> list[BackupFile]:
    """The finished backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = [b for b in (parse(p) for p in folder.iterdir() if p.is_file()) if b is not None]
    return sorted(found, key=lambda b: b.made, reverse=True)


def last_good_backup(folder: Path) -> BackupFile | None:
    backups = list_backups(folder)
    return backups[0] if backups else None


def remove_leftovers(folder: Path) -> None:
    """Temporary files of a backup that was interrupted (killed, power cut)."""
    for path in folder.glob(f".{PREFIX}*{TEMP_SUFFIX}"):
        for suffix in ("", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
