"""Back-up terugzetten: choose, see what it holds, confirm; the current database is kept first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from knooppunt.backup import BackupFile, Preview

from .. import messages
from .restore_panel import RestorePanel, when


class RestoreDialog(QDialog):
    def __init__(self, *, preview: Callable[[Path, str], Preview], backups: list[BackupFile],
                 database_path: Path, start_folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Back-up terugzetten")
        self._database = database_path
        intro = QLabel("Kies de back-up die u wilt terugzetten en vul de wachtwoordzin ervan in. U ziet eerst wat "
                       "erin staat; pas na uw bevestiging komt de back-up in de plaats van de huidige database. "
                       "De huidige database wordt daarvóór bewaard.")
        intro.setWordWrap(True)
        self.panel = RestorePanel(preview=preview, backups=backups, start_folder=start_folder, parent=self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText("&Terugzetten…")
        self.restore_button.setEnabled(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        self.panel.previewed.connect(lambda preview: self.restore_button.setEnabled(preview is not None))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.panel)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def choice(self) -> tuple[Path, str] | None:
        preview = self.panel.result
        return (preview.path, self.panel.passphrase.text()) if preview else None

    def _on_buttons_accepted(self) -> None:
        preview = self.panel.result
        if preview is None:
            return
        question = (f"De back-up van {when(preview.made)} komt in de plaats van de huidige database.\n\n"
                    "Wat u sinds die back-up hebt vastgelegd, staat daarna niet meer in Knooppunt; de huidige "
                    f"database wordt eerst bewaard naast {self._database.name}.\n\nDoorgaan?")
        if messages.ask(self, "Back-up terugzetten", question, confirm="Terugzetten"):
            self.accept()
