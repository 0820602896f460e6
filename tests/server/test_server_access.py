"""Access per location, enforced by the server: two users of two locations, each with its own
connection and hand-written SQL. Row-level security, not the program, refuses the other's rows."""

from __future__ import annotations

import psycopg
import pytest

from knooppunt.storage.postgres.access_sql import classified
from knooppunt.storage.postgres.schema_extras import SERVER_TABLES
from knooppunt.storage.postgres.shape import sqlite_tables
from tests.server.server_helpers import LOCATIONS, seed_two_locations, user_for

GUARDED = ("child", "guardian", "meeting", "discussion", "agenda_item", "note", "decision", "agreement", "document",
           "audit_log")


@pytest.fixture
def two_locations(pg_database):
    """(database, [(user, own ids, other's ids)] for De Linde and De Es)."""
    linde, es = seed_two_locations(pg_database)
    linde_user = user_for(pg_database, LOCATIONS[0], linde["location"])
    es_user = user_for(pg_database, LOCATIONS[1], es["location"])
    return pg_database, [(linde_user, linde, es), (es_user, es, linde)]


def test_every_table_is_placed_in_an_access_group():
    tables = {t.name for t in sqlite_tables()} | set(SERVER_TABLES)
    assert tables == classified(), "a new table needs its place in knooppunt/storage/postgres/access_sql.py"


def test_each_user_reads_only_its_own_locations_rows(two_locations):
    database, users = two_locations
    for (user, own, other), location in zip(users, LOCATIONS, strict=True):
        with user.connect(database) as conn:
            for table in GUARDED:
                ids = {r[0] for r in conn.execute(f"SELECT id FROM {table}")}
                assert ids == {own[table]}, table
                assert conn.execute(f"SELECT count(*) FROM {table} WHERE id = %s", (other[table],)).fetchone() == (0,)
            # Also not through a join from a row it may see.
            joined = conn.execute("SELECT n.text FROM note n JOIN agenda_item i ON i.id = n.agenda_item_id").fetchall()
            assert joined == [(f"Geheim van {location}",)]


def test_no_user_changes_or_deletes_the_other_locations_rows(two_locations):
    database, users = two_locations
    user, _own, other = users[0]
    with user.connect(database, autocommit=True) as conn:
        for table, column, value in (("child", "first_name", "'Gewijzigd'"), ("meeting", "place", "'Elders'"),
                                     ("note", "text", "'Overschreven'"), ("decision", "text", "'Anders'"),
                                     ("agreement", "description", "'Anders'")):
            changed = conn.execute(f"UPDATE {table} SET {column} = {value} WHERE id = %s", (other[table],))
            assert changed.rowcount == 0, table
        for table in ("note", "decision", "agreement", "guardian"):
            assert conn.execute(f"DELETE FROM {table} WHERE id = %s", (other[table],)).rowcount == 0, table
    with database.connect() as conn:  # as the superuser: all still there, unchanged
        assert conn.execute("SELECT first_name FROM child WHERE id = %s", (other["child"],)).fetchone() == ("Kind",)
        assert conn.execute("SELECT count(*) FROM note").fetchone() == (2,)


@pytest.mark.parametrize(("statement", "uses"), [
    ("INSERT INTO child (location_id, first_name, last_name, date_of_birth) VALUES (%s, 'Nep', 'Kind', '2019-01-01')",
     "location"),
    ("INSERT INTO meeting (location_id, date, start_time) VALUES (%s, '2026-12-01', '09:00')", "location"),
    ("INSERT INTO note (agenda_item_id, text) VALUES (%s, 'Ingeschoven')", "agenda_item"),
    ("INSERT INTO decision (discussion_id, text, decided_by, organisation) VALUES (%s, 'x', 'x', 'x')", "discussion"),
    ("INSERT INTO agreement (child_id, owner_kind, owner_name, description) VALUES (%s, 'school', 'x', 'x')", "child"),
    ("INSERT INTO audit_log (at, actor, action, table_name, prev_hash, hash, location_id) "
     f"VALUES ('2026-11-23', 'x', 'x', 'x', '{'0' * 64}', 'x', %s)", "location"),
], ids=["child", "meeting", "note", "decision", "agreement", "audit_log"])
def test_no_user_adds_rows_to_the_other_location(two_locations, statement, uses):
    database, users = two_locations
    user, own, other = users[1]
    with user.connect(database) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege,
                                                       match="row-level security"):
        conn.execute(statement, (other[uses],))
    if "audit_log" not in statement:  # (its own chain has begun: the row would not continue it)
        with user.connect(database) as conn:  # into its own location the same statement is fine
            conn.execute(statement, (own[uses],))


