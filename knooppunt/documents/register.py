"""Verwerkingsregister (AVG art. 30) per location, as PDF or CSV, written atomically and audited."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import KnooppuntError
from ..exports import write_export
from ..storage import Store
from .read_model import DocumentReader
from .register_data import RegisterRow, register_rows
from .render import TemplateRenderer

TEMPLATE = "verwerkingsregister.rml.j2"
CSV_HEADER = ("Onderdeel", "Onderwerp", "Omschrijving")


class RegisterService:
    def __init__(self, store: Store, renderer: TemplateRenderer) -> None:
        self._store = store
        self._renderer = renderer

    def rows(self, location_id: int) -> list[RegisterRow]:
        return register_rows(self._store, location_id)

    def csv_bytes(self, location_id: int) -> bytes:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(CSV_HEADER)
        writer.writerows((r.section, r.item, r.description) for r in self.rows(location_id))
        return buffer.getvalue().encode("utf-8-sig")  # Excel opens UTF-8 with a BOM

    def pdf(self, location_id: int) -> bytes:
        location = DocumentReader(self._store).location(location_id)
        sections: dict[str, list[RegisterRow]] = {}
        for row in self.rows(location_id):
            sections.setdefault(row.section, []).append(row)
        context = {"location": location, "secties": sections, "titel": f"Verwerkingsregister {location.name}",
                   "onderwerp": "Verwerkingsregister", "documentdatum": self._store.now().date(),
                   "concept": False, "vastgesteld": None, "paginalabel": "", "aanvulling_op": None}
        return self._renderer.render_template(TEMPLATE, context, location_id=location_id)

    def save(self, location_id: int, path: Path) -> None:
        """``.pdf`` or ``.csv`` by the file's suffix; all or nothing, with an audit entry."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix not in (".pdf", ".csv"):
            raise KnooppuntError("Kies een bestandsnaam die eindigt op .pdf of .csv.")
        data = self.pdf(location_id) if suffix == ".pdf" else self.csv_bytes(location_id)
        write_export(self._store, path, data, action="verwerkingsregister opgeslagen", table="location",
                     record_id=location_id, detail=suffix.lstrip("."))
