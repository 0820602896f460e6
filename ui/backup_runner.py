"""Automatic and on-demand backups off the GUI thread, and the status-bar line about them."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from knooppunt.backup.files import BackupFile
from knooppunt.backup.service import BackupService
from knooppunt.errors import KnooppuntError

from . import messages
from .background_task import run_in_background
from .operations import on_refusal, run_op

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 15 * 60_000  # is a daily backup due? (cheap: lists one folder)


class BackupRunner(QObject):
    """Makes a backup on a worker thread when asked, and once a day while the program runs.

    A failed automatic backup is told once per session, calmly; the status line keeps saying
    when the last good one was made.
    """

    made = Signal(object)  # BackupFile
    failed = Signal(str)
    status_changed = Signal()

    def __init__(self, *, backups: BackupService, window: QWidget, automatic: bool = True,
                 locked: Callable[[], bool] = lambda: False) -> None:
        super().__init__(window)
        self._locked = locked
        self._backups = backups
        self._window = window
        self._running = False
        self._failure_told = False
        self._on_demand = False
        self.label = QLabel()
        self.label.setObjectName("backupStatus")
        self.refresh_status()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._first_check = QTimer(self)
        self._first_check.setSingleShot(True)
        self._first_check.setInterval(5_000)
        self._first_check.timeout.connect(self._on_timer_timeout)
        if automatic:
            self._timer.start()
            self._first_check.start()

    def stop(self) -> None:
        """No more automatic backups (the database is about to close)."""
        self._timer.stop()
        self._first_check.stop()

    @property
    def running(self) -> bool:
        return self._running

    def refresh_status(self) -> None:
        status = self._backups.status()
        self.label.setText("Back-up maken…" if self._running else status.text)
        self.label.setProperty("warning", status.warning)
        self.label.setStyleSheet("color: #b3261e; font-weight: bold;" if status.warning else "")
        self.label.setToolTip(f"Back-upmap: {self._backups.folder() or 'nog niet gekozen'}")
        self.status_changed.emit()

    def start(self, *, on_demand: bool = False) -> bool:
        """Start a backup in the background; False when one is already running or none can be made."""
        if self._running:
            if on_demand:
                messages.inform(self._window, "Back-up", "Er wordt al een back-up gemaakt.")
            return False
        # Asked for: a refusal in a box. The automatic backup tries again later without a word.
        job = run_op(self._backups.backup_job, hub=None, parent=self._window, title="Geen back-up gemaakt",
                     errors=None if on_demand else on_refusal(lambda _exc: None))
        if job is None:
            return False
        self._running, self._on_demand = True, on_demand
        self.label.setText("Back-up maken…")
        run_in_background(job, on_success=self._on_job_succeeded, on_failure=self._on_job_failed, owner=self)
        return True

    def make_now_blocking(self) -> None:
        """At closing: one last backup, on this thread (the window is already gone)."""
        if self._running or self._backups.folder() is None:
            return
        try:
            self._backups.record_made(self._backups.backup_job()())
        except KnooppuntError as exc:
            log.info("Backup at closing failed: %s", type(exc).__name__)

    def _on_timer_timeout(self) -> None:
        self.refresh_status()  # "vandaag" becomes "gisteren"; the 7-day warning appears while running
        if not self._running and self._backups.due():
            self.start()

    def _on_job_succeeded(self, backup: BackupFile) -> None:
        self._running = False
        self._backups.record_made(backup)
        self.refresh_status()
        self.made.emit(backup)

    def _on_job_failed(self, exc: Exception) -> None:
        self._running = False
        self.refresh_status()
        if not isinstance(exc, KnooppuntError):
            log.error("Backup failed unexpectedly: %r", exc)
            exc = KnooppuntError("De back-up is niet gelukt door een onverwachte fout; uw database is niet veranderd.")
        self.failed.emit(exc.message)
        # Behind the lock screen nothing pops up; the status line still says it, and a later failure is told.
        if self._on_demand or (not self._failure_told and not self._locked()):
            self._failure_told = True
            messages.inform(self._window, "Back-up niet gelukt",
                            f"{exc.message}\n\nKnooppunt probeert het later opnieuw. De onderste regel van het "
                            "venster laat zien wanneer de laatste goede back-up is gemaakt.")
