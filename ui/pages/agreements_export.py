"""Export of the Afspraken overview to CSV, in steps with a progress dialog (window stays responsive)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from knooppunt.errors import KnooppuntError
from knooppunt.services.outcomes.agreement_overview import AgreementFilter, CsvExport

from .. import messages
from ..operations import run_op


class CsvExportRunner(QObject):
    finished = Signal(object)  # the Path written, or None when cancelled/failed

    def __init__(self, overview, parent: QWidget) -> None:
        super().__init__(parent)
        self._overview = overview
        self._parent = parent
        self._export: CsvExport | None = None
        self._progress: QProgressDialog | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def running(self) -> bool:
        return self._export is not None

    def start(self, f: AgreementFilter, location_name: str) -> None:
        if self.running:
            return
        slug = re.sub(r"[^A-Za-z0-9]+", "-", location_name).strip("-").lower() or "afspraken"
        path = messages.choose_save_file(self._parent, "Afspraken exporteren", Path.home() / f"afspraken-{slug}.csv",
                                         "CSV-bestand (*.csv)")
        if path is None:
            return
        self._export = run_op(lambda: CsvExport(self._overview, f, path), hub=None, parent=self._parent)
        if self._export is None:
            return
        self._progress = QProgressDialog("Afspraken exporteren…", "Afbreken", 0, max(self._export.total, 1),
                                         self._parent)
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(400)
        self._progress.canceled.connect(self._on_progress_canceled)
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        export = self._export
        try:
            finished = export.step()
        except KnooppuntError as exc:
            self._stop()
            export.cancel()
            messages.show_error(self._parent, exc)
            self.finished.emit(None)
            return
        self._progress.setValue(export.done)
        if finished:
            self._stop()
            messages.inform(self._parent, "Afspraken geëxporteerd",
                            f"{export.total} afspraken opgeslagen in {export.path}.")
            self.finished.emit(export.path)

    def _on_progress_canceled(self) -> None:
        if self._export is not None:
            export = self._export
            self._stop()
            export.cancel()
            self.finished.emit(None)

    def _stop(self) -> None:
        self._timer.stop()
        self._export = None
        if self._progress is not None:
            self._progress.canceled.disconnect(self._on_progress_canceled)
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
