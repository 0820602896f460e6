"""Over Knooppunt."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class AboutDialog(QDialog):
    def __init__(self, *, database_path: Path, version: str, demo: bool = False,
                 demo_passphrase: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Over Knooppunt")
        text = QLabel(
            f"<h2>Knooppunt {version}</h2>"
            "<p>Voor het voorzitten en vastleggen van knooppuntoverleggen op scholen en kinderopvang­locaties: "
            "met ouders als gelijkwaardige deelnemers en partners die besluiten met mandaat van hun organisatie.</p>"
            + ("<p>Dit is de <b>demo</b>: fictieve gegevens in een tijdelijke, versleutelde database die bij "
               "het afsluiten verdwijnt. Wachtwoordzin om te ontgrendelen (Ctrl+L vergrendelt): "
               f"<b>{html.escape(demo_passphrase or '')}</b></p>" if demo else
               "<p>Alle gegevens staan <b>versleuteld</b> (SQLCipher) op deze laptop, in:<br>"
               f"<code>{html.escape(str(database_path))}</code></p>")
            + "<p>Ouders mogen altijd inzien wat over hen en hun kind is vastgelegd, en om correctie of "
            "verwijdering vragen.</p>"
            f"<p style='color:#666'>Gemaakt met PySide6 {pyside_version}, SQLCipher, sqlite-utils, Jinja2 en "
            "ReportLab.</p>"
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
