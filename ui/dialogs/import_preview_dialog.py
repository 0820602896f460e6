"""Before an import: what is new, changed and removed. Applied as a whole, or not at all."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from knooppunt.services.directory.partners import ImportPlan
from knooppunt.services.directory.regional import RegionalPlan
from knooppunt.services.directory.writes import DirectoryChange

from ..models.record_table import Column
from ..operations import in_line, outcome_of
from ..pages.list_page import RecordTableView

_ACTION_ORDER = {"nieuw": 0, "gewijzigd": 1, "verwijderd": 2, "blijft": 3}
CHANGE_COLUMNS = [
    Column[DirectoryChange]("Wat", lambda c: c.action, width=90,
                            warning=lambda c: {"verwijderd": "Wordt verwijderd",
                                               "blijft": "Blijft staan: " + c.detail}.get(c.action)),
    Column[DirectoryChange]("Soort", lambda c: c.what, width=120),
    Column[DirectoryChange]("Naam", lambda c: c.name, width=240),
    Column[DirectoryChange]("Verschil", lambda c: c.detail),
]
LOCATION_COLUMN = Column[DirectoryChange]("Locatie", lambda c: c.location, width=235)


class ImportPreviewDialog(QDialog):
    """Also the preview of a regional update: then ``heading`` says where it came from, and a
    Locatie column shows which location each difference belongs to."""

    def __init__(self, *, plan: ImportPlan | RegionalPlan, apply: Callable[[Any], object],
                 heading: str | None = None, title: str = "Importeren: eerst bekijken", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._plan = plan
        self._apply = apply
        self.change: object | None = None
        if heading is None and isinstance(plan, ImportPlan):
            where = (f"locatie ‘{plan.location_name}’" if plan.location_id
                     else f"nieuwe locatie ‘{plan.location_name}’ (wordt aangemaakt)")
            heading = f"<b>{plan.data.source or 'Bestand'}</b> → {where}<br>{plan.summary}"
        self.summary = QLabel(heading or plan.summary)
        self.summary.setWordWrap(True)
        explanation = QLabel("Er verandert nog niets. Met ‘Toepassen’ wordt alles in één keer doorgevoerd; "
                             "lukt een onderdeel niet, dan blijft alles zoals het was.")
        explanation.setWordWrap(True)
        explanation.setObjectName("hint")
        many = any(c.location for c in plan.changes)
        self.table = RecordTableView([LOCATION_COLUMN, *CHANGE_COLUMNS] if many else CHANGE_COLUMNS, self)
        self.table.source.set_records(sorted(plan.changes, key=lambda c: _ACTION_ORDER.get(c.action, 9)))
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setText("Toepassen")
        self.apply_button.setEnabled(bool(plan.changes))
        self.apply_button.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        self.apply_button.clicked.connect(self._on_apply_button_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(820, 480)

    def _on_apply_button_clicked(self) -> None:
        # The opener publishes ``change`` (``open_modal(..., hub=)``).
        went_through, self.change = outcome_of(lambda: self._apply(self._plan), None, self, in_line(self.error))
        if went_through:
            self.accept()
