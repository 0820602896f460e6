"""Fuzzing every importer: whatever a file holds, the answer is data or a Dutch refusal, never a crash.

Each importer gets ``fuzz_helpers.INPUTS`` generated inputs (10,000 by default; see fuzz_helpers
for the long run). Only ``KnooppuntError`` (``ImportRefused`` is one) may come out.
"""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knooppunt.directory import csv_io, directory_file
from knooppunt.errors import KnooppuntError
from knooppunt.services.children import transfer

from .fuzz_helpers import HOSTILE, RAW_NUMBERS, batch, dumps, fuzz_settings, hostile_json, mutated

PERSON = {"name": "Fatima Yilmaz", "function": "jeugdarts", "phone": "06 12345678", "email": "f@ggd.nl",
          "availability": "ma-di", "note": ""}
DIRECTORY = {
    "format": "knooppunt-adresboek", "version": 1, "made_at": "2026-11-23T09:30:00", "made_by": "IB",
    "location": {"name": "De Vlinderboom", "type": "PO", "address": "Laan 1", "postcode": "1234 AB", "city": "Zwolle",
                 "phone": "038 123 4567", "frequency_weeks": 6, "composition": "", "working_agreements": ""},
    "partners": [{"role": "JGZ", "kind": "structureel", "organisation": "GGD", "organisation_type": "JGZ",
                  "organisation_phone": "", "organisation_email": "", "organisation_address": "",
                  "contact": PERSON, "substitute": None, "mandate_category": "zorg",
                  "mandate_description": "", "mandate_valid_from": "2026-01-01", "mandate_valid_until": None}],
}
ENTRY = {"day": "2026-10-01", "kind": "bespreking", "title": "Knooppunt", "text": "", "status": "", "origin": "",
         "details": [{"day": "2026-10-01", "kind": "afspraak", "title": "Afspraak", "details": []}]}
TRANSFER = {
    "format": "knooppunt-overdracht", "version": 1, "exported_at": "2026-11-23T09:30:00",
    "source": {"location": "De Vlinderboom", "type": "PO"},
    "child": {"first_name": "Zoë", "last_name": "de Vries", "date_of_birth": "2018-03-14", "group_name": "5"},
    "cases": [], "timeline": [ENTRY],
}


def _documents(template: dict) -> st.SearchStrategy[bytes]:
    whole = dumps(template)
    return st.one_of(
        mutated(template).map(dumps), mutated(template).map(dumps), mutated(template).map(dumps),
        hostile_json.map(dumps), st.binary(max_size=100),
        st.integers(0, len(whole)).map(lambda n: whole[:n]),  # a file cut short
        st.tuples(st.sampled_from(RAW_NUMBERS), st.integers(0, len(whole) - 1))
        .map(lambda t: whole[:t[1]] + t[0].encode() + whole[t[1]:]),
    )


def _refused_or_read(parse, data: bytes) -> None:
    try:
        parse(data)
    except KnooppuntError as exc:
        assert exc.message.strip()


@fuzz_settings
@given(batch(_documents(DIRECTORY)))
def test_directory_file_fuzz(documents):
    for data in documents:
        _refused_or_read(directory_file.parse, data)


@fuzz_settings
@given(batch(_documents(TRANSFER)))
def test_transfer_file_fuzz(documents):
    for data in documents:
        _refused_or_read(transfer.parse, data)


_cell = st.one_of(st.sampled_from([v for v in HOSTILE if isinstance(v, str) and len(v) < 1000] + RAW_NUMBERS
                                  + ["Rol", "Organisatie", "Naam", "Telefoon", "Mandaat geldig tot", "structureel"]),
                  st.text(max_size=10))
_HEADER = ["Rol", "Soort", "Organisatie", "Vaste contactpersoon", "Telefoon", "E-mail", "Mandaat geldig vanaf",
           "Mandaat geldig tot"]


def _csv(header: list[str], rows: list[list[str]], delimiter: str, encoding: str) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([header, *rows])
    return buffer.getvalue().encode(encoding, errors="replace")


_csv_files = st.one_of(
    st.builds(_csv, st.one_of(st.just(_HEADER), st.lists(_cell, max_size=6)),
              st.lists(st.lists(_cell, max_size=8), max_size=3),
              st.sampled_from([";", ",", "\t", "|"]), st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"])),
    st.binary(max_size=100),
)


@fuzz_settings
@given(batch(_csv_files))
def test_csv_fuzz(files):
    for data in files:
        _refused_or_read(csv_io.parse_csv, data)


# The same input through the services, against a real database: refused whole or imported whole.
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_documents(TRANSFER))
def test_transfer_import_into_a_database_is_all_or_nothing(demo_services, tmp_path, data):
    s = demo_services
    path = tmp_path / "dossier.json"
    path.write_bytes(data)
    location_id = s.locations.locations()[0].id
    before = s.store.count("audit_log")
    try:
        s.transfer.import_file(path, location_id)
    except KnooppuntError:
        assert s.store.count("audit_log") == before
    else:
        assert s.store.count("transfer_history") >= 1


@pytest.mark.parametrize("value", ["1e400", "-1e400", "NaN", "Infinity", "6.5", "true", '"6"', "0", "53", "1" * 5000])
def test_a_bad_frequency_in_a_directory_file_is_named_in_dutch(value):
    data = dumps(DIRECTORY).replace(b'"frequency_weeks": 6', b'"frequency_weeks": ' + value.encode())
    with pytest.raises(KnooppuntError) as refused:
        directory_file.parse(data)
    assert "De frequentie (weken) moet" in refused.value.message


@pytest.mark.parametrize("value", ["1e400", "NaN", "1.5", "true", "0", "-1", "1" * 5000])
def test_a_bad_version_in_a_transfer_file_is_refused_in_dutch(value):
    data = dumps(TRANSFER).replace(b'"version": 1', b'"version": ' + value.encode())
    with pytest.raises(KnooppuntError, match="versie"):
        transfer.parse(data)


def test_the_valid_templates_are_read():
    assert directory_file.parse(dumps(DIRECTORY)).location.frequency_weeks == 6
    assert transfer.parse(dumps(TRANSFER))["child"]["first_name"] == "Zoë"
