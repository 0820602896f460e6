import csv
from datetime import date

from knooppunt.cli import main
from knooppunt.cli.common import PASSPHRASE_VARIABLE
from knooppunt.composition import open_services
from knooppunt.services.demo import build_demo

from ..conftest import PASSPHRASE


def test_cli_lists_overdue_agreements_and_exports_csv(tmp_path, monkeypatch, capsys):
    # The CLI opens with the real key derivation and the real clock, so the demo is built for today.
    db_path = tmp_path / "cli.db"
    services = open_services(db_path, PASSPHRASE, create=True)
    build_demo(services, today=date.today())
    services.close()
    monkeypatch.setenv(PASSPHRASE_VARIABLE, PASSPHRASE)

    assert main(["afspraken", "--db", str(db_path), "--welke", "over_datum"]) == 0
    out = capsys.readouterr().out
    # The demo meets today; four of its agreements from four weeks ago fell due before it, not the fifth.
    assert "Geeft Zoë na de pauze een actieve taak" in out and "Maakt een afspraak voor het eerste huisbezoek" in out
    assert "Zegt het tegen de juf" not in out and "4 afspraken" in out
    target = tmp_path / "uit.csv"
    assert main(["afspraken", "--db", str(db_path), "--locatie", "Kindcentrum De Vlinderboom",
                 "--welke", "alle", "--csv", str(target)]) == 0
    with target.open(encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.reader(f, delimiter=";"))) == 8
    assert main(["afspraken", "--db", str(db_path), "--locatie", "Bestaat niet"]) == 2
