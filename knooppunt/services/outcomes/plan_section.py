"""The plan van aanpak as the verslag shows it: safety, regie, goals with this meeting's evaluation."""

from __future__ import annotations

from typing import Any

from ...storage import Store
from .case_plan import CasePlanService
from .cases import CaseService


def plan_section(store: Store, discussion_id: int) -> dict[str, Any] | None:
    """None when the child's case has no plan yet (no safety check, no regie, no goals)."""
    plans = CasePlanService(store, CaseService(store))
    case_id = plans.case_of_discussion(discussion_id)
    if case_id is None:
        return None
    view = plans.view(case_id)
    if not (view.plan.safety or view.regie or view.goals):
        return None
    goals = []
    for number, g in enumerate(view.goals, start=1):
        here = next((e for e in g.evaluations if e.discussion_id == discussion_id), None)
        goals.append({"nummer": number, "tekst": g.goal.text, "wie": g.goal.who_does, "merken": g.goal.progress_sign,
                      "afspraken": list(g.agreements),
                      "evaluatie": {"uitkomst": here.result.value, "woorden": here.words} if here else None})
    return {"veiligheid": view.safety_line, "regie": view.regie,
            "regie_sinds": view.plan.regie_agreed_on, "doelen": goals}
