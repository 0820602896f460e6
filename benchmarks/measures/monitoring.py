"""Opening Monitoring for the largest location (its busiest school year): the page is built, the
indicators computed and the charts drawn, against the same SQL replayed on the connection."""

from __future__ import annotations

from collections import Counter
from datetime import date

from . import Context, Result, Target, open_services, qt_application, timed
from .sql_replay import captured_reads, replay

TARGET = Target(300, "value", "ms")


def largest_location(services) -> tuple[int, str]:
    """The location with the most discussions, and its school year with the most meetings."""
    from knooppunt.monitoring.periods import school_year_of

    location_id = services.store.scalar(
        "SELECT m.location_id FROM discussion d JOIN meeting m ON m.id = d.meeting_id "
        "GROUP BY m.location_id ORDER BY count(*) DESC, m.location_id LIMIT 1")
    days = services.store.column("SELECT date FROM meeting WHERE location_id = ?", [location_id])
    years = Counter(school_year_of(date.fromisoformat(day)) for day in days)
    return location_id, max(sorted(years), key=lambda year: years[year])


def measure(ctx: Context) -> list[Result]:
    app = qt_application()
    services = open_services(ctx)
    try:
        from ui.hub import SignalHub
        from ui.pages.monitoring_page import MonitoringPage

        location_id, year = largest_location(services)
        hub = SignalHub()

        def open_page() -> None:
            page = MonitoringPage(services=services, hub=hub)
            page.resize(1150, 700)
            page.select(location_id, year)
            page.deleteLater()
            app.processEvents()

        result = Result("open Monitoring, largest location", "ms", "same SQL on the connection", TARGET)
        store = services.store
        statements = captured_reads(store, open_page)  # also warms the caches and imports ReportLab
        for _ in range(ctx.runs):
            result.samples += timed(open_page, 1)
            result.baseline_samples += timed(replay(store, statements), 1)
        monitor = services.monitoring.monitor(location_id, year)
        result.note = (f"{monitor.location_name}, {year}: {monitor.figure('kinderen.besprekingen').text} "
                       f"discussions, {monitor.figure('afspraken.totaal').text} agreements; page built, "
                       "indicators computed, 4 charts drawn")
        return [result]
    finally:
        services.close()
