"""Property: over generated meetings (several children per meeting), the inzage of one child holds
every note, decision and agreement of that child and nothing of, or about, any other child."""

from __future__ import annotations

import itertools
import json
from datetime import date, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knooppunt.composition import open_services
from tests.conftest import PASSPHRASE, TEST_KDF_ITER, FixedClock

FIRST = ["Ayla", "Bram", "Cato", "Dex"]
LAST = ["Visser", "Mulder", "Bosman", "Smit"]
PARENT = ["Ria", "Kees", "Wil", "Joop"]

# Per meeting: which children are discussed (indexes), and per child how many notes, decisions, agreements.
discussion = st.tuples(st.integers(0, 3), st.booleans(), st.integers(1, 2), st.integers(0, 2))
meeting = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), st.integers(0, 2), st.booleans()),
                   min_size=1, max_size=4, unique_by=lambda t: t[0])
plans = st.tuples(st.integers(2, 4), st.lists(meeting, min_size=1, max_size=3))


def _build(services, children: int, meetings) -> dict[int, set[str]]:
    """Returns child id -> every token written about it (names, notes, decisions, agreements)."""
    tokens: dict[int, set[str]] = {}
    counter = itertools.count()
    with services.store.unit_of_work() as uow:
        loc = uow.insert("location", {"name": "Eikenhof", "type": "PO"})
        ids = []
        for n in range(children):
            child = uow.insert("child", {"location_id": loc, "first_name": FIRST[n], "last_name": LAST[n],
                                         "date_of_birth": "2018-05-01"})
            guardian = uow.insert("guardian", {"child_id": child, "name": f"{PARENT[n]} {LAST[n]}",
                                               "email": f"{PARENT[n].lower()}@voorbeeld.nl"})
            uow.audit("ouder toegevoegd", "guardian", guardian, f"<audit-{n}>")
            ids.append(child)
            tokens[child] = {FIRST[n], LAST[n], PARENT[n], f"<audit-{n}>"}
        for m, slots in enumerate(meetings):
            meeting_id = uow.insert("meeting", {"location_id": loc, "date": date(2026, 1, 5) + timedelta(weeks=m),
                                                "start_time": time(9), "place": "Teamkamer"})
            for who, notes, decisions, internal in slots:
                if who >= children:
                    continue
                child = ids[who]
                d = uow.insert("discussion", {"meeting_id": meeting_id, "child_id": child, "slot_start": time(9)})
                uow.insert("participant", {"discussion_id": d, "kind": "ouder", "name": f"{PARENT[who]} {LAST[who]}"})
                item = uow.insert("agenda_item", {"discussion_id": d, "position": 1, "kind": "zorgen",
                                                  "title": "Zorgen", "minutes": 5})
                for _ in range(notes + 1):
                    token = f"<note-{next(counter)}>"
                    note = uow.insert("note", {"agenda_item_id": item, "text": f"{FIRST[who]} {token}",
                                               "visibility": "intern" if internal else "gedeeld"})
                    uow.audit("notitie aangemaakt", "note", note, token)
                    tokens[child].add(token)
                for _ in range(decisions):
                    token = f"<decision-{next(counter)}>"
                    decision = uow.insert("decision", {"discussion_id": d, "text": token, "decided_by": "JGZ",
                                                       "organisation": "JGZ"})
                    token2 = f"<agreement-{next(counter)}>"
                    uow.insert("agreement", {"child_id": child, "discussion_id": d, "owner_kind": "ouder",
                                             "owner_name": PARENT[who], "description": token2,
                                             "decision_id": decision})
                    tokens[child] |= {token, token2}
    return tokens


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=plans)
def test_inzage_has_all_of_the_child_and_nothing_of_another(tmp_path_factory, plan):
    children, meetings = plan
    path = tmp_path_factory.mktemp("inzage") / "k.db"
    with open_services(path, PASSPHRASE, create=True, kdf_iter=TEST_KDF_ITER, clock=FixedClock()) as services:
        tokens = _build(services, children, meetings)
        for child, own in tokens.items():
            text = json.dumps(services.inzage.data(child), ensure_ascii=False, default=str)
            missing = {t for t in own if t not in text}
            assert not missing, missing
            for other, theirs in tokens.items():
                if other != child:
                    leaked = {t for t in theirs if t in text}
                    assert not leaked, (child, other, leaked)
