"""Vandaag: what is due today or overdue, from the location's werkafspraken."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QPushButton, QWidget

from knooppunt.services import Services
from knooppunt.services.meetings.today import KIND_LABELS, TodayItem

from .. import messages
from ..hub import SignalHub
from ..modal import run_modal
from ..models.record_table import Column
from ..page_refresh import PageRefresh
from .list_page import ListPage

# Where a double click on an item leads: the main window's page index (see main_window.PAGES).
KIND_PAGE = {"uitnodiging": 2, "brief": 2, "afspraak": 3, "toestemming": 1, "mandaat": 0}


class TodayPage(ListPage):
    def __init__(self, *, services: Services, hub: SignalHub, go_to: Callable[[str], None] | None = None,
                 parent: QWidget | None = None) -> None:
        self._today = services.now().date()
        today = self._today
        columns = [
            Column[TodayItem]("Uiterlijk", lambda i: _when(i, today), width=150),
            Column[TodayItem]("Soort", lambda i: KIND_LABELS[i.kind], width=300),
            Column[TodayItem]("Wat", lambda i: i.text),
        ]
        super().__init__(
            title="Vandaag",
            explanation="Wat er volgens de werkafspraken van de locatie nu moet gebeuren: uitnodigingen, "
            "afsprakenbrieven, afspraken van deze week, toestemming en mandaten die verlopen, en aanmeldingen "
            "die te lang wachten. Dubbelklik een regel om ernaartoe te gaan.",
            empty_text="Er staat vandaag niets open. Alles is op tijd.",
            columns=columns, searchable=True, parent=parent)
        self._services, self._hub, self._go_to = services, hub, go_to
        self.refresh_button = QPushButton("&Vernieuwen")
        self.refresh_button.clicked.connect(self.reload)
        self.settings_button = QPushButton("&Werkafspraken…")
        self.settings_button.setToolTip("Agenda vooraf, brief binnen, wachtnorm, vakantieregio, partners per leeftijd")
        self.settings_button.clicked.connect(self._on_settings_button_clicked)
        self.year_button = QPushButton("&Schooljaar plannen…")
        self.year_button.setToolTip("Alle overleggen van het schooljaar, buiten de schoolvakanties; als .ics")
        self.year_button.clicked.connect(self._on_year_button_clicked)
        for button in (self.refresh_button, self.settings_button, self.year_button):
            self.toolbar.addWidget(button)
        self.table.activated_record.connect(self._on_table_activated_record)
        self.refresher = PageRefresh(self, hub=hub, reload=self.reload)  # every Change can alter today's list
        self.reload()

    def reload(self) -> None:
        self.items = self._services.cycle.today.items()
        self.show_records(self.items)
        late = sum(1 for i in self.items if i.overdue(self._today))
        self._set_status(f"{len(self.items)} punten, waarvan {late} over datum." if self.items else "")

    def _location(self) -> int | None:
        """The location to work on: the only one, or the one the user picks."""
        locations = self._services.locations.locations()
        if not locations:
            messages.inform(self, "Eerst een locatie", "Maak eerst een locatie aan (Locaties & partners).")
            return None
        if len(locations) == 1:
            return locations[0].id
        name = messages.choose_item(self, "Locatie", "Voor welke locatie?", [loc.name for loc in locations])
        return next((loc.id for loc in locations if loc.name == name), None)

    def _on_settings_button_clicked(self) -> None:
        from ..dialogs.cycle_settings_dialog import CycleSettingsDialog

        location_id = self._location()
        if location_id is not None:  # the Change it publishes reloads this page
            run_modal(CycleSettingsDialog(services=self._services, location_id=location_id, parent=self),
                      hub=self._hub, initiator=self)

    def _on_year_button_clicked(self) -> None:
        from ..dialogs.school_year_dialog import SchoolYearDialog

        location_id = self._location()
        if location_id is not None:
            run_modal(SchoolYearDialog(services=self._services, hub=self._hub, location_id=location_id, parent=self))

    def _on_table_activated_record(self, item: TodayItem | None) -> None:
        if item is not None and self._go_to is not None:
            self._go_to(item.kind)


def _when(item: TodayItem, today: date) -> str:
    text = f"{item.due:%d-%m-%Y}"
    return f"{text} (te laat)" if item.due < today else text
