"""Plan van aanpak: safety first, goals in priority order, the regiehouder from the directory or a
parent, and every goal evaluated in the next meeting and shown in the timeline."""

from __future__ import annotations

import pytest

from knooppunt.domain.cycle import GoalResult
from knooppunt.errors import KnooppuntError, ValidationError
from knooppunt.services.demo import held_meeting_date
from tests.conftest import TODAY


def _anais(services):
    child = next(v.child for v in services.children.children() if v.child.first_name == "Anaïs")
    return child.id, services.cases.current(child.id).id


def _upcoming_discussion(services, child_id: int) -> int:
    return services.store.scalar("SELECT d.id FROM discussion d JOIN meeting m ON m.id = d.meeting_id "
                                 "WHERE d.child_id = ? AND m.status = 'gepland'", [child_id])


def test_goals_wait_for_the_safety_check_and_keep_their_order(demo_services):
    zoe = next(v.child for v in demo_services.children.children() if v.child.first_name == "Zoë")
    case_id = demo_services.cases.current(zoe.id).id
    plans = demo_services.cycle.plans
    with pytest.raises(KnooppuntError, match="veiligheid"):
        plans.add_goal(case_id, "Zoë slaapt voor negen uur")
    with pytest.raises(ValidationError):
        plans.check_safety(case_id, "zorgen", "")
    plans.check_safety(case_id, "veilig")
    first, _ = plans.add_goal(case_id, "Zoë slaapt voor negen uur", who_does="Ouders: vast slaapritueel",
                              progress_sign="Zoë is 's ochtends uitgerust")
    second, _ = plans.add_goal(case_id, "Zoë doet na de pauze actief mee")
    plans.move_goal(second, -1)
    view = plans.view(case_id)
    assert [g.goal.id for g in view.goals] == [second, first]
    assert view.safety_line.startswith("Veilig")


def test_regie_is_a_person_or_a_parent_with_the_date_it_was_agreed(demo_services):
    child_id, case_id = _anais(demo_services)
    plans = demo_services.cycle.plans
    assert plans.view(case_id).regie.startswith("Fatima Bouzid")  # the demo's plan
    mother = demo_services.children.guardians(child_id)[0]
    with pytest.raises(ValidationError):
        plans.set_regie(case_id, agreed_on=TODAY)  # nobody chosen
    plans.set_regie(case_id, agreed_on=TODAY, guardian_id=mother.id)
    assert plans.view(case_id).regie == "Eline Bakker (moeder)"
    assert plans.plan(case_id).regie_agreed_on == TODAY


def test_the_next_meeting_evaluates_each_goal_and_the_timeline_shows_it(demo_services):
    child_id, case_id = _anais(demo_services)
    plans = demo_services.cycle.plans
    discussion_id = _upcoming_discussion(demo_services, child_id)
    goals = plans.to_evaluate(discussion_id)
    assert len(goals) == 2
    with pytest.raises(ValidationError):
        plans.evaluate(goals[0].id, discussion_id, GoalResult.PARTLY, "")
    plans.evaluate(goals[0].id, discussion_id, GoalResult.PARTLY, "Ze gaat naar de rustplek, maar nog niet zelf.")
    plans.evaluate(goals[1].id, discussion_id, "bereikt", "Moeder voelt zich gesteund.")
    view = plans.view(case_id)
    assert [g.last.result for g in view.goals] == [GoalResult.PARTLY, GoalResult.REACHED]
    texts = " ".join(e.text for e in demo_services.timeline.timeline(child_id))
    assert "Anaïs weet wat ze kan doen als ze boos wordt" in texts and "deels" in texts
    # A goal set in this very discussion is not evaluated in it.
    new_goal, _ = plans.add_goal(case_id, "Anaïs speelt weer met vriendinnen", discussion_id=discussion_id)
    with pytest.raises(ValidationError):
        plans.evaluate(new_goal, discussion_id, "bereikt", "Al gelukt")


@pytest.mark.sqlite_only(reason="an SQLite migration upgrading an older file")
def test_old_free_text_regie_is_migrated_to_a_parent_or_kept_as_a_note(demo_services):
    from knooppunt.storage.schema_cycle import _migrate_regie

    db = demo_services.store.db
    zoe = next(v.child for v in demo_services.children.children() if v.child.first_name == "Zoë")
    zoe_case = demo_services.cases.current(zoe.id).id
    db.execute("DELETE FROM case_plan")
    db.execute("UPDATE child_case SET regie_holder = 'Oma Wil' WHERE id != ?", [zoe_case])
    _migrate_regie(db)
    plan = demo_services.cycle.plans.plan(zoe_case)  # the demo's "ouders"
    assert plan.regie_kind == "ouder" and demo_services.cycle.plans.view(zoe_case).regie == "Sandra Janssen (moeder)"
    _, anais_case = _anais(demo_services)
    assert demo_services.cycle.plans.view(anais_case).regie == "Oma Wil"
    assert held_meeting_date(TODAY) < TODAY


def test_the_verslag_shows_the_plan_with_this_meetings_evaluation(demo_services):
    import io

    import pypdf

    from knooppunt.documents.model import DocumentKind
    from knooppunt.documents.service import DocumentTarget

    child_id, case_id = _anais(demo_services)
    discussion_id = _upcoming_discussion(demo_services, child_id)
    goal = demo_services.cycle.plans.to_evaluate(discussion_id)[0]
    demo_services.cycle.plans.evaluate(goal.id, discussion_id, "deels", "Met hulp van de juf lukt het.")
    pdf = demo_services.documents.document(DocumentTarget(DocumentKind.MINUTES, discussion_id=discussion_id)).pdf
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Doelen en plan" in text and "Veiligheid: Veilig" in text
    assert "Regie: Fatima Bouzid (Wijkteam Maasheuvel)" in text
    assert "Evaluatie in dit overleg: deels. Met hulp van de juf lukt het." in text
