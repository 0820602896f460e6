"""knooppunt-cli back-up / back-ups / terugzetten / wachtwoordzin (and their English names)."""

from __future__ import annotations

import pytest

from knooppunt.cli import main

from ..conftest import PASSPHRASE
from .backup_helpers import file_hash

NEW = "nieuwe zin voor de cli"


@pytest.fixture
def database(tmp_path, monkeypatch):
    monkeypatch.setenv("KNOOPPUNT_PASSPHRASE", PASSPHRASE)
    db = tmp_path / "knooppunt.db"
    assert main(["demo", "--db", str(db)]) == 0
    return db


def test_backup_list_and_restore_on_a_new_laptop(database, tmp_path, capsys):
    folder = tmp_path / "OneDrive" / "Knooppunt"
    assert main(["back-up", "--db", str(database), "--to", str(folder)]) == 0
    assert main(["backups", "--dir", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Back-up gemaakt en gecontroleerd" in out and "in orde" in out
    (backup,) = folder.iterdir()
    new_laptop = tmp_path / "nieuw" / "knooppunt.db"
    assert main(["terugzetten", "--db", str(new_laptop), "--from", str(backup)]) == 0
    assert "6 kinderen, 2 overleggen" in capsys.readouterr().out
    assert main(["check", "--db", str(new_laptop)]) == 0


def test_restore_over_a_database_keeps_the_old_one(database, tmp_path, capsys):
    assert main(["backup", "--db", str(database), "--to", str(tmp_path / "bk")]) == 0
    before = file_hash(database)
    (backup,) = (tmp_path / "bk").iterdir()
    assert main(["restore", "--db", str(database), "--from", str(backup)]) == 0
    kept = next(tmp_path.glob("knooppunt.db.voor-terugzetten-*"))
    assert file_hash(kept) == before
    assert str(kept) in capsys.readouterr().out


def test_restore_of_random_bytes_is_refused_in_dutch(database, tmp_path, capsys):
    junk = tmp_path / "ruis.db"
    junk.write_bytes(bytes(range(256)) * 400)
    before = file_hash(database)
    assert main(["terugzetten", "--db", str(database), "--from", str(junk)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fout: ") and "Traceback" not in err
    assert file_hash(database) == before


def test_passphrase_change_from_the_environment(database, monkeypatch, capsys):
    monkeypatch.setenv("KNOOPPUNT_NEW_PASSPHRASE", NEW)
    assert main(["wachtwoordzin", "--db", str(database)]) == 0
    assert main(["check", "--db", str(database)]) == 2
    monkeypatch.setenv("KNOOPPUNT_PASSPHRASE", NEW)
    assert main(["check", "--db", str(database)]) == 0
    monkeypatch.setenv("KNOOPPUNT_NEW_PASSPHRASE", "kort")
    assert main(["passphrase", "--db", str(database)]) == 2
    assert "minstens 8 tekens" in capsys.readouterr().err
