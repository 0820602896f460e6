"""Nieuw kind / kind wijzigen: name, date of birth, group, start date and location."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from knooppunt.domain.children import Child
from knooppunt.errors import ValidationError
from knooppunt.services import Change, Services

from ..hub import SignalHub
from ..operations import run_op
from .form_support import FieldErrors, date_edit, get_date, save_buttons


class ChildDialog(QDialog):
    """Saves through ``services.children``; a refusal is shown at the field, nothing is saved half."""

    def __init__(self, *, services: Services, hub: SignalHub, child: Child | None = None,
                 location_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Kind wijzigen" if child else "Nieuw kind")
        self._services, self._hub, self._child = services, hub, child
        self.saved: Child | None = None
        self.first_name = QLineEdit(child.first_name if child else "")
        self.last_name = QLineEdit(child.last_name if child else "")
        self.date_of_birth = date_edit(child.date_of_birth if child else None, optional=True)
        self.group_name = QLineEdit(child.group_name if child else "")
        self.group_name.setPlaceholderText("bijv. groep 5, klas 2B, peutergroep")
        self.start_date = date_edit(child.start_date if child else None, optional=True)
        self.location = QComboBox()
        for location in services.locations.locations():
            self.location.addItem(location.name, location.id)
        wanted = child.location_id if child else location_id
        if wanted is not None:
            self.location.setCurrentIndex(max(0, self.location.findData(wanted)))
        self.errors = FieldErrors({"first_name": self.first_name, "last_name": self.last_name,
                                   "date_of_birth": self.date_of_birth, "start_date": self.start_date,
                                   "location_id": self.location}, self)
        form = QFormLayout()
        form.addRow("&Voornaam", self.first_name)
        form.addRow("&Achternaam", self.last_name)
        form.addRow("&Geboortedatum", self.date_of_birth)
        form.addRow("G&roep/klas", self.group_name)
        form.addRow("&Startdatum op de locatie", self.start_date)
        form.addRow("&Locatie", self.location)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(save_buttons(self, self._on_buttons_accepted))
        self.resize(460, 300)

    def child(self) -> Child:
        base = self._child or Child(None, 0, "", "", date.min)
        return replace(
            base,
            location_id=self.location.currentData() or 0,
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            date_of_birth=get_date(self.date_of_birth),
            group_name=self.group_name.text(),
            start_date=get_date(self.start_date),
        )

    def _on_buttons_accepted(self) -> None:
        if get_date(self.date_of_birth) is None:
            self.errors.show_error(ValidationError("date_of_birth", "Vul de geboortedatum van het kind in."))
            return
        child = self.child()

        def save() -> tuple[Child, Change]:
            if self._child is None:
                return self._services.children.create_child(child)
            return child, self._services.children.update_child(child)

        result = run_op(save, hub=self._hub, parent=self, errors=self.errors, initiator=self)
        if result is None:
            return
        self.saved = result[0]
        self.accept()
