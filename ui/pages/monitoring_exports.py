"""Monitoring exports from the window: the yearly report PDF (rendered off the GUI thread) and
the board's figures (JSON, all locations, counts only)."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from knooppunt.errors import KnooppuntError
from knooppunt.services import Services

from .. import messages
from ..background_task import run_in_background

log = logging.getLogger(__name__)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "locatie"


class MonitoringExports(QObject):
    finished = Signal(str)  # a status line ("" after a failure)

    def __init__(self, *, services: Services, page: QWidget) -> None:
        super().__init__(page)
        self._services = services
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
        try:
            job = self._services.monitoring.report_job(location_id, school_year)
        except KnooppuntError as exc:
            messages.show_error(self._page, exc)
            return
        self.rendering = True
        run_in_background(job, on_success=lambda pdf: self._on_rendered(location_id, school_year, path, pdf),
                          on_failure=self._on_failed, owner=self)

    def _on_rendered(self, location_id: int, school_year: str, path: Path, pdf: bytes) -> None:
        self.rendering = False
        try:
            self._services.monitoring.save_report(location_id, school_year, path, pdf)
        except KnooppuntError as exc:
            messages.show_error(self._page, exc)
            self.finished.emit("")
            return
        self.finished.emit(f"Jaarrapport opgeslagen: {path}")

    def _on_failed(self, exc: Exception) -> None:
        self.rendering = False
        self.finished.emit("")
        if not isinstance(exc, KnooppuntError):
            log.error("Monitoring report failed", exc_info=exc)
            raise exc
        messages.show_error(self._page, exc)

    def board(self, school_year: str | None) -> None:
        if school_year is None:
            return
        path = messages.choose_save_file(self._page, "Cijfers voor het bestuur opslaan",
                                         Path.home() / f"monitoring-bestuur-{school_year}.json", "JSON (*.json)")
        if path is None:
            return
        try:
            count = self._services.monitoring.export_board(school_year, path)
        except KnooppuntError as exc:
            messages.show_error(self._page, exc)
            return
        messages.inform(self._page, "Cijfers voor het bestuur",
                        f"De cijfers van {count} {'locatie' if count == 1 else 'locaties'} over schooljaar "
                        f"{school_year} staan in {path}.\n\nAlleen aantallen, zonder namen, geboortedata of vrije "
                        "tekst; aantallen van 1 tot en met 4 staan er als ‘<5’.")
        self.finished.emit(f"Cijfers voor het bestuur opgeslagen: {path}")
