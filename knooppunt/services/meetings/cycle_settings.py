"""A location's werkafspraken as numbers the program follows (agenda N days before, the letter
within N working days, the norm for waiting aanmeldingen), its holiday region and the scale."""

from __future__ import annotations

from dataclasses import asdict

from ...domain.cycle import LocationCycle, Region
from ...errors import ValidationError
from ...storage import Store
from ..changes import Change, Entity


class CycleSettingsService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def settings(self, location_id: int) -> LocationCycle:
        rows = self._store.select(LocationCycle, "location_cycle", "location_id = ?", [location_id])
        return rows[0] if rows else LocationCycle(location_id)

    def all_settings(self) -> dict[int, LocationCycle]:
        stored = {s.location_id: s for s in self._store.select(LocationCycle, "location_cycle")}
        return {lid: stored.get(lid, LocationCycle(lid)) for lid in self._store.column("SELECT id FROM location")}

    def save(self, settings: LocationCycle) -> Change:
        Region(settings.region)
        for value, low, high, what in ((settings.agenda_days_before, 0, 60, "De agenda: 0 tot 60 dagen vooraf."),
                                       (settings.letter_working_days, 0, 30, "De brief: binnen 0 tot 30 werkdagen."),
                                       (settings.intake_norm_days, 1, 365, "De wachtnorm ligt tussen 1 en 365 dagen."),
                                       (settings.consent_months, 1, 60, "Toestemming: 1 tot 60 maanden.")):
            if not low <= value <= high:
                raise ValidationError("settings", what)
        row = asdict(settings)
        with self._store.unit_of_work() as uow:
            uow.execute("DELETE FROM location_cycle WHERE location_id = ?", [settings.location_id])
            uow.insert("location_cycle", row)
            uow.audit("werkafspraken gewijzigd", "location", settings.location_id)
        return Change.updated(Entity.LOCATION, settings.location_id)
