"""Backups and restore, as a user relies on them: a restored file equals the original, and a
restore that cannot be done says so in Dutch and changes nothing."""

from __future__ import annotations

import os
import stat
from datetime import datetime

import pytest
import sqlcipher3

from knooppunt.backup import list_backups, make_backup, preview_backup, restore_backup
from knooppunt.composition import open_services
from knooppunt.errors import KnooppuntError

from ..conftest import PASSPHRASE, TEST_KDF_ITER
from .backup_helpers import GENERATED_PASSPHRASE, all_tables, file_hash, generated_database

pytestmark = pytest.mark.sqlite_only(reason="backups copy and restore the encrypted SQLite file")


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return generated_database(tmp_path_factory.mktemp("generated") / "knooppunt.db")


def test_backup_restored_into_an_empty_folder_equals_the_original_table_for_table(generated, tmp_path):
    backup = make_backup(generated, GENERATED_PASSPHRASE, tmp_path / "back-ups", now=datetime(2026, 11, 23, 17, 0))
    target = tmp_path / "nieuwe laptop" / "knooppunt.db"
    kept = restore_backup(backup.path, GENERATED_PASSPHRASE, target)
    assert kept is None  # nothing was there to keep
    original, restored = all_tables(generated, GENERATED_PASSPHRASE), all_tables(target, GENERATED_PASSPHRASE)
    assert original.keys() == restored.keys()
    assert len(original["child"]) == 1_500 and len(original["agreement"]) == 8_000
    for table in original:
        assert restored[table] == original[table], table


def test_backup_and_database_files_are_owner_only(services, db_path, tmp_path):
    backup = make_backup(db_path, PASSPHRASE, tmp_path / "back-ups", kdf_iter=TEST_KDF_ITER)
    for path in (db_path, backup.path):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path


def test_preview_shows_date_and_what_the_backup_holds(demo_services, db_path, tmp_path):
    backup = make_backup(db_path, PASSPHRASE, tmp_path, now=datetime(2026, 11, 20, 8, 15), kdf_iter=TEST_KDF_ITER)
    preview = preview_backup(backup.path, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    assert preview.made == datetime(2026, 11, 20, 8, 15)
    contents = preview.contents
    assert (contents.locations, contents.children, contents.meetings) == (1, 6, 2)
    assert contents.newest_meeting is not None and contents.newest_meeting >= "2026-11-23"


def test_restore_keeps_the_current_database_as_a_backup_first(demo_services, db_path, tmp_path):
    backup = make_backup(db_path, PASSPHRASE, tmp_path / "bk", kdf_iter=TEST_KDF_ITER)
    other = tmp_path / "other.db"
    open_services(other, PASSPHRASE, create=True, kdf_iter=TEST_KDF_ITER).close()
    before = file_hash(other)
    kept = restore_backup(backup.path, PASSPHRASE, other, kdf_iter=TEST_KDF_ITER)
    assert kept is not None and file_hash(kept) == before
    with open_services(other, PASSPHRASE, kdf_iter=TEST_KDF_ITER) as restored:
        assert restored.store.count("child") == 6


def _newer_schema_backup(source, folder):
    backup = make_backup(source, PASSPHRASE, folder, kdf_iter=TEST_KDF_ITER)
    conn = sqlcipher3.connect(str(backup.path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute(f"PRAGMA kdf_iter = {TEST_KDF_ITER}")
    conn.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) "
                 "VALUES ('knooppunt', '9999_uit_de_toekomst', '2030-01-01')")
    conn.commit()
    conn.close()
    return backup.path


def _truncated(source, folder):
    path = make_backup(source, PASSPHRASE, folder, kdf_iter=TEST_KDF_ITER).path
    data = path.read_bytes()
    broken = folder / "afgebroken.db"
    broken.write_bytes(data[: len(data) // 2])
    return broken


def _random_bytes(_source, folder):
    path = folder / "ruis.db"
    path.write_bytes(os.urandom(200_000))
    return path


@pytest.mark.parametrize(("make_file", "passphrase", "message"), [
    (lambda source, folder: make_backup(source, PASSPHRASE, folder, kdf_iter=TEST_KDF_ITER).path,
     "een andere zin dan deze", "wachtwoordzin klopt niet"),
    (_truncated, PASSPHRASE, "beschadigd of onvolledig"),
    (_random_bytes, PASSPHRASE, "geen Knooppunt-database"),
    (_newer_schema_backup, PASSPHRASE, "nieuwere versie van Knooppunt"),
], ids=["wrong passphrase", "truncated", "random bytes", "newer schema"])
def test_a_restore_that_cannot_be_done_says_why_in_dutch_and_changes_nothing(
        demo_services, db_path, tmp_path, make_file, passphrase, message):
    folder = tmp_path / "bk"
    folder.mkdir()
    backup = make_file(db_path, folder)
    target = tmp_path / "live" / "knooppunt.db"
    target.parent.mkdir()
    open_services(target, PASSPHRASE, create=True, kdf_iter=TEST_KDF_ITER).close()
    before = {p.name: file_hash(p) for p in target.parent.iterdir()}
    backup_before = file_hash(backup)
    with pytest.raises(KnooppuntError, match=message) as refused:
        restore_backup(backup, passphrase, target, kdf_iter=TEST_KDF_ITER)
    assert "Traceback" not in refused.value.message
    assert {p.name: file_hash(p) for p in target.parent.iterdir()} == before
    assert file_hash(backup) == backup_before


def test_a_backup_in_a_folder_with_odd_characters_previews(services, db_path, tmp_path):
    folder = tmp_path / "OneDrive - School #1 ?50% klaar"
    made = make_backup(db_path, PASSPHRASE, folder, kdf_iter=TEST_KDF_ITER)
    assert preview_backup(made.path, PASSPHRASE, kdf_iter=TEST_KDF_ITER).contents.locations == 0


def test_a_missing_file_is_refused_in_dutch(tmp_path):
    with pytest.raises(KnooppuntError, match="bestaat niet"):
        preview_backup(tmp_path / "nergens.db", PASSPHRASE)


def test_only_checked_backups_are_listed_and_leftovers_are_cleaned(services, db_path, tmp_path):
    folder = tmp_path / "bk"
    folder.mkdir()
    leftover = folder / ".knooppunt-back-up-2026-11-22_100000.db.123.onvoltooid"
    leftover.write_bytes(b"half")
    assert list_backups(folder) == []
    made = make_backup(db_path, PASSPHRASE, folder, kdf_iter=TEST_KDF_ITER)
    assert list_backups(folder) == [made]
    assert not leftover.exists()
