"""Bewaartermijn: the children whose retention term has passed; one confirmed action erases them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from knooppunt.services import Services
from knooppunt.services.privacy.retention import RetentionDue

from .. import messages
from ..hub import SignalHub
from ..models.record_table import Column, RecordTableModel
from ..operations import run_op

COLUMNS = [
    Column[RetentionDue]("Kind", lambda d: d.child_name),
    Column[RetentionDue]("Locatie", lambda d: d.location),
    Column[RetentionDue]("Bewaard sinds", lambda d: f"{d.basis} {d.since:%d-%m-%Y}"),
    Column[RetentionDue]("Termijn verstreken op", lambda d: d.term_ended),
]


class RetentionDialog(QDialog):
    def __init__(self, *, services: Services, hub: SignalHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Bewaartermijn")
        self._services, self._hub = services, hub
        intro = QLabel(
            "Gegevens van een kind worden bewaard tot de bewaartermijn van de locatie voorbij is: gerekend "
            "vanaf het afsluiten van de casus, of vanaf het laatste overleg als er geen casus is. Daarna "
            "worden ze gewist: het kind, de ouders, toestemmingen, casus, besprekingen met notities, besluiten "
            "en afspraken, en de documenten. Alleen tellingen zonder namen blijven over.")
        intro.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("pageIntro")
        self.model = RecordTableModel[RetentionDue](COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.erase_button = QPushButton("Deze kinderen &wissen…")
        self.erase_button.clicked.connect(self._on_erase_button_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 520)
        self.reload()

    def reload(self) -> None:
        due = self._services.retention.due()
        self.model.set_records(due)
        self.erase_button.setEnabled(bool(due))
        self.summary.setText(f"{len(due)} kind(eren) voorbij de bewaartermijn." if due
                             else "Er zijn geen kinderen voorbij de bewaartermijn.")

    def _on_erase_button_clicked(self) -> None:
        due = self.model.records()
        names = ", ".join(d.child_name for d in due[:10]) + (f" en nog {len(due) - 10}" if len(due) > 10 else "")
        if not messages.ask(self, "Kinderen wissen",
                            f"Alle gegevens van {len(due)} kind(eren) worden definitief gewist: {names}.\n\n"
                            "Dit kan niet ongedaan worden gemaakt. Het logboek houdt bij dat er gewist is, "
                            "door wie en waarom, zonder namen.", confirm="Definitief wissen", destructive=True):
            return
        result = run_op(self._services.retention.erase_due, hub=self._hub, parent=self, title="Niet gewist",
                        initiator=self)
        if result is None:
            return
        erased = result[0]
        self.reload()
        messages.inform(self, "Gewist", f"{len(erased)} kind(eren) gewist.")
