"""Eerste start, "Verbinden met de server van mijn organisatie": address, user, CA file, password.

Only TLS with the server's certificate checked against the organisation's CA file is possible, so
there is no choice to make about it. "Verbinding testen" tries the connection on a worker thread
and says in Dutch what is wrong (knooppunt/team_connection.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWizardPage,
)

from knooppunt.errors import KnooppuntError
from knooppunt.team_connection import try_connection
from knooppunt.team_settings import DEFAULT_DATABASE, DEFAULT_PORT, TeamSettings

from .. import messages
from ..background_task import run_in_background

log = logging.getLogger(__name__)


class ServerPage(QWizardPage):
    """The connection settings of the organisation's server (kept without the password)."""

    test_finished = Signal(bool, str)  # ok, the message shown

    def __init__(self, *, attempt: Callable[[TeamSettings, str], list[str]] = try_connection) -> None:
        super().__init__()
        self._attempt = attempt
        self.testing = False
        self.setTitle("Verbinden met de server van uw organisatie")
        self.setSubTitle("De beheerder van uw organisatie geeft u het serveradres, uw gebruikersnaam, "
                         "een wachtwoord en het CA-certificaat van de organisatie.")
        self.host = QLineEdit()
        self.host.setPlaceholderText("bijvoorbeeld knooppunt.stichting.nl")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(DEFAULT_DATABASE)
        self.user = QLineEdit()
        self.user.setPlaceholderText("bijvoorbeeld ib_delinde_anna")
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText("het .pem-bestand van de beheerder")
        choose = QPushButton("&Kiezen…")
        choose.clicked.connect(self._on_choose_clicked)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(choose)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox("Wachtwoord &onthouden in de sleutelbos van het systeem")
        self.remember.setToolTip("Anders vraagt Knooppunt het wachtwoord bij elke start. Het wachtwoord komt "
                                 "nooit in een bestand van Knooppunt.")
        self.test_button = QPushButton("Verbinding &testen")
        self.test_button.clicked.connect(self.test_connection)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.hide()
        tls = QLabel("De verbinding is altijd versleuteld (TLS) en het certificaat van de server wordt "
                     "gecontroleerd met het CA-certificaat.")
        tls.setObjectName("hint")
        tls.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow("&Serveradres", self.host)
        form.addRow("&Poort", self.port)
        form.addRow("&Database", self.database)
        form.addRow("&Gebruikersnaam", self.user)
        ca_label = QLabel("&CA-certificaat")  # a label of a row of widgets needs its buddy set
        ca_label.setBuddy(self.ca_file)
        form.addRow(ca_label, ca_row)
        form.addRow("&Wachtwoord", self.password)
        form.addRow(self.remember)
        form.addRow(tls)
        form.addRow(self.test_button)
        form.addRow(self.result)
        for field in (self.host, self.database, self.user, self.ca_file, self.password):
            field.textChanged.connect(self._on_field_changed)

    def settings(self) -> TeamSettings:
        return TeamSettings(host=self.host.text().strip(), user=self.user.text().strip(),
                            ca_file=Path(self.ca_file.text().strip()).expanduser(), port=self.port.value(),
                            database=self.database.text().strip() or DEFAULT_DATABASE,
                            remember_password=self.remember.isChecked())

    def isComplete(self) -> bool:
        return not self.testing and all(f.text().strip() for f in (self.host, self.user, self.ca_file, self.password))

    def nextId(self) -> int:
        return -1

    def _on_field_changed(self) -> None:
        self.result.hide()
        self.test_button.setEnabled(self.isComplete())
        self.completeChanged.emit()

    def _on_choose_clicked(self) -> None:
        chosen = messages.choose_open_file(self, "CA-certificaat van uw organisatie",
                                           "Certificaten (*.pem *.crt *.cer);;Alle bestanden (*)")
        if chosen is not None:
            self.ca_file.setText(str(chosen))

    def test_connection(self) -> None:
        """Try the settings on a worker thread; the answer appears under the button."""
        if not self.isComplete():
            return
        settings, password = self.settings(), self.password.text()
        self._set_testing(True)
        self.result.setText("Bezig met verbinden…")
        self.result.setObjectName("hint")
        self.result.show()
        run_in_background(lambda: self._attempt(settings, password), on_success=self._on_test_succeeded,
                          on_failure=self._on_test_failed, owner=self)

    def _set_testing(self, testing: bool) -> None:
        self.testing = testing
        self.test_button.setEnabled(not testing)
        self.completeChanged.emit()

    def _on_test_succeeded(self, locations: list[str]) -> None:
        self._show(True, "De verbinding werkt. U hoort bij: " + ", ".join(locations) + ".")

    def _on_test_failed(self, exc: Exception) -> None:
        if isinstance(exc, KnooppuntError):
            self._show(False, exc.message)
            return
        log.error("Testing the server connection failed unexpectedly: %s", type(exc).__name__)
        self._show(False, f"De verbinding is niet gelukt door een onverwachte fout ({type(exc).__name__}).")

    def _show(self, ok: bool, text: str) -> None:
        self._set_testing(False)
        self.result.setText(text)
        self.result.setObjectName("hint" if ok else "fieldError")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
        self.test_finished.emit(ok, text)
