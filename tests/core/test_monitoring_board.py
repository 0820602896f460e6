"""The board's figures: no name, date of birth or free text of a child or parent (scanned against
the database), no count from 1 to 4, and no hidden count that subtraction would reveal."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from benchmarks.generator import PASSPHRASE, SIZES, ensure_database
from knooppunt.cli import main
from knooppunt.composition import open_services
from knooppunt.monitoring.board import SMALL, groups

from .monitoring_helpers import build_linde

FREE_TEXT = {
    "note": ["text"], "child_case": ["hulpvraag", "strengths", "concerns", "signal_by"],
    "case_event": ["note"], "decision": ["text", "parents_words", "child_words", "mandate_text"],
    "agreement": ["description", "outcome_note", "owner_name"], "discussion": ["parents_absent_reason"],
    "participant": ["name", "absence_reason"], "consent": ["note", "withdrawal_note"], "addendum": ["text", "reason"],
    "guardian": ["name", "phone", "email", "address"],
}


def personal_strings(services) -> tuple[set[str], set[str]]:
    """(names to find as whole words, texts to find anywhere) of every child and parent."""
    query = services.store.query
    words, texts = set(), set()
    for child in query("SELECT first_name, last_name, date_of_birth FROM child"):
        words.update({child["first_name"], child["last_name"]})
        texts.update({f"{child['first_name']} {child['last_name']}", child["date_of_birth"]})
        y, m, d = child["date_of_birth"].split("-")
        texts.update({f"{d}-{m}-{y}", f"{int(d)}-{int(m)}-{y}"})
    for table, columns in FREE_TEXT.items():
        for row in query(f"SELECT {', '.join(columns)} FROM {table}"):
            texts.update(value for value in row.values() if value and len(value) >= 4)
    return {w for w in words if len(w) >= 3 and not w.islower()}, texts


def strings_in(data: Any) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from strings_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings_in(value)
    elif isinstance(data, str):
        yield data


def check_board_file(data: dict, services) -> int:
    text = "\n".join(strings_in(data))
    words, texts = personal_strings(services)
    leaked = [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]
    leaked += [t for t in texts if t in text]
    assert leaked == []
    assert data["locaties"], "there is something to check"
    shown = 0
    for location in data["locaties"]:
        cells: dict[str, Any] = {}
        for indicator in location["indicatoren"]:
            for figure in indicator["cijfers"]:
                for key in ("aantal", "op_basis_van"):
                    if key in figure:
                        value = figure[key]
                        assert value in (SMALL, "geen_gegevens") or (isinstance(value, int) and not 1 <= value <= 4)
                        shown += isinstance(value, int) and value >= 5
                if figure.get("mediaan_dagen") is not None or figure.get("percentage") is not None:
                    assert isinstance(figure["op_basis_van"], int) and figure["op_basis_van"] >= 5
                cells[figure["sleutel"]] = figure.get("aantal")
        for total, parts in groups(list(cells)):  # one hidden member of a sum would be found by subtraction
            members = [cells[k] for k in (total, *parts) if k in cells]
            assert sum(1 for m in members if m == SMALL) != 1
    assert "<5" in data["uitleg"] and "geen namen" in data["uitleg"]
    return shown


def test_board_file_of_the_demo_has_no_personal_data_and_no_small_counts(demo_services, tmp_path):
    count = demo_services.monitoring.export_board("2026-2027", tmp_path / "bestuur.json")
    data = json.loads((tmp_path / "bestuur.json").read_text(encoding="utf-8"))
    assert count == 1 and data["schooljaar"] == "2026-2027"
    check_board_file(data, demo_services)
    audit = demo_services.store.query("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1")
    assert audit[0]["action"] == "monitoringscijfers voor het bestuur geëxporteerd"


def test_board_file_of_a_generated_database_has_no_personal_data_and_no_small_counts(tmp_path, monkeypatch):
    path, _seconds = ensure_database(SIZES["tiny"], 7, tmp_path)
    monkeypatch.setenv("KNOOPPUNT_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "bestuur.json"
    assert main(["monitor", "--db", str(path), "--year", "2026-2027", "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    services = open_services(path, PASSPHRASE)
    try:
        shown = check_board_file(data, services)
    finally:
        services.close()
    assert len(data["locaties"]) == 2 and shown > 20  # real numbers, not only "<5"


def test_small_counts_are_hidden_and_a_second_one_so_subtraction_reveals_nothing(services):
    ids = build_linde(services)
    data = services.monitoring.board_figures("2026-2027")
    linde = next(loc for loc in data["locaties"] if loc["locatie"] == "De Linde")
    cells = {f["sleutel"]: f for i in linde["indicatoren"] for f in i["cijfers"]}
    assert cells["kinderen.totaal"]["aantal"] == SMALL and cells["kinderen.herhaald"]["aantal"] == SMALL
    assert cells["afspraken.totaal"]["aantal"] == 6  # 1 + 2 + 2 + 1: all parts hidden, the total may show
    assert cells["verwijzingen.niveau.universeel"]["aantal"] == 0  # zero reveals no one
    assert cells["ouders.aandeel"] == {"sleutel": "ouders.aandeel", "omschrijving": "Aandeel besprekingen met ouders",
                                       "op_basis_van": SMALL, "percentage": None}
    assert cells["doorlooptijd.start"]["mediaan_dagen"] is None  # two cases: no median
    assert cells["afsluiting.oordeel_ouders"]["aantal"] == "geen_gegevens"
    assert ids["linde"]


@pytest.mark.parametrize("content, message", [
    ("{", "geen geldige JSON"), ('{"formaat": "iets"}', "geen monitoringsbestand"),
])
def test_combining_refuses_a_file_that_is_not_a_board_file(tmp_path, capsys, content, message):
    bad = tmp_path / "x.json"
    bad.write_text(content, encoding="utf-8")
    assert main(["monitoring", "combineren", str(bad), "--uit", str(tmp_path / "r.pdf")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists()


def test_board_files_combine_into_one_pdf_with_totals(demo_services, tmp_path):
    from pypdf import PdfReader

    first, second = tmp_path / "a.json", tmp_path / "b.json"
    demo_services.monitoring.export_board("2026-2027", first)
    data = json.loads(first.read_text(encoding="utf-8"))
    data["locaties"][0]["locatie"] = "Tweede school"
    second.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "bestuur.pdf"
    assert main(["monitor", "combine", str(first), str(second), "--out", str(out)]) == 0
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Kindcentrum De Vlinderboom" in text and "Tweede school" in text
    assert "<5" in text and "≥ 2" in text  # two hidden counts add up to at least 2
    for name in ("Zoë", "Anaïs", "Janssen"):
        assert name not in text
