"""``knooppunt-cli monitoring``: the yearly report of a location and the sociale kaart as CSV."""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader

from knooppunt.cli import main
from knooppunt.cli.common import PASSPHRASE_VARIABLE
from knooppunt.composition import open_services
from knooppunt.monitoring.periods import school_year_of
from knooppunt.services.demo import build_demo

from ..conftest import PASSPHRASE

DEMO = "Kindcentrum De Vlinderboom"


def test_yearly_report_and_offers_csv_from_the_command_line(tmp_path, monkeypatch, capsys):
    # The CLI opens with the real key derivation and the real clock, so the demo is built for today.
    db_path = tmp_path / "cli.db"
    services = open_services(db_path, PASSPHRASE, create=True)
    build_demo(services, today=date.today())
    services.close()
    monkeypatch.setenv(PASSPHRASE_VARIABLE, PASSPHRASE)
    year = school_year_of(date.today())

    report = tmp_path / "rapport.pdf"
    assert main(["monitoring", "rapport", "--db", str(db_path), "--jaar", year, "--locatie", DEMO,
                 "--uit", str(report)]) == 0
    pages = [page.extract_text() for page in PdfReader(report).pages]
    assert f"Monitoring knooppunt {year}" in pages[0] and "Overzicht per periode" in pages[0]
    assert any("Afspraken: op tijd, te laat, open" in text for text in pages)
    assert not any(name in text for text in pages for name in ("Zoë", "Anaïs Bakker", "Janssen"))

    offers = tmp_path / "kaart.csv"
    assert main(["monitor", "offers", "--db", str(db_path), "--location", DEMO, "--export", str(offers)]) == 0
    assert "6 aanbod geschreven" in capsys.readouterr().out
    offers.write_text(offers.read_text(encoding="utf-8-sig").replace("Selectief", "Universeel", 1), encoding="utf-8")
    assert main(["monitoring", "sociale-kaart", "--db", str(db_path), "--locatie", DEMO, "--inlezen", str(offers)]) == 0
    assert "6 aanbod ingelezen" in capsys.readouterr().out

    assert main(["monitoring", "rapport", "--db", str(db_path), "--jaar", year, "--locatie", "Bestaat niet",
                 "--uit", str(report)]) == 2
    assert "geen locatie" in capsys.readouterr().err
