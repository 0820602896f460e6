"""The parents' input before the meeting: recorded per discussion, replaced as a whole, audited."""

from __future__ import annotations

from dataclasses import replace
from datetime import time, timedelta

import pytest

from knooppunt.domain.enums import AgendaKind
from knooppunt.domain.meetings import Meeting
from knooppunt.errors import RecordLocked, ValidationError
from tests.conftest import TODAY


def _discussion(services) -> int:
    location = services.locations.locations()[0]
    meeting, _ = services.planning.create_meeting(
        Meeting(None, location.id, TODAY + timedelta(days=8), time(9), "Teamkamer", "Annelies Vermeulen"))
    zoe = next(v.child for v in services.children.children() if v.child.first_name == "Zoë")
    discussion, _ = services.planning.add_child(meeting.id, zoe.id)
    return discussion.id


def test_input_is_recorded_replaced_and_audited(demo_services):
    discussion_id = _discussion(demo_services)
    service = demo_services.parent_input
    service.replace(discussion_id, {AgendaKind.CONCERNS: "Pesten op het plein", AgendaKind.GOES_WELL: "  "}, "moeder")
    assert [(i.agenda_kind, i.text, i.given_by) for i in service.inputs(discussion_id)] == [
        (AgendaKind.CONCERNS, "Pesten op het plein", "moeder")]
    service.replace(discussion_id, {AgendaKind.GOES_WELL: "Lezen gaat beter"}, "vader")
    assert [i.text for i in service.inputs(discussion_id)] == ["Lezen gaat beter"]
    assert service.inputs(discussion_id, AgendaKind.CONCERNS) == []
    actions = demo_services.store.column(
        "SELECT action FROM audit_log WHERE table_name = 'discussion' AND record_id = ?", [discussion_id])
    assert actions.count("inbreng ouders vastgelegd") == 2


def test_input_for_another_item_or_too_long_is_refused_whole(demo_services):
    discussion_id = _discussion(demo_services)
    service = demo_services.parent_input
    with pytest.raises(ValidationError):
        service.replace(discussion_id, {AgendaKind.CONCERNS: "ok", AgendaKind.OPENING: "nee"}, "")
    with pytest.raises(ValidationError):
        service.replace(discussion_id, {AgendaKind.CONCERNS: "x" * 5000}, "")
    assert service.inputs(discussion_id) == []


def test_input_of_a_finalised_discussion_is_refused(demo_services):
    finalised = demo_services.store.scalar("SELECT id FROM discussion WHERE status = 'vastgesteld' LIMIT 1")
    with pytest.raises(RecordLocked):
        demo_services.parent_input.replace(finalised, {AgendaKind.CONCERNS: "te laat"}, "")


def test_living_apart_is_kept_with_the_guardian(demo_services):
    zoe = next(v.child for v in demo_services.children.children() if v.child.first_name == "Zoë")
    mark = next(g for g in demo_services.children.guardians(zoe.id) if g.name == "Mark Janssen")
    demo_services.children.update_guardian(replace(mark, lives_apart=True))
    assert next(g for g in demo_services.children.guardians(zoe.id) if g.name == "Mark Janssen").lives_apart


def test_the_parents_input_is_in_the_inzage(demo_services):
    from knooppunt.documents.inzage_data import collect

    discussion_id = _discussion(demo_services)
    demo_services.parent_input.replace(discussion_id, {AgendaKind.GOES_WELL: "Fietst nu zelf naar school"}, "vader")
    child_id = demo_services.store.scalar("SELECT child_id FROM discussion WHERE id = ?", [discussion_id])
    dossier = collect(demo_services.store, child_id, {})
    brought = [i for d in dossier["discussions"] for i in d["parents_input"]]
    assert [(i["text"], i["given_by"]) for i in brought] == [("Fietst nu zelf naar school", "vader")]
