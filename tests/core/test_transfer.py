"""Transfer file (overdrachtsdossier): only with consent; imported elsewhere it shows as history."""

import json
from datetime import date

import pytest

from knooppunt.composition import open_services
from knooppunt.domain.enums import LocationType
from knooppunt.domain.timeline import EntryKind
from knooppunt.errors import KnooppuntError, TransferConsentMissing

from ..children_helpers import give_consent, make_location
from ..conftest import PASSPHRASE, TEST_KDF_ITER


def noor(services):
    return next(v.child for v in services.children.children() if v.child.first_name == "Noor")


def test_export_without_transfer_consent_is_refused_and_names_who(demo_services, tmp_path):
    child = noor(demo_services)
    with pytest.raises(TransferConsentMissing) as info:
        demo_services.transfer.export_file(child.id, tmp_path / "noor.json")
    assert "niet gemaakt" in info.value.message
    assert "Samira El Amrani (moeder, met gezag): geen toestemming voor overdracht" in info.value.message
    assert "Noor El Amrani (het kind zelf" in info.value.message
    assert not (tmp_path / "noor.json").exists()


@pytest.fixture
def exported(demo_services, tmp_path):
    s = demo_services
    zoe = next(v.child for v in s.children.children() if v.child.first_name == "Zoë")
    for guardian in s.children.guardians(zoe.id):
        give_consent(s, zoe.id, guardian.id, transfer=True, on=date(2026, 11, 20))
    path = tmp_path / "zoe.json"
    s.transfer.export_file(zoe.id, path)
    return path, s.timeline.timeline(zoe.id)


def test_export_is_versioned_json_with_only_the_case(exported):
    path, _ = exported
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("knooppunt-overdracht", 1)
    assert data["child"] == {"first_name": "Zoë", "last_name": "Janssen", "date_of_birth": "2019-03-10",
                             "group_name": "groep 3"}
    text = path.read_text(encoding="utf-8")
    # No contact details of the parents, no internal notes, nothing about other children.
    for secret in ("06 1234", "sandra.janssen@example.nl", "ploegendienst", "Anaïs"):
        assert secret not in text


def test_import_in_another_database_shows_the_history_there(exported, tmp_path):
    path, original = exported
    other = open_services(tmp_path / "vo.db", PASSPHRASE, create=True, kdf_iter=TEST_KDF_ITER, actor="IB'er De Eik")
    try:
        location_id, _ = make_location(other, "Basisschool De Eik", LocationType.PO)
        child_id, change = other.transfer.import_file(path, location_id)
        assert change.action == "created"
        assert other.children.child(child_id).full_name == "Zoë Janssen"
        entries = other.timeline.timeline(child_id)
        history = [e for e in entries if e.origin == "Kindcentrum De Vlinderboom"]
        assert [(e.day, e.kind, e.title) for e in history] == [(e.day, e.kind, e.title) for e in original]
        meeting = next(e for e in history if e.kind == EntryKind.MEETING)
        assert "Extra consult bij de jeugdverpleegkundige over slaap" in [d.title for d in meeting.details]
        assert entries[-1].kind == EntryKind.TRANSFER
        assert entries[-1].title == "Overdrachtsdossier ontvangen van Kindcentrum De Vlinderboom"
        with pytest.raises(KnooppuntError, match="al ingelezen"):
            other.transfer.import_file(path, location_id)
    finally:
        other.close()


def test_import_refuses_a_damaged_or_newer_file(services, tmp_path):
    location_id, _ = make_location(services)
    bad = tmp_path / "bad.json"
    for content, expected in (("{niet json", "geen leesbaar"), ('{"format": "iets anders"}', "geen overdrachtsdossier"),
                              ('{"format": "knooppunt-overdracht", "version": 9}', "versie 9"),
                              ('{"format": "knooppunt-overdracht", "version": 1, "child": {}}', "onvolledig")):
        bad.write_text(content, encoding="utf-8")
        with pytest.raises(KnooppuntError, match=expected):
            services.transfer.import_file(bad, location_id)
    assert services.children.children() == []
