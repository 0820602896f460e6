"""``knooppunt-cli uitchecken|inchecken|uitcheck-overnemen`` (aliases check-out|check-in|take-over)
against the real test server, with the server passwords in a keyring (in memory here)."""

from __future__ import annotations

import pytest

from knooppunt.cli import main
from knooppunt.storage.postgres.credentials import SERVICE

from ..conftest import PASSPHRASE
from .checkout_helpers import make_user, seed_server
from .test_checkout import upcoming_meeting

# The demo file is the record put on the server; what runs on the server is the test itself.
pytestmark = pytest.mark.sqlite_only


def test_check_out_take_over_and_check_in_from_the_command_line(demo_services, pg_database, memory_keyring, tmp_path,
                                                                 monkeypatch, capsys):
    seed_server(pg_database, demo_services)
    location = demo_services.locations.locations()[0].name
    ib, coordinator = make_user(pg_database, "ib", location), make_user(pg_database, "co", location, coordinator=True)
    for user in (ib, coordinator):
        memory_keyring.set_password(SERVICE, pg_database.address(user.role).describe(), user.password)
    monkeypatch.setenv("KNOOPPUNT_PASSPHRASE", PASSPHRASE)
    server = ["--host", pg_database.server.host, "--poort", str(pg_database.server.port),
              "--database", pg_database.name, "--ca", str(pg_database.server.ca_file)]
    meeting = str(upcoming_meeting(demo_services))
    first, second = tmp_path / "eerste.db", tmp_path / "tweede.db"

    assert main(["uitchecken", meeting, "--uit", str(first), "--naam", "Annelies", "--als", ib.role, *server]) == 0
    assert f"Vergadering {meeting} uitgecheckt naar {first}" in capsys.readouterr().out
    assert main(["check-out", meeting, "--out", str(second), "--name", "Karin", "--as", coordinator.role, *server]) == 2
    assert "Fout: Deze vergadering is uitgecheckt door Annelies sinds" in capsys.readouterr().err
    assert main(["uitchecken", meeting, "--uit", str(second), "--naam", "Karin", *server]) == 2
    assert "Geef met --als uw eigen inlognaam op de server." in capsys.readouterr().err

    # The laptop is lost: the coordinator takes over; the lost copy can no longer check in.
    assert main(["uitcheck-overnemen", meeting, "--naam", "Karin", "--als", coordinator.role, *server]) == 0
    assert "overgenomen (was: Annelies sinds" in capsys.readouterr().out
    assert main(["inchecken", "--db", str(first)]) == 2
    assert "kan niet meer worden ingecheckt: Karin heeft de vergadering" in capsys.readouterr().err

    # Checked out again, and back in (English names, as scripts may use them).
    assert main(["check-out", meeting, "--out", str(second), "--name", "Karin", "--as", coordinator.role, *server]) == 0
    capsys.readouterr()
    assert main(["check-in", "--db", str(second)]) == 0
    out = capsys.readouterr().out
    assert f"Vergadering {meeting} ingecheckt" in out and f"Het bestand {second} is niet meer nodig." in out
