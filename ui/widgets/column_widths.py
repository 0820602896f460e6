"""Column widths a user sets by dragging are kept per table (QSettings under Knooppunt)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView


def remember_column_widths(header: QHeaderView, key: str) -> None:
    """Restore the widths saved under ``key`` and save them again whenever a column is resized."""
    name = f"kolommen/{key}"
    saved = QSettings().value(name)
    if isinstance(saved, QByteArray):
        header.restoreState(saved)
    header.sectionResized.connect(lambda *_args: QSettings().setValue(name, header.saveState()))
