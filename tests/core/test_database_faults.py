"""A damaged file, a file cut short, a full disk, a busy database: Dutch messages, never a traceback."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest

from knooppunt.cli import main
from knooppunt.composition import open_services
from knooppunt.errors import DatabaseBusy, DatabaseDamaged, DiskFull, KnooppuntError, WrongPassphrase
from tests.conftest import PASSPHRASE, TEST_KDF_ITER

from .database_faults import damage_table, fail_writes

pytestmark = pytest.mark.sqlite_only(reason="damaged, full or locked SQLite files and SQLite's busy timeout")


@pytest.fixture
def cli_db(demo_services, db_path, monkeypatch):
    demo_services.close()
    monkeypatch.setenv("KNOOPPUNT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("knooppunt.cli.common.open_services",
                        lambda path, phrase, **kw: open_services(path, phrase, kdf_iter=TEST_KDF_ITER, **kw))
    return db_path


def test_a_damaged_table_gives_the_restore_message_not_a_traceback(demo_services, db_path):
    demo_services.close()
    damage_table(db_path, "meeting")
    services = open_services(db_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    try:
        with pytest.raises(DatabaseDamaged) as damaged:
            services.meetings.meetings()
        assert "beschadigd" in damaged.value.message and "reservekopie" in damaged.value.message
    finally:
        services.close()


def test_cli_on_a_damaged_database_exits_2_with_the_dutch_message(cli_db, capsys):
    damage_table(cli_db, "meeting")
    assert main(["overleggen", "--db", str(cli_db)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fout: Het databasebestand") and "beschadigd" in err and "reservekopie terug" in err
    assert "Traceback" not in err


def test_cli_check_still_reports_the_damage(cli_db, capsys):
    damage_table(cli_db, "meeting")
    assert main(["check", "--db", str(cli_db)]) == 1


def test_a_file_cut_to_1000_bytes_is_damaged_not_a_wrong_passphrase(cli_db, capsys):
    data = cli_db.read_bytes()
    cli_db.write_bytes(data[:1000])
    with pytest.raises(DatabaseDamaged, match="1.000 bytes"):
        open_services(cli_db, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    assert main(["overleggen", "--db", str(cli_db)]) == 2
    err = capsys.readouterr().err
    assert "beschadigd" in err and "wachtwoordzin" not in err
    assert cli_db.read_bytes() == data[:1000]  # not touched


def test_a_wrong_passphrase_on_a_whole_file_is_still_a_wrong_passphrase(cli_db):
    with pytest.raises(WrongPassphrase):
        open_services(cli_db, "niet de goede zin", kdf_iter=TEST_KDF_ITER)


def test_a_full_disk_is_a_dutch_error_and_nothing_is_half_written(demo_services):
    s = demo_services
    location = s.locations.locations()[0]
    before = s.store.count("audit_log")
    fail_writes(s, times=1)
    with pytest.raises(DiskFull, match="schijf is vol"):
        s.locations.update_location(location)
    assert s.store.count("audit_log") == before
    s.locations.update_location(location)  # space again: the same write works
    assert s.store.count("audit_log") == before + 1


_HOLDER = textwrap.dedent("""
    import sys, time, sqlcipher3
    conn = sqlcipher3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA key = '" + sys.argv[2].replace("'", "''") + "'")
    conn.execute("PRAGMA kdf_iter = " + sys.argv[3])
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO setting (key, value) VALUES ('ander_proces', 'ja')")
    print("locked", flush=True)
    time.sleep(float(sys.argv[4]))
    conn.execute("COMMIT")
""")


def _hold_write_lock(path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path), PASSPHRASE, str(TEST_KDF_ITER), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def _finish(holder: subprocess.Popen) -> int:
    holder.communicate(timeout=30)  # also closes its pipe
    return holder.returncode


def test_a_second_writer_waits_for_a_2_second_write_and_both_succeed(demo_services, db_path):
    s = demo_services
    location = s.locations.locations()[0]
    holder = _hold_write_lock(db_path, 2.0)
    started = time.monotonic()
    with s.store.unit_of_work() as uow:  # waits for the other process instead of failing
        s.store.count("audit_log")  # a read before the write, as autosave does
        uow.audit("locatie bekeken", "location", location.id)
    waited = time.monotonic() - started
    assert _finish(holder) == 0
    assert waited > 1.0
    assert s.store.setting("ander_proces") == "ja"
    assert s.audit.recent(1)[0].record_id == location.id


def test_real_contention_beyond_the_timeout_gives_the_busy_message(demo_services, db_path):
    s = demo_services
    s.store.db.execute("PRAGMA busy_timeout = 300")  # the test's patience, not the app's 5 s
    before = s.store.count("audit_log")
    holder = _hold_write_lock(db_path, 3.0)
    try:
        with pytest.raises(DatabaseBusy, match="bezet door een ander programma"):
            s.locations.update_location(s.locations.locations()[0])
    finally:
        _finish(holder)
    assert s.store.count("audit_log") == before


def test_a_plain_unencrypted_sqlite_file_is_named_as_such(tmp_path):
    import sqlite3

    path = tmp_path / "gewoon.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(KnooppuntError, match="onversleutelde SQLite-database"):
        open_services(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
