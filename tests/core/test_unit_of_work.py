"""Every service operation is one transaction with its audit entry, or nothing at all."""

from __future__ import annotations

import pytest

from knooppunt.domain.directory import Location
from knooppunt.domain.enums import LocationType
from knooppunt.errors import ValidationError
from knooppunt.storage.store import UnitOfWork


def _counts(services):
    store = services.store
    return {t: store.count(t) for t in ("location", "location_partner", "agenda_template_item", "audit_log")}


def test_create_location_writes_roles_template_and_one_audit_entry(services):
    location, change = services.locations.create_location(Location(None, "Basisschool ’t Klavertje", LocationType.PO))
    assert change.entity == "location" and change.ids == (location.id,)
    roles = services.locations.partners(location.id)
    assert {p.partner.kind for p in roles} == {"structureel", "incidenteel"}
    assert any("JGZ" in p.partner.role for p in roles)
    entries = services.audit.for_record("location", location.id)
    assert [(e.action, e.actor) for e in entries] == [("locatie aangemaakt", "Test Gebruiker")]


def test_failure_half_way_leaves_nothing_and_no_audit_entry(services, monkeypatch):
    before = _counts(services)
    real_insert = UnitOfWork.insert
    calls = {"n": 0}

    def failing_insert(self, table, record):
        calls["n"] += 1
        if calls["n"] == 4:  # after the location and two partner roles are written
            raise OSError("schijf vol")
        return real_insert(self, table, record)

    monkeypatch.setattr(UnitOfWork, "insert", failing_insert)
    with pytest.raises(OSError):
        services.locations.create_location(Location(None, "De Regenboog", LocationType.PO))
    assert calls["n"] == 4
    assert _counts(services) == before


def test_invalid_input_is_refused_with_a_dutch_message_at_the_field(services):
    before = _counts(services)
    with pytest.raises(ValidationError) as info:
        services.locations.create_location(Location(None, "   ", LocationType.PO))
    assert info.value.field == "name"
    assert "naam" in info.value.message
    services.locations.create_location(Location(None, "De Regenboog", LocationType.VO))
    with pytest.raises(ValidationError, match="al een locatie"):
        services.locations.create_location(Location(None, "de regenboog", LocationType.PO))
    assert _counts(services)["location"] == before["location"] + 1


def test_a_write_without_audit_entry_is_a_bug_and_rolls_back(services):
    with pytest.raises(RuntimeError), services.store.unit_of_work() as uow:
        uow.insert("location", {"name": "Stil", "type": "PO"})
    assert services.store.count("location") == 0


def test_demo_data_is_complete(demo_services):
    s = demo_services
    assert len(s.locations.locations()) == 1
    children = s.children.children()
    assert len(children) == 6
    names = {c.child.full_name for c in children}
    assert {"Zoë Janssen", "Anaïs Bakker", "Şükrü Yılmaz"} <= names
    meetings = s.meetings.meetings()
    assert sorted(m.meeting.status for m in meetings) == ["gehouden", "gepland"]
    assert s.store.count("decision") >= 2 and s.store.count("agreement") >= 5
    assert all(s.children.consents(c.child.id) for c in children)
