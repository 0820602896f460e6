"""packaging/server/ as a board's IT uses it: the SQL files run with psql give the same, checked
setup as ``server inrichten``; the backup script makes a dump that pg_restore can read."""

from __future__ import annotations

import os
import subprocess

import psycopg
import pytest

from knooppunt.cli import main
from knooppunt.storage.postgres.connection import DEFAULT_DATABASE, ServerAddress
from knooppunt.storage.postgres.credentials import SERVICE
from knooppunt.storage.postgres.scripts import server_scripts
from tests.support.pg import PACKAGING


def test_the_sql_files_are_what_the_program_would_write():
    for name, text in server_scripts().items():
        assert (PACKAGING / name).read_text(encoding="utf-8") == text, (
            f"packaging/server/{name} is out of date: python -m knooppunt.storage.postgres.scripts packaging/server")


def _libpq_environment(server, database: str = "postgres") -> dict[str, str]:
    return {**os.environ, "PGHOST": server.host, "PGPORT": str(server.port), "PGUSER": "postgres",
            "PGPASSWORD": server.password, "PGSSLMODE": "verify-full", "PGSSLROOTCERT": str(server.ca_file),
            "PGDATABASE": database}


@pytest.fixture
def psql_database(pg_server):
    """The files made the database named in them (``knooppunt``); dropped afterwards."""
    env = _libpq_environment(pg_server)
    for name in server_scripts():
        database = DEFAULT_DATABASE if name == "03-schema.sql" else "postgres"
        subprocess.run([str(pg_server.bindir / "psql"), "-q", "-v", "ON_ERROR_STOP=1", "-d", database,
                        "-f", str(PACKAGING / name)], env=env, check=True, capture_output=True)
    yield env
    with psycopg.connect(pg_server.dsn(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {DEFAULT_DATABASE} WITH (FORCE)")


def test_the_sql_files_run_with_psql_set_up_a_server_that_passes_the_check(pg_server, psql_database, capsys,
                                                                          memory_keyring):
    address = ServerAddress(pg_server.host, "postgres", pg_server.port, DEFAULT_DATABASE, pg_server.ca_file)
    memory_keyring.set_password(SERVICE, address.describe(), pg_server.password)
    assert main(["server", "controleren", "--host", pg_server.host, "--poort", str(pg_server.port),
                 "--ca", str(pg_server.ca_file)]) == 0
    report = capsys.readouterr().out
    assert "Rijbeveiliging (RLS) aan op alle" in report and "Alles in orde." in report


def test_the_backup_script_makes_a_dump_pg_restore_reads(pg_server, pg_database, tmp_path):
    with pg_database.connect() as conn:
        conn.execute("INSERT INTO location (name, type) VALUES ('De Linde', 'PO')")
    env = {**_libpq_environment(pg_server, pg_database.name), "PG_DUMP": str(pg_server.bindir / "pg_dump")}
    done = subprocess.run(["bash", str(PACKAGING / "backup.sh"), str(tmp_path / "backups"), pg_database.name],
                          env=env, capture_output=True, text=True, check=True)
    dumps = list((tmp_path / "backups").glob("*.dump"))
    assert len(dumps) == 1 and "Back-up gemaakt" in done.stdout
    assert (tmp_path / "backups").stat().st_mode & 0o077 == 0
    listing = subprocess.run([str(pg_server.bindir / "pg_restore"), "--list", str(dumps[0])],
                             capture_output=True, text=True, check=True).stdout
    assert "TABLE DATA public child" in listing and "POLICY public note eigen_locaties" in listing
