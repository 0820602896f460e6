"""Parents' requests under the AVG: correction (art. 16), removal (art. 17) and objection
(bezwaar, art. 21, against a case). Each is recorded as such — who asked, when, what — with the
decision on it. Carrying one out:

- data that is simply wrong (a misspelt name, a wrong date of birth) is *corrected*: the record
  gets the new value and a ``correction`` row keeps the old one. The audit entry points to that
  row (``correction <id>``) and names only the field: the audit log never holds a name, and the
  old value goes with the child when it is erased;
- anything else (a note, a decision the parents see differently) gets an *aanvulling* on the
  finalised discussion (``RecordService.add_addendum``): the original stays as it was;
- removal of everything is an erasure (``ErasureService``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from ...errors import KnooppuntError, NotFound, ValidationError
from ...storage import Store
from ..changes import Change, Entity


class RequestKind(StrEnum):
    CORRECTION = "correctie"
    REMOVAL = "verwijdering"
    OBJECTION = "bezwaar"


class RequestDecision(StrEnum):
    GRANTED = "toegewezen"
    PARTLY = "deels"
    REFUSED = "afgewezen"


@dataclass(frozen=True)
class AvgRequest:
    id: int
    child_id: int
    kind: RequestKind
    case_id: int | None
    requested_by: str
    requested_on: date
    about: str
    decision: RequestDecision | None
    decision_note: str
    decided_on: date | None
    decided_by: str
    recorded_by: str


# What may be corrected in place: (table, field) -> how the child is found from the record.
CORRECTABLE: dict[tuple[str, str], str] = {
    **{("child", f): "SELECT id FROM child WHERE id = ?" for f in
       ("first_name", "last_name", "date_of_birth", "group_name", "start_date")},
    **{("guardian", f): "SELECT child_id FROM guardian WHERE id = ?" for f in
       ("name", "relation", "phone", "email", "address", "preferred_language")},
}


def _request(row: dict[str, Any]) -> AvgRequest:
    return AvgRequest(
        row["id"], row["child_id"], RequestKind(row["kind"]), row["case_id"], row["requested_by"],
        date.fromisoformat(row["requested_on"]), row["about"],
        RequestDecision(row["decision"]) if row["decision"] else None, row["decision_note"],
        date.fromisoformat(row["decided_on"]) if row["decided_on"] else None, row["decided_by"], row["recorded_by"])


class RequestService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def requests(self, child_id: int) -> list[AvgRequest]:
        return [_request(r) for r in self._store.query(
            "SELECT * FROM avg_request WHERE child_id = ? ORDER BY requested_on, id", [child_id])]

    def request(self, request_id: int) -> AvgRequest:
        rows = self._store.query("SELECT * FROM avg_request WHERE id = ?", [request_id])
        if not rows:
            raise NotFound("Dit verzoek bestaat niet (meer).")
        return _request(rows[0])

    def record(self, child_id: int, kind: RequestKind | str, requested_by: str, requested_on: date, about: str,
               *, case_id: int | None = None) -> tuple[AvgRequest, Change]:
        """Record a request as it was made: who asked, when, and what (in their words)."""
        kind = RequestKind(kind)
        if not requested_by.strip():
            raise ValidationError("requested_by", "Wie doet het verzoek?")
        if not about.strip():
            raise ValidationError("about", "Schrijf op wat er gevraagd wordt.")
        if requested_on > self._store.now().date():
            raise ValidationError("requested_on", "Een verzoek kan niet in de toekomst zijn gedaan.")
        if kind == RequestKind.OBJECTION:
            owner = self._store.scalar("SELECT child_id FROM child_case WHERE id = ?", [case_id])
            if owner != child_id:
                raise ValidationError("case_id", "Kies de casus waartegen bezwaar wordt gemaakt.")
        with self._store.unit_of_work() as uow:
            request_id = uow.insert("avg_request", {
                "child_id": child_id, "kind": kind.value, "case_id": case_id, "requested_by": requested_by.strip(),
                "requested_on": requested_on, "about": about.strip(), "recorded_by": self._store.actor})
            uow.audit("verzoek vastgelegd", "avg_request", request_id, kind.value)
        return self.request(request_id), Change.created(Entity.AVG_REQUEST, request_id)

    def decide(self, request_id: int, decision: RequestDecision | str, note: str, on: date) -> Change:
        """The decision on a request, with its motivation (required when not simply granted)."""
        decision = RequestDecision(decision)
        request = self.request(request_id)
        if request.decision is not None:
            raise KnooppuntError("Over dit verzoek is al beslist.")
        if decision != RequestDecision.GRANTED and not note.strip():
            raise ValidationError("decision_note", "Leg uit waarom het verzoek (deels) wordt afgewezen.")
        if on < request.requested_on:
            raise ValidationError("decided_on", "De beslissing kan niet vóór het verzoek liggen.")
        with self._store.unit_of_work() as uow:
            uow.update("avg_request", request_id, {"decision": decision.value, "decision_note": note.strip(),
                                                   "decided_on": on, "decided_by": self._store.actor})
            uow.audit("verzoek beslist", "avg_request", request_id, decision.value)
        return Change.updated(Entity.AVG_REQUEST, request_id)

    def correct(self, request_id: int, table: str, record_id: int, field: str, new_value: str) -> Change:
        """Carry out a granted correction: new value in the record, old value kept in ``correction``."""
        request = self.request(request_id)
        if request.kind != RequestKind.CORRECTION or request.decision not in (
                RequestDecision.GRANTED, RequestDecision.PARTLY):
            raise KnooppuntError("Alleen een toegewezen verzoek om correctie kan worden uitgevoerd.")
        owner_sql = CORRECTABLE.get((table, field))
        if owner_sql is None:
            raise ValidationError("field", "Dit gegeven kan niet worden gecorrigeerd; maak een aanvulling.")
        if self._store.scalar(owner_sql, [record_id]) != request.child_id:
            raise ValidationError("record_id", "Dit gegeven hoort niet bij het kind van het verzoek.")
        old = self._store.scalar(f'SELECT "{field}" FROM "{table}" WHERE id = ?', [record_id])
        value = new_value.strip()
        if field in ("date_of_birth", "start_date"):
            try:
                value = date.fromisoformat(value).isoformat()
            except ValueError as exc:
                raise ValidationError("new_value", "Geef de datum als JJJJ-MM-DD.") from exc
        if not value and field in ("first_name", "last_name", "name", "date_of_birth"):
            raise ValidationError("new_value", "Dit gegeven mag niet leeg zijn.")
        if value == (old or ""):
            raise ValidationError("new_value", "De nieuwe waarde is gelijk aan de oude.")
        with self._store.unit_of_work() as uow:
            uow.update(table, record_id, {field: value})
            correction_id = uow.insert("correction", {
                "child_id": request.child_id, "request_id": request_id, "table_name": table, "record_id": record_id,
                "field": field, "old_value": old or "", "new_value": value,
                "corrected_at": self._store.now().isoformat(timespec="seconds"), "corrected_by": self._store.actor})
            uow.audit("gegevens gecorrigeerd", "correction", correction_id, f"{table} {record_id}: {field}")
        return Change.updated(Entity.CHILD if table == "child" else Entity.GUARDIAN, record_id)

    def corrections(self, child_id: int) -> list[dict[str, Any]]:
        return self._store.query("SELECT * FROM correction WHERE child_id = ? ORDER BY id", [child_id])
