"""Wachtwoordzin wijzigen: the old one, the new one twice; the database is re-keyed in one step."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from knooppunt.backup.service import BackupService

from .field_errors import FieldErrors


def _secret() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class PassphraseDialog(QDialog):
    def __init__(self, *, backups: BackupService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Wachtwoordzin wijzigen")
        self._backups = backups
        self.old, self.new, self.repeated = _secret(), _secret(), _secret()
        note = QLabel("De database wordt in één stap opnieuw versleuteld. Oudere back-ups houden hun oude "
                      "wachtwoordzin: bewaar die zolang u die back-ups wilt kunnen terugzetten.")
        note.setObjectName("hint")
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Huidige wachtwoordzin", self.old)
        form.addRow("&Nieuwe wachtwoordzin", self.new)
        form.addRow("N&ogmaals", self.repeated)
        self.error = QLabel()
        self.errors = FieldErrors(self.error, {"old": self.old, "new": self.new, "repeated": self.repeated})
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Wijzigen")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def _on_buttons_accepted(self) -> None:
        if self.errors.attempt(lambda: self._backups.change_passphrase(
                self.old.text(), self.new.text(), self.repeated.text())):
            self.accept()
