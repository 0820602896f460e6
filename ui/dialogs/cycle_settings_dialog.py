"""Werkafspraken als getallen: agenda N dagen vooraf, brief binnen N werkdagen, wachtnorm voor
aanmeldingen, toestemming vernieuwen na N maanden, vakantieregio en de schaalvraag bij afsluiten."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton, QSpinBox, QWidget

from knooppunt.domain.cycle import LocationCycle, Region
from knooppunt.services import Change, Services

from ..modal import run_modal
from .form_dialog import FormDialog


def _spin(low: int, high: int, value: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    box.setSuffix(suffix)
    return box


class CycleSettingsDialog(FormDialog):
    def __init__(self, *, services: Services, location_id: int, parent: QWidget | None = None) -> None:
        super().__init__(f"Werkafspraken – {services.locations.location(location_id).name}", parent)
        self._services, self.location_id = services, location_id
        current = services.cycle.settings.settings(location_id)
        self.region = QComboBox()
        for value, label in Region.choices():
            self.region.addItem(f"Regio {label}", value)
        self.region.setCurrentIndex(self.region.findData(current.region.value))
        self.add_field("region", "Vakantie&regio", self.region)
        self.agenda = self.add_field("agenda", "&Agenda naar ouders en partners",
                                     _spin(0, 60, current.agenda_days_before, " dagen vooraf"))
        self.letter = self.add_field("letter", "Afsprakenbrief &binnen", _spin(0, 30, current.letter_working_days,
                                                                                 " werkdagen"))
        self.norm = self.add_field("norm", "Aanmelding &wacht hoogstens", _spin(1, 365, current.intake_norm_days,
                                                                                   " dagen"))
        self.consent = self.add_field("consent", "&Toestemming vernieuwen na", _spin(1, 60, current.consent_months,
                                                                                        " maanden"))
        self.scale = QCheckBox("Bij afsluiten een cijfer (0–10) vragen, voor en na")
        self.scale.setChecked(current.scale_enabled)
        self.add_field("settings", "", self.scale)
        self.ranges_button = QPushButton("Welke partners bij welke &leeftijd…")
        self.ranges_button.clicked.connect(self._on_ranges_button_clicked)
        self.form.addRow("", self.ranges_button)

    def save(self) -> Change:
        return self._services.cycle.settings.save(LocationCycle(
            self.location_id, Region(self.region.currentData()), self.agenda.value(), self.letter.value(),
            self.norm.value(), self.scale.isChecked(), self.consent.value()))

    def _on_ranges_button_clicked(self) -> None:
        from .partner_ranges_dialog import PartnerRangesDialog

        run_modal(PartnerRangesDialog(services=self._services, location_id=self.location_id, parent=self))
