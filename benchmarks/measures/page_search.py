"""Typing in the Kinderen page's search field, as the page does it: the text goes to the service
(``children(search=…, limit=…)``) when typing pauses (debounced), and the page holds at most
``SHOWN_AT_ONCE`` children.

Per keystroke the measure times everything the GUI thread does for it: ``setText`` (restarts the
debounce timer), the search the timer would run (forced at once with ``run_search``, as if the
user paused after every letter — the worst case) and the repaint. The baseline is that same
service search on its own, so the ratio is what the page adds.
"""

from __future__ import annotations

import time

from . import Context, Result, Target, open_services, qt_application, timed
from .search import typed_names


def _keystroke(page, text: str) -> None:
    from PySide6.QtWidgets import QApplication

    page.search.setText(text)
    QApplication.processEvents()
    page.run_search()
    QApplication.processEvents()


def measure(ctx: Context) -> list[Result]:
    from PySide6.QtWidgets import QApplication

    from ui.hub import SignalHub
    from ui.pages.children_page import SHOWN_AT_ONCE, ChildrenPage

    _app = qt_application()
    services = open_services(ctx)
    try:
        started = time.perf_counter()
        page = ChildrenPage(services=services, hub=SignalHub())
        page.resize(1000, 700)
        page.show()
        QApplication.processEvents()
        loaded_ms = (time.perf_counter() - started) * 1000
        status, held = page.status.text(), page.table.source.rowCount()
        result = Result("type in Kinderen page search, per keystroke", "ms",
                        f"service search, limit {SHOWN_AT_ONCE + 1}", Target(20, "value", "ms"))

        def search(text: str) -> object:
            return services.children.children(search=text, limit=SHOWN_AT_ONCE + 1)

        for word in typed_names(services, ctx.runs):
            page.search.clear()
            page.run_search()
            QApplication.processEvents()
            for prefix in (word[:i] for i in range(1, len(word) + 1)):
                result.samples += timed(lambda prefix=prefix: _keystroke(page, prefix), 1)
                result.baseline_samples += timed(lambda prefix=prefix: search(prefix), 1)
        result.note = (f"page opened in {loaded_ms:.0f} ms holding {held} rows "
                       f"(“{status}”); worst keystroke {max(result.samples):.1f} ms; "
                       "the query runs once typing pauses 150 ms, here forced after every letter")
        page.close()
        page.deleteLater()
        return [result]
    finally:
        services.close()
