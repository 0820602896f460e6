"""A small hand-made database for monitoring, where every figure can be counted by hand.

Location "De Linde" in school year 2026-2027 (today: 23 November 2026):

meetings   12-05-2026 held (previous school year): Bram
           15-09-2026 held: Anna (parents present), Bram (parents absent: "werkt"), Cas (afgemeld)
           27-10-2026 held: Anna (parents present), Daan (no parent recorded, no reason)
           10-11-2026 cancelled; 17-11-2026 planned but never marked held; 12-01-2027 planned: Eva
decisions  Anna 15-09 final (offer: JGZ-consult, selectief); Bram 15-09 provisional, confirmed 25-09;
           Daan 27-10 provisional; Anna 27-10 provisional, confirmed 16-11; Bram 12-05 (previous year)
agreements Anna 15-09 partner done, outcome 27-10 = evaluation date (on time)
           Bram 15-09 parent done, outcome 27-10 after evaluation 13-10 (late)
           Daan 27-10 school open, due 10-11 (late); Daan 27-10 child open, due 01-12 (open)
           Anna 27-10 school not done; Anna 27-10 partner continues, due 15-12, offer gezinscoach (geïndiceerd)
           Bram 12-05 (previous year)
cases      Anna signal 01-09 → first 15-09 (14 d); Daan 01-10 → 27-10 (26 d), closed 20-11 solved (24 d);
           Bram 01-04 → 12-05, closed 01-10 handed over (142 d); Eva 01-11, not yet discussed
Another location ("De Eik") has a held meeting with Fien that must never be counted for De Linde.
"""

from __future__ import annotations

from typing import Any

from knooppunt.composition import Services


def build_linde(services: Services) -> dict[str, Any]:
    ids: dict[str, Any] = {}
    with services.store.unit_of_work() as uow:
        def add(table: str, **row: Any) -> int:
            return uow.insert(table, row)

        linde = add("location", name="De Linde", type="PO")
        eik = add("location", name="De Eik", type="PO")
        kind = uow._db.execute("SELECT id FROM organisation_type LIMIT 1").fetchone()[0]
        jgz = add("organisation", name="JGZ Zuid", type_id=kind)
        wijk = add("organisation", name="Wijkteam Oost", type_id=kind)
        consult = add("offer", location_id=linde, name="JGZ-consult", organisation_id=jgz, level="selectief")
        coach = add("offer", location_id=linde, name="Gezinscoach", organisation_id=wijk, level="geindiceerd")
        children = {name: add("child", location_id=linde, first_name=name, last_name="Linde",
                               date_of_birth="2017-03-0" + str(n + 1))
                    for n, name in enumerate(["Anna", "Bram", "Cas", "Daan", "Eva"])}
        fien = add("child", location_id=eik, first_name="Fien", last_name="Eik", date_of_birth="2016-01-01")

        def meeting(location: int, day: str, status: str) -> int:
            return add("meeting", location_id=location, date=day, start_time="08:30", status=status)

        def discussion(meeting_id: int, child: str | int, status: str = "vastgesteld", reason: str = "") -> int:
            child_id = children[child] if isinstance(child, str) else child
            return add("discussion", meeting_id=meeting_id, child_id=child_id, slot_start="08:30", status=status,
                       parents_absent_reason=reason)

        def parent(discussion_id: int, attendance: str) -> None:
            add("participant", discussion_id=discussion_id, kind="ouder", name="Ouder", attendance=attendance)

        m0 = meeting(linde, "2026-05-12", "gehouden")
        m1 = meeting(linde, "2026-09-15", "gehouden")
        m2 = meeting(linde, "2026-10-27", "gehouden")
        meeting(linde, "2026-11-10", "geannuleerd")
        meeting(linde, "2026-11-17", "gepland")
        m5 = meeting(linde, "2027-01-12", "gepland")
        e1 = meeting(eik, "2026-10-01", "gehouden")
        bram0 = discussion(m0, "Bram")
        anna1 = discussion(m1, "Anna")
        parent(anna1, "aanwezig")
        bram1 = discussion(m1, "Bram", reason="werkt")
        parent(bram1, "afwezig")
        discussion(m1, "Cas", status="afgemeld")
        anna2 = discussion(m2, "Anna")
        parent(anna2, "later")
        daan2 = discussion(m2, "Daan")
        discussion(m5, "Eva", status="gepland")
        fien1 = discussion(e1, fien)
        parent(fien1, "aanwezig")

        def decision(discussion_id: int, org: str, status: str, confirmed: str | None = None,
                     offer: int | None = None) -> int:
            return add("decision", discussion_id=discussion_id, text=f"Besluit {discussion_id}", decided_by="X",
                       organisation=org, status=status, confirmed_on=confirmed, offer_id=offer)

        decision(bram0, "JGZ Zuid", "definitief")
        decision(anna1, "JGZ Zuid", "definitief", offer=consult)
        decision(bram1, "Wijkteam Oost", "definitief", "2026-09-25")
        decision(daan2, "Wijkteam Oost", "voorlopig")
        decision(anna2, "JGZ Zuid", "definitief", "2026-11-16")
        decision(fien1, "JGZ Zuid", "definitief")

        def agreement(child: str, discussion_id: int, owner: str, due: str, status: str, evaluation: str | None = None,
                      outcome: int | None = None, offer: int | None = None) -> int:
            return add("agreement", child_id=children[child], discussion_id=discussion_id, owner_kind=owner,
                       owner_name="Iemand", description=f"Afspraak {owner} {due}", due_date=due,
                       evaluation_date=evaluation, status=status, outcome_discussion_id=outcome, offer_id=offer)

        agreement("Anna", anna1, "partner", "2026-09-29", "gedaan", "2026-10-27", outcome=anna2)
        agreement("Bram", bram1, "ouder", "2026-09-29", "gedaan", "2026-10-13", outcome=anna2)
        agreement("Daan", daan2, "school", "2026-11-10", "open")
        agreement("Daan", daan2, "kind", "2026-12-01", "open")
        agreement("Anna", anna2, "school", "2026-11-30", "niet_gedaan")
        agreement("Anna", anna2, "partner", "2026-12-15", "loopt_door", offer=coach)
        agreement("Bram", bram0, "school", "2026-05-26", "open")

        def case(child: str, signal: str, closed: str | None = None, reason: str | None = None) -> None:
            add("child_case", child_id=children[child], signal_date=signal, signal_source="school",
                closed_on=closed, closing_reason=reason)

        case("Anna", "2026-09-01")
        case("Daan", "2026-10-01", "2026-11-20", "opgelost")
        case("Bram", "2026-04-01", "2026-10-01", "overgedragen")
        case("Eva", "2026-11-01")
        add("child_case", child_id=fien, signal_date="2026-09-01", signal_source="school", closed_on="2026-10-20",
            closing_reason="opgelost")
        uow.audit("testgegevens", "location", linde)
        ids.update(linde=linde, eik=eik, children=children)
    return ids
