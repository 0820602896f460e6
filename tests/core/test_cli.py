"""knooppunt-cli init / demo / check, as an administrator runs them."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys

import pytest

from knooppunt.cli import main

from ..conftest import PASSPHRASE


@pytest.fixture
def passphrase(monkeypatch):
    monkeypatch.setenv("KNOOPPUNT_PASSPHRASE", PASSPHRASE)


def test_init_makes_an_encrypted_file_that_check_accepts(tmp_path, passphrase, capsys):
    db = tmp_path / "x.db"
    assert main(["init", "--db", str(db)]) == 0
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(db).execute("SELECT count(*) FROM sqlite_master").fetchone()
    assert main(["check", "--db", str(db)]) == 0
    assert "In orde" in capsys.readouterr().out


def test_check_with_wrong_passphrase_fails_in_dutch_and_leaves_the_file(tmp_path, passphrase, monkeypatch, capsys):
    db = tmp_path / "x.db"
    main(["demo", "--db", str(db)])
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    monkeypatch.setenv("KNOOPPUNT_PASSPHRASE", "dit is niet de zin")
    assert main(["check", "--db", str(db)]) != 0
    assert "wachtwoordzin klopt niet" in capsys.readouterr().err
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_init_refuses_an_existing_file(tmp_path, passphrase, capsys):
    db = tmp_path / "x.db"
    db.write_bytes(b"iets belangrijks")
    assert main(["init", "--db", str(db)]) == 2
    assert "bestaat al" in capsys.readouterr().err
    assert db.read_bytes() == b"iets belangrijks"


def test_check_reports_a_damaged_file(tmp_path, passphrase, capsys):
    db = tmp_path / "x.db"
    main(["demo", "--db", str(db)])
    data = bytearray(db.read_bytes())
    data[5000:5100] = bytes(100)  # damage one page in the middle
    db.write_bytes(bytes(data))
    assert main(["check", "--db", str(db)]) != 0


def test_no_passphrase_without_terminal_is_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.delenv("KNOOPPUNT_PASSPHRASE", raising=False)
    result = subprocess.run(
        [sys.executable, "-m", "knooppunt.cli", "check", "--db", str(tmp_path / "x.db")],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 2
    assert "KNOOPPUNT_PASSPHRASE" in result.stderr
    assert "Traceback" not in result.stderr
