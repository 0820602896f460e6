"""Creating a database: a failed creation leaves nothing behind, journal files included."""

from __future__ import annotations

import os

import pytest

from knooppunt.storage import create_database, database
from knooppunt.storage.schema import MIGRATIONS

from ..conftest import PASSPHRASE, TEST_KDF_ITER


def test_failed_create_removes_wal_and_shm_too(tmp_path, monkeypatch):
    folder = tmp_path / "nieuw"
    path = folder / "k.db"
    kept = []

    def failing(db):
        db.execute("CREATE TABLE half (x)")
        other = database._connect(path, PASSPHRASE, TEST_KDF_ITER)  # keeps the WAL files alive
        other.execute("SELECT count(*) FROM sqlite_master").fetchall()
        kept.append(other)
        assert os.path.exists(f"{path}-wal") and os.path.exists(f"{path}-shm")
        raise RuntimeError("stroom weg")

    monkeypatch.setattr(MIGRATIONS, "apply", failing)
    with pytest.raises(RuntimeError):
        create_database(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    assert os.listdir(folder) == []
    for conn in kept:
        conn.close()
