"""The services on the server as two ordinary users of two locations (issue 22): each works on
its own location's children through the program as usual, under row-level security, and sees
nothing of the other location's, while both see the shared directory."""

from __future__ import annotations

import secrets
from datetime import date, datetime, time

import pytest

from knooppunt.composition import open_server_services
from knooppunt.directory.entries import PartnerEntry, PersonEntry
from knooppunt.documents import DocumentKind, DocumentTarget
from knooppunt.domain.children import Case
from knooppunt.domain.enums import OwnerKind, Position, Role
from knooppunt.domain.meetings import Meeting
from knooppunt.errors import NoAccess, NotFound
from knooppunt.services.outcomes.agreements import AgreementInput
from knooppunt.services.outcomes.decisions import DecisionInput
from knooppunt.storage.audit_chain import fingerprint
from knooppunt.storage.postgres.access import add_user
from knooppunt.storage.postgres.access_sql import PER_LOCATION
from tests.children_helpers import give_consent, make_family, make_location
from tests.conftest import FixedClock
from tests.core.documents_helpers import document_service, pdf_text, squash
from tests.core.outcome_helpers import finalise, run

MEETING_DAY = date(2026, 12, 10)


@pytest.fixture
def board(pg_database):
    """Two locations made by the superuser (as ``server inrichten`` and the first administrator
    would), each with a JGZ and a leerplicht organisation in the shared directory."""
    services = open_server_services(pg_database.dsn(), clock=FixedClock(), actor="Beheerder")
    try:
        yield {name: make_location(services, name) for name in ("De Linde", "De Es")}
    finally:
        services.close()


def as_user(database, location: str, actor: str):
    """A login role made by the server's own ``gebruiker-toevoegen`` code, and the program on it."""
    role, password = f"{actor.split()[0].lower()}_{database.name}", secrets.token_urlsafe(16)
    add_user(database.address(), database.server.password, role, password, [location])
    return open_server_services(database.dsn(role, password), clock=FixedClock(), actor=actor)


@pytest.fixture
def linde(pg_database, board):
    services = as_user(pg_database, "De Linde", "Ilse Bakker")
    yield services
    services.close()


@pytest.fixture
def es(pg_database, board):
    services = as_user(pg_database, "De Es", "Ruud Smit")
    yield services
    services.close()


def a_discussed_child(services, location_id: int, orgs: dict[str, int], tmp_path) -> dict[str, int]:
    """The usual way of a child through the program: added, consent, planned, discussed, decided,
    agreed, finalised, its letter finalised; returns the ids."""
    child_id, guardians = make_family(services, location_id)
    view = services.locations.partners(location_id)[0]  # its own location's role: its own to fill
    services.locations.fill_partner(view.partner.id, PartnerEntry(
        view.partner.role, next(o.name for o in services.locations.organisations() if o.id == orgs["JGZ"]),
        kind=view.partner.kind, contact=PersonEntry("Jeugdarts Jansen"), mandate_category="Consult"))
    partner = view.partner.id
    for guardian in guardians:
        give_consent(services, child_id, guardian, orgs.values())
    services.cycle.intake.register(Case(None, child_id, date(2026, 11, 20), "leerkracht", "Hoe helpen we Lotte?"),
                                   noticed="Lotte huilt vaak na de pauze.", parents_spoken=True)
    meeting, _ = services.planning.create_meeting(Meeting(None, location_id, MEETING_DAY, time(8, 30), "Teamkamer", "Ilse Bakker"))
    discussion, _ = services.planning.add_child(meeting.id, child_id)
    run(services, discussion.id)
    decision, _ = services.decisions.record(discussion.id, DecisionInput(
        "Extra JGZ-consult", "", partner, parents_position=Position.AGREE))
    agreement, _ = services.agreements.create(discussion.id, AgreementInput(
        OwnerKind.PARENT, "Eva Smit", "Belt de JGZ voor een afspraak"))
    finalise(services, discussion.id)
    services.profile.save(services.store.actor, Role.IB)  # the last row now is the organisation's
    letter, _ = document_service(services, tmp_path).finalise(
        DocumentTarget(DocumentKind.LETTER, discussion_id=discussion.id))
    assert letter.finalised and letter.pdf.startswith(b"%PDF")
    # Its footer names a row of its own location's chain (which its readers can verify).
    text = squash(pdf_text(letter.pdf))
    assert any(squash(fingerprint(h)) in text for h in services.store.column(
        "SELECT hash FROM audit_log WHERE location_id = ?", [location_id]))
    return {"child": child_id, "meeting": meeting.id, "discussion": discussion.id, "decision": decision.id,
            "agreement": agreement.id, "document": services.store.scalar(
                "SELECT id FROM document WHERE discussion_id = ?", [discussion.id])}


