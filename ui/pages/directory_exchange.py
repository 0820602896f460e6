"""Import and export of a location's directory from the page: files, preview, background work."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from knooppunt.errors import KnooppuntError
from knooppunt.services import Change, Services
from knooppunt.services.directory.partners import ImportPlan

from .. import messages
from ..background_op import run_op_in_background
from ..dialogs.import_preview_dialog import ImportPreviewDialog
from ..hub import SignalHub
from ..modal import open_modal
from ..operations import try_op

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
            if try_op(lambda: self._services.directory.export(location_id, path, fmt), hub=self._hub,
                      parent=self._page, initiator=self._page):
                self.finished.emit(f"Opgeslagen: {path}")
            return
        # The PDF is rendered off the GUI thread; reading and the audit entry stay on it.
        views = self._services.locations.partners(location_id)
        today, actor = self._services.now().date(), self._services.actor
        self.busy.emit("Contactlijst wordt gemaakt…")
        run_op_in_background(
            lambda: _contact_list_pdf(location, views, today=today, made_by=actor),
            lambda pdf: self._services.directory.save_rendered(location_id, path, pdf, "pdf"),
            hub=self._hub, parent=self._page, initiator=self._page, progress="De contactlijst wordt gemaakt…",
            on_done=lambda _result: self.finished.emit(f"Contactlijst opgeslagen: {path}"),
            on_refused=lambda: self.finished.emit(""))

    # Import ----------------------------------------------------------------------------------
    def start_import(self, location_name: str | None) -> None:
        """CSV into ``location_name``; a directory file names its own location."""
        path = messages.choose_open_file(
            self._page, "Adresboek importeren",
            "Adresboek (*.csv *.json *.txt);;CSV (*.csv *.txt);;Knooppunt-adresboek (*.json);;Alle bestanden (*)")
        if path is None:
            return
        self.busy.emit(f"{path.name} wordt gelezen en gecontroleerd…")
        directory = self._services.directory
        run_op_in_background(lambda: directory.read(path), lambda data: self._plan(location_name, data),
                             hub=None, parent=self._page, title="Niet ingelezen",
                             progress=f"{path.name} wordt gelezen en gecontroleerd…",
                             on_done=self._on_planned, on_refused=lambda: self.finished.emit(""))

    def _plan(self, location_name: str | None, data) -> ImportPlan:
        target = data.location.name if data.location is not None else location_name
        if not target:
            raise KnooppuntError("Kies eerst links de locatie waarin u wilt importeren.")
        return self._services.directory.plan_import(target, data)

    def _on_planned(self, plan: ImportPlan) -> None:
        self.finished.emit("")
        self.preview = ImportPreviewDialog(plan=plan, apply=self._apply, parent=self._page)
        open_modal(self.preview, hub=self._hub, initiator=self._page)

    def _apply(self, plan: ImportPlan) -> Change:
        change = self._services.directory.apply_import(plan)
        self.finished.emit(f"Geïmporteerd: {plan.summary}")
        return change


def _contact_list_pdf(*args, **kwargs) -> bytes:
    # ReportLab is imported when the first list is made (on the worker thread), not at start-up.
    from knooppunt.directory.contact_list import contact_list_pdf

    return contact_list_pdf(*args, **kwargs)
