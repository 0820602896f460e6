"""Schooljaar plannen: every meeting of the school year at once from the location's frequency,
skipping the region's school holidays; save them, or save the series as one .ics file."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from knooppunt.dates import dutch_date
from knooppunt.services import Services

from .. import messages
from ..hub import SignalHub
from ..modal import run_modal
from ..operations import run_op
from .form_dialog import DateField


class SchoolYearDialog(QDialog):
    def __init__(self, *, services: Services, hub: SignalHub, location_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._hub, self.location_id = services, hub, location_id
        location = services.locations.location(location_id)
        self.setWindowTitle(f"Schooljaar plannen – {location.name}")
        today = services.now().date()
        start = date(today.year if today.month < 8 else today.year, 9, 1)
        self.first = DateField(start if start >= today else today)
        self.first.dateChanged.connect(self.refresh)
        self.time = QTimeEdit(QTime(8, 30))
        self.place = QLineEdit()
        self.place.setPlaceholderText("bijv. de teamkamer")
        self.chair = QLineEdit(services.profile.user_name or "")
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.dates = QListWidget()
        form = QFormLayout()
        form.addRow("&Eerste overleg", self.first)
        form.addRow("&Tijd", self.time)
        form.addRow("&Plaats", self.place)
        form.addRow("&Voorzitter", self.chair)
        self.settings_button = QPushButton("&Werkafspraken…")
        self.settings_button.clicked.connect(self._on_settings_button_clicked)
        self.holidays_button = QPushButton("&Vakanties…")
        self.holidays_button.clicked.connect(self._on_holidays_button_clicked)
        self.ics_button = QPushButton("Als agenda (.&ics) opslaan…")
        self.ics_button.clicked.connect(self._on_ics_button_clicked)
        self.create_button = QPushButton("Overleggen &aanmaken")
        self.create_button.clicked.connect(self._on_create_button_clicked)
        buttons = QHBoxLayout()
        for button in (self.settings_button, self.holidays_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.ics_button, self.create_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.info)
        layout.addWidget(self.dates, 1)
        layout.addLayout(buttons)
        self.resize(640, 560)
        self.refresh()

    def planned(self) -> list[date]:
        first = self.first.value() or self._services.now().date()
        return self._services.cycle.school_year.plan(self.location_id, first)

    def refresh(self) -> None:
        location = self._services.locations.location(self.location_id)
        region = self._services.cycle.settings.settings(self.location_id).region
        holidays = self._services.cycle.school_year.holidays(region)
        self.dates.clear()
        planned = self.planned()
        for day in planned:
            self.dates.addItem(dutch_date(day))
        self.info.setText(f"Elke {location.frequency_weeks} weken, buiten de schoolvakanties van regio "
                          f"{region.value} ({len(holidays)} vakanties bekend). {len(planned)} overleggen tot de "
                          "zomervakantie. Een datum in een vakantie schuift naar dezelfde dag na de vakantie.")

    def _start(self) -> time:
        value = self.time.time()
        return time(value.hour(), value.minute())

    def _on_create_button_clicked(self) -> None:
        if run_op(lambda: self._services.cycle.school_year.create(self.location_id, self.planned(), self._start(),
                                                                   self.place.text(), self.chair.text()),
                  hub=self._hub, parent=self, title="Schooljaar niet gepland", initiator=self) is not None:
            self.accept()

    def _on_ics_button_clicked(self) -> None:
        path = messages.choose_save_file(self, "Schooljaar als agenda opslaan",
                                         Path.home() / "knooppunt-schooljaar.ics", "Agenda (*.ics)")
        if path is None:
            return
        run_op(lambda: self._services.cycle.school_year.save_ics(self.location_id, self.planned(), self._start(),
                                                                 self.place.text(), path),
               hub=None, parent=self, title="Agenda niet opgeslagen")

    def _on_settings_button_clicked(self) -> None:
        from .cycle_settings_dialog import CycleSettingsDialog

        if run_modal(CycleSettingsDialog(services=self._services, location_id=self.location_id, parent=self)):
            self.refresh()

    def _on_holidays_button_clicked(self) -> None:
        from .holidays_dialog import HolidaysDialog

        region = self._services.cycle.settings.settings(self.location_id).region
        if run_modal(HolidaysDialog(services=self._services, region=region, parent=self)):
            self.refresh()
