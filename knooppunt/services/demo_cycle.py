"""Demo data for the knooppunt cycle (issue 18): aanmeldingen, a plan van aanpak, something due today."""

from __future__ import annotations

from datetime import date, timedelta

from ..domain.children import Case
from ..domain.enums import CasePhase
from ..storage.store import UnitOfWork
from .outcomes.cases import CaseEvent, EventKind

# child index in demo._CHILDREN -> (days ago, source, by, noticed, parents' words, question, parents spoken)
_INTAKES = {
    2: (20, "leerkracht", "juf Petra", "Şükrü zit sinds de herfst stil in de klas en eet zijn lunch niet op.",
        "Thuis praat hij weinig sinds opa is overleden.", "Hoe helpen we Şükrü weer vrolijk te worden?", True),
    3: (16, "ouder", "Kim de Vries", "Daan praat nog weinig en wordt snel boos als hij niet begrepen wordt.",
        "Hij snapt alles, maar de woorden komen niet.", "Heeft Daan hulp nodig bij het praten?", True),
    4: (5, "kernpartner", "JGZ-spreekuur op school", "Noor vertelde bij de JGZ dat ze slecht slaapt door zorgen "
        "over de overstap naar de middelbare school.", "Ze piekert veel, vooral 's avonds.",
        "Hoe kan Noor met een gerust gevoel naar het voortgezet onderwijs?", True),
    5: (34, "intern begeleider", "IB-overleg groep 4", "Łukasz is vaak te laat en mist de maandagochtend.",
        "", "", False),
}


def add_cycle_demo(uow: UnitOfWork, children: list[tuple[int, list[int], str]], today: date, location_id: int) -> None:
    for index, (days, source, by, noticed, words, question, spoken) in _INTAKES.items():
        child_id = children[index][0]
        since = today - timedelta(days=days)
        case_id = uow.insert("child_case", Case(None, child_id, since, source, question, signal_by=by,
                                                phase=CasePhase.START))
        uow.insert("case_event", CaseEvent(None, case_id, since, EventKind.OPENED, f"Aangemeld; signaal van {source}"))
        uow.insert("case_intake", {"case_id": case_id, "noticed": noticed, "parents_words": words,
                                   "parents_spoken": spoken, "parents_spoken_on": since if spoken else None,
                                   "registered_on": since, "registered_by": "Annelies Vermeulen"})
    # Noor's own consent (from 12) was given almost a year ago: Vandaag asks to renew it.
    uow.execute("UPDATE consent SET given_on = ? WHERE child_id = ? AND giver = 'kind'",
                [today - timedelta(days=350), children[4][0]])
    uow.insert("location_cycle", {"location_id": location_id, "region": "zuid", "agenda_days_before": 7,
                                  "letter_working_days": 2, "intake_norm_days": 14, "scale_enabled": True,
                                  "consent_months": 12})


def add_demo_plan(uow: UnitOfWork, case_id: int, discussion_id: int, on: date, contact_id: int) -> None:
    """Anaïs's plan van aanpak, made in the held meeting; the upcoming meeting evaluates it."""
    uow.insert("case_plan", {"case_id": case_id, "safety": "veilig", "safety_note": "",
                             "safety_checked_on": on, "regie_kind": "persoon", "regie_contact_id": contact_id,
                             "regie_agreed_on": on})
    goals = [("Anaïs weet wat ze kan doen als ze boos wordt", "School richt een rustplek in; Anaïs oefent met de juf",
              "Anaïs gaat zelf naar de rustplek en komt rustig terug"),
             ("Moeder voelt zich gesteund bij de opvoeding", "Wijkteam: zes gesprekken thuis",
              "Moeder zegt dat ze er niet meer alleen voor staat")]
    for position, (text, who, sign) in enumerate(goals):
        uow.insert("case_goal", {"case_id": case_id, "position": position, "text": text, "who_does": who,
                                 "progress_sign": sign, "discussion_id": discussion_id, "created_on": on})
