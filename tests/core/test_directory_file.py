"""The directory file between laptops: differences shown first, applied all or nothing, no children."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knooppunt.composition import open_services
from knooppunt.directory import directory_file
from knooppunt.directory.entries import PartnerEntry, PersonEntry
from knooppunt.directory.report import ImportRefused
from knooppunt.domain.enums import PartnerKind
from tests.conftest import PASSPHRASE, TEST_KDF_ITER

DEMO = "Kindcentrum De Vlinderboom"


@pytest.fixture
def laptop(tmp_path, clock):
    """The intern begeleider's laptop: an empty database of its own."""
    other = open_services(tmp_path / "ib-laptop.db", PASSPHRASE, create=True, kdf_iter=TEST_KDF_ITER, clock=clock,
                          actor="IB'er")
    yield other
    other.close()


def export(services, tmp_path, name="adresboek.knooppunt-adresboek.json"):
    path = tmp_path / name
    services.directory.export(services.locations.location_by_name(DEMO).id, path, "directory")
    return path


def state(services):
    return [services.store.query(f"SELECT * FROM {t} ORDER BY id") for t in
            ("location", "organisation", "contact_person", "location_partner", "location_partner_history")]


def test_the_file_carries_the_location_and_partners_but_no_childrens_data(demo_services, tmp_path):
    text = export(demo_services, tmp_path).read_text(encoding="utf-8")
    document = json.loads(text)
    assert document["location"]["working_agreements"].startswith("We praten mét ouders")
    assert len(document["partners"]) == 6
    for child in ("Zoë", "Janssen", "Anaïs Bakker", "Yılmaz", "Łukasz", "slaapt slecht"):
        assert child not in text


def test_import_on_an_empty_laptop_creates_the_location_with_its_directory(demo_services, laptop, tmp_path):
    data = laptop.directory.read(export(demo_services, tmp_path))
    plan = laptop.directory.plan_import(DEMO, data)
    assert plan.location_id is None
    assert state(laptop)[0] == []  # the preview changed nothing
    laptop.directory.apply_import(plan)
    location = laptop.locations.location_by_name(DEMO)
    assert location.frequency_weeks == 6 and location.working_agreements.startswith("We praten")
    theirs = [(v.partner.role, v.organisation and v.organisation.phone, v.contact and v.contact.email,
               v.substitute and v.substitute.name, v.partner.mandate) for v in laptop.locations.partners(location.id)]
    ours = [(v.partner.role, v.organisation and v.organisation.phone, v.contact and v.contact.email,
             v.substitute and v.substitute.name, v.partner.mandate) for v in demo_services.locations.partners(1)]
    assert theirs == ours


def test_a_second_file_shows_new_changed_and_removed_then_applies_them(demo_services, laptop, tmp_path):
    laptop.directory.apply_import(laptop.directory.plan_import(DEMO, laptop.directory.read(
        export(demo_services, tmp_path))))
    # The coordinator changes the directory: a new phone, a removed role, a new role.
    coordinator = demo_services.locations
    location_id = coordinator.location_by_name(DEMO).id
    jgz = next(v for v in coordinator.partners(location_id) if v.partner.role.startswith("Jeugd"))
    coordinator.fill_partner(jgz.partner.id, PartnerEntry(
        jgz.partner.role, jgz.organisation.name, PartnerKind.STRUCTURAL,
        contact=PersonEntry("Marieke Hendriks", "Jeugdverpleegkundige", "045 850 4321", jgz.contact.email,
                            jgz.contact.availability),
        substitute=PersonEntry("Ruud Claessens", "Jeugdverpleegkundige", "045 850 1234"),
        mandate_category=jgz.partner.mandate_category, mandate_description=jgz.partner.mandate_description,
        mandate_valid_from=jgz.partner.mandate_valid_from, mandate_valid_until=jgz.partner.mandate_valid_until))
    coordinator.remove_role(next(v for v in coordinator.partners(location_id)
                                 if v.partner.role == "Leerplicht").partner.id)
    coordinator.add_role(location_id, "Logopedie", PartnerKind.INCIDENTAL)

    plan = laptop.directory.plan_import(DEMO, laptop.directory.read(export(demo_services, tmp_path, "v2.json")))
    seen = {(c.action, c.what, c.name) for c in plan.changes}
    assert ("gewijzigd", "Contactpersoon", "Marieke Hendriks") in seen
    assert ("verwijderd", "Rol", "Leerplicht") in seen
    assert ("nieuw", "Rol", "Logopedie") in seen
    assert plan.summary == "1 nieuw, 1 gewijzigd, 1 verwijderd"
    phone = next(c for c in plan.changes if c.name == "Marieke Hendriks")
    assert phone.detail == "telefoon ‘045 850 1234’ → ‘045 850 4321’"

    laptop.directory.apply_import(plan)
    roles = [v.partner.role for v in laptop.locations.partners(laptop.locations.location_by_name(DEMO).id)]
    assert "Leerplicht" not in roles and "Logopedie" in roles


