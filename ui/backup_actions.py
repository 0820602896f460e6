"""Bestand → Back-up maken / terugzetten / instellingen, and Wachtwoordzin wijzigen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QWidget

from knooppunt.backup.service import BackupService

from . import messages
from .backup_runner import BackupRunner
from .modal import run_modal


class BackupActions(QObject):
    def __init__(self, *, window: QWidget, backups: BackupService, database_path: Path, automatic: bool,
                 on_restore: Callable[[Path, str], None], locked: Callable[[], bool] = lambda: False) -> None:
        super().__init__(window)
        self._window = window
        self._backups = backups
        self._database_path = database_path
        self._on_restore = on_restore
        self.runner = BackupRunner(backups=backups, window=window, automatic=automatic, locked=locked)

    def add_menu_actions(self, menu: QMenu) -> None:
        for text, shortcut, slot in (
            ("Back-up &maken", "Ctrl+Shift+B", self.make_backup),
            ("Back-up &terugzetten…", None, self.restore),
            ("Back-up&instellingen…", None, self.settings),
            ("&Wachtwoordzin wijzigen…", None, self.change_passphrase),
        ):
            action = QAction(text, self._window)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _=False, run=slot: run())
            menu.addAction(action)

    def make_backup(self) -> None:
        if self._backups.folder() is None:
            self.settings()
            if self._backups.folder() is None:
                return
        self.runner.start(on_demand=True)

    def settings(self) -> None:
        from .dialogs.backup_settings_dialog import BackupSettingsDialog

        run_modal(BackupSettingsDialog(backups=self._backups, parent=self._window))
        self.runner.refresh_status()

    def restore(self) -> None:
        from .dialogs.restore_dialog import RestoreDialog

        if self.runner.running:
            messages.inform(self._window, "Back-up terugzetten", "Er wordt nu een back-up gemaakt; probeer het zo opnieuw.")
            return
        others = [w for w in QApplication.topLevelWidgets()
                  if w is not self._window and w.isVisible() and isinstance(w, QMainWindow)]
        if others:
            messages.inform(self._window, "Back-up terugzetten",
                            "Sluit eerst het overlegvenster; daarna kunt u een back-up terugzetten.")
            return
        dialog = RestoreDialog(preview=self._backups.preview, backups=self._backups.backups(),
                               database_path=self._database_path, start_folder=self._backups.folder(),
                               parent=self._window)
        accepted = run_modal(dialog)
        choice = dialog.choice()
        if accepted and choice is not None:
            self._on_restore(*choice)

    def change_passphrase(self) -> None:
        from .dialogs.passphrase_dialog import PassphraseDialog

        if self.runner.running:
            messages.inform(self._window, "Wachtwoordzin wijzigen",
                            "Er wordt nu een back-up gemaakt; probeer het zo opnieuw.")
            return
        if run_modal(PassphraseDialog(backups=self._backups, parent=self._window)):
            messages.inform(self._window, "Wachtwoordzin gewijzigd",
                            "De wachtwoordzin is gewijzigd. Oudere back-ups openen nog met de oude wachtwoordzin.")
