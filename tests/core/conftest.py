"""Fixtures of the document tests: the document service on the demo data, and Zoë's discussion."""

from __future__ import annotations

import os
import secrets

import pytest

from knooppunt.composition import open_server_services, open_services
from knooppunt.storage.postgres.access import add_user
from tests.conftest import PASSPHRASE, TEST_KDF_ITER

from .documents_helpers import document_service

# The services' tests run on both backends (issue 22): every test that uses ``services`` (or
# ``demo_services``) runs once on an encrypted SQLite file and once on a PostgreSQL database of
# its own (tests/support/pg_fixtures.py). A test about the file itself is marked ``sqlite_only``;
# one that does not pass on the server yet ``postgres_todo``, with the reason.
# The modules in AS_USER run a third time (``[postgres-user]``): not as the superuser but as a login
# role made by ``server gebruiker-toevoegen --beheerder``, under row-level security; it belongs to
# the locations it adds (as a board's administrator does), and the policies of every table apply.
BACKENDS = ("sqlite", "postgres")
AS_USER = os.environ.get("KNOOPPUNT_AS_USER", "").split(",") if os.environ.get("KNOOPPUNT_AS_USER") else [
    "test_agreements", "test_audit_chain", "test_case_timeline", "test_child_records", "test_consent_service",
    "test_decisions", "test_decisions_at_the_table", "test_documents_finalise", "test_meeting_mode",
    "test_meeting_planning", "test_record_integrity", "test_erasure", "test_inzage", "test_avg_requests",
]


def pytest_generate_tests(metafunc):
    if "backend" in metafunc.fixturenames:
        single = (metafunc.definition.get_closest_marker("sqlite_only")
                  or metafunc.definition.get_closest_marker("postgres_todo"))
        as_user = metafunc.module.__name__.rsplit(".", 1)[-1] in AS_USER or AS_USER == ["all"]
        metafunc.parametrize("backend", BACKENDS[:1] if single else (*BACKENDS, "postgres-user") if as_user
                             else BACKENDS)


@pytest.fixture
def services(backend, request, db_path, clock):
    """An empty database with the current schema, and the services on it: an encrypted file, or
    (``[postgres]``) a fresh database on the test server, reached over TLS."""
    if backend == "sqlite":
        services = open_services(db_path, PASSPHRASE, create=True, kdf_iter=TEST_KDF_ITER, clock=clock,
                                 actor="Test Gebruiker")
    else:
        database = request.getfixturevalue("pg_database")
        dsn = database.dsn()
        if backend == "postgres-user":
            role, password = f"beheer_{database.name}", secrets.token_urlsafe(16)
            add_user(database.address(), database.server.password, role, password, [], admin=True)
            dsn = database.dsn(role, password)
        services = open_server_services(dsn, clock=clock, actor="Test Gebruiker")
    yield services
    services.close()

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
