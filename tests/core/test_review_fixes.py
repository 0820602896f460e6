"""Small review fixes: no names in the log, a failed database creation leaves no journal files,
a search for % or _ finds only those characters."""

from __future__ import annotations

import os

import pytest

from knooppunt.services.agreement_overview import AgreementFilter
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


def test_child_search_treats_percent_and_underscore_literally(demo_services):
    s = demo_services
    assert len(s.children.children(search="a")) > 1
    assert s.children.children(search="%") == []
    assert s.children.children(search="_") == []
    assert [v.child.first_name for v in s.children.children(search="Zoë")] == ["Zoë"]


def test_agreement_search_treats_percent_and_underscore_literally(demo_services):
    s = demo_services
    location_id = s.locations.locations()[0].id
    assert s.agreements.overview_ids(AgreementFilter(location_id, "alle", search="%")) == []
    assert s.agreements.overview_ids(AgreementFilter(location_id, "alle", search="_")) == []
    assert len(s.agreements.overview_ids(AgreementFilter(location_id, "alle", search="slaap"))) == 1