def test_a_failure_half_way_leaves_the_directory_as_it_was(demo_services, laptop, tmp_path, monkeypatch):
    plan = laptop.directory.plan_import(DEMO, laptop.directory.read(export(demo_services, tmp_path)))
    before = state(laptop)
    from knooppunt.services.directory import writes as directory_writes

    calls = []
    original = directory_writes.DirectoryWriter.partner

    def failing(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 4:
            raise RuntimeError("disk full")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(directory_writes.DirectoryWriter, "partner", failing)
    with pytest.raises(RuntimeError):
        laptop.directory.apply_import(plan)
    assert state(laptop) == before


@pytest.mark.parametrize(("content", "expected"), [
    (b'{"format": "knooppunt-adresboek", "version": 1, ', "geen leesbaar adresboekbestand"),
    (b'{"format": "knooppunt-adresboek", "version": 7, "location": {}, "partners": []}', "versie 7"),
    (b'{"format": "knooppunt-adresboek", "version": 1, "partners": []}', "De locatie ontbreekt"),
    (b'{"format": "knooppunt-adresboek", "version": 1, "location": {"name": "X", "type": "PO"}, "partners": '
     b'[{"role": "JGZ", "kind": "structureel", "organisation": "GGD", "contact": {"name": "A", "phone": "1"}},'
     b' {"role": "jgz", "kind": "soms"}]}',
     "Kernpartner 1, Vaste contactpersoon, telefoon: ‘1’ is geen telefoonnummer"),
])
def test_broken_directory_files_are_refused_and_change_nothing(demo_services, tmp_path, content, expected):
    path = tmp_path / "kapot.json"
    path.write_bytes(content)
    before = state(demo_services)
    with pytest.raises(ImportRefused) as refused:
        demo_services.directory.plan_import(DEMO, demo_services.directory.read(path))
    assert expected in refused.value.message
    assert state(demo_services) == before


def test_duplicate_roles_and_bad_kinds_are_each_reported(demo_services, tmp_path):
    path = tmp_path / "dubbel.json"
    path.write_text(json.dumps({"format": "knooppunt-adresboek", "version": 1,
                                "location": {"name": "X", "type": "PO"},
                                "partners": [{"role": "JGZ", "kind": "structureel"},
                                             {"role": "jgz", "kind": "soms"}]}), encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        demo_services.directory.read(path)
    assert [str(p) for p in refused.value.problems] == [
        "Kernpartner 2, Soort: moet ‘structureel’ of ‘incidenteel’ zijn.",
        "Kernpartner 2, Rol: dubbel: staat ook al bij kernpartner 1.",
    ]


_json = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=12),
                     lambda children: st.lists(children, max_size=4) | st.dictionaries(
                         st.sampled_from(["role", "kind", "organisation", "contact", "name", "phone", "email",
                                          "mandate_valid_until", "type", "x"]), children, max_size=5),
                     max_leaves=20)


@settings(max_examples=150, deadline=None)
@given(location=_json, partners=_json)
def test_random_directory_files_never_raise_an_unexpected_error(location, partners):
    document = {"format": "knooppunt-adresboek", "version": 1, "location": location, "partners": partners}
    try:
        directory_file.parse(json.dumps(document).encode())
    except ImportRefused as refused:
        assert refused.problems
