"""Aanmelding (melden, onderzoeken en kennismaken): a child is brought in with the signal, the
question and the parents' consent — or the step to obtain it. The list of aanmeldingen shows who
is waiting, how long, and what is still missing; planning takes children from there."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ...domain.children import Case
from ...domain.cycle import Intake
from ...domain.enums import CasePhase
from ...errors import IntakeMissing, ValidationError
from ...storage import Store
from ..changes import Change, Entity
from ..outcomes.cases import CaseEvent, CaseService, EventKind
from .consent import ConsentService


@dataclass(frozen=True)
class WaitingIntake:
    """One row of the Aanmeldingen list."""

    case_id: int
    child_id: int
    child_name: str
    group_name: str
    location_id: int
    registered_on: date
    days_waiting: int
    missing: tuple[str, ...]
    planned_on: date | None
    over_norm: bool

    @property
    def complete(self) -> bool:
        return not self.missing


class IntakeService:
    def __init__(self, store: Store, cases: CaseService, consent: ConsentService) -> None:
        self._store = store
        self._cases = cases
        self._consent = consent

    def register(self, case: Case, *, noticed: str, parents_words: str = "",
                 parents_spoken: bool = False) -> tuple[Case, Change]:
        """Aanmelden: opens the case with its intake in one step (a child has one running case)."""
        if not noticed.strip():
            raise ValidationError("noticed", "Beschrijf wat er is opgevallen (wie zag wat, wanneer).")
        case = self._cases.checked(case)
        if self._cases.current(case.child_id):
            raise ValidationError("signal_date", "Dit kind heeft al een lopende casus (aanmelding).")
        today = self._store.now().date()
        case = replace(case, id=None, phase=CasePhase.START, closed_on=None, closing_reason=None)
        with self._store.unit_of_work() as uow:
            case_id = uow.insert("child_case", case)
            uow.insert("case_event", CaseEvent(None, case_id, case.signal_date, EventKind.OPENED,
                                               f"Aangemeld; signaal van {case.signal_source}"))
            uow.insert("case_intake", {"case_id": case_id, "noticed": noticed.strip(),
                                       "parents_words": parents_words.strip(), "parents_spoken": parents_spoken,
                                       "parents_spoken_on": today if parents_spoken else None,
                                       "registered_on": today, "registered_by": self._store.actor})
            uow.audit("kind aangemeld", "child_case", case_id)
        return replace(case, id=case_id), Change.created(Entity.CASE, case_id)

    def intake(self, case_id: int) -> Intake | None:
        rows = self._store.select(Intake, "case_intake", "case_id = ?", [case_id])
        return rows[0] if rows else None

    def update(self, case_id: int, *, noticed: str, parents_words: str, parents_spoken: bool) -> Change:
        if not noticed.strip():
            raise ValidationError("noticed", "Beschrijf wat er is opgevallen (wie zag wat, wanneer).")
        old = self.intake(case_id)
        today = self._store.now().date()
        spoken_on = (old.parents_spoken_on if old and old.parents_spoken else today) if parents_spoken else None
        values = {"noticed": noticed.strip(), "parents_words": parents_words.strip(),
                  "parents_spoken": parents_spoken, "parents_spoken_on": spoken_on}
        with self._store.unit_of_work() as uow:
            if old is None:
                uow.insert("case_intake", {"case_id": case_id, **values, "registered_on": today,
                                           "registered_by": self._store.actor})
            else:
                uow.execute("UPDATE case_intake SET noticed = ?, parents_words = ?, parents_spoken = ?, "
                            "parents_spoken_on = ? WHERE case_id = ?", [*values.values(), case_id])
            uow.audit("aanmelding gewijzigd", "child_case", case_id)
        return Change.updated(Entity.CASE, case_id)

    def require_case(self, child_id: int) -> None:
        """``IntakeMissing`` unless the child has a running case (planning takes children from here)."""
        if self._cases.current(child_id) is None:
            child = self._store.query("SELECT first_name || ' ' || last_name AS n FROM child WHERE id = ?",
                                      [child_id])
            raise IntakeMissing(child[0]["n"] if child else "Dit kind", child_id)

    def waiting(self, location_id: int | None = None, *,
                norm_days: dict[int, int] | None = None) -> list[WaitingIntake]:
        """Running cases in phase start: since when, what is missing, planned or not; longest wait first."""
        today = self._store.now().date()
        where = "cc.phase = 'start'" + (" AND c.location_id = ?" if location_id is not None else "")
        rows = self._store.query(
            "SELECT cc.id AS case_id, c.id AS child_id, c.first_name || ' ' || c.last_name AS name, c.group_name, "
            "c.location_id, coalesce(ci.registered_on, cc.signal_date) AS registered_on, ci.noticed, "
            "coalesce(ci.parents_spoken, 0) AS spoken, cc.hulpvraag, coalesce(lc.intake_norm_days, 14) AS norm, "
            "(SELECT min(m.date) FROM discussion d JOIN meeting m ON m.id = d.meeting_id WHERE d.child_id = c.id "
            " AND d.status != 'afgemeld' AND m.status != 'geannuleerd' AND m.date >= cc.signal_date) AS planned_on "
            "FROM child_case cc JOIN child c ON c.id = cc.child_id LEFT JOIN case_intake ci ON ci.case_id = cc.id "
            "LEFT JOIN location_cycle lc ON lc.location_id = c.location_id "
            f"WHERE {where} AND c.archived_on IS NULL ORDER BY registered_on, cc.id",
            [location_id] if location_id is not None else [])
        out = []
        for r in rows:
            missing = []
            if not (r["noticed"] or "").strip():
                missing.append("wat is opgevallen")
            if not r["hulpvraag"].strip():
                missing.append("de vraag")
            if not r["spoken"]:
                missing.append("ouders nog niet gesproken")
            planned = date.fromisoformat(r["planned_on"]) if r["planned_on"] else None
            if self._consent.missing(r["child_id"], planned or today):
                missing.append("toestemming")
            registered = date.fromisoformat(r["registered_on"])
            norm = (norm_days or {}).get(r["location_id"], r["norm"])
            days = (today - registered).days
            out.append(WaitingIntake(r["case_id"], r["child_id"], r["name"], r["group_name"], r["location_id"],
                                     registered, days, tuple(missing), planned, planned is None and days > norm))
        return out
