"""The closing letter to the parents (afsluitbrief): in B1 Dutch, in the afsprakenbrief's house
style — what the question was, what was done, what they said about it, and what they can do when
questions come back. Written atomically with an audit entry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...documents.read_model import DocumentReader
from ...documents.render import TemplateRenderer
from ...errors import KnooppuntError
from ...exports import write_export
from ...storage import Store

TEMPLATE = "afsluitbrief.rml.j2"


class ClosingLetterService:
    def __init__(self, store: Store, renderer: TemplateRenderer) -> None:
        self._store = store
        self._renderer = renderer

    def context(self, case_id: int) -> dict[str, Any]:
        from ..meetings.cycle_settings import CycleSettingsService
        from .case_plan import CasePlanService
        from .cases import CaseService
        from .closing import ClosingService

        cases = CaseService(self._store)
        case = cases.case(case_id)
        closing = ClosingService(self._store, cases, CycleSettingsService(self._store)).closing(case_id)
        if closing is None or case.closed_on is None:
            raise KnooppuntError("De casus is nog niet met de ouders afgesloten; de afsluitbrief kan nog niet.")
        child = self._store.query("SELECT first_name, last_name, location_id FROM child WHERE id = ?",
                                  [case.child_id])[0]
        parents = [r["name"] for r in self._store.query(
            "SELECT name FROM guardian WHERE child_id = ? AND has_authority = 1 ORDER BY id", [case.child_id])]
        plan = CasePlanService(self._store, cases).view(case_id)
        goals = [{"tekst": g.goal.text, "uitkomst": g.last.result.value if g.last else "",
                  "woorden": g.last.words if g.last else ""} for g in plan.goals]
        location = DocumentReader(self._store).location(child["location_id"])
        contact = self._store.scalar("SELECT chair_name FROM meeting m JOIN discussion d ON d.meeting_id = m.id "
                                     "WHERE d.child_id = ? ORDER BY m.date DESC LIMIT 1", [case.child_id])
        return {"location": location, "titel": f"Afsluiting voor {child['first_name']}",
                "onderwerp": "Afsluitbrief", "documentdatum": case.closed_on, "concept": False,
                "vastgesteld": None, "paginalabel": "", "aanvulling_op": None,
                "kind": child["first_name"], "ouders": parents, "hulpvraag": case.hulpvraag, "doelen": goals,
                "regie": plan.regie, "afsluiting": closing, "overgedragen": case.closing_reason == "overgedragen",
                "contactpersoon": contact or "de intern begeleider"}

    def pdf(self, case_id: int) -> bytes:
        context = self.context(case_id)
        return self._renderer.render_template(TEMPLATE, context, location_id=context["location"].id)

    def save(self, case_id: int, path: Path) -> None:
        write_export(self._store, Path(path), self.pdf(case_id), action="afsluitbrief opgeslagen",
                     table="child_case", record_id=case_id)
