"""De schoolvakanties van een regio: de meegeleverde data (bron in het bestand), aan te passen."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from knooppunt.domain.cycle import Region
from knooppunt.errors import KnooppuntError
from knooppunt.services import Services

from ..operations import try_op
from .form_support import save_buttons


class HolidaysDialog(QDialog):
    def __init__(self, *, services: Services, region: Region, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Schoolvakanties regio {region.value}")
        self._services, self.region = services, region
        note = QLabel("Bron: rijksoverheid.nl (overzicht schoolvakanties per schooljaar). Wijkt uw school af? "
                      "Pas de data hier aan (jjjj-mm-dd); ze gelden dan voor alle locaties in deze regio.")
        note.setWordWrap(True)
        holidays = services.cycle.school_year.holidays(region)
        self.table = QTableWidget(len(holidays), 3)
        self.table.setHorizontalHeaderLabels(("Vakantie", "Eerste dag", "Laatste dag"))
        for row, h in enumerate(holidays):
            for column, value in enumerate((h.name, h.first_day.isoformat(), h.last_day.isoformat())):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        add = QPushButton("Vakantie &toevoegen")
        add.clicked.connect(lambda: self.table.insertRow(self.table.rowCount()))
        remove = QPushButton("&Verwijderen")
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(add)
        row_buttons.addWidget(remove)
        row_buttons.addStretch(1)
        buttons = save_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(buttons)
        self.resize(560, 480)

    def rows(self) -> list[tuple[str, date, date]]:
        out = []
        for row in range(self.table.rowCount()):
            items = [self.table.item(row, c) for c in range(3)]
            cells = [item.text().strip() if item is not None else "" for item in items]
            if not any(cells):
                continue
            try:
                out.append((cells[0], date.fromisoformat(cells[1]), date.fromisoformat(cells[2])))
            except ValueError as exc:
                raise KnooppuntError(f"Rij {row + 1}: schrijf de data als jjjj-mm-dd, bijv. 2027-02-13.") from exc
        return out

    def save(self) -> None:
        if try_op(lambda: self._services.cycle.school_year.save_holidays(self.region, self.rows()), hub=None,
                  parent=self, title="Vakanties niet opgeslagen"):
            self.accept()
