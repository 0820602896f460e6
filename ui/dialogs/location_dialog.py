"""Nieuwe locatie / locatie wijzigen."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from knooppunt.domain.directory import Location
from knooppunt.domain.enums import LocationType

from ..operations import at_field, outcome_of


class LocationForm(QWidget):
    """The fields of a location; reused by the first-run wizard."""

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setPlaceholderText("bijv. Kindcentrum De Vlinderboom")
        self.type = QComboBox()
        for value, label in LocationType.choices():
            self.type.addItem(label, value)
        self.type.setCurrentIndex(self.type.findData(LocationType.PO.value))
        self.address = QLineEdit()
        self.postcode = QLineEdit()
        self.city = QLineEdit()
        self.frequency = QSpinBox()
        self.frequency.setRange(1, 52)
        self.frequency.setValue(6)
        self.frequency.setSuffix(" weken")
        self.phone = QLineEdit()
        self.composition = QPlainTextEdit()
        self.composition.setPlaceholderText(
            "Wie zitten er aan tafel, bijv. ‘IB'er (voorzitter), ouders en kind, JGZ, SMW; leerplicht op uitnodiging’"
        )
        self.composition.setTabChangesFocus(True)
        self.composition.setFixedHeight(60)
        self.working_agreements = QPlainTextEdit()
        self.working_agreements.setTabChangesFocus(True)
        self.working_agreements.setPlaceholderText(
            "Werkafspraken van dit knooppunt, bijv. ‘Ouders krijgen de agenda een week vooraf.’"
        )
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout(self)
        form.addRow("&Naam van de locatie", self.name)
        form.addRow("&Soort", self.type)
        if not compact:
            form.addRow("&Adres", self.address)
            form.addRow("&Postcode", self.postcode)
            form.addRow("Plaa&ts", self.city)
            form.addRow("Tele&foon", self.phone)
        form.addRow("Knooppunt &elke", self.frequency)
        if not compact:
            form.addRow("Sa&menstelling", self.composition)
            form.addRow("&Werkafspraken", self.working_agreements)
        form.addRow(self.error)

    def set_location(self, location: Location) -> None:
        self._original = location
        self.name.setText(location.name)
        self.type.setCurrentIndex(self.type.findData(str(location.type)))
        self.address.setText(location.address)
        self.postcode.setText(location.postcode)
        self.city.setText(location.city)
        self.phone.setText(location.phone)
        self.frequency.setValue(location.frequency_weeks)
        self.composition.setPlainText(location.composition)
        self.working_agreements.setPlainText(location.working_agreements)

    def location(self) -> Location:
        base = getattr(self, "_original", None) or Location(None, "", LocationType.PO)
        return replace(
            base,
            name=self.name.text().strip(),
            type=LocationType(self.type.currentData()),
            address=self.address.text().strip(),
            postcode=self.postcode.text().strip(),
            city=self.city.text().strip(),
            phone=self.phone.text().strip(),
            frequency_weeks=self.frequency.value(),
            composition=self.composition.toPlainText().strip(),
            working_agreements=self.working_agreements.toPlainText().strip(),
        )

    def show_error(self, message: str, field: str | None = None) -> None:
        self.error.setText(message)
        self.error.show()
        widget = getattr(self, field, None) if field else None
        if isinstance(widget, QWidget):
            widget.setFocus()


class LocationDialog(QDialog):
    """Asks for a location and hands it to ``save`` (a service call that may refuse it)."""

    def __init__(self, *, save, location: Location | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Locatie wijzigen" if location else "Nieuwe locatie")
        self._save = save
        self.form = LocationForm(self)
        if location:
            self.form.set_location(location)
        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Opslaan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def _on_buttons_accepted(self) -> None:
        # ``save`` returns what changed; the opener publishes it (``open_modal(..., hub=)``).
        went_through, self.change = outcome_of(lambda: self._save(self.form.location()), None, self,
                                               at_field(self.form.show_error))
        if went_through:
            self.accept()
