"""Inzage voor ouders (AVG art. 15): the chair reviews the internal notes, may withhold one only
with a reason, then the PDF and JSON are written to a folder of choice."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from knooppunt.services import Services

from .. import messages
from ..operations import in_line, run_op

HEADERS = ["Achterhouden", "Overleg", "Agendapunt", "Interne notitie", "Reden (verplicht bij achterhouden)"]


class InzageDialog(QDialog):
    def __init__(self, *, services: Services, child_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._child_id = services, child_id
        name = services.children.child(child_id).full_name
        self.setWindowTitle(f"Inzage voor ouders – {name}")
        self.notes = services.inzage.internal_notes(child_id)
        intro = QLabel(
            f"De ouders krijgen alles wat over {name} is vastgelegd, als PDF en als JSON-bestand, ook de interne "
            "notities. Lees de interne notities hieronder. Een notitie mag u alleen achterhouden als die de "
            "rechten van een ander raakt (AVG artikel 15 lid 4); schrijf dan op waarom. In de inzage staat dat "
            "er iets is achtergehouden, met de reden.")
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.notes), len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for row, note in enumerate(self.notes):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Unchecked)
            self.table.setItem(row, 0, check)
            day = date.fromisoformat(note.meeting_date)
            for column, value in ((1, f"{day:%d-%m-%Y}"), (2, note.agenda_item), (3, note.text)):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, column, item)
            self.table.setItem(row, 4, QTableWidgetItem(""))
        header = self.table.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.empty = QLabel("Er zijn geen interne notities over dit kind: alles wordt verstrekt.")
        self.empty.setVisible(not self.notes)
        self.table.setVisible(bool(self.notes))
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.make_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.make_button.setText("Inzage &maken…")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self.make)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(1000, 520)
        self.files: tuple[Path, Path] | None = None

    def withheld(self) -> dict[int, str]:
        out = {}
        for row, note in enumerate(self.notes):
            check, reason = self.table.item(row, 0), self.table.item(row, 4)
            if check is not None and check.checkState() == Qt.CheckState.Checked:
                out[note.note_id] = reason.text() if reason is not None else ""
        return out

    def make(self) -> bool:
        withheld = self.withheld()
        if any(not reason.strip() for reason in withheld.values()):
            self._show("Schrijf bij elke notitie die u niet verstrekt de reden op.")
            return False
        folder = messages.choose_folder(self, "Map voor de inzage")
        if folder is None:
            return False
        files = run_op(lambda: self._services.inzage.export(self._child_id, folder, withheld), hub=None,
                       parent=self, errors=in_line(self._show))
        if files is None:
            return False
        self.files = (files.pdf, files.json)
        self.accept()
        messages.inform(self.parentWidget(), "Inzage gemaakt",
                        f"De inzage staat in {files.pdf.parent}:\n{files.pdf.name} (om te lezen)\n"
                        f"{files.json.name} (voor een computer)\n\nGeef de bestanden veilig aan de ouders.")
        return True

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
