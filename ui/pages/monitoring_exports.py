"""Monitoring exports from the window: the yearly report PDF (rendered off the GUI thread) and
the board's figures (JSON, all locations, counts only)."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from knooppunt.services import Services

from .. import messages
from ..background_op import run_op_in_background
from ..hub import SignalHub
from ..operations import run_op

log = logging.getLogger(__name__)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "locatie"


class MonitoringExports(QObject):
    finished = Signal(str)  # a status line ("" after a failure)

    def __init__(self, *, services: Services, hub: SignalHub, page: QWidget) -> None:
        super().__init__(page)
        self._services, self._hub = services, hub
        self._page = page
        self.rendering = False

    def report(self, location_id: int | None, school_year: str | None) -> None:
        if location_id is None or school_year is None or self.rendering:
            return
        name = self._services.locations.location(location_id).name
        path = messages.choose_save_file(self._page, "Jaarrapport monitoring opslaan",
                                         Path.home() / f"monitoring-{_slug(name)}-{school_year}.pdf", "PDF (*.pdf)")
        if path is None:
            return
        job = run_op(lambda: self._services.monitoring.report_job(location_id, school_year), hub=None,
                     parent=self._page)
        if job is None:
            return
        self.rendering = True
        run_op_in_background(job, lambda pdf: self._services.monitoring.save_report(location_id, school_year, path, pdf),
                             hub=self._hub, parent=self._page, initiator=self._page,
                             progress=f"Het jaarrapport {school_year} wordt gemaakt…",
                             on_done=lambda _result: self._on_done(f"Jaarrapport opgeslagen: {path}"),
                             on_refused=lambda: self._on_done(""))

    def _on_done(self, status: str) -> None:
        self.rendering = False
        self.finished.emit(status)

    def board(self, school_year: str | None) -> None:
        if school_year is None:
            return
        path = messages.choose_save_file(self._page, "Cijfers voor het bestuur opslaan",
                                         Path.home() / f"monitoring-bestuur-{school_year}.json", "JSON (*.json)")
        if path is None:
            return
        count = run_op(lambda: self._services.monitoring.export_board(school_year, path), hub=None,
                       parent=self._page)
        if count is None:
            return
        messages.inform(self._page, "Cijfers voor het bestuur",
                        f"De cijfers van {count} {'locatie' if count == 1 else 'locaties'} over schooljaar "
                        f"{school_year} staan in {path}.\n\nAlleen aantallen, zonder namen, geboortedata of vrije "
                        "tekst; aantallen van 1 tot en met 4 staan er als ‘<5’.")
        self.finished.emit(f"Cijfers voor het bestuur opgeslagen: {path}")
