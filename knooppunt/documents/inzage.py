"""Inzage voor ouders (AVG art. 15): a readable PDF and a versioned JSON of everything recorded
about one child, written atomically and audited. Internal notes are included; the chair may
withhold a note only with a recorded reason (art. 15(4)), and the export lists what was withheld."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..dates import dutch_date
from ..domain.enums import CasePhase, OwnerKind, Position
from ..errors import ValidationError
from ..exports import ExportFailed, ExportFile, reason
from ..storage import Store
from ..storage.store import UnitOfWork
from .inzage_data import collect
from .read_model import DocumentReader
from .render import TemplateRenderer

TEMPLATE = "inzage.rml.j2"


@dataclass(frozen=True)
class InternalNote:
    """An internal note the chair reviews before the export (and may withhold)."""

    note_id: int
    meeting_date: str
    agenda_item: str
    text: str


@dataclass(frozen=True)
class InzageFiles:
    pdf: Path
    json: Path
    withheld: int


class InzageService:
    def __init__(self, store: Store, renderer: TemplateRenderer) -> None:
        self._store = store
        self._renderer = renderer

    def internal_notes(self, child_id: int) -> list[InternalNote]:
        rows = self._store.query(
            "SELECT n.id, m.date, i.title, n.text FROM note n JOIN agenda_item i ON i.id = n.agenda_item_id "
            "JOIN discussion d ON d.id = i.discussion_id JOIN meeting m ON m.id = d.meeting_id "
            "WHERE d.child_id = ? AND n.visibility = 'intern' AND trim(n.text) != '' ORDER BY m.date, i.position, n.id",
            [child_id])
        return [InternalNote(int(r["id"]), r["date"], r["title"], r["text"]) for r in rows]

    def data(self, child_id: int, withheld: Mapping[int, str] | None = None) -> dict[str, Any]:
        withheld = self._checked(child_id, withheld or {})
        data = collect(self._store, child_id, withheld)
        data["made_at"] = self._store.now().isoformat(timespec="seconds")
        data["made_by"] = self._store.actor
        return data

    def pdf(self, data: Mapping[str, Any]) -> bytes:
        location_id = int(self._store.scalar("SELECT location_id FROM child WHERE id = ?", [data["child"]["id"]]))
        child = data["child"]
        name = f"{child['first_name']} {child['last_name']}".strip()
        context = {
            "d": data, "location": DocumentReader(self._store).location(location_id),
            "titel": f"Inzage in het dossier van {name}", "onderwerp": f"Inzage – {name}",
            "documentdatum": self._store.now().date(), "concept": False, "vastgesteld": None,
            "paginalabel": "", "aanvulling_op": None, "naam": name,
            "positie": lambda code: Position(code).label, "eigenaar": lambda code: OwnerKind(code).label,
            "fase": lambda code: CasePhase(code).label, "dag": _day,
        }
        return self._renderer.render_template(TEMPLATE, context, location_id=location_id)

    def export(self, child_id: int, folder: Path, withheld: Mapping[int, str] | None = None) -> InzageFiles:
        """Write ``inzage-kind-<id>-<datum>.pdf`` and ``.json`` into ``folder``: both or neither, in the
        unit of work that records the export, the withheld passages and the audit entry."""
        data = self.data(child_id, withheld)
        pdf = self.pdf(data)
        raw = json.dumps(data, ensure_ascii=False, indent=2, default=str).encode("utf-8")
        stem = f"inzage-kind-{child_id}-{self._store.now():%Y-%m-%d}"
        pdf_path, json_path = Path(folder) / f"{stem}.pdf", Path(folder) / f"{stem}.json"
        files = [ExportFile(pdf_path), ExportFile(json_path)]
        try:
            for file, content in zip(files, (pdf, raw), strict=True):
                file.file.write(content)
                file.finish_writing()
            with self._store.unit_of_work() as uow:
                self._record(uow, child_id, data, pdf, raw)
                files[0].place()
                try:
                    files[1].place()
                except OSError:
                    pdf_path.unlink(missing_ok=True)  # both or neither
                    raise
        except OSError as exc:
            raise ExportFailed(json_path, reason(exc)) from exc
        finally:
            for file in files:
                file.discard()
        return InzageFiles(pdf_path, json_path, len(data["withheld"]))

    def _record(self, uow: UnitOfWork, child_id: int, data: Mapping[str, Any], pdf: bytes, raw: bytes) -> None:
        export_id = uow.insert("inzage_export", {
            "child_id": child_id, "made_at": data["made_at"], "made_by": data["made_by"],
            "pdf_sha256": hashlib.sha256(pdf).hexdigest(), "json_sha256": hashlib.sha256(raw).hexdigest()})
        for w in data["withheld"]:
            uow.insert("inzage_withholding", {"export_id": export_id, "note_id": w["note_id"], "reason": w["reason"]})
        # No file name and no reason text in the log: both may name the child or others.
        uow.audit("inzage gemaakt", "child", child_id,
                  f"PDF en JSON, export {export_id}, {len(data['withheld'])} passage(s) niet verstrekt")

    def _checked(self, child_id: int, withheld: Mapping[int, str]) -> dict[int, str]:
        own = set(self._store.column(
            "SELECT n.id FROM note n JOIN agenda_item i ON i.id = n.agenda_item_id "
            "JOIN discussion d ON d.id = i.discussion_id WHERE d.child_id = ?", [child_id]))
        out = {}
        for note_id, why in withheld.items():
            if note_id not in own:
                raise ValidationError("withheld", "Die notitie hoort niet bij dit kind.")
            if not why.strip():
                raise ValidationError("withheld", "Noteer waarom deze passage niet wordt verstrekt "
                                                  "(bijvoorbeeld: gaat over een ander, AVG art. 15 lid 4).")
            out[int(note_id)] = why.strip()
        return out


def _day(value: str | None) -> str:
    """An ISO date or date-time from the data as a Dutch date (``10 november 2026``)."""
    return dutch_date(date.fromisoformat(str(value)[:10]), "long") if value else ""
