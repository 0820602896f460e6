"""Per rol van de locatie: voor welke kinderen (leeftijd en/of groep) de partner aan tafel komt."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from knooppunt.domain.cycle import PartnerRange
from knooppunt.errors import KnooppuntError
from knooppunt.services import Services

from ..operations import try_op
from .form_support import save_buttons

HEADERS = ("Rol", "Leeftijd van", "t/m", "Groep van", "t/m")


class PartnerRangesDialog(QDialog):
    def __init__(self, *, services: Services, location_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welke partners bij welke leeftijd")
        self._services = services
        self.views = [v for v in services.locations.partners(location_id) if v.partner.id is not None]
        self.ranges = services.cycle.partner_scope.ranges(location_id)
        explanation = QLabel("Planning stelt een structurele partner alleen voor bij kinderen die in het bereik vallen "
                             "(leeftijd óf groep). Leeg = geen grens. De voorzitter kan per kind afwijken, met reden.")
        explanation.setWordWrap(True)
        self.table = QTableWidget(len(self.views), len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        for row, view in enumerate(self.views):
            span = self.ranges[view.partner.id or 0]
            role = QTableWidgetItem(view.partner.role)
            self.table.setItem(row, 0, role)
            for column, value in enumerate((span.age_min, span.age_max, span.group_min, span.group_max), start=1):
                self.table.setItem(row, column, QTableWidgetItem("" if value is None else str(value)))
        self.table.resizeColumnsToContents()
        buttons = save_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def _value(self, row: int, column: int) -> int | None:
        item = self.table.item(row, column)
        text = item.text().strip() if item else ""
        if not text:
            return None
        if not text.isdigit():
            raise KnooppuntError(f"Rij {row + 1}: ‘{text}’ is geen getal.")
        return int(text)

    def save(self) -> None:
        if try_op(self._save_rows, hub=None, parent=self, title="Niet opgeslagen"):
            self.accept()

    def _save_rows(self) -> None:
        for row, view in enumerate(self.views):
            span = PartnerRange(*(self._value(row, c) for c in range(1, 5)))
            pid = view.partner.id or 0
            if span != self.ranges[pid]:
                self._services.cycle.partner_scope.set_range(pid, span)
