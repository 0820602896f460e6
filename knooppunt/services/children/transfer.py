"""Transfer file (overdrachtsdossier) for the doorgaande lijn: export with consent, import as history.

The file is JSON, versioned, and holds only the case: who the child is (name, date of birth,
group), the case(s) and the timeline. No contact details of parents, no internal notes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, cast

from ... import file_values
from ...domain.child_rules import checked_child
from ...domain.children import Child
from ...domain.directory import Location
from ...domain.limits import NAME_MAX, NOTE_MAX, TEXT_MAX
from ...domain.timeline import TimelineEntry
from ...errors import KnooppuntError, TransferConsentMissing
from ...exports import write_export
from ...storage import Store
from ..changes import Change, Entity
from ..outcomes.cases import CaseService
from .children import ChildService
from .consent import ConsentService
from .timeline import TimelineService

FORMAT = "knooppunt-overdracht"
VERSION = 1
MAX_BYTES = 5_000_000
_MAX_ENTRIES = 10_000
_CASE_FIELDS = ("signal_date", "signal_source", "signal_by", "hulpvraag", "strengths", "concerns", "regie_holder",
                "phase", "closed_on", "closing_reason")


class TransferService:
    def __init__(self, store: Store, children: ChildService, consent: ConsentService, cases: CaseService,
                 timeline: TimelineService) -> None:
        self._store = store
        self._children = children
        self._consent = consent
        self._cases = cases
        self._timeline = timeline

    # Export --------------------------------------------------------------------------------
    def export_data(self, child_id: int) -> dict[str, Any]:
        """The transfer file's content; refused without an active consent for transfer today."""
        child = self._children.child(child_id)
        now = self._store.now()
        missing = self._consent.missing(child_id, now.date(), for_transfer=True)
        if missing:
            raise TransferConsentMissing(child.full_name, [m.description for m in missing])
        location = self._store.get(Location, "location", child.location_id)
        return {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": now.isoformat(),
            "source": {"location": location.name, "type": str(location.type)},
            "child": {"first_name": child.first_name, "last_name": child.last_name,
                      "date_of_birth": child.date_of_birth.isoformat(), "group_name": child.group_name},
            "cases": [{k: _plain(getattr(c, k)) for k in _CASE_FIELDS} for c in self._cases.cases(child_id)],
            "timeline": [e.to_dict() for e in self._timeline.timeline(child_id)],
        }

    def export_file(self, child_id: int, path: Path) -> Change:
        data = self.export_data(child_id)
        text = json.dumps(data, ensure_ascii=False, indent=2)
        write_export(self._store, Path(path), text.encode("utf-8"), action="overdrachtsdossier gemaakt",
                     table="child", record_id=child_id)
        return Change.updated(Entity.CHILD, child_id)

    # Import --------------------------------------------------------------------------------
    def read_file(self, path: Path) -> dict[str, Any]:
        path = Path(path)
        try:
            if path.stat().st_size > MAX_BYTES:
                raise KnooppuntError("Dit bestand is te groot voor een overdrachtsdossier.")
            data = path.read_bytes()
        except OSError as exc:
            raise KnooppuntError(f"‘{path.name}’ is geen leesbaar overdrachtsdossier.") from exc
        return parse(data, name=path.name)

    def import_file(self, path: Path, location_id: int) -> tuple[int, Change]:
        return self.import_data(self.read_file(path), location_id)

    def import_data(self, data: dict[str, Any], location_id: int) -> tuple[int, Change]:
        """Import as history at ``location_id``: the child is found (name + date of birth) or added."""
        _check_format(data)
        location = self._store.get(Location, "location", location_id)
        info = data["child"]
        child = Child(None, location_id, str(info["first_name"]), str(info["last_name"]),
                      date.fromisoformat(info["date_of_birth"]), str(info.get("group_name", "")))
        child = replace(checked_child(child, location.type, self._store.now().date()), group_name="")
        nc = self._store.sql.nocase
        existing = self._store.scalar(
            "SELECT id FROM child WHERE location_id = ? AND archived_on IS NULL AND date_of_birth = ? "
            f"AND {nc('first_name')} = {nc('?')} AND {nc('last_name')} = {nc('?')}",
            [location_id, child.date_of_birth, child.first_name, child.last_name],
        )
        payload = json.dumps(data, ensure_ascii=False, sort_keys=True)
        digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
        if existing and self._store.count("transfer_history", "child_id = ? AND sha256 = ?", [existing, digest]):
            raise KnooppuntError(f"Dit overdrachtsdossier van {child.full_name} is hier al ingelezen.")
        source = data["source"]
        with self._store.unit_of_work() as uow:
            child_id = existing or uow.insert("child", child)
            if not existing:
                uow.audit("kind aangemaakt (overdracht)", "child", child_id)
            history_id = uow.insert("transfer_history", {
                "child_id": child_id, "source_location": str(source["location"]), "source_type": str(source.get("type") or ""),
                "exported_at": str(data["exported_at"]), "imported_at": self._store.now().isoformat(),
                "imported_by": self._store.actor, "format_version": data["version"], "payload": payload,
                "sha256": digest,
            })
            uow.audit("overdrachtsdossier ingelezen", "transfer_history", history_id, str(source["location"]))
        return child_id, (Change.updated if existing else Change.created)(Entity.CHILD, child_id)


