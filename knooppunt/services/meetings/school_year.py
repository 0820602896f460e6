"""The location's school year: every meeting planned at once from the frequency, skipping the
school holidays of the location's region; the whole series exportable as one .ics file.

Holidays come from ``resources/schoolvakanties.csv`` (source noted in the file) until the
coordinator saves a region's own dates, which then live in the database."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from ...domain.cycle import Region
from ...domain.meetings import Meeting
from ...errors import ValidationError
from ...exports import write_export
from ...paths import resource
from ...storage import Store
from ..changes import Change, Entity
from ..directory.locations import LocationService
from .cycle_settings import CycleSettingsService


@dataclass(frozen=True)
class Holiday:
    region: Region
    name: str
    first_day: date
    last_day: date

    def covers(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day


def shipped_holidays() -> list[Holiday]:
    lines = [line for line in resource("schoolvakanties.csv").read_text("utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    rows = list(csv.reader(lines[1:], delimiter=";"))
    return [Holiday(Region(r[0]), r[1], date.fromisoformat(r[2]), date.fromisoformat(r[3])) for r in rows]


class SchoolYearService:
    def __init__(self, store: Store, locations: LocationService, settings: CycleSettingsService) -> None:
        self._store = store
        self._locations = locations
        self._settings = settings

    def holidays(self, region: Region | str) -> list[Holiday]:
        region = Region(region)
        own = self._store.query("SELECT name, first_day, last_day FROM school_holiday WHERE region = ? "
                                "ORDER BY first_day", [region])
        if own:
            return [Holiday(region, r["name"], date.fromisoformat(r["first_day"]), date.fromisoformat(r["last_day"]))
                    for r in own]
        return [h for h in shipped_holidays() if h.region == region]

    def save_holidays(self, region: Region | str, holidays: list[tuple[str, date, date]]) -> Change:
        """The coordinator's own dates for a region (replacing the shipped ones for that region)."""
        region = Region(region)
        for name, first, last in holidays:
            if not name.strip() or first > last:
                raise ValidationError("holidays", f"‘{name or '?'}’: een naam en een eerste dag vóór de laatste.")
        with self._store.unit_of_work() as uow:
            uow.delete("school_holiday", "region = ?", [region.value])
            for name, first, last in holidays:
                uow.insert("school_holiday", {"region": region, "name": name.strip(), "first_day": first,
                                              "last_day": last})
            uow.audit("schoolvakanties gewijzigd", "school_holiday", None, region.value)
        return Change.updated(Entity.SCHOOL_HOLIDAY, 0)

    def plan(self, location_id: int, first: date, last: date | None = None) -> list[date]:
        """Meeting dates from ``first`` every ``frequency_weeks``, until the summer holiday (or a year).

        A date in a holiday or weekend moves to the same weekday in the first week after it; the
        next date counts on from the moved one, so the rhythm stays the location's frequency."""
        location = self._locations.location(location_id)
        holidays = self.holidays(self._settings.settings(location_id).region)
        if last is None:
            summer = [h.first_day for h in holidays if "zomer" in h.name.lower() and h.first_day > first]
            last = min(summer) - timedelta(days=1) if summer else first + timedelta(days=365)
        weekday = first.weekday() if first.weekday() < 5 else 1
        out: list[date] = []
        day = first
        while day <= last:
            day = _school_day(day, weekday, holidays)
            if day > last:
                break
            out.append(day)
            day += timedelta(weeks=location.frequency_weeks)
        return out

    def create(self, location_id: int, dates: list[date], start_time: time, place: str, chair: str) -> Change:
        """Plan the series: one meeting per date (a date that already has a meeting is skipped)."""
        if not place.strip() or not chair.strip():
            raise ValidationError("place", "Vul de plaats en de voorzitter van de overleggen in.")
        today = self._store.now().date()
        with self._store.unit_of_work() as uow:
            made = 0
            for day in dates:
                if day < today or self._store.count("meeting", "location_id = ? AND date = ? AND status != "
                                                    "'geannuleerd'", [location_id, day]):
                    continue
                uow.insert("meeting", Meeting(None, location_id, day, start_time, place.strip(), chair.strip()))
                made += 1
            uow.audit("schooljaar gepland", "location", location_id, f"{made} overleggen")
        return Change.created(Entity.MEETING, 0)

    def ics(self, location_id: int, dates: list[date], start_time: time, place: str, minutes: int = 90) -> bytes:
        """The whole series as one calendar file (one event per date, one series name)."""
        from icalendar import Calendar, Event  # imported when used, not at start-up

        location = self._locations.location(location_id)
        calendar = Calendar()
        calendar.add("prodid", "-//Knooppunt//schooljaar//NL")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", f"Knooppunt {location.name}")
        series = f"knooppunt-{location_id}-{dates[0]:%Y}" if dates else f"knooppunt-{location_id}"
        for number, day in enumerate(dates, start=1):
            event = Event()
            start = datetime.combine(day, start_time)
            event.add("uid", f"{series}-{number}@knooppunt.local")
            event.add("summary", f"Knooppuntoverleg {location.name} ({number}/{len(dates)})")
            event.add("dtstart", start)
            event.add("dtend", start + timedelta(minutes=minutes))
            event.add("dtstamp", self._store.now())
            event.add("location", place)
            event.add("categories", ["Knooppunt"])
            calendar.add_component(event)
        return bytes(calendar.to_ical())

    def save_ics(self, location_id: int, dates: list[date], start_time: time, place: str, path: Path) -> None:
        write_export(self._store, Path(path), self.ics(location_id, dates, start_time, place),
                     action="schooljaar als agenda opgeslagen", table="location", record_id=location_id,
                     detail=f"{len(dates)} overleggen")


def _school_day(day: date, weekday: int, holidays: list[Holiday]) -> date:
    """``day`` itself when it is a school day; else that weekday in the first school week after."""
    if day.weekday() >= 5:
        day += timedelta(days=(weekday - day.weekday()) % 7)
    for _ in range(60):
        holiday = next((h for h in holidays if h.covers(day)), None)
        if holiday is None:
            return day
        after = holiday.last_day + timedelta(days=1)
        day = after + timedelta(days=(weekday - after.weekday()) % 7)
    return day
