"""``knooppunt-cli server inrichten|gebruiker-toevoegen|controleren`` against the real test server,
with the passwords in a keyring (in memory here; the operating system's in real use)."""

from __future__ import annotations

import itertools
from datetime import datetime

import keyring
import psycopg
import pytest
import trustme
from keyring.backends.fail import Keyring as NoKeyring

from knooppunt.cli import main
from knooppunt.storage.postgres.audit import append
from knooppunt.storage.postgres.connection import ServerAddress
from knooppunt.storage.postgres.credentials import SERVICE
from knooppunt.storage.postgres.store import Qmark
from tests.support.pg import free_port

_numbers = itertools.count(1)


@pytest.fixture
def board(pg_server, memory_keyring):
    """The arguments that reach a new, not yet made database as the superuser, whose password
    is in the keyring; the database is dropped afterwards."""
    name = f"knooppunt_cli_{next(_numbers)}"
    address = ServerAddress(pg_server.host, "postgres", pg_server.port, name, pg_server.ca_file)
    memory_keyring.set_password(SERVICE, address.describe(), pg_server.password)
    yield ["--host", pg_server.host, "--poort", str(pg_server.port), "--database", name, "--ca",
           str(pg_server.ca_file)], name
    with psycopg.connect(pg_server.dsn(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _add_location(pg_server, database: str, name: str) -> None:
    with psycopg.connect(pg_server.dsn(database)) as conn:
        conn.execute("INSERT INTO location (name, type) VALUES (%s, 'PO')", (name,))


def test_init_add_user_and_check_set_up_a_server_a_user_can_use(pg_server, board, capsys):
    connection, database = board
    assert main(["server", "inrichten", *connection]) == 0
    _add_location(pg_server, database, "De Linde")
    assert main(["server", "gebruiker-toevoegen", f"jan_{database}", "--locatie", "De Linde", *connection]) == 0
    out = capsys.readouterr().out
    password = out.split("veilig door): ")[1].strip()
    assert main(["server", "controleren", *connection]) == 0
    report = capsys.readouterr().out
    assert "in orde   TLS: een verbinding zonder TLS wordt geweigerd" in report
    assert "TLS: deze verbinding is versleuteld (TLSv1.3)" in report
    assert "Rijbeveiliging (RLS) aan op alle" in report
    assert f"gebruiker jan_{database}: De Linde" in report
    assert "PROBLEEM" not in report and "Alles in orde." in report
    # The new user connects with the password it was given, and sees its location's (empty) record.
    with psycopg.connect(pg_server.dsn(database, f"jan_{database}", password)) as conn:
        assert conn.execute("SELECT count(*) FROM child").fetchone() == (0,)
    # Later he moves to another location.
    _add_location(pg_server, database, "De Es")
    assert main(["server", "locaties", f"jan_{database}", "--erbij", "De Es", "--eraf", "De Linde", *connection]) == 0
    assert capsys.readouterr().out == f"jan_{database}: De Es\n"
    with psycopg.connect(pg_server.dsn(database, f"jan_{database}", password)) as conn:
        assert conn.execute("SELECT kp_may_location(1), kp_may_location(2)").fetchone() == (False, True)
    assert main(["server", "locaties", "niemand", "--erbij", "De Es", *connection]) == 2
    assert "Er is geen gebruiker niemand op de server." in capsys.readouterr().err


def test_check_names_a_table_whose_row_level_security_was_switched_off(pg_server, board, capsys):
    connection, database = board
    assert main(["server", "init", *connection]) == 0
    with psycopg.connect(pg_server.dsn(database)) as conn:
        conn.execute("ALTER TABLE note DISABLE ROW LEVEL SECURITY")
    assert main(["server", "check", *connection]) == 1
    report = capsys.readouterr().out
    assert "PROBLEEM  Rijbeveiliging (RLS) ontbreekt op: note" in report


def test_check_verifies_the_hashes_of_each_locations_chain(pg_server, board, capsys):
    connection, database = board
    assert main(["server", "inrichten", *connection]) == 0
    at = datetime(2026, 11, 23, 9, 30)
    with psycopg.connect(pg_server.dsn(database), autocommit=True) as conn:
        conn.execute("INSERT INTO location (name, type) VALUES ('De Linde', 'PO')")
        for location in (1, None, 1):  # ids 1, 2, 3: the location's chain has a gap at 2
            append(Qmark(conn), at, "IB", "toegevoegd", "child", 1, "Kind De Linde", location)
    assert main(["server", "controleren", *connection]) == 0
    assert "Logboek: 3 regel(s) in 2 keten(s), elke regel sluit aan en is ongewijzigd" in capsys.readouterr().out
    with psycopg.connect(pg_server.dsn(database)) as conn:
        conn.execute("ALTER TABLE audit_log DISABLE TRIGGER USER")
        conn.execute("UPDATE audit_log SET detail = 'Ander kind' WHERE id = 3")
    assert main(["server", "controleren", *connection]) == 1
    assert "PROBLEEM  Logboek: rij 3 is gewijzigd nadat hij is vastgelegd." in capsys.readouterr().out
    with psycopg.connect(pg_server.dsn(database)) as conn:
        conn.execute("ALTER TABLE audit_log DISABLE TRIGGER USER")
        conn.execute("UPDATE audit_log SET location_id = NULL WHERE id = 1")  # moved to another chain
    assert main(["server", "controleren", *connection]) == 1
    assert "PROBLEEM  Logboek: rij 1 is gewijzigd nadat hij is vastgelegd." in capsys.readouterr().out


def test_init_refuses_an_existing_database_and_add_user_an_unknown_location(pg_server, board, capsys):
    connection, database = board
    assert main(["server", "inrichten", *connection]) == 0
    assert main(["server", "inrichten", *connection]) == 2
    assert f"De database {database} bestaat al op de server" in capsys.readouterr().err
    assert main(["server", "gebruiker-toevoegen", "piet", "--locatie", "Nergens", *connection]) == 2
    assert "Er is geen locatie met de naam ‘Nergens’" in capsys.readouterr().err
    _add_location(pg_server, database, "De Es")
    assert main(["server", "gebruiker-toevoegen", f"es_{database}", "--locatie", "De Es", *connection]) == 0
    assert main(["server", "gebruiker-toevoegen", f"es_{database}", "--locatie", "De Es", *connection]) == 2
    assert f"De gebruiker es_{database} bestaat al" in capsys.readouterr().err
    with psycopg.connect(pg_server.dsn()) as conn:
        assert conn.execute("SELECT count(*) FROM pg_roles WHERE rolname = 'piet'").fetchone() == (0,)


def test_without_keyring_or_terminal_it_asks_nothing_and_says_why(board, capsys):
    connection, _database = board
    keyring.set_keyring(NoKeyring())
    assert main(["server", "controleren", *connection]) == 2
    assert "Geen wachtwoord voor postgres@127.0.0.1" in capsys.readouterr().err


def test_a_password_typed_at_the_terminal_is_kept_in_the_keyring_on_request(pg_server, board, memory_keyring,
                                                                             monkeypatch, capsys):
    connection, database = board
    memory_keyring.passwords.clear()
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt: pg_server.password)
    assert main(["server", "inrichten", *connection, "--bewaar-wachtwoord"]) == 0
    address = ServerAddress(pg_server.host, "postgres", pg_server.port, database, pg_server.ca_file)
    assert memory_keyring.passwords == {(SERVICE, address.describe()): pg_server.password}
    assert "bewaard in de sleutelbos" in capsys.readouterr().out


def test_a_wrong_password_is_a_dutch_refusal(pg_server, board, memory_keyring, capsys):
    connection, database = board
    address = ServerAddress(pg_server.host, "postgres", pg_server.port, database, pg_server.ca_file)
    memory_keyring.set_password(SERVICE, address.describe(), "fout")
    assert main(["server", "controleren", *connection]) == 2
    assert "weigert de aanmelding van postgres: de naam of het wachtwoord klopt niet" in capsys.readouterr().err


def test_a_server_certificate_from_another_ca_is_refused(pg_server, board, tmp_path, capsys):
    other_ca = tmp_path / "ander.pem"
    trustme.CA().cert_pem.write_to_path(str(other_ca))
    connection, _database = board
    connection[connection.index("--ca") + 1] = str(other_ca)
    assert main(["server", "controleren", *connection]) == 2
    assert "certificaat van de server klopt niet" in capsys.readouterr().err


def test_an_administrator_adds_a_location_she_then_belongs_to_but_sees_no_other_locations_children(
        pg_server, board, memory_keyring, capsys):
    connection, database = board
    assert main(["server", "inrichten", *connection]) == 0
    _add_location(pg_server, database, "De Linde")
    _add_location(pg_server, database, "De Eik")
    assert main(["server", "gebruiker-toevoegen", f"ria_{database}", "--locatie", "De Linde", "--beheer",
                 *connection]) == 0
    password = capsys.readouterr().out.split("veilig door): ")[1].strip()
    add_child = ("INSERT INTO child (location_id, first_name, last_name, date_of_birth) "
                 "VALUES ((SELECT id FROM location WHERE name = %s), 'Kind', %s, '2018-01-01')")
    with psycopg.connect(pg_server.dsn(database)) as conn:
        conn.execute(add_child, ("De Eik", "Eik"))
    with psycopg.connect(pg_server.dsn(database, f"ria_{database}", password)) as conn:
        conn.execute("INSERT INTO location (name, type) VALUES ('De Es', 'PO')")
        conn.execute(add_child, ("De Es", "Es"))  # she belongs to the location she added
    with psycopg.connect(pg_server.dsn(database, f"ria_{database}", password)) as conn:
        assert conn.execute("SELECT last_name FROM child").fetchall() == [("Es",)]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(add_child, ("De Eik", "Nep"))  # not a member of De Eik
    # As herself, the check reports her own place only (a user sees only its own memberships).
    address = ServerAddress(pg_server.host, f"ria_{database}", pg_server.port, database, pg_server.ca_file)
    memory_keyring.set_password(SERVICE, address.describe(), password)
    assert main(["server", "controleren", *connection, "--als", f"ria_{database}"]) == 0
    assert f"beheerder ria_{database}: De Es, De Linde" in capsys.readouterr().out


def test_an_unreachable_server_is_a_dutch_refusal(pg_server, board, memory_keyring, capsys):
    connection, database = board
    port = free_port()  # nothing listens there
    connection[connection.index("--poort") + 1] = str(port)
    address = ServerAddress(pg_server.host, "postgres", port, database, pg_server.ca_file)
    memory_keyring.set_password(SERVICE, address.describe(), pg_server.password)
    assert main(["server", "controleren", *connection]) == 2
    assert "is niet bereikbaar" in capsys.readouterr().err
