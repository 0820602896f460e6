"""Exports are all or nothing: a temp file next to the target, audit entry in the same unit of work."""

import os
from datetime import date

import pytest

from knooppunt.errors import KnooppuntError
from knooppunt.exports import ExportFailed, check_writable, write_export
from knooppunt.services.outcomes.agreement_overview import AgreementFilter, CsvExport
from knooppunt.storage.store import UnitOfWork

from ..children_helpers import give_consent


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def audit_count(s):
    return s.store.count("audit_log")


def test_write_export_puts_file_in_place_with_audit_entry(services, out):
    path = out / "uit.txt"
    write_export(services.store, path, b"hallo", action="test geexporteerd", table="child", record_id=None,
                 detail="uit.txt")
    assert path.read_bytes() == b"hallo"
    assert os.listdir(out) == ["uit.txt"]
    assert services.audit.recent(1)[0].action == "test geexporteerd"


def test_writer_function_gets_a_binary_file(services, out):
    path = out / "uit.bin"
    write_export(services.store, path, lambda f: f.write(b"\x00\x01"), action="x", table="child", record_id=None)
    assert path.read_bytes() == b"\x00\x01"


def test_missing_folder_gives_dutch_message_and_no_audit(services, out):
    before = audit_count(services)
    with pytest.raises(ExportFailed) as info:
        write_export(services.store, out / "nergens" / "uit.txt", b"x", action="x", table="child",
                     record_id=None)
    assert info.value.message == (
        f"Het bestand {out / 'nergens' / 'uit.txt'} kon niet worden opgeslagen: de map bestaat niet; "
        "er is niets veranderd.")
    assert isinstance(info.value, KnooppuntError)
    assert audit_count(services) == before


def test_failing_writer_leaves_old_file_and_no_temp_file(services, out):
    path = out / "uit.txt"
    path.write_bytes(b"oud")
    before = audit_count(services)

    def writer(f):
        f.write(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(ExportFailed, match="de schijf is vol; er is niets veranderd"):
        write_export(services.store, path, writer, action="x", table="child", record_id=None)
    assert path.read_bytes() == b"oud"
    assert os.listdir(out) == ["uit.txt"]
    assert audit_count(services) == before


def test_failing_replace_rolls_back_the_audit_entry(services, out, monkeypatch):
    path = out / "uit.txt"
    before = audit_count(services)

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportFailed, match="u mag in die map niet schrijven"):
        write_export(services.store, path, b"x", action="x", table="child", record_id=None)
    assert os.listdir(out) == []
    assert audit_count(services) == before


def test_failing_audit_leaves_no_file(services, out, monkeypatch):
    def broken(self, *args, **kwargs):
        raise KnooppuntError("audit kapot")

    monkeypatch.setattr(UnitOfWork, "audit", broken)
    with pytest.raises(KnooppuntError, match="audit kapot"):
        write_export(services.store, out / "uit.txt", b"x", action="x", table="child", record_id=None)
    assert os.listdir(out) == []


def test_check_writable_refuses_missing_folder(out):
    check_writable(out / "ok.pdf")
    with pytest.raises(ExportFailed, match="de map bestaat niet"):
        check_writable(out / "nergens" / "x.pdf")
    with pytest.raises(ExportFailed, match="er staat een map met die naam"):
        check_writable(out)


def test_transfer_export_is_audited_only_when_written(demo_services, out, monkeypatch):
    s = demo_services
    zoe = next(v.child for v in s.children.children() if v.child.first_name == "Zoë")
    for guardian in s.children.guardians(zoe.id):
        give_consent(s, zoe.id, guardian.id, transfer=True, on=date(2026, 11, 20))
    before = audit_count(s)
    with pytest.raises(ExportFailed, match="kon niet worden opgeslagen"):
        s.transfer.export_file(zoe.id, out / "nergens" / "zoe.json")
    assert audit_count(s) == before

    monkeypatch.setattr(UnitOfWork, "audit", lambda *a, **k: (_ for _ in ()).throw(KnooppuntError("nee")))
    with pytest.raises(KnooppuntError):
        s.transfer.export_file(zoe.id, out / "zoe.json")
    assert not (out / "zoe.json").exists()


def test_directory_export_to_missing_folder_is_refused_without_audit(demo_services, out):
    s = demo_services
    location_id = s.locations.locations()[0].id
    before = audit_count(s)
    with pytest.raises(ExportFailed, match="de map bestaat niet"):
        s.directory.export(location_id, out / "nergens" / "a.vcf", "vcard")
    assert audit_count(s) == before


def test_cancelled_csv_export_keeps_the_existing_file(demo_services, out):
    s = demo_services
    location_id = s.locations.locations()[0].id
    path = out / "afspraken.csv"
    path.write_text("vorige export")
    before = audit_count(s)
    export = CsvExport(s.agreements, AgreementFilter(location_id, "alle"), path, batch=1)
    assert not export.step()
    export.cancel()
    assert path.read_text() == "vorige export"
    assert os.listdir(out) == ["afspraken.csv"]
    assert audit_count(s) == before


def test_finished_csv_export_replaces_the_file_and_is_audited(demo_services, out):
    s = demo_services
    location_id = s.locations.locations()[0].id
    path = out / "afspraken.csv"
    path.write_text("vorige export")
    export = CsvExport(s.agreements, AgreementFilter(location_id, "alle"), path, batch=1)
    assert not path.read_text().startswith("\ufeffKind")  # nothing in place while it runs
    while not export.step():
        pass
    assert path.read_text(encoding="utf-8-sig").startswith("Kind;")
    assert os.listdir(out) == ["afspraken.csv"]
    assert s.audit.recent(1)[0].action == "afspraken geëxporteerd"


def test_csv_export_to_missing_folder_is_a_dutch_error(demo_services, out):
    s = demo_services
    with pytest.raises(ExportFailed, match="de map bestaat niet"):
        s.agreements.export_csv(AgreementFilter(s.locations.locations()[0].id, "alle"), out / "x" / "a.csv")
