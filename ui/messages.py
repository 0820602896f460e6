"""All dialogs go through these few helpers, so tests patch one place."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from knooppunt.errors import KnooppuntError

from .modal import run_modal

log = logging.getLogger(__name__)


def ask(parent: QWidget | None, title: str, question: str, *, confirm: str = "Ja", cancel: str = "Annuleren",
        destructive: bool = False) -> bool:
    """``destructive``: a warning icon and Enter cancels (erasing cannot be undone)."""
    icon = QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question
    box = QMessageBox(icon, title, question, parent=parent)
    yes = box.addButton(confirm, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(cancel, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no if destructive else yes)
    run_modal(box)
    return box.clickedButton() is yes  # deleted only at the next event-loop turn


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def show_error(parent: QWidget | None, error: KnooppuntError | str, title: str = "Dat lukte niet") -> None:
    text = error.message if isinstance(error, KnooppuntError) else str(error)
    # The text may hold names of children and parents: log only what kind of message it was.
    log.info("Shown to user: %s", type(error).__name__ if isinstance(error, KnooppuntError) else "message")
    QMessageBox.warning(parent, title, text)


def choose_save_file(parent: QWidget | None, title: str, suggested: Path, filter_: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filter_)
    return Path(name) if name else None


def choose_open_file(parent: QWidget | None, title: str, filter_: str, start: Path | None = None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start or Path.home()), filter_)
    return Path(name) if name else None


def open_folder(folder: Path) -> None:
    """Show a folder in the system's file manager (a local file URL: no network involved)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        show_error(None, f"De map {folder} kon niet worden geopend.")


def choose_item(parent: QWidget | None, title: str, label: str, items: list[str]) -> str | None:
    """Pick one of ``items`` (e.g. a location); None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    item, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return item if ok and item else None


def choose_folder(parent: QWidget | None, title: str, start: Path | None = None) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title, str(start or Path.home()))
    return Path(name) if name else None


def ask_text(parent: QWidget | None, title: str, label: str) -> str | None:
    """One line of text (e.g. a reason); None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getText(parent, title, label)
    return text if ok else None
