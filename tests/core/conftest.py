"""Fixtures of the document tests: the document service on the demo data, and Zoë's discussion."""

from __future__ import annotations

import pytest

from .documents_helpers import document_service

ZOE_DISCUSSION_SQL = (
    "SELECT d.id FROM discussion d JOIN child c ON c.id = d.child_id "
    "WHERE c.first_name = 'Zoë' AND d.status = 'vastgesteld'"
)


@pytest.fixture
def docs(demo_services, tmp_path):
    return document_service(demo_services, tmp_path)


@pytest.fixture
def zoe(demo_services) -> int:
    """Zoë's finalised discussion in the demo's held meeting."""
    return demo_services.store.scalar(ZOE_DISCUSSION_SQL)


@pytest.fixture
def demo_db(tmp_path, monkeypatch):
    """A demo database made by ``knooppunt-cli demo``, with the passphrase in the environment."""
    from knooppunt.cli import main

    monkeypatch.setenv("KNOOPPUNT_PASSPHRASE", "een lange wachtwoordzin")
    monkeypatch.setattr("knooppunt.paths.user_data_dir", lambda: tmp_path / "gebruiker")
    path = tmp_path / "demo.db"
    assert main(["demo", "--db", str(path)]) == 0
    return path
