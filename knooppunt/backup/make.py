"""Making one backup: export to a temporary name, check it, then rename it into place."""

from __future__ import annotations

import logging
import os
from datetime import datetime
from pathlib import Path

from ..errors import KnooppuntError
from ..storage.copying import export_copy, problems_of_copy
from ..storage.database import create_private_file
from .files import BackupFile, final_name, fsync_file, fsync_folder, remove_leftovers, temp_name
from .rotation import rotate

log = logging.getLogger(__name__)


class BackupFailed(KnooppuntError):
    """The backup was not made (or failed its check and was removed); the database is untouched."""


def make_backup(source: Path, passphrase: str, folder: Path, *, now: datetime | None = None,
                kdf_iter: int | None = None, keep_rotation: bool = True) -> BackupFile:
    """A complete, checked, encrypted copy of ``source`` in ``folder``; then old ones are rotated.

    The copy is encrypted with ``passphrase`` (the one in force now). Safe to run on a worker
    thread: it uses its own connections and never writes to ``source``.
    """
    made = (now or datetime.now()).replace(microsecond=0)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupFailed(f"De back-upmap {folder} kan niet worden gemaakt ({exc.strerror}).") from exc
    remove_leftovers(folder)
    final = folder / final_name(made)
    if final.exists():
        return BackupFile(final, made)  # this second's backup is already there
    temp = folder / temp_name(made)
    try:
        create_private_file(temp)
        snapshot = export_copy(source, passphrase, temp, kdf_iter=kdf_iter)
        fsync_file(temp)
        problems = problems_of_copy(temp, passphrase, snapshot, kdf_iter=kdf_iter)
        if problems:
            log.warning("Backup failed its check: %s", "; ".join(problems))
            raise BackupFailed("De back-up is niet goed gecontroleerd en is weer verwijderd: "
                               f"{problems[0]} Uw database zelf is in orde en niet veranderd.")
        os.replace(temp, final)
        fsync_folder(folder)
    except OSError as exc:
        raise BackupFailed(f"De back-up kon niet worden geschreven in {folder} ({exc.strerror}). "
                           "Uw database zelf is niet veranderd.") from exc
    finally:
        for suffix in ("", "-journal"):
            Path(f"{temp}{suffix}").unlink(missing_ok=True)
    if keep_rotation:
        rotate(folder)
    return BackupFile(final, made)
