"""Een contactpersoon vertrekt: in één stap vervangen in alle locaties, met behoud van de geschiedenis."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from knooppunt.directory.entries import PersonEntry
from knooppunt.services.directory.locations import LocationService

from .field_errors import FieldErrors
from .partner_dialog import PersonFields


class ReplacePersonDialog(QDialog):
    def __init__(self, *, contact_id: int, locations: LocationService,
                 replace: Callable[[int, PersonEntry, str], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        leaving = locations.contact(contact_id)
        organisation = next((o for o in locations.organisations() if o.id == leaving.organisation_id), None)
        self.setWindowTitle(f"{leaving.name} vertrekt")
        self._contact_id = contact_id
        self._replace = replace
        places = locations.locations_of_contact(contact_id)
        where = "\n".join(f"• {location} — {role}" for location, role in places) or "• (nergens contactpersoon)"
        intro = QLabel(
            f"{leaving.name} ({organisation.name if organisation else 'zonder organisatie'}) vertrekt. "
            f"De opvolger neemt het over in {'de rol' if len(places) == 1 else f'alle {len(places)} rollen'} "
            f"hieronder; {leaving.name} blijft "
            f"zichtbaar in de geschiedenis van elke rol.\n\n{where}")
        intro.setWordWrap(True)
        self.successor = PersonFields(full=True)
        self.successor.set_people([p for p in locations.contacts(leaving.organisation_id) if p.id != contact_id])
        self.successor.function.setText(leaving.function)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("bijv. ‘andere baan per 1 december’")
        form = QFormLayout()
        form.addRow("Reden (voor de geschiedenis)", self.reason)
        self.errors = FieldErrors(QLabel(), {"successor_name": self.successor.name,
                                             "successor_phone": self.successor.phone,
                                             "successor_email": self.successor.email},
                                  {"successor_name": "Opvolger", "successor_phone": "Telefoon",
                                   "successor_email": "E-mail"})
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Overal vervangen")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel("<b>Opvolger</b>"))
        layout.addWidget(self.successor)
        layout.addLayout(form)
        layout.addWidget(self.errors.label)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def _on_buttons_accepted(self) -> None:
        entry = self.successor.entry() or PersonEntry("")
        if self.errors.attempt(lambda: self._replace(self._contact_id, entry, self.reason.text())):
            self.accept()
