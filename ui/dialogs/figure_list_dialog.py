"""The list behind a monitoring figure: which children (with names, for the chair), when, what."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from knooppunt.monitoring.model import Entry, Figure

from ..models.record_table import Column
from ..pages.list_page import RecordTableView

ENTRY_COLUMNS = [
    Column[Entry]("Kind", lambda e: e.child_name or "–", width=200),
    Column[Entry]("Datum", lambda e: e.day, width=100),
    Column[Entry]("Toelichting", lambda e: e.detail, width=420),
]


class FigureListDialog(QDialog):
    def __init__(self, figure: Figure, *, context: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{figure.label} — {context}")
        self.figure = figure
        heading = QLabel(f"<b>{escape(figure.label)}</b>: {escape(figure.text)}"
                         + (f" (over {figure.base})" if figure.base is not None else ""))
        heading.setWordWrap(True)
        hint = QLabel(f"{escape(context)}. Vertrouwelijk: deze lijst noemt kinderen bij naam en is alleen voor "
                      "de voorzitter; het jaarrapport en de cijfers voor het bestuur noemen geen namen.")
        hint.setWordWrap(True)
        hint.setObjectName("pageIntro")
        self.table = RecordTableView(ENTRY_COLUMNS, self)
        self.table.source.set_records(figure.entries)
        self.empty = QLabel("Er staat niets achter dit cijfer." if not figure.entries else "")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.empty.setVisible(not figure.entries)
        self.resize(780, 460)
