"""Benchmark: the Afspraken overview over 100,000 agreements stays responsive.

Run: ``.venv/bin/python benchmarks/bench_agreements_overview.py [N]`` (offscreen Qt).
Builds an encrypted demo database plus N agreements over 300 children, opens the page and
times what a user does: open, switch buckets, search, sort, scroll to the end, export. Every
step is a single blocking call on the GUI thread, so its time is how long the window would be
unresponsive; a heartbeat timer also records the longest gap in the event loop.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from knooppunt.composition import open_services
from knooppunt.services.demo import build_demo
from ui import messages
from ui.hub import SignalHub
from ui.pages.agreements_page import AgreementsPage

TODAY = date(2026, 11, 23)


def fill(services, n: int) -> None:
    location_id = services.locations.locations()[0].id
    kinds = ["partner", "ouder", "kind", "school"]
    statuses = ["open"] * 6 + ["loopt_door", "gedaan", "niet_gedaan", "gewijzigd"]
    with services.store.unit_of_work() as uow:
        db = services.store.db
        children = [
            {"location_id": location_id, "first_name": f"Kind{i}", "last_name": f"Achternaam{i:03d}",
             "date_of_birth": "2016-05-01"} for i in range(300)
        ]
        db["child"].insert_all(children)
        ids = [r[0] for r in db.execute("SELECT id FROM child").fetchall()]
        db["agreement"].insert_all(
            (
                {"child_id": ids[i % len(ids)], "owner_kind": kinds[i % 4], "owner_name": f"Eigenaar {i % 700}",
                 "description": f"Afspraak nummer {i} over begeleiding en overleg",
                 "due_date": (TODAY + timedelta(days=(i * 7) % 365 - 120)).isoformat(),
                 "evaluation_date": (TODAY + timedelta(days=(i * 11) % 200)).isoformat(),
                 "status": statuses[i % len(statuses)]}
                for i in range(n)
            ),
            batch_size=5000,
        )
        uow.audit("benchmarkdata", "agreement", None, str(n))


class Heartbeat:
    """A 10 ms timer: the longest gap between its ticks is how long the window was frozen."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._clock = QElapsedTimer()
        self._clock.start()
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._on_timeout)
        self._timer.start()

    def _on_timeout(self) -> None:
        self.longest = max(self.longest, self._clock.restart() / 1000)

    def reset(self) -> None:
        self.longest = 0.0
        self._clock.restart()


HEART: Heartbeat | None = None


def settle(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def timed(label: str, action, results: list) -> None:
    """Run ``action`` from the event loop and record its total time and the longest freeze."""
    settle(30)
    HEART.reset()
    start = time.perf_counter()
    QTimer.singleShot(0, action)
    settle()
    results.append((label, time.perf_counter() - start, HEART.longest))


def main(n: int = 100_000) -> None:
    app = QApplication([])
    workdir = Path(tempfile.mkdtemp(prefix="knooppunt-bench-"))
    services = open_services(workdir / "bench.db", "benchmark wachtwoordzin", create=True)
    build_demo(services, today=TODAY)
    t0 = time.perf_counter()
    fill(services, n)
    print(f"{n:,} afspraken aangemaakt in {time.perf_counter() - t0:.1f} s")

    global HEART
    HEART = Heartbeat()

    results: list[tuple[str, float, float]] = []
    holder = {}
    timed("pagina openen (alle open afspraken)", lambda: holder.setdefault(
        "page", AgreementsPage(services=services, hub=SignalHub())), results)
    page = holder["page"]
    page.resize(1280, 800)
    timed("tonen", page.show, results)
    timed("filter: over de datum", lambda: page.set_bucket("over_datum"), results)
    timed("filter: alle afspraken", lambda: page.set_bucket("alle"), results)
    timed("filter: soort eigenaar = ouder", lambda: page.owner_kind.setCurrentIndex(2), results)
    timed("zoeken: 'Achternaam042'", lambda: (page.search.setText("Achternaam042"), page.apply_filter()), results)
    timed("zoeken wissen", lambda: (page.search.clear(), page.apply_filter()), results)
    timed("sorteren op kind (Z→A)", lambda: page.table.horizontalHeader().setSortIndicator(
        0, Qt.SortOrder.DescendingOrder), results)
    timed("naar het einde scrollen (volgende batch)", page.table.scrollToBottom, results)
    path = workdir / "export.csv"
    messages.choose_save_file = lambda *a, **k: path
    messages.inform = lambda *a, **k: None
    HEART.reset()
    start = time.perf_counter()
    page.export_button.click()
    while page.exporter.running:
        app.processEvents()
    results.append(("CSV-export (in stappen, totaal)", time.perf_counter() - start, HEART.longest))

    width = max(len(label) for label, *_ in results)
    print(f"  {'stap':<{width}}  langste bevriezing van het venster")
    for label, _seconds, frozen in results:
        print(f"  {label:<{width}}  {frozen * 1000:6.0f} ms")
    print(f"  CSV-export duurde in totaal {results[-1][1]:.1f} s, in stappen met voortgangsvenster")
    print(f"  rijen in het model: {page.model.rowCount():,} van {page.model.total:,}")
    services.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
