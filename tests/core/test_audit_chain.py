"""The audit log holds up: append-only, hash-chained, and `knooppunt-cli check` names a tampered row.

The tampering is done the way an attacker with the passphrase would: straight through SQLCipher,
dropping the triggers that refuse it.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
import sqlcipher3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from knooppunt.cli import main
from knooppunt.services.privacy.audit import audit_chain_head
from knooppunt.storage import schema_record
from knooppunt.storage.audit_chain import GENESIS, chain_hash, fingerprint, verify
from knooppunt.storage.audit_log import append_audit
from knooppunt.storage.folding import register_fold
from knooppunt.storage.schema import MIGRATIONS

from ..conftest import PASSPHRASE


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    """A demo database made by the CLI (real key derivation, as an administrator has it)."""
    path = tmp_path_factory.mktemp("chain") / "demo.db"
    mp = pytest.MonkeyPatch()
    mp.setenv("KNOOPPUNT_PASSPHRASE", PASSPHRASE)
    try:
        assert main(["demo", "--db", str(path)]) == 0
    finally:
        mp.undo()
    return path


@pytest.fixture
def copy_of(demo_file, tmp_path_factory, monkeypatch):
    monkeypatch.setenv("KNOOPPUNT_PASSPHRASE", PASSPHRASE)

    def make() -> Path:
        target = tmp_path_factory.mktemp("tampered") / "knooppunt.db"
        shutil.copy(demo_file, target)
        return target
    return make


def _raw(path: Path) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path))
    conn.execute("PRAGMA key = '" + PASSPHRASE.replace("'", "''") + "'")
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.execute("DROP TRIGGER audit_log_chained")
    return conn


def _tamper(path: Path, how: str, row: int) -> None:
    conn = _raw(path)
    with conn:
        if how == "wijzigen":
            conn.execute("UPDATE audit_log SET detail = detail || ' (aangepast)' WHERE id = ?", [row])
        elif how == "verwijderen":
            conn.execute("DELETE FROM audit_log WHERE id = ?", [row])
        else:  # invoegen: make room at ``row`` and put a plausible row there, hashes copied
            last = conn.execute("SELECT max(id) FROM audit_log").fetchone()[0]
            for moved in range(last, row - 1, -1):
                conn.execute("UPDATE audit_log SET id = id + 1 WHERE id = ?", [moved])
            prev, copied = conn.execute(
                "SELECT coalesce((SELECT hash FROM audit_log WHERE id = ?), ?), "
                "coalesce((SELECT hash FROM audit_log WHERE id = ?), ?)",
                [row - 1, GENESIS, row + 1, "f" * 64]).fetchone()
            conn.execute("INSERT INTO audit_log (id, at, actor, action, table_name, record_id, detail, prev_hash, "
                         "hash) VALUES (?, '2026-11-20T10:00:00', 'Onbekende', 'kind bekeken', 'child', 1, '', ?, ?)",
                         [row, prev, copied])
    conn.close()


def _rows(path: Path) -> int:
    conn = sqlcipher3.connect(str(path))
    conn.execute("PRAGMA key = '" + PASSPHRASE.replace("'", "''") + "'")
    count = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    conn.close()
    return int(count)


def test_an_untouched_database_passes_the_check(copy_of, capsys):
    path = copy_of()
    assert main(["check", "--db", str(path)]) == 0
    assert "In orde" in capsys.readouterr().out


@pytest.mark.parametrize("how", ["wijzigen", "verwijderen", "invoegen"])
@pytest.mark.parametrize("where", ["eerste", "midden", "laatste"])
def test_one_tampered_row_fails_the_check_naming_that_row(copy_of, capsys, how, where):
    path = copy_of()
    count = _rows(path)
    row = {"eerste": 1, "midden": count // 2, "laatste": count + (how == "invoegen")}[where]
    _tamper(path, how, row)
    assert main(["check", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"Logboek: rij {row} " in out, out


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(how=st.sampled_from(["wijzigen", "verwijderen", "invoegen"]), fraction=st.floats(0, 1))
def test_any_single_tampered_row_is_found_and_named(copy_of, capsys, how, fraction):
    path = copy_of()
    count = _rows(path)
    row = 1 + round(fraction * (count - 1 + (how == "invoegen")))
    _tamper(path, how, row)
    assert main(["check", "--db", str(path)]) == 1
    assert f"Logboek: rij {row} " in capsys.readouterr().out


@pytest.mark.sqlite_only(reason="SQLite's own triggers, through the file's connection; the server's are tested in tests/server")
def test_the_log_refuses_update_and_delete_in_the_schema_and_in_code(demo_services):
    store = demo_services.store
    with pytest.raises(sqlcipher3.IntegrityError, match="alleen worden aangevuld"):
        store.db.execute("UPDATE audit_log SET detail = 'x' WHERE id = 1")
    with pytest.raises(sqlcipher3.IntegrityError, match="alleen worden aangevuld"):
        store.db.execute("DELETE FROM audit_log WHERE id = 1")
    with pytest.raises(sqlcipher3.IntegrityError, match="aansluiten"):
        store.db.execute("INSERT INTO audit_log (at, actor, action, table_name, detail, prev_hash, hash) "
                         "VALUES ('2026-01-01', 'x', 'y', 'z', '', 'nep', 'nep')")
    with pytest.raises(RuntimeError), store.unit_of_work() as uow:
        uow.execute("DELETE FROM audit_log")
    with pytest.raises(RuntimeError), store.unit_of_work() as uow:
        uow.update("audit_log", 1, {"detail": "x"})
    assert verify(store.db) is None


def test_the_migration_chains_the_rows_of_an_older_database(tmp_path):
    conn = sqlcipher3.connect(str(tmp_path / "oud.db"))
    conn.execute("PRAGMA key = 'oude database'")
    db = Database(conn)
    register_fold(db)  # the search triggers of an earlier migration fold names
    MIGRATIONS.apply(db, stop_before="0009_record")
    db["audit_log"].insert_all({"at": f"2026-0{m}-01T10:00:00", "actor": "Annelies", "action": "kind bekeken",
                                "table_name": "child", "record_id": m, "detail": "‘é’"} for m in range(1, 6))
    MIGRATIONS.apply(db)
    rows = [dict(r) for r in db.query("SELECT * FROM audit_log ORDER BY id")]
    assert [r["record_id"] for r in rows] == [1, 2, 3, 4, 5] and rows[0]["prev_hash"] == GENESIS
    for before, row in zip([{"hash": GENESIS}, *rows], rows, strict=False):
        assert row["hash"] == chain_hash(before["hash"], row) == schema_record._hash_v1(before["hash"], row)
    append_audit(db, datetime(2026, 11, 23, 10), "Tester", "ééñ ∑ test", "child", None, "‘quotes’\n")
    assert verify(db) is None
    with pytest.raises(sqlcipher3.IntegrityError):
        db.execute("DELETE FROM audit_log WHERE id = 6")
    conn.close()


def test_the_chain_head_is_a_short_fingerprint_of_the_last_row(demo_services):
    head = audit_chain_head(demo_services.store)
    assert head.row_id == demo_services.store.count("audit_log") and head == demo_services.audit.head()
    assert len(head.fingerprint) == 19 and head.hash.startswith(head.fingerprint.replace("-", ""))
    assert fingerprint(head.hash) == head.fingerprint


def test_a_finalised_document_prints_the_chain_head_a_concept_does_not(demo_services, docs, zoe):
    from knooppunt.documents.service import DocumentKind, DocumentTarget

    from .documents_helpers import pdf_text

    target = DocumentTarget(DocumentKind.LETTER, discussion_id=zoe)
    assert "Vingerafdruk" not in pdf_text(docs.document(target).pdf)
    # The head of the discussion's location's chain (on the server; a file has one chain).
    head = demo_services.store.audit_head(demo_services.locations.locations()[0].id)
    assert head == demo_services.audit.head() or demo_services.store.sql.name != "sqlite"
    rendered, _ = docs.finalise(target)
    assert f"Vingerafdruk logboek {head.fingerprint} (rij {head.row_id})" in pdf_text(rendered.pdf)


def test_the_footer_of_a_finalised_letter_is_in_the_parents_language(demo_services, docs, zoe):
    from knooppunt.documents.service import DocumentKind, DocumentTarget

    from .documents_helpers import pdf_text

    child_id = demo_services.store.scalar("SELECT child_id FROM discussion WHERE id = ?", [zoe])
    with demo_services.store.unit_of_work() as uow:
        uow.execute("UPDATE guardian SET preferred_language = ? WHERE child_id = ?", ["Engels", child_id])
        uow.audit("test", "guardian", None)
    head = demo_services.store.audit_head(demo_services.locations.locations()[0].id)
    rendered, _ = docs.finalise(DocumentTarget(DocumentKind.LETTER, discussion_id=zoe))
    text = pdf_text(rendered.pdf)
    assert f"Fingerprint of the log {head.fingerprint} (row {head.row_id})" in text
    assert "Vingerafdruk" not in text


def test_a_meeting_recorded_afterwards_is_marked_in_its_documents(demo_services, docs, zoe):
    from knooppunt.documents.service import DocumentKind, DocumentTarget

    from .documents_helpers import pdf_text

    meeting_id = demo_services.store.scalar("SELECT meeting_id FROM discussion WHERE id = ?", [zoe])
    target = DocumentTarget(DocumentKind.MINUTES, discussion_id=zoe)
    assert "Naderhand vastgelegd" not in pdf_text(docs.document(target).pdf)
    with demo_services.store.unit_of_work() as uow:
        uow.update("meeting", meeting_id, {"recorded_afterwards": True})
        uow.audit("test", "meeting", meeting_id)
    assert "Naderhand vastgelegd: overleg op papier gehouden" in pdf_text(docs.document(target).pdf)


def test_logboek_command_lists_and_exports_the_log(copy_of, capsys, tmp_path):
    path = copy_of()
    assert main(["logboek", "--db", str(path), "--wat", "kind ingepland"]) == 0
    out = capsys.readouterr().out
    assert "kind ingepland" in out and "vingerafdruk logboek" in out and "locatie aangemaakt" not in out
    assert main(["audit-log", "--db", str(path), "--csv", str(tmp_path / "log.csv")]) == 0
    assert (tmp_path / "log.csv").read_text(encoding="utf-8-sig").startswith("Rij;Wanneer;Wie;Wat")