def test_a_user_works_through_the_services_on_its_own_location(linde, board, tmp_path):
    location_id, orgs = board["De Linde"]
    ids = a_discussed_child(linde, location_id, orgs, tmp_path)

    assert [v.child.first_name for v in linde.children.children()] == ["Lotte"]
    assert linde.records.is_locked(ids["discussion"])
    assert [a.description for a in linde.agreements.for_discussion(ids["discussion"])] == [
        "Belt de JGZ voor een afspraak"]
    # Every row about the child is in De Linde's chain, written by this user's role; the logboek holds.
    rows = linde.store.query("SELECT table_name, location_id, db_role FROM audit_log WHERE actor = 'Ilse Bakker'")
    about_the_child = [r for r in rows if r["table_name"] in PER_LOCATION]
    assert {r["table_name"] for r in about_the_child} >= {"child", "consent", "discussion", "decision", "agreement"}
    assert {r["location_id"] for r in about_the_child} == {location_id}
    # The directory's rows (the role it filled) are in the organisation's chain, which all read.
    assert {r["location_id"] for r in rows if r["table_name"] == "location_partner"} == {None}
    assert {r["db_role"] for r in rows} == {f"ilse_{linde.store.scalar('SELECT current_database()')}"}
    assert linde.audit.verify() is None
    assert linde.store.check() == []


def test_another_locations_user_sees_none_of_it_but_both_see_the_directory(linde, es, board, tmp_path):
    location_id, orgs = board["De Linde"]
    ids = a_discussed_child(linde, location_id, orgs, tmp_path)
    es.store.clock.now = linde.store.clock.now

    assert es.children.children() == [] and es.children.children(search="Lotte") == []
    assert es.meetings.meetings() == []
    assert es.agreements.for_discussion(ids["discussion"]) == []
    assert es.decisions.decisions(ids["discussion"]) == []
    assert es.store.scalar("SELECT count(*) FROM document WHERE id = ?", [ids["document"]]) == 0
    for read in (lambda: es.children.child(ids["child"]), lambda: es.decisions.decision(ids["decision"]),
                 lambda: es.agreements.agreement(ids["agreement"])):
        with pytest.raises(NotFound) as info:
            read()
        assert "bestaat niet" in info.value.message
    # Its logboek has none of De Linde's rows, and what it can see holds as a chain.
    assert not [e for e in es.audit.recent() if e.table_name in ("child", "discussion", "decision", "agreement")]
    assert es.audit.verify() is None
    # The directory is shared: both see both locations and the organisations.
    names = {"De Linde", "De Es"}
    assert {loc.name for loc in es.locations.locations()} == names == {loc.name for loc in linde.locations.locations()}
    assert {o.name for o in es.locations.organisations()} == {o.name for o in linde.locations.organisations()}
    # Its own work goes to its own chain; De Linde's chain is untouched by it.
    es_location, es_orgs = board["De Es"]
    es_ids = a_discussed_child(es, es_location, es_orgs, tmp_path)
    assert [v.child.id for v in linde.children.children()] == [ids["child"]]
    assert [v.child.id for v in es.children.children()] == [es_ids["child"]]
    assert linde.audit.verify() is None and es.audit.verify() is None


def test_a_user_cannot_plan_a_meeting_at_another_location(es, board):
    location_id, _ = board["De Linde"]
    with pytest.raises(NoAccess, match="u hoort niet bij de locatie van deze gegevens"):  # row-level security
        es.planning.create_meeting(Meeting(None, location_id, MEETING_DAY, time(8, 30), "Teamkamer", "Ruud Smit"))
    assert es.meetings.meetings() == []


def test_the_chain_per_location_has_gaps_and_holds(linde, es, board, tmp_path):
    a_discussed_child(linde, *board["De Linde"], tmp_path)
    es.store.clock.now = datetime(2026, 12, 10, 9)
    a_discussed_child(es, *board["De Es"], tmp_path)
    ids = linde.store.column("SELECT id FROM audit_log WHERE location_id IS NOT NULL ORDER BY id")
    assert ids != list(range(ids[0], ids[0] + len(ids)))  # De Es' rows in between are not visible
    assert linde.audit.verify() is None


def test_each_user_has_a_profile_of_its_own(linde, es):
    linde.profile.save("Ilse Bakker-de Wit", Role.IB)
    assert es.profile.user_name == ""  # not the other user's name in its logboek rows
    es.profile.save("Ruud Smit", Role.IB)
    assert (linde.profile.user_name, es.profile.user_name) == ("Ilse Bakker-de Wit", "Ruud Smit")
    actors = linde.store.column("SELECT actor FROM audit_log WHERE action = 'profiel opgeslagen' ORDER BY id")
    assert actors == ["Ilse Bakker-de Wit", "Ruud Smit"]  # the organisation's chain: both read it
