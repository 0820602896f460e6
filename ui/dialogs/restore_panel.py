"""Choosing a backup, its passphrase, and a preview of what it holds (restore dialog and wizard)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from knooppunt.backup import BackupFile, Preview
from knooppunt.dates import dutch_date

from .. import messages
from ..operations import in_line, run_op

PathRole = Qt.ItemDataRole.UserRole


def when(made: datetime) -> str:
    return f"{dutch_date(made.date())} {made:%H:%M}"


def describe(preview: Preview) -> str:
    c = preview.contents
    newest = dutch_date(_day(c.newest_meeting), "long") if c.newest_meeting else "geen"
    return (f"<b>Back-up van {when(preview.made)}</b><br>"
            f"{c.locations} {'locatie' if c.locations == 1 else 'locaties'} · {c.children} kinderen · "
            f"{c.meetings} overleggen · nieuwste overleg: {newest}")


def _day(text: str) -> date:
    return date.fromisoformat(text[:10])


class RestorePanel(QWidget):
    """Pick a backup (from the backup folder or any file), give its passphrase, see what it holds."""

    previewed = Signal(object)  # Preview, or None when the choice changed or was refused

    def __init__(self, *, preview: Callable[[Path, str], Preview], backups: list[BackupFile],
                 start_folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preview = preview
        self._start = start_folder
        self.result: Preview | None = None
        self.list = QListWidget()
        self.list.setMaximumHeight(150)
        for backup in backups:
            item = QListWidgetItem(f"{when(backup.made)}  —  {backup.path.name}")
            item.setData(PathRole, str(backup.path))
            self.list.addItem(item)
        if not backups:
            self.list.hide()
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setPlaceholderText("Nog geen back-up gekozen")
        choose = QPushButton("Ander bestand…")
        choose.clicked.connect(self._on_choose_clicked)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(choose)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText("De wachtwoordzin waarmee de back-up is gemaakt")
        self.passphrase.returnPressed.connect(self.show_preview)
        self.passphrase.textChanged.connect(self._forget)
        self.look = QPushButton("&Bekijken")
        self.look.clicked.connect(self.show_preview)
        pass_row = QHBoxLayout()
        pass_row.addWidget(self.passphrase, 1)
        pass_row.addWidget(self.look)
        hint = QLabel("Hebt u de wachtwoordzin later gewijzigd? Een oudere back-up opent met de wachtwoordzin "
                      "die gold toen hij werd gemaakt.")
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Bestand", file_row)
        pass_label = QLabel("&Wachtwoordzin")
        pass_label.setBuddy(self.passphrase)
        form.addRow(pass_label, pass_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if backups:
            layout.addWidget(QLabel("Back-ups in uw back-upmap (nieuwste eerst):"))
            layout.addWidget(self.list)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        if backups:
            self.list.setCurrentRow(0)

    def chosen(self) -> Path | None:
        return Path(self.file.text()) if self.file.text() else None

    def choose(self, path: Path) -> None:
        self.file.setText(str(path))
        self._forget()

    def _on_list_current_item_changed(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.choose(Path(item.data(PathRole)))

    def _on_choose_clicked(self) -> None:
        path = messages.choose_open_file(self, "Back-up kiezen", "Knooppunt-back-ups (*.db);;Alle bestanden (*)",
                                         self._start)
        if path is not None:
            self.list.clearSelection()
            self.choose(path)

    def _forget(self) -> None:
        self.result = None
        self.summary.clear()
        self.error.clear()
        self.previewed.emit(None)

    def _refused(self, message: str) -> None:
        self.summary.clear()
        self.error.setText(message)
        self.previewed.emit(None)

    def show_preview(self) -> None:
        path = self.chosen()
        if path is None:
            self.error.setText("Kies eerst een back-up.")
            return
        self.result = run_op(lambda: self._preview(path, self.passphrase.text()), hub=None, parent=self,
                             errors=in_line(self._refused))
        if self.result is None:
            return
        self.error.clear()
        self.summary.setText(describe(self.result))
        self.previewed.emit(self.result)