def parse(data: bytes, *, name: str = "het bestand") -> dict[str, Any]:
    """The checked content of a transfer file, or a ``KnooppuntError`` saying what is wrong."""
    try:
        content = file_values.loads(data.decode("utf-8-sig"))
    except ValueError as exc:  # not UTF-8, not JSON, nested too deep
        raise KnooppuntError(f"‘{name}’ is geen leesbaar overdrachtsdossier.") from exc
    _check_format(content)
    return cast(dict[str, Any], content)


def _check_format(data: Any) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise KnooppuntError("Dit bestand is geen overdrachtsdossier van Knooppunt.")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= VERSION:
        shown = version if isinstance(version, int) and not isinstance(version, bool) and abs(version) < 10**9 \
            else "onbekend"
        raise KnooppuntError(
            f"Dit overdrachtsdossier heeft versie {shown}; deze Knooppunt kent versie 1 tot en met {VERSION}. "
            "Werk Knooppunt bij als het dossier nieuwer is."
        )
    try:
        child, source = data["child"], data["source"]
        if not isinstance(child, dict) or not isinstance(source, dict):
            raise ValueError("Het kind of de herkomst ontbreekt.")
        for key, label in (("first_name", "De voornaam van het kind"), ("last_name", "De achternaam van het kind")):
            file_values.text(child.get(key), label, limit=NAME_MAX, required=True)
        file_values.text(child.get("group_name"), "De groep", limit=NAME_MAX)
        date.fromisoformat(file_values.text(child.get("date_of_birth"), "De geboortedatum", limit=40, required=True))
        file_values.text(source.get("location"), "De locatie van herkomst", limit=NAME_MAX, required=True)
        file_values.text(source.get("type"), "Het soort locatie van herkomst", limit=NAME_MAX)
        file_values.text(data.get("exported_at"), "Het moment van maken", limit=40, required=True)
        timeline = data.get("timeline", [])
        if not isinstance(timeline, list) or len(timeline) > _MAX_ENTRIES:
            raise ValueError(f"De tijdlijn moet een lijst van hoogstens {_MAX_ENTRIES} regels zijn.")
        for entry in timeline:
            _check_entry(entry, depth=0)
            TimelineEntry.from_dict(entry)  # exactly what the timeline will do with it later
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        detail = f" ({exc})" if isinstance(exc, ValueError) and str(exc)[:1].isupper() else ""
        raise KnooppuntError(f"Het overdrachtsdossier is onvolledig of beschadigd{detail}; er is niets ingelezen.") \
            from exc


def _check_entry(entry: Any, depth: int) -> None:
    """One timeline line: texts where texts belong; details (decisions, agreements) one level deep."""
    if not isinstance(entry, dict):
        raise ValueError("Een regel van de tijdlijn is onleesbaar.")
    date.fromisoformat(file_values.text(entry.get("day"), "De datum van een tijdlijnregel", limit=40, required=True))
    file_values.text(entry.get("kind"), "De soort van een tijdlijnregel", limit=NAME_MAX, required=True)
    file_values.text(entry.get("title"), "De titel van een tijdlijnregel", limit=TEXT_MAX)
    file_values.text(entry.get("text"), "De tekst van een tijdlijnregel", limit=NOTE_MAX)
    file_values.text(entry.get("status"), "De status van een tijdlijnregel", limit=NAME_MAX)
    file_values.text(entry.get("origin"), "De herkomst van een tijdlijnregel", limit=NAME_MAX)
    details = entry.get("details", [])
    if not isinstance(details, list) or (details and depth >= 2):
        raise ValueError("De onderdelen van een tijdlijnregel zijn onleesbaar.")
    for detail in details:
        _check_entry(detail, depth + 1)


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return None if value is None else str(value)
