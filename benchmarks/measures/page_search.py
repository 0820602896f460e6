"""Typing in the Kinderen page's search field, as the UI does it today: the page holds every
child and a filter proxy filters them per keystroke (including the repaint). The baseline is
the service search with a limit, the way search-as-you-type could ask the database instead."""

from __future__ import annotations

import time

from . import Context, Result, Target, open_services, qt_application, timed
from .search import SEARCH_LIMIT, child_search, typed_names


def _keystroke(page, text: str) -> None:
    from PySide6.QtWidgets import QApplication

    page.search.setText(text)
    QApplication.processEvents()


def measure(ctx: Context) -> list[Result]:
    from PySide6.QtWidgets import QApplication

    from ui.hub import SignalHub
    from ui.pages.children_page import ChildrenPage

    _app = qt_application()
    services = open_services(ctx)
    try:
        started = time.perf_counter()
        page = ChildrenPage(services=services, hub=SignalHub())
        page.resize(1000, 700)
        page.show()
        QApplication.processEvents()
        loaded_ms = (time.perf_counter() - started) * 1000
        result = Result("filter Kinderen page, per keystroke", "ms", f"service search, limit {SEARCH_LIMIT}",
                        Target(20, "value", "ms"))
        search = child_search(services)
        for word in typed_names(services, ctx.runs):
            page.search.clear()
            QApplication.processEvents()
            for prefix in (word[:i] for i in range(1, len(word) + 1)):
                result.samples += timed(lambda: _keystroke(page, prefix), 1)
                result.baseline_samples += timed(lambda: search(prefix), 1)
        result.note = (f"page filters {page.table.source.rowCount()} loaded children (loading them took "
                       f"{loaded_ms:.0f} ms); worst keystroke {max(result.samples):.1f} ms")
        page.close()
        page.deleteLater()
        return [result]
    finally:
        services.close()
