"""Eerste start: name and role, passphrase, first location."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from knooppunt.backup import preview_backup
from knooppunt.domain.directory import Location
from knooppunt.domain.enums import Role
from knooppunt.services.setup import check_new_passphrase
from knooppunt.team_settings import TeamSettings

from .location_dialog import LocationForm
from .restore_panel import RestorePanel
from .server_page import ServerPage


@dataclass(frozen=True)
class FirstRunAnswers:
    user_name: str
    role: Role
    passphrase: str
    location: Location | None
    # "Ik heb een back-up": restore this file (with ``passphrase``) instead of a new database.
    restore_from: Path | None = None
    # "Verbinden met de server van mijn organisatie": these settings and this password instead.
    server: TeamSettings | None = None
    server_password: str = ""


class _WelcomePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.restore_page_id = -1
        self.server_page_id = -1
        self.setTitle("Welkom bij Knooppunt")
        text = QLabel(
            "Met Knooppunt bereidt u knooppuntoverleggen voor, zit u ze voor en legt u besluiten en "
            "afspraken vast — samen met ouders, als gelijkwaardige deelnemers.\n\n"
            "Alles wordt versleuteld op deze laptop bewaard — of, werkt u met een team, op de server van uw "
            "organisatie. In drie korte stappen richt u Knooppunt in: "
            "wie u bent, een wachtwoordzin, en uw eerste locatie."
        )
        text.setWordWrap(True)
        self.new_database = QRadioButton("&Nieuwe database — ik begin met Knooppunt")
        self.from_backup = QRadioButton("Ik heb een &back-up — bijvoorbeeld van mijn vorige laptop")
        self.on_server = QRadioButton("&Verbinden met de server van mijn organisatie — samen met mijn team")
        self.new_database.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.new_database, self.from_backup, self.on_server):
            group.addButton(button)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addSpacing(12)
        layout.addWidget(self.new_database)
        layout.addWidget(self.from_backup)
        layout.addWidget(self.on_server)
        layout.addStretch(1)

    def nextId(self) -> int:
        if self.on_server.isChecked():
            return self.server_page_id
        return self.restore_page_id if self.from_backup.isChecked() else super().nextId()


class _RestorePage(QWizardPage):
    """Moving to a new laptop: a backup of the old one becomes this laptop's database."""

    def __init__(self, kdf_iter: int | None) -> None:
        super().__init__()
        self.setTitle("Een back-up terugzetten")
        self.setSubTitle("Kies de back-up (bijvoorbeeld in uw OneDrive) en vul de wachtwoordzin ervan in.")
        self.panel = RestorePanel(preview=lambda path, secret: preview_backup(path, secret, kdf_iter=kdf_iter),
                                  backups=[], parent=self)
        self.panel.previewed.connect(lambda _preview: self.completeChanged.emit())
        QVBoxLayout(self).addWidget(self.panel)

    def isComplete(self) -> bool:
        return self.panel.result is not None

    def nextId(self) -> int:
        return -1


class _ProfilePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Wie bent u?")
        self.setSubTitle("Uw naam komt in het logboek en als voorzitter op verslagen.")
        self.name = QLineEdit()
        self.name.setPlaceholderText("Voor- en achternaam")
        self.role = QComboBox()
        for value, label in Role.choices():
            self.role.addItem(label, value)
        form = QFormLayout(self)
        form.addRow("&Naam", self.name)
        form.addRow("&Rol", self.role)
        self.registerField("user_name*", self.name)


class _PassphrasePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Kies een wachtwoordzin")
        self.setSubTitle("Hiermee worden de gegevens versleuteld. Zonder deze zin kan niemand ze lezen: "
                         "schrijf hem op een veilige plek op.")
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint = QLabel()
        self.hint.setObjectName("fieldError")
        self.hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow("&Wachtwoordzin", self.first)
        form.addRow("&Nogmaals", self.second)
        form.addRow(self.hint)
        self.first.textChanged.connect(self._on_text_changed)
        self.second.textChanged.connect(self._on_text_changed)

    def _problem(self) -> str | None:
        return check_new_passphrase(self.first.text(), self.second.text())

    def _on_text_changed(self) -> None:
        self.hint.setText(self._problem() or "" if self.second.text() or len(self.first.text()) >= 8 else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._problem() is None


class _LocationPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Uw eerste locatie")
        # The wizard's subtitle area holds two lines at most; the rest goes in the page itself.
        self.setSubTitle("Elke locatie heeft haar eigen knooppunt. U kunt dit ook later doen.")
        explanation = QLabel("De rollen van de structurele en incidentele kernpartners staan straks klaar "
                             "om in te vullen, onder ‘Locaties & partners’.")
        explanation.setWordWrap(True)
        explanation.setObjectName("hint")
        self.form = LocationForm(self, compact=True)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.form)


class FirstRunWizard(QWizard):
    def __init__(self, parent: QWidget | None = None, *, kdf_iter: int | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Inrichten")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, "&Volgende >")
        self.setButtonText(QWizard.WizardButton.BackButton, "< V&orige")
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Klaar")
        self.setButtonText(QWizard.WizardButton.CancelButton, "Annuleren")
        self.welcome = _WelcomePage()
        self.profile = _ProfilePage()
        self.passphrase = _PassphrasePage()
        self.location = _LocationPage()
        for page in (self.welcome, self.profile, self.passphrase, self.location):
            self.addPage(page)
        self.restore = _RestorePage(kdf_iter)
        self.welcome.restore_page_id = self.addPage(self.restore)
        self.server = ServerPage()
        self.welcome.server_page_id = self.addPage(self.server)
        self.resize(640, 480)

    def forget_passphrase(self) -> None:
        """The database is made: the passphrase is not kept in the wizard's fields any longer."""
        self.passphrase.first.clear()
        self.passphrase.second.clear()
        self.server.password.clear()

    def answers(self) -> FirstRunAnswers:
        if self.welcome.on_server.isChecked():
            return FirstRunAnswers(user_name="", role=Role.IB, passphrase="", location=None,
                                   server=self.server.settings(), server_password=self.server.password.text())
        preview = self.restore.panel.result
        if self.welcome.from_backup.isChecked() and preview is not None:
            return FirstRunAnswers(user_name="", role=Role.IB, passphrase=self.restore.panel.passphrase.text(),
                                   location=None, restore_from=preview.path)
        location = self.location.form.location()
        return FirstRunAnswers(
            user_name=self.profile.name.text().strip(),
            role=Role(self.profile.role.currentData()),
            passphrase=self.passphrase.first.text(),
            location=location if location.name else None,
        )
