"""Closing a case with the parents: was it solved to their satisfaction (ja / deels / nee, in
their words), what does the child say, a 0–10 scale before and after (parents and team; a
location may switch it off), and what the parents can do when questions come back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ...domain.cycle import Closing, Judgement
from ...domain.enums import CasePhase, ClosingReason
from ...errors import KnooppuntError, ValidationError
from ...storage import Store
from ..changes import Change, Entity
from ..meetings.cycle_settings import CycleSettingsService
from .cases import CaseEvent, CaseService, EventKind


class ClosingService:
    def __init__(self, store: Store, cases: CaseService, settings: CycleSettingsService) -> None:
        self._store = store
        self._cases = cases
        self._settings = settings

    def closing(self, case_id: int) -> Closing | None:
        rows = self._store.select(Closing, "case_closing", "case_id = ?", [case_id])
        return rows[0] if rows else None

    def close(self, case_id: int, on: date, reason: ClosingReason, closing: Closing, *,
              note: str = "", handed_to: str = "") -> Change:
        """Afsluiten met de ouders, in one step: the case closed and the parents' judgement kept."""
        case = self._cases.case(case_id)
        if case.phase == CasePhase.CLOSED:
            raise KnooppuntError("Deze casus is al afgesloten.")
        if on > self._store.now().date() or on < case.signal_date:
            raise ValidationError("on", "De datum van afsluiten ligt tussen het signaal en vandaag.")
        reason = ClosingReason(reason)
        if reason == ClosingReason.HANDED_OVER and not handed_to.strip():
            raise ValidationError("regie_holder", "Vul in aan wie de regie is overgedragen.")
        closing = self._checked(replace(closing, case_id=case_id, recorded_by=self._store.actor),
                                self._location_of(case.child_id))
        values: dict[str, object] = {"phase": CasePhase.CLOSED, "closed_on": on, "closing_reason": reason}
        if handed_to.strip():
            values["regie_holder"] = handed_to.strip()
        judgement = f"Opgelost naar tevredenheid van ouders: {closing.parents_judgement.value}"
        event = ". ".join(p for p in (reason.label, judgement, note.strip()) if p)
        with self._store.unit_of_work() as uow:
            uow.update("child_case", case_id, values)
            uow.insert("case_closing", closing)
            uow.insert("case_event", CaseEvent(None, case_id, on, EventKind.CLOSED, event))
            uow.audit("casus afgesloten met ouders", "child_case", case_id)
        return Change.updated(Entity.CASE, case_id)

    def _location_of(self, child_id: int) -> int:
        return int(self._store.scalar("SELECT location_id FROM child WHERE id = ?", [child_id]))

    def _checked(self, closing: Closing, location_id: int) -> Closing:
        judgement = Judgement(closing.parents_judgement)
        if not closing.when_questions.strip():
            raise ValidationError("when_questions", "Schrijf op wat de ouders kunnen doen als er weer vragen zijn.")
        scores = (closing.parents_before, closing.parents_after, closing.team_before, closing.team_after)
        if any(s is not None and not 0 <= s <= 10 for s in scores):
            raise ValidationError("scores", "Een score ligt tussen 0 en 10.")
        if not self._settings.settings(location_id).scale_enabled:
            closing = replace(closing, parents_before=None, parents_after=None, team_before=None, team_after=None)
        return replace(closing, parents_judgement=judgement, when_questions=closing.when_questions.strip(),
                       parents_words=closing.parents_words.strip(), child_words=closing.child_words.strip())
