"""Ontgrendelen: the passphrase opens the encrypted database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout, QLineEdit, QVBoxLayout, QWidget

from ..operations import in_line, outcome_of


class UnlockDialog(QDialog):
    """Asks the passphrase and tries ``unlock(passphrase)``; a refusal is shown, the dialog stays."""

    def __init__(self, *, database_path: Path, unlock: Callable[[str], object], parent: QWidget | None = None,
                 server: str = "", error: str = "") -> None:
        """``server`` ("gebruiker@server:poort/database"): the password of the organisation's server
        is asked instead of a file's passphrase; ``error``: why the kept password did not do."""
        super().__init__(parent)
        self.setWindowTitle("Aanmelden" if server else "Ontgrendelen")
        self._unlock = unlock
        self.result_value: object | None = None
        intro = QLabel(
            "<h3>Welkom terug</h3>Vul uw wachtwoord voor de server van uw organisatie in om verder te gaan."
            if server else "<h3>Welkom terug</h3>De gegevens op deze laptop zijn versleuteld. "
            "Vul uw wachtwoordzin in om verder te gaan."
        )
        intro.setWordWrap(True)
        where = QLabel(f"Server: {server}" if server else f"Database: {database_path}")
        where.setObjectName("hint")
        where.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText("Wachtwoord" if server else "Wachtwoordzin")
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setText(error)
        self.error.setVisible(bool(error))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Aanmelden" if server else "Ontgrendelen")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Afsluiten")
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.error)
        layout.addWidget(where)
        layout.addWidget(buttons)
        # Word-wrapped labels need the dialog to follow their height (e.g. when an error appears).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        intro.setFixedWidth(460)
        self.error.setFixedWidth(460)
        where.setFixedWidth(460)

    def _on_buttons_accepted(self) -> None:
        # The passphrase stays in the field no longer than the attempt needs it.
        passphrase = self.passphrase.text()
        self.passphrase.clear()
        went_through, value = outcome_of(lambda: self._unlock(passphrase), None, self, in_line(self._refused))
        if went_through:
            self.result_value = value
            self.accept()

    def _refused(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.passphrase.setFocus()
