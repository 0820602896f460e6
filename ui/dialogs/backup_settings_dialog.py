"""Back-upinstellingen: the folder backups go to, and what is in it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from knooppunt.backup import list_backups
from knooppunt.backup.service import BackupService

from .. import messages
from .field_errors import FieldErrors
from .restore_panel import when


class BackupSettingsDialog(QDialog):
    def __init__(self, *, backups: BackupService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Back-upinstellingen")
        self._backups = backups
        intro = QLabel(
            "Knooppunt maakt zelf back-ups: bij het afsluiten, en eens per dag terwijl het programma openstaat. "
            "Kies een map die al van deze laptop af wordt gekopieerd, bijvoorbeeld een map in de OneDrive of "
            "SharePoint van de school. Knooppunt zelf maakt geen verbinding met internet.")
        intro.setWordWrap(True)
        self.folder = QLineEdit(str(backups.folder() or ""))
        self.folder.setPlaceholderText("Nog geen map gekozen")
        self.folder.textChanged.connect(self._on_folder_text_changed)
        choose = QPushButton("&Kiezen…")
        choose.clicked.connect(self._on_choose_clicked)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        form = QFormLayout()
        folder_label = QLabel("Back-up&map")
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, row)
        policy = QLabel("Elke back-up is versleuteld met de wachtwoordzin die op dat moment geldt, en telt pas mee "
                        "nadat hij is gecontroleerd. Bewaard worden de laatste 7 dagelijkse, 4 wekelijkse en 12 "
                        "maandelijkse back-ups; de laatste goede wordt nooit verwijderd.")
        policy.setObjectName("hint")
        policy.setWordWrap(True)
        self.existing = QListWidget()
        self.existing.setMaximumHeight(160)
        self.error = QLabel()
        self.errors = FieldErrors(self.error, {"folder": self.folder})
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Opslaan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(policy)
        layout.addWidget(QLabel("Back-ups in deze map:"))
        layout.addWidget(self.existing)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)
        self._on_folder_text_changed(self.folder.text())

    def _on_choose_clicked(self) -> None:
        start = Path(self.folder.text()) if self.folder.text() else None
        chosen = messages.choose_folder(self, "Back-upmap kiezen", start)
        if chosen is not None:
            self.folder.setText(str(chosen))

    def _on_folder_text_changed(self, text: str) -> None:
        self.existing.clear()
        found = list_backups(Path(text)) if text.strip() else []
        for backup in found:
            self.existing.addItem(f"{when(backup.made)}  —  {backup.size / 1_000_000:.1f} MB")
        if not found:
            self.existing.addItem("nog geen back-ups")

    def _on_buttons_accepted(self) -> None:
        text = self.folder.text().strip()
        if not text:
            self.errors.show("Kies een map voor de back-ups.", "folder")
            return
        if self.errors.attempt(lambda: self._backups.set_folder(Path(text))):
            self.accept()
