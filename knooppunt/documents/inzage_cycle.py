"""What the cycle (issue 18) records about a case, for the inzage (AVG art. 15): the aanmelding,
the plan van aanpak with its goals and evaluations, and the closing with the parents."""

from __future__ import annotations

from typing import Any

from ..storage import Store


def case_cycle(store: Store, case_id: int) -> dict[str, Any]:
    def one(sql: str) -> dict[str, Any] | None:
        rows = store.query(sql, [case_id])
        return rows[0] if rows else None

    goals = store.query("SELECT id, position, text, who_does, progress_sign, created_on FROM case_goal "
                        "WHERE case_id = ? ORDER BY position, id", [case_id])
    for goal in goals:
        goal["evaluations"] = store.query("SELECT on_date, result, words, discussion_id FROM goal_evaluation "
                                          "WHERE goal_id = ? ORDER BY on_date, id", [goal["id"]])
    return {
        "intake": one("SELECT noticed, parents_words, parents_spoken, parents_spoken_on, registered_on, "
                      "registered_by FROM case_intake WHERE case_id = ?"),
        "plan": one("SELECT safety, safety_note, safety_checked_on, regie_kind, regie_agreed_on, regie_note "
                    "FROM case_plan WHERE case_id = ?"),
        "goals": goals,
        "closing": one("SELECT parents_judgement, parents_words, child_words, parents_before, parents_after, "
                       "team_before, team_after, when_questions FROM case_closing WHERE case_id = ?"),
    }


def partner_choices(store: Store, child_id: int) -> list[dict[str, Any]]:
    return store.query("SELECT p.role, c.choice, c.reason, c.decided_on, c.decided_by, c.withdrawn_on "
                       "FROM child_partner_choice c JOIN location_partner p ON p.id = c.location_partner_id "
                       "WHERE c.child_id = ? ORDER BY c.id", [child_id])
