"""Verwerkingsregister (AVG art. 30) per location: PDF and CSV from what the program stores."""

from __future__ import annotations

import csv
import io

import pytest

from knooppunt.cli import main
from knooppunt.composition import open_services
from tests.conftest import PASSPHRASE, TEST_KDF_ITER

from .documents_helpers import pdf_text, squash


def _location(services):
    return services.locations.locations()[0]


def test_register_names_data_people_purposes_recipients_retention_and_security(demo_services):
    location = _location(demo_services)
    rows = demo_services.register.rows(location.id)
    sections = {r.section for r in rows}
    assert sections == {"Verwerking", "Doelen", "Persoonsgegevens", "Omvang", "Ontvangers", "Bewaartermijn",
                        "Beveiliging"}
    partners = set(demo_services.store.column(
        "SELECT o.name FROM location_partner lp JOIN organisation o ON o.id = lp.organisation_id "
        "WHERE lp.location_id = ?", [location.id]))
    assert partners and partners <= {r.item for r in rows if r.section == "Ontvangers"}
    data = {r.item: r.description for r in rows if r.section == "Persoonsgegevens"}
    assert "geboortedatum" in data["Gegevens van het kind"]  # the real columns, from the schema
    assert "e-mail" in data["Ouders en verzorgers"]
    counts = {r.item: r.description for r in rows if r.section == "Omvang"}
    assert counts["Kinderen"] == str(demo_services.store.count("child", "location_id = ?", [location.id]))
    [term] = [r.description for r in rows if r.section == "Bewaartermijn"]
    assert term.startswith(f"{location.retention_months} maanden")
    assert any("SQLCipher" in r.description for r in rows if r.section == "Beveiliging")
    # No child's data in the register.
    assert not any("Zoë" in r.description or "Janssen" in r.description for r in rows)


@pytest.mark.sqlite_only(reason="the CLI opens a database file (--db)")
def test_register_cli_writes_pdf_and_csv_and_refuses_other_suffixes(demo_services, db_path, tmp_path, monkeypatch,
                                                                    capsys):
    name = _location(demo_services).name
    demo_services.close()
    monkeypatch.setenv("KNOOPPUNT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("knooppunt.cli.common.open_services",
                        lambda p, phrase, **kw: open_services(p, phrase, kdf_iter=TEST_KDF_ITER, **kw))
    pdf, table = tmp_path / "register.pdf", tmp_path / "register.csv"
    assert main(["verwerkingsregister", "--db", str(db_path), "--locatie", name, "--uit", str(pdf)]) == 0
    assert main(["register", "--db", str(db_path), "--location", name, "--out", str(table)]) == 0
    text = squash(pdf_text(pdf.read_bytes()))
    assert squash("Verwerkingsregister") in text and squash("JGZ Heuvelland") in text
    raw = table.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Onderdeel", "Onderwerp", "Omschrijving"] and len(rows) > 20
    assert main(["register", "--db", str(db_path), "--location", name, "--out", str(tmp_path / "x.txt")]) == 2
    assert ".pdf of .csv" in capsys.readouterr().err
    assert main(["register", "--db", str(db_path), "--location", "Bestaat niet", "--out", str(pdf)]) == 2
