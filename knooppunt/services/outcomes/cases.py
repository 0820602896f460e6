"""The case (casus): signal, hulpvraag, regie and its phases, every step kept as a case event."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ...domain.children import Case
from ...domain.enums import CasePhase, ClosingReason
from ...domain.limits import NAME_MAX, TEXT_MAX, check_fields, check_length
from ...errors import KnooppuntError, ValidationError
from ...storage import Store
from ..changes import Change, Entity

SIGNAL_SOURCES = ("leerkracht", "intern begeleider", "ouder", "kind zelf", "kernpartner", "anders")


class EventKind:
    """Kinds of case events (stored as text in ``case_event.kind``)."""

    OPENED = "geopend"
    PHASE = "fase"
    CLOSED = "afgesloten"
    REOPENED = "heropend"
    REGIE = "regie"


@dataclass(frozen=True)
class CaseEvent:
    id: int | None
    case_id: int
    on_date: date
    kind: str
    note: str = ""


class CaseService:
    def __init__(self, store: Store) -> None:
        self._store = store

    # Reads ---------------------------------------------------------------------------------
    def case(self, case_id: int) -> Case:
        return self._store.get(Case, "child_case", case_id)

    def cases(self, child_id: int) -> list[Case]:
        return self._store.select(Case, "child_case", "child_id = ?", [child_id], order_by="id")

    def current(self, child_id: int) -> Case | None:
        """The case that is still running (not closed), if any."""
        cases = [c for c in self.cases(child_id) if c.phase != CasePhase.CLOSED]
        return cases[-1] if cases else None

    def events(self, case_id: int) -> list[CaseEvent]:
        return self._store.select(CaseEvent, "case_event", "case_id = ?", [case_id], order_by="on_date, id")

    # Writes --------------------------------------------------------------------------------
    def open_case(self, case: Case) -> tuple[Case, Change]:
        """Open a case from a signal; a child has at most one running case."""
        case = self._checked(case)
        if self.current(case.child_id):
            raise ValidationError("signal_date", "Dit kind heeft al een lopende casus. Werk die bij of sluit hem eerst af.")
        case = replace(case, id=None, phase=CasePhase.START, closed_on=None, closing_reason=None)
        with self._store.unit_of_work() as uow:
            case_id = uow.insert("child_case", case)
            uow.insert("case_event", CaseEvent(None, case_id, case.signal_date, EventKind.OPENED,
                                               f"Signaal van {case.signal_source}"))
            uow.audit("casus geopend", "child_case", case_id)
        return replace(case, id=case_id), Change.created(Entity.CASE, case_id)

    def update_case(self, case: Case) -> Change:
        """Change the texts of a case (hulpvraag, wat gaat goed, zorgen, regie); phase has its own steps."""
        assert case.id is not None
        old = self.case(case.id)
        case = self._checked(case)
        assert case.id is not None
        values = {k: getattr(case, k) for k in ("signal_date", "signal_source", "signal_by", "hulpvraag",
                                                "strengths", "concerns", "regie_holder")}
        with self._store.unit_of_work() as uow:
            uow.update("child_case", case.id, values)
            if old.regie_holder != case.regie_holder and old.regie_holder:
                uow.insert("case_event", CaseEvent(None, case.id, self._today(), EventKind.REGIE,
                                                   f"Regie: {old.regie_holder} → {case.regie_holder or '—'}"))
            uow.audit("casus gewijzigd", "child_case", case.id, "")
        return Change.updated(Entity.CASE, case.id)

    def start_execution(self, case_id: int, on: date, note: str = "") -> Change:
        """start → uitvoering: the agreements run."""
        case = self.case(case_id)
        if case.phase != CasePhase.START:
            raise KnooppuntError(f"De casus is in fase ‘{case.phase.label}’; alleen vanuit ‘Start’ naar ‘Uitvoering’.")
        self._check_date(case, on)
        return self._step(case, {"phase": CasePhase.EXECUTION}, on, EventKind.PHASE,
                          _join("Fase: uitvoering", note), "casus naar uitvoering")

    def close_case(self, case_id: int, on: date, reason: ClosingReason, note: str = "", regie_holder: str = "") -> Change:
        """Close (afsluiten): solved, or external help in place and regie handed over."""
        case = self.case(case_id)
        if case.phase == CasePhase.CLOSED:
            raise KnooppuntError("Deze casus is al afgesloten.")
        self._check_date(case, on)
        reason = ClosingReason(reason)
        values = {"phase": CasePhase.CLOSED, "closed_on": on, "closing_reason": reason}
        if reason == ClosingReason.HANDED_OVER:
            if not regie_holder.strip():
                raise ValidationError("regie_holder", "Vul in aan wie de regie is overgedragen.")
            values["regie_holder"] = regie_holder.strip()
        return self._step(case, values, on, EventKind.CLOSED, _join(reason.label, note), "casus afgesloten")

    def reopen_case(self, case_id: int, on: date, note: str) -> Change:
        case = self.case(case_id)
        if case.phase != CasePhase.CLOSED:
            raise KnooppuntError("Alleen een afgesloten casus kan heropend worden.")
        if self.current(case.child_id):
            raise KnooppuntError("Dit kind heeft al een andere lopende casus.")
        if not note.strip():
            raise ValidationError("note", "Noteer waarom de casus heropend wordt.")
        self._check_date(case, on, after=case.closed_on)
        values = {"phase": CasePhase.EXECUTION, "closed_on": None, "closing_reason": None}
        return self._step(case, values, on, EventKind.REOPENED, note.strip(), "casus heropend")

    # Helpers -------------------------------------------------------------------------------
    def _step(self, case: Case, values: dict[str, Any], on: date, kind: str, note: str, action: str) -> Change:
        assert case.id is not None
        check_length("note", note, TEXT_MAX, "De toelichting")
        with self._store.unit_of_work() as uow:
            uow.update("child_case", case.id, values)
            uow.insert("case_event", CaseEvent(None, case.id, on, kind, note))
            uow.audit(action, "child_case", case.id)
        return Change.updated(Entity.CASE, case.id)

    def _today(self) -> date:
        return self._store.now().date()

    def _check_date(self, case: Case, on: date, *, after: date | None = None) -> None:
        if on > self._today():
            raise ValidationError("on", "Deze datum ligt in de toekomst; leg een stap vast als hij gezet is.")
        if on < (after or case.signal_date):
            raise ValidationError("on", f"Deze datum ligt vóór {(after or case.signal_date):%d-%m-%Y}.")

    def checked(self, case: Case) -> Case:
        """The case's texts trimmed and its dates checked (``ValidationError`` otherwise)."""
        return self._checked(case)

    def _checked(self, case: Case) -> Case:
        check_fields(case, {"signal_source": (NAME_MAX, "Wie het signaal gaf"), "signal_by": (NAME_MAX, "Door wie"),
                            "hulpvraag": (TEXT_MAX, "De hulpvraag"), "strengths": (TEXT_MAX, "Wat goed gaat"),
                            "concerns": (TEXT_MAX, "De zorgen"), "regie_holder": (NAME_MAX, "De regiehouder")})
        source = case.signal_source.strip()
        if not source:
            raise ValidationError("signal_source", "Vul in wie het signaal gaf (leerkracht, IB'er, ouder, partner, …).")
        if case.signal_date > self._today():
            raise ValidationError("signal_date", "De datum van het signaal ligt in de toekomst.")
        born = self._store.scalar("SELECT date_of_birth FROM child WHERE id = ?", [case.child_id])
        if born is None:
            raise KnooppuntError("Dit kind bestaat niet (meer).")
        if case.signal_date < date.fromisoformat(born):
            raise ValidationError("signal_date", "De datum van het signaal ligt vóór de geboortedatum.")
        return replace(case, signal_source=source, signal_by=case.signal_by.strip(), hulpvraag=case.hulpvraag.strip(),
                       strengths=case.strengths.strip(), concerns=case.concerns.strip(),
                       regie_holder=case.regie_holder.strip())


def _join(head: str, note: str) -> str:
    return f"{head}. {note.strip()}" if note.strip() else head
