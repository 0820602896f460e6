"""Encrypted storage: key checks, migrations up and refusal of newer schemas."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from sqlite_utils import Database

from knooppunt.errors import NewerSchema, WrongPassphrase
from knooppunt.storage import create_database, open_database
from knooppunt.storage.database import check_database
from knooppunt.storage.schema import MIGRATIONS

from ..conftest import PASSPHRASE, TEST_KDF_ITER


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_file_is_unreadable_without_the_passphrase(db_path):
    create_database(db_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER).close()
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(db_path).execute("SELECT * FROM sqlite_master").fetchall()


def test_wrong_passphrase_is_refused_and_changes_no_byte(db_path):
    create_database(db_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER).close()
    before = _sha(db_path)
    with pytest.raises(WrongPassphrase) as info:
        open_database(db_path, "verkeerde wachtwoordzin", kdf_iter=TEST_KDF_ITER)
    assert "wachtwoordzin klopt niet" in info.value.message
    assert _sha(db_path) == before


def test_fresh_database_passes_the_check(db_path):
    db = create_database(db_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    assert check_database(db) == []
    assert db["organisation_type"].count > 0
    db.close()


def test_older_schema_upgrades_in_place_and_keeps_data(db_path):
    last = MIGRATIONS._migrations[-1].name
    db = create_database(db_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    db.close()
    # Rebuild the file as an older version left it: every migration but the last.
    db_path.unlink()
    from knooppunt.storage.database import _connect
    from knooppunt.storage.folding import register_fold

    old = Database(_connect(db_path, PASSPHRASE, TEST_KDF_ITER), recursive_triggers=False)
    register_fold(old)  # the search triggers of earlier migrations fold names
    MIGRATIONS.apply(old, stop_before=last)
    old["location"].insert({"name": "De Regenboog", "type": "PO"})
    assert last in {m.name for m in MIGRATIONS.pending(old)}
    old.close()

    db = open_database(db_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    assert MIGRATIONS.pending(db) == []
    assert [r["name"] for r in db["location"].rows] == ["De Regenboog"]
    assert check_database(db) == []
    db.close()


def test_newer_schema_is_refused_and_left_untouched(db_path):
    db = create_database(db_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    db["_sqlite_migrations"].insert(
        {"migration_set": "knooppunt", "name": "9999_from_the_future", "applied_at": "2030-01-01"}
    )
    db.close()
    before = _sha(db_path)
    with pytest.raises(NewerSchema) as info:
        open_database(db_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    assert "nieuwere versie" in info.value.message
    assert _sha(db_path) == before


def test_every_opened_connection_folds_accents_in_sql(db_path):
    """kp_fold() is part of the connection, not a side effect of building a service."""
    create_database(db_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER).close()
    db = open_database(db_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    try:
        assert db.execute("SELECT kp_fold('Anaïs Çelik')").fetchone()[0] == "anais celik"
    finally:
        db.close()


def test_a_new_database_has_the_default_organisation_types(db_path):
    db = create_database(db_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    try:
        codes = {row["code"] for row in db.query("SELECT code FROM organisation_type")}
    finally:
        db.close()
    assert codes == {"JGZ", "SMW", "WIJK", "VVE", "LP", "SWV", "ZORG", "SCHOOL"}
