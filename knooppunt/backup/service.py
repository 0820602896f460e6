"""Backups of the open database: the folder setting, making one, its status, the passphrase.

Holds the passphrase in force, because a backup is encrypted with it and is made on its own
connection (the open one belongs to the GUI thread).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from ..domain.changes import Change, Entity
from ..errors import KnooppuntError, ValidationError, WrongPassphrase
from ..storage import Store
from ..storage.database import MIN_PASSPHRASE_LENGTH
from .files import BackupFile, last_good_backup, list_backups
from .make import make_backup
from .restore import Preview, preview_backup
from .status import BackupStatus, backup_due, backup_status

FOLDER_SETTING = "backup_folder"


class BackupService:
    def __init__(self, store: Store, database: Path, passphrase: str, kdf_iter: int | None = None) -> None:
        self._store = store
        self.database = database
        self._passphrase = passphrase
        self._kdf_iter = kdf_iter

    @property
    def passphrase(self) -> str:
        """The passphrase in force (shown only for the demo, whose passphrase is thrown away)."""
        return self._passphrase

    @property
    def kdf_iter(self) -> int | None:
        return self._kdf_iter

    def preview(self, path: Path, passphrase: str) -> Preview:
        return preview_backup(path, passphrase, kdf_iter=self._kdf_iter)

    def backups(self) -> list[BackupFile]:
        folder = self.folder()
        return list_backups(folder) if folder else []

    # The folder ----------------------------------------------------------------------------
    def folder(self) -> Path | None:
        value = self._store.setting(FOLDER_SETTING)
        return Path(value) if value else None

    def set_folder(self, folder: Path) -> Change:
        folder = Path(folder).expanduser()
        if not folder.is_absolute():
            raise ValidationError("folder", "Kies een volledige map (bijvoorbeeld in uw OneDrive).")
        if folder.resolve() == self.database.parent.resolve():
            raise ValidationError("folder", "Kies een andere map dan die van de database zelf: een back-up "
                                            "naast het origineel gaat samen met de laptop verloren.")
        with self._store.unit_of_work() as uow:
            uow.execute("INSERT INTO setting(key, value) VALUES (?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [FOLDER_SETTING, str(folder)])
            uow.audit("back-upmap ingesteld", "setting", None, str(folder))
        return Change.updated(Entity.BACKUP_SETTINGS)

    # Making and reporting ------------------------------------------------------------------
    def backup_job(self, folder: Path | None = None) -> Callable[[], BackupFile]:
        """The work of one backup, to run on a worker thread (reads nothing from the open connection)."""
        target = folder or self.folder()
        if target is None:
            raise KnooppuntError("Er is nog geen back-upmap gekozen (Bestand → Back-upinstellingen).")
        source, passphrase, kdf_iter = self.database, self._passphrase, self._kdf_iter
        return lambda: make_backup(source, passphrase, target, kdf_iter=kdf_iter)

    def record_made(self, backup: BackupFile) -> None:
        """Audit a finished backup (on the thread that owns the connection)."""
        with self._store.unit_of_work() as uow:
            uow.audit("back-up gemaakt", "setting", None, backup.path.name)

    def last_good(self) -> BackupFile | None:
        folder = self.folder()
        return last_good_backup(folder) if folder else None

    def due(self, now: datetime | None = None) -> bool:
        return self.folder() is not None and backup_due(self.last_good(), now or datetime.now())

    def status(self, now: datetime | None = None) -> BackupStatus:
        return backup_status(self.folder() is not None, self.last_good(), now or datetime.now())

    # The passphrase ------------------------------------------------------------------------
    def change_passphrase(self, old: str, new: str, repeated: str) -> Change:
        """Re-key the database in one step (SQLCipher ``PRAGMA rekey``), audited.

        Older backups keep the passphrase they were made with.
        """
        if old != self._passphrase:
            raise ValidationError("old", WrongPassphrase().message.split(",")[0] + ".")
        if len(new) < MIN_PASSPHRASE_LENGTH:
            raise ValidationError("new", f"Kies een wachtwoordzin van minstens {MIN_PASSPHRASE_LENGTH} tekens.")
        if new != repeated:
            raise ValidationError("repeated", "De twee nieuwe wachtwoordzinnen zijn niet gelijk.")
        if new == old:
            raise ValidationError("new", "De nieuwe wachtwoordzin is gelijk aan de oude.")
        self._store.change_passphrase(new)
        self._passphrase = new
        with self._store.unit_of_work() as uow:
            uow.audit("wachtwoordzin gewijzigd", "setting", None,
                      "oudere back-ups houden hun oude wachtwoordzin")
        return Change.updated(Entity.PASSPHRASE)
