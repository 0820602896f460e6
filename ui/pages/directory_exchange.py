"""Import and export of a location's directory from the page: files, preview, background work."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from knooppunt.errors import KnooppuntError
from knooppunt.services import Services

from .. import messages
from ..background_task import run_in_background
from ..dialogs.import_preview_dialog import ImportPreviewDialog
from ..hub import SignalHub
from ..modal import open_modal

EXPORT_FORMATS = {
    "csv": ("CSV voor Excel", "CSV-bestand (*.csv)", ".csv"),
    "vcard": ("vCard voor telefoon en Outlook", "vCard (*.vcf)", ".vcf"),
    "directory": ("Adresboekbestand voor een andere laptop", "Knooppunt-adresboek (*.json)",
                  ".knooppunt-adresboek.json"),
    "pdf": ("Contactlijst afdrukken (PDF)", "PDF (*.pdf)", ".pdf"),
}


class DirectoryExchange(QObject):
    """``busy`` tells the page to show that slow work runs; ``finished`` gives a Dutch status line."""

    busy = Signal(str)
    finished = Signal(str)

    def __init__(self, *, services: Services, hub: SignalHub, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._hub = hub
        self._page = parent
        self.preview: ImportPreviewDialog | None = None

    # Export ----------------------------------------------------------------------------------
    def export(self, location_id: int, fmt: str) -> None:
        location = self._services.locations.location(location_id)
        title, filter_, suffix = EXPORT_FORMATS[fmt]
        stem = re.sub(r"[^\w\- ]", "", location.name).strip() or "locatie"
        path = messages.choose_save_file(self._page, title, Path.home() / f"Adresboek {stem}{suffix}", filter_)
        if path is None:
            return
        if fmt != "pdf":
            try:
                self._services.directory.export(location_id, path, fmt)
            except KnooppuntError as exc:
                messages.show_error(self._page, exc)
                return
            self.finished.emit(f"Opgeslagen: {path}")
            return
        # The PDF is rendered off the GUI thread; reading and the audit entry stay on it.
        views = self._services.locations.partners(location_id)
        today, actor = self._services.now().date(), self._services.actor
        self.busy.emit("Contactlijst wordt gemaakt…")
        run_in_background(
            lambda: _contact_list_pdf(location, views, today=today, made_by=actor),
            on_success=lambda pdf: self._on_pdf_rendered(location_id, path, pdf),
            on_failure=self._on_task_failed, owner=self)

    def _on_pdf_rendered(self, location_id: int, path: Path, pdf: bytes) -> None:
        try:
            self._services.directory.save_rendered(location_id, path, pdf, "pdf")
        except KnooppuntError as exc:
            messages.show_error(self._page, exc)
            self.finished.emit("")
            return
        self.finished.emit(f"Contactlijst opgeslagen: {path}")

    # Import ----------------------------------------------------------------------------------
    def start_import(self, location_name: str | None) -> None:
        """CSV into ``location_name``; a directory file names its own location."""
        path = messages.choose_open_file(
            self._page, "Adresboek importeren",
            "Adresboek (*.csv *.json *.txt);;CSV (*.csv *.txt);;Knooppunt-adresboek (*.json);;Alle bestanden (*)")
        if path is None:
            return
        self.busy.emit(f"{path.name} wordt gelezen en gecontroleerd…")
        run_in_background(lambda: self._services.directory.read(path),
                          on_success=lambda data: self._on_file_read(location_name, data),
                          on_failure=self._on_task_failed, owner=self)

    def _on_file_read(self, location_name: str | None, data) -> None:
        self.finished.emit("")
        target = data.location.name if data.location is not None else location_name
        if not target:
            messages.show_error(self._page, "Kies eerst links de locatie waarin u wilt importeren.")
            return
        try:
            plan = self._services.directory.plan_import(target, data)
        except KnooppuntError as exc:
            messages.show_error(self._page, exc, "Importeren lukte niet")
            return
        self.preview = ImportPreviewDialog(plan=plan, apply=self._apply, parent=self._page)
        open_modal(self.preview)

    def _apply(self, plan) -> None:
        change = self._services.directory.apply_import(plan)
        self._hub.publish(change)
        self.finished.emit(f"Geïmporteerd: {plan.summary}")

    def _on_task_failed(self, exc: Exception) -> None:
        self.finished.emit("")
        if isinstance(exc, KnooppuntError):
            messages.show_error(self._page, exc, "Niet ingelezen")
        else:
            raise exc


def _contact_list_pdf(*args, **kwargs) -> bytes:
    # ReportLab is imported when the first list is made (on the worker thread), not at start-up.
    from knooppunt.directory.contact_list import contact_list_pdf

    return contact_list_pdf(*args, **kwargs)
