"""Plan van aanpak per case: the child's safety checked first, goals in priority order with who
does what (linked to agreements) and how parents and child notice progress, the regiehouder
(a person from the directory or a parent, with the date regie was agreed), and each goal
evaluated in every next meeting (bereikt / deels / niet, in words), shown in the timeline."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from ...domain.cycle import Goal, GoalEvaluation, GoalResult
from ...domain.meetings import Discussion
from ...errors import KnooppuntError, ValidationError
from ...storage import Store
from ..changes import Change, Entity
from .cases import CaseEvent, CaseService
from .records import discussion_context, ensure_editable

SAFE, WORRIED = "veilig", "zorgen"


@dataclass(frozen=True)
class CasePlan:
    case_id: int
    safety: str = ""
    safety_note: str = ""
    safety_checked_on: date | None = None
    regie_kind: str = ""
    regie_contact_id: int | None = None
    regie_guardian_id: int | None = None
    regie_agreed_on: date | None = None
    regie_note: str = ""


@dataclass(frozen=True)
class GoalView:
    goal: Goal
    agreements: tuple[str, ...] = ()
    evaluations: tuple[GoalEvaluation, ...] = ()

    @property
    def last(self) -> GoalEvaluation | None:
        return self.evaluations[-1] if self.evaluations else None


@dataclass(frozen=True)
class PlanView:
    plan: CasePlan
    regie: str
    goals: tuple[GoalView, ...] = field(default=())

    @property
    def safety_line(self) -> str:
        if not self.plan.safety:
            return "Veiligheid nog niet besproken"
        head = "Veilig: geen zorgen over de veiligheid" if self.plan.safety == SAFE else "Zorgen over de veiligheid"
        return f"{head}{': ' + self.plan.safety_note if self.plan.safety_note else ''}"


class CasePlanService:
    def __init__(self, store: Store, cases: CaseService) -> None:
        self._store = store
        self._cases = cases

    # Reads ---------------------------------------------------------------------------------
    def plan(self, case_id: int) -> CasePlan:
        rows = self._store.select(CasePlan, "case_plan", "case_id = ?", [case_id])
        return rows[0] if rows else CasePlan(case_id)

    def regie_name(self, plan: CasePlan) -> str:
        if plan.regie_kind == "ouder" and plan.regie_guardian_id:
            name = self._store.scalar("SELECT name || ' (' || relation || ')' FROM guardian WHERE id = ?",
                                      [plan.regie_guardian_id])
        elif plan.regie_kind == "persoon" and plan.regie_contact_id:
            name = self._store.scalar(
                "SELECT p.name || coalesce(' (' || o.name || ')', '') FROM contact_person p "
                "LEFT JOIN organisation o ON o.id = p.organisation_id WHERE p.id = ?", [plan.regie_contact_id])
        else:
            name = plan.regie_note
        return name or ""

    def goals(self, case_id: int) -> list[Goal]:
        return self._store.select(Goal, "case_goal", "case_id = ?", [case_id], order_by="position, id")

    def view(self, case_id: int) -> PlanView:
        plan = self.plan(case_id)
        goals = []
        for goal in self.goals(case_id):
            agreements = tuple(r["description"] for r in self._store.query(
                "SELECT a.owner_name || ': ' || a.description AS description FROM case_goal_agreement g "
                "JOIN agreement a ON a.id = g.agreement_id WHERE g.goal_id = ? ORDER BY a.id", [goal.id]))
            evaluations = tuple(self._store.select(GoalEvaluation, "goal_evaluation", "goal_id = ?", [goal.id],
                                                   order_by="on_date, id"))
            goals.append(GoalView(goal, agreements, evaluations))
        return PlanView(plan, self.regie_name(plan), tuple(goals))

    def case_of_discussion(self, discussion_id: int) -> int | None:
        """The child's running case (or the one closed last) for a discussion."""
        child_id = self._store.get(Discussion, "discussion", discussion_id).child_id
        current = self._cases.current(child_id)
        if current:
            return current.id
        cases = self._cases.cases(child_id)
        return cases[-1].id if cases else None

    def to_evaluate(self, discussion_id: int) -> list[Goal]:
        """Goals set in an earlier meeting that this discussion evaluates."""
        case_id = self.case_of_discussion(discussion_id)
        if case_id is None:
            return []
        return [g for g in self.goals(case_id) if g.discussion_id != discussion_id]

    # Writes --------------------------------------------------------------------------------
    def check_safety(self, case_id: int, safety: str, note: str = "") -> Change:
        """The explicit check, first: is the child safe? Worries need a note of what they are."""
        if safety not in (SAFE, WORRIED):
            raise ValidationError("safety", "Kies: veilig, of zorgen over de veiligheid.")
        if safety == WORRIED and not note.strip():
            raise ValidationError("safety_note", "Beschrijf de zorg over de veiligheid en wat er nu gebeurt.")
        return self._upsert(case_id, {"safety": safety, "safety_note": note.strip(),
                                      "safety_checked_on": self._store.now().date()},
                            "veiligheid besproken", ("veiligheid", self._safety_event(safety, note)))

    def set_regie(self, case_id: int, *, agreed_on: date, contact_id: int | None = None,
                  guardian_id: int | None = None) -> Change:
        """The regiehouder: one person from the directory or one parent, with the date it was agreed."""
        if (contact_id is None) == (guardian_id is None):
            raise ValidationError("regie", "Kies één regiehouder: een persoon uit het adresboek of een ouder.")
        if agreed_on > self._store.now().date():
            raise ValidationError("regie_agreed_on", "De datum waarop de regie is afgesproken ligt in de toekomst.")
        if guardian_id is not None:
            child_id = self._cases.case(case_id).child_id
            if not self._store.count("guardian", "id = ? AND child_id = ?", [guardian_id, child_id]):
                raise ValidationError("regie", "Deze ouder hoort niet bij dit kind.")
        values = {"regie_kind": "ouder" if guardian_id else "persoon", "regie_contact_id": contact_id,
                  "regie_guardian_id": guardian_id, "regie_agreed_on": agreed_on, "regie_note": ""}
        name = self.regie_name(CasePlan(case_id, **values))  # type: ignore[arg-type]
        return self._upsert(case_id, values, "regie afgesproken", ("regie", f"Regie bij {name}, afgesproken op "
                                                                              f"{agreed_on:%d-%m-%Y}"))

    def add_goal(self, case_id: int, text: str, *, who_does: str = "", progress_sign: str = "",
                 discussion_id: int | None = None) -> tuple[int, Change]:
        """A goal at the end of the list; refused until the child's safety has been considered."""
        if not self.plan(case_id).safety:
            raise KnooppuntError("Sta eerst stil bij de veiligheid van het kind (de eerste vraag van het plan).")
        if not text.strip():
            raise ValidationError("text", "Schrijf het doel op, zo dat ouders en kind het herkennen.")
        if discussion_id is not None:
            ensure_editable(self._store, discussion_id, "het plan van aanpak")
        position = int(self._store.scalar("SELECT coalesce(max(position), -1) + 1 FROM case_goal WHERE case_id = ?",
                                          [case_id]))
        with self._store.unit_of_work() as uow:
            goal_id = uow.insert("case_goal", {"case_id": case_id, "position": position, "text": text.strip(),
                                               "who_does": who_does.strip(), "progress_sign": progress_sign.strip(),
                                               "discussion_id": discussion_id,
                                               "created_on": self._store.now().date()})
            uow.audit("doel toegevoegd", "case_goal", goal_id)
        return goal_id, Change.created(Entity.GOAL, goal_id)

    def move_goal(self, goal_id: int, step: int) -> Change:
        """Higher (-1) or lower (+1) in priority."""
        goal = self._store.get(Goal, "case_goal", goal_id)
        goals = self.goals(goal.case_id)
        index = next(i for i, g in enumerate(goals) if g.id == goal_id)
        other = index + step
        if not 0 <= other < len(goals):
            return Change.updated(Entity.GOAL, goal_id)
        goals[index], goals[other] = goals[other], goals[index]
        with self._store.unit_of_work() as uow:
            for position, g in enumerate(goals):
                if g.id is not None:
                    uow.update("case_goal", g.id, {"position": position})
            uow.audit("volgorde doelen gewijzigd", "child_case", goal.case_id)
        return Change.updated(Entity.GOAL, goal_id)

    def link_agreement(self, goal_id: int, agreement_id: int) -> Change:
        with self._store.unit_of_work() as uow:
            uow.insert_ignore("case_goal_agreement", {"goal_id": goal_id, "agreement_id": agreement_id})
            uow.audit("afspraak aan doel gekoppeld", "case_goal", goal_id, f"afspraak {agreement_id}")
        return Change.updated(Entity.GOAL, goal_id)

    def evaluate(self, goal_id: int, discussion_id: int, result: GoalResult | str, words: str) -> Change:
        """Bereikt / deels / niet, in words, in this meeting; a second evaluation replaces the first."""
        ensure_editable(self._store, discussion_id, "de evaluatie van de doelen")
        goal = self._store.get(Goal, "case_goal", goal_id)
        result = GoalResult(result)
        if goal.id not in {g.id for g in self.to_evaluate(discussion_id)}:
            raise ValidationError("goal", "Dit doel is in deze bespreking gesteld of hoort bij een andere casus.")
        if not words.strip():
            raise ValidationError("words", "Zeg in woorden hoe het gaat met dit doel (wat merken ouders en kind?).")
        on = discussion_context(self._store, discussion_id).meeting_date
        with self._store.unit_of_work() as uow:
            uow.execute("DELETE FROM goal_evaluation WHERE goal_id = ? AND discussion_id = ?", [goal_id, discussion_id])
            eval_id = uow.insert("goal_evaluation", {"goal_id": goal_id, "discussion_id": discussion_id,
                                                     "result": result, "words": words.strip(), "on_date": on})
            uow.insert("case_event", CaseEvent(None, goal.case_id, on, "doel",
                                               f"Doel ‘{goal.text}’: {result.label}. {words.strip()}"))
            uow.audit("doel geëvalueerd", "case_goal", goal_id, result.value)
        return Change.created(Entity.GOAL_EVALUATION, eval_id)

    # Helpers -------------------------------------------------------------------------------
    def _upsert(self, case_id: int, values: Mapping[str, object], action: str, event: tuple[str, str]) -> Change:
        self._cases.case(case_id)
        with self._store.unit_of_work() as uow:
            uow.insert_ignore("case_plan", {"case_id": case_id})
            uow.execute(f"UPDATE case_plan SET {', '.join(f'{k} = ?' for k in values)} WHERE case_id = ?",
                        [*values.values(), case_id])
            uow.insert("case_event", CaseEvent(None, case_id, self._store.now().date(), *event))
            uow.audit(action, "child_case", case_id)
        return Change.updated(Entity.CASE, case_id)

    @staticmethod
    def _safety_event(safety: str, note: str) -> str:
        return "Veiligheid besproken: " + ("veilig" if safety == SAFE else f"zorgen. {note.strip()}")