def test_no_user_moves_a_child_to_the_other_location(two_locations):
    database, users = two_locations
    user, own, other = users[0]
    with user.connect(database) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE child SET location_id = %s WHERE id = %s", (other["location"], own["child"]))


def test_both_users_read_the_directory(two_locations):
    database, users = two_locations
    for user, _own, _other in users:
        with user.connect(database) as conn:
            assert [r[0] for r in conn.execute("SELECT name FROM location ORDER BY id")] == list(LOCATIONS)
            assert conn.execute("SELECT name FROM organisation").fetchall() == [("GGD Regio",)]
            assert conn.execute("SELECT name FROM contact_person").fetchall() == [("Jeugdarts",)]
            assert conn.execute("SELECT role FROM location_partner").fetchall() == [("JGZ",)]
            assert conn.execute("SELECT count(*) FROM organisation_type").fetchone() == (8,)


def test_a_user_neither_adds_a_location_nor_changes_the_others_nor_reads_the_signing_key(two_locations):
    database, users = two_locations
    user, own, other = users[0]
    with user.connect(database, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO location (name, type) VALUES ('Nieuw', 'PO')")
        assert conn.execute("UPDATE location SET city = 'X' WHERE id = %s", (other["location"],)).rowcount == 0
        assert conn.execute("UPDATE location SET city = 'Eigen' WHERE id = %s", (own["location"],)).rowcount == 1
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM regional_signing_key")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO kp_membership (role_name, location_id) VALUES (current_user, %s)",
                         (other["location"],))


def test_a_user_cannot_rewrite_even_its_own_audit_rows(two_locations):
    database, users = two_locations
    user, own, _other = users[0]
    with user.connect(database, autocommit=True) as conn:
        for statement in ("UPDATE audit_log SET actor = 'Niemand'", "DELETE FROM audit_log", "TRUNCATE audit_log"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        assert conn.execute("SELECT id FROM audit_log").fetchall() == [(own["audit_log"],)]


def test_a_connection_without_tls_is_refused_by_the_server(two_locations):
    database, users = two_locations
    user = users[0][0]
    for who, password in ((user.role, user.password), ("postgres", database.server.password)):
        with pytest.raises(psycopg.OperationalError, match="no encryption"):
            psycopg.connect(database.dsn(who, password, sslmode="disable"))


def test_tls_older_than_1_2_is_refused(pg_database):
    dsn = pg_database.dsn() + " ssl_max_protocol_version=TLSv1.1"
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(dsn)
    with pg_database.connect() as conn:
        assert conn.execute("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()[0]


def test_the_location_lookups_say_nothing_about_the_other_locations_rows(two_locations):
    database, users = two_locations
    user, own, other = users[0]
    with user.connect(database) as conn:
        mine = conn.execute("SELECT kp_child_location(%s), kp_item_location(%s)", (own["child"], own["agenda_item"]))
        assert mine.fetchone() == (own["location"], own["location"])
        theirs = conn.execute("SELECT kp_child_location(%s), kp_item_location(%s), kp_child_location(999)",
                              (other["child"], other["agenda_item"]))
        assert theirs.fetchone() == (None, None, None)  # the same answer as for a child that does not exist
