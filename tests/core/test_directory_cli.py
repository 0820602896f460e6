"""``knooppunt-cli locations`` and ``partners``: headless, for administrators."""

from __future__ import annotations

import pytest

from knooppunt.cli import main
from knooppunt.composition import open_services
from knooppunt.services.demo import build_demo
from tests.conftest import TODAY

PASSPHRASE = "beheerder wachtwoordzin"
DEMO = "Kindcentrum De Vlinderboom"


@pytest.fixture
def env(monkeypatch):
    monkeypatch.setenv("KNOOPPUNT_PASSPHRASE", PASSPHRASE)


@pytest.fixture
def demo_db(tmp_path, env):
    path = tmp_path / "demo.db"
    services = open_services(path, PASSPHRASE, create=True)
    build_demo(services, today=TODAY)
    services.close()
    return path


def test_locations_list_and_add(tmp_path, env, capsys):
    db = str(tmp_path / "nieuw.db")
    assert main(["init", "--db", db]) == 0
    assert main(["locations", "--db", db]) == 0
    assert "Nog geen locaties" in capsys.readouterr().out
    assert main(["locations", "add", "--db", db, "--type", "PO", "OBS De Regenboog"]) == 0
    assert "met 6 rollen om in te vullen" in capsys.readouterr().out
    assert main(["locations", "--db", db]) == 0
    assert capsys.readouterr().out.strip() == (
        "OBS De Regenboog\tPO\telke 6 weken\t0/6 rollen ingevuld\t6 zonder geldig mandaat")
    assert main(["locations", "add", "--db", db, "--type", "PO", "obs de regenboog"]) == 2
    assert "Er is al een locatie" in capsys.readouterr().err


def test_export_and_import_between_databases(demo_db, tmp_path, env, capsys):
    csv_file, directory = tmp_path / "p.csv", tmp_path / "p.json"
    for fmt, path in (("csv", csv_file), ("directory", directory), ("vcard", tmp_path / "p.vcf"),
                      ("pdf", tmp_path / "p.pdf")):
        assert main(["partners", "export", "--db", str(demo_db), "--location", DEMO, "--format", fmt,
                     str(path)]) == 0
        assert path.stat().st_size > 0
    other = str(tmp_path / "other.db")
    main(["init", "--db", other])
    capsys.readouterr()
    # A CSV needs an existing location; a directory file brings its own.
    assert main(["partners", "import", "--db", other, "--location", DEMO, str(csv_file)]) == 2
    assert "Er is geen locatie" in capsys.readouterr().err
    assert main(["partners", "import", "--db", other, "--location", DEMO, "--dry-run", str(directory)]) == 0
    assert "Proefrit, niets veranderd" in capsys.readouterr().out
    assert main(["partners", "import", "--db", other, "--location", DEMO, str(directory)]) == 0
    assert "22 nieuw, 0 gewijzigd, 0 verwijderd" in capsys.readouterr().out
    assert main(["partners", "import", "--db", other, "--location", DEMO, str(csv_file)]) == 0
    assert "Geen verschillen" in capsys.readouterr().out


def test_a_refused_file_exits_non_zero_and_changes_nothing(demo_db, tmp_path, env, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("Rol;Organisatie;Vaste contactpersoon;Telefoon\nLeerplicht;Bureau;Ans;12345\n", encoding="utf-8")
    main(["locations", "--db", str(demo_db)])
    before = capsys.readouterr().out
    assert main(["partners", "import", "--db", str(demo_db), "--location", DEMO, str(bad)]) == 2
    err = capsys.readouterr().err
    assert "Regel 2, Telefoon: ‘12345’ is geen geldig telefoonnummer" in err and "Er is niets veranderd" in err
    main(["locations", "--db", str(demo_db)])
    assert capsys.readouterr().out == before
