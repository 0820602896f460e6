"""Shown for a bug (anything that is not an expected KnooppuntError). Nothing is lost:
every saved change is already committed; the dialog says so and where the log is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class CrashDialog(QDialog):
    def __init__(self, *, details: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Er ging iets mis in Knooppunt")
        text = QLabel(
            "Er ging iets mis dat niet had mogen gebeuren. Alles wat al was opgeslagen blijft bewaard; "
            "u kunt gewoon verder werken of Knooppunt opnieuw starten."
            + (f"<br><br>Het logbestand staat in <code>{log_path}</code>." if log_path else "")
        )
        text.setWordWrap(True)
        box = QPlainTextEdit(details)
        box.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Verder werken")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(box)
        layout.addWidget(buttons)
        self.resize(560, 360)
