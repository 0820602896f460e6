"""Parents' requests: correction, removal and bezwaar recorded with the decision; a correction
keeps the old value (in an erasable table the audit entry points to, never in the audit text)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from knooppunt.errors import KnooppuntError, ValidationError
from knooppunt.services.privacy.erasure import ErasureReason
from knooppunt.services.privacy.requests import RequestDecision, RequestKind
from tests.conftest import TODAY


def _zoe(services):
    return services.store.scalar("SELECT id FROM child WHERE first_name = 'Zoë'")


def test_a_correction_request_is_recorded_decided_and_carried_out_keeping_the_old_value(demo_services):
    s, zoe = demo_services, _zoe(demo_services)
    request, _ = s.requests.record(zoe, RequestKind.CORRECTION, "Sandra Janssen", TODAY - timedelta(days=2),
                                   "Geboortedatum klopt niet: het is 11 maart 2019.")
    assert (request.kind, request.decision, request.recorded_by) == ("correctie", None, s.store.actor)
    with pytest.raises(KnooppuntError, match="toegewezen"):
        s.requests.correct(request.id, "child", zoe, "date_of_birth", "2019-03-11")
    s.requests.decide(request.id, RequestDecision.GRANTED, "", TODAY)
    s.requests.correct(request.id, "child", zoe, "date_of_birth", "2019-03-11")
    assert s.children.child(zoe).date_of_birth == date(2019, 3, 11)
    [correction] = s.requests.corrections(zoe)
    assert (correction["field"], correction["old_value"], correction["new_value"]) == (
        "date_of_birth", "2019-03-10", "2019-03-11")
    entry = s.audit.recent(1)[0]
    assert (entry.action, entry.table_name, entry.record_id) == ("gegevens gecorrigeerd", "correction",
                                                                correction["id"])
    assert "2019" not in entry.detail and "Zoë" not in entry.detail
    decided = s.requests.request(request.id)
    assert (decided.decision, decided.decided_on) == (RequestDecision.GRANTED, TODAY)


def test_a_refusal_needs_a_motivation_and_is_final(demo_services):
    s, zoe = demo_services, _zoe(demo_services)
    request, _ = s.requests.record(zoe, "verwijdering", "Mark Janssen", TODAY, "Notitie over slapen weghalen")
    with pytest.raises(ValidationError, match="waarom"):
        s.requests.decide(request.id, RequestDecision.REFUSED, " ", TODAY)
    s.requests.decide(request.id, RequestDecision.REFUSED, "Nodig voor de lopende hulp; aanvulling gemaakt.", TODAY)
    with pytest.raises(KnooppuntError, match="al beslist"):
        s.requests.decide(request.id, RequestDecision.GRANTED, "", TODAY)


def test_bezwaar_is_recorded_against_a_case_of_this_child(demo_services):
    s, zoe = demo_services, _zoe(demo_services)
    anais = s.store.scalar("SELECT id FROM child WHERE first_name = 'Anaïs'")
    other_case = s.store.scalar("SELECT id FROM child_case WHERE child_id = ?", [anais])
    with pytest.raises(ValidationError, match="casus"):
        s.requests.record(zoe, RequestKind.OBJECTION, "Sandra Janssen", TODAY, "Wij willen dit niet", case_id=other_case)
    case = s.store.scalar("SELECT id FROM child_case WHERE child_id = ?", [zoe])
    request, _ = s.requests.record(zoe, RequestKind.OBJECTION, "Sandra Janssen", TODAY, "Wij willen geen wijkteam",
                                   case_id=case)
    assert request.case_id == case and s.audit.recent(1)[0].detail == "bezwaar"


def test_corrections_only_of_simple_data_of_this_child_and_never_in_the_future(demo_services):
    s, zoe = demo_services, _zoe(demo_services)
    with pytest.raises(ValidationError, match="toekomst"):
        s.requests.record(zoe, RequestKind.CORRECTION, "Sandra Janssen", TODAY + timedelta(days=1), "x")
    request, _ = s.requests.record(zoe, RequestKind.CORRECTION, "Sandra Janssen", TODAY, "Naam vader")
    s.requests.decide(request.id, RequestDecision.GRANTED, "", TODAY)
    with pytest.raises(ValidationError, match="aanvulling"):
        s.requests.correct(request.id, "note", 1, "text", "anders")
    other_guardian = s.store.scalar("SELECT g.id FROM guardian g JOIN child c ON c.id = g.child_id "
                                    "WHERE c.first_name = 'Anaïs'")
    with pytest.raises(ValidationError, match="hoort niet"):
        s.requests.correct(request.id, "guardian", other_guardian, "name", "Iemand Anders")


def test_requests_and_corrections_are_in_the_inzage_and_go_with_an_erasure(demo_services):
    s, zoe = demo_services, _zoe(demo_services)
    request, _ = s.requests.record(zoe, RequestKind.CORRECTION, "Sandra Janssen", TODAY, "Achternaam vader")
    s.requests.decide(request.id, RequestDecision.GRANTED, "", TODAY)
    father = s.store.scalar("SELECT id FROM guardian WHERE name = 'Mark Janssen'")
    s.requests.correct(request.id, "guardian", father, "name", "Mark Jansen")
    data = s.inzage.data(zoe)
    assert [r["about"] for r in data["requests"]] == ["Achternaam vader"]
    assert data["corrections"][0]["old_value"] == "Mark Janssen"
    assert any(e["action"] == "gegevens gecorrigeerd" for e in data["audit"])
    s.erasure.erase(zoe, ErasureReason.REQUEST)
    assert s.store.count("avg_request") == 0 and s.store.count("correction") == 0
