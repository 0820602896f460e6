"""When the next automatic backup is due, and the status-bar line about the last good one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ..dates import dutch_date
from .files import BackupFile

AUTOMATIC_EVERY = timedelta(days=1)
WARN_AFTER = timedelta(days=7)


def backup_due(last: BackupFile | None, now: datetime) -> bool:
    """At most one automatic backup a day while the program runs."""
    return last is None or now - last.made >= AUTOMATIC_EVERY


@dataclass(frozen=True)
class BackupStatus:
    text: str
    warning: bool


def backup_status(folder_set: bool, last: BackupFile | None, now: datetime) -> BackupStatus:
    if not folder_set:
        return BackupStatus("Nog geen back-upmap: Bestand → Back-upinstellingen…", True)
    if last is None:
        return BackupStatus("Nog geen back-up gemaakt", True)
    age = now - last.made
    if age > WARN_AFTER:
        return BackupStatus(f"Let op: de laatste back-up is {age.days} dagen oud "
                            f"({dutch_date(last.made.date(), 'long')})", True)
    when = _when(last.made, now)
    return BackupStatus(f"Laatste back-up: {when}", False)


def _when(made: datetime, now: datetime) -> str:
    if made.date() == now.date():
        return f"vandaag {made:%H:%M}"
    if made.date() == (now - timedelta(days=1)).date():
        return f"gisteren {made:%H:%M}"
    return f"{dutch_date(made.date(), 'long')} {made:%H:%M}"
