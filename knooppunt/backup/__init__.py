"""Backups (back-ups): encrypted copies checked before they count, rotation, restore and
changing the passphrase. No Qt here; the window runs ``make_backup`` on a worker thread."""

from .files import BackupFile, last_good_backup, list_backups
from .make import BackupFailed, make_backup
from .restore import Preview, preview_backup, restore_backup
from .rotation import rotate, to_keep

__all__ = [
    "BackupFailed",
    "BackupFile",
    "Preview",
    "last_good_backup",
    "list_backups",
    "make_backup",
    "preview_backup",
    "restore_backup",
    "rotate",
    "to_keep",
]
