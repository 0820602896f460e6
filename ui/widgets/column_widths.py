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

    def on_section_resized(section: int, _old: int, _new: int) -> None:
        # The stretched last column follows the viewport (a scroll bar coming or going while the
        # user types a search): not a width the user chose, and writing the settings file costs ms.
        if header.stretchLastSection() and section == header.count() - 1:
            return
        QSettings().setValue(name, header.saveState())

    header.sectionResized.connect(on_section_resized)
