"""The PostgreSQL schema is generated from the SQLite migrations, and the two cannot drift: built
side by side, they are compared table by table (columns, types, nullability, keys, indexes)."""

from __future__ import annotations

import psycopg
import pytest
from sqlite_utils import Database

from knooppunt.storage.postgres.schema import SERVER_COLUMNS, SERVER_TABLES, TYPES
from knooppunt.storage.postgres.shape import Table, check_expressions, sqlite_tables
from knooppunt.storage.schema import MIGRATIONS
from knooppunt.text import fold
from tests.support.pg_fixtures import fresh_database

ON_DELETE = {"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}


def _pg_shape(conn: psycopg.Connection) -> dict[str, dict[str, object]]:
    shape: dict[str, dict[str, object]] = {}
    for (table,) in conn.execute("SELECT table_name FROM information_schema.tables "
                                 "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"):
        shape[table] = {"columns": [], "pk": (), "fks": set(), "uniques": set(), "indexes": set(), "checks": 0}
    for table, column, type_, nullable in conn.execute(
            "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns "
            "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"):
        if table in shape and column not in SERVER_COLUMNS.get(table, ()):
            shape[table]["columns"].append((column, type_, nullable == "NO"))  # type: ignore[attr-defined]
    for table, kind, columns, ref_table, ref_columns, on_delete in conn.execute("""
            SELECT c.conrelid::regclass::text, c.contype,
                   array(SELECT attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                         JOIN pg_attribute ON attrelid = c.conrelid AND attnum = k.n ORDER BY k.i),
                   c.confrelid::regclass::text,
                   array(SELECT attname FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                         JOIN pg_attribute ON attrelid = c.confrelid AND attnum = k.n ORDER BY k.i),
                   c.confdeltype
            FROM pg_constraint c JOIN pg_namespace s ON s.oid = c.connamespace WHERE s.nspname = 'public'"""):
        if kind == "p":
            shape[table]["pk"] = tuple(columns)
        elif kind == "f":
            shape[table]["fks"].add((columns[0], ref_table, ref_columns[0], ON_DELETE[on_delete]))  # type: ignore[attr-defined]
        elif kind == "u":
            shape[table]["uniques"].add(tuple(columns))  # type: ignore[attr-defined]
        elif kind == "c":
            shape[table]["checks"] += 1  # type: ignore[operator]
    for table, index, unique in conn.execute(
            "SELECT t.relname, i.relname, x.indisunique FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
            "JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace s ON s.oid = t.relnamespace "
            "WHERE s.nspname = 'public' AND NOT x.indisprimary"):
        if table in shape:
            shape[table]["indexes"].add((index, unique))  # type: ignore[attr-defined]
    return shape


def _expected(table: Table) -> dict[str, object]:
    return {
        "columns": [(c.name, TYPES[c.type], c.not_null or bool(c.pk_position)) for c in table.columns],
        "pk": table.primary_key,
        "fks": {(fk.column, fk.table, fk.target, fk.on_delete) for fk in table.foreign_keys},
        "uniques": set(table.uniques),
        "indexes": {(i.name, i.unique) for i in table.indexes},
        "checks": len(table.checks),
    }


@pytest.fixture(scope="module")
def server_shape(pg_server):
    with fresh_database(pg_server) as database, database.connect() as conn:
        return _pg_shape(conn)


def test_the_server_has_every_sqlite_table_and_no_other(server_shape):
    sqlite_names = {t.name for t in sqlite_tables()}
    assert set(server_shape) - set(SERVER_TABLES) == sqlite_names
    assert len(sqlite_names) > 40  # the whole schema, not an empty read


@pytest.mark.parametrize("table", sqlite_tables(), ids=lambda t: t.name)
def test_each_table_matches_its_sqlite_table(server_shape, table):
    expected, actual = _expected(table), server_shape[table.name]
    assert actual["columns"] == expected["columns"]
    assert actual["pk"] == expected["pk"]
    assert actual["fks"] == expected["fks"]
    # pg_index also lists the UNIQUE constraints' own indexes and the server's search indexes.
    assert {u for u in actual["uniques"]} == expected["uniques"]
    assert expected["indexes"] <= actual["indexes"]
    assert actual["checks"] == expected["checks"]


def test_check_constraints_are_read_from_the_statement_quotes_and_nesting_included():
    create = ("CREATE TABLE t (a TEXT DEFAULT 'no CHECK (here)' CHECK (a IN ('x', 'it''s )')), "
              "\"checked\" INTEGER CHECK ((a = 'x') = (\"checked\" > 0)), CHECK (length(trim(a)) > 0))")
    assert check_expressions(create) == ["a IN ('x', 'it''s )')", "(a = 'x') = (\"checked\" > 0)",
                                         "length(trim(a)) > 0"]


def test_the_server_refuses_what_the_sqlite_checks_refuse(pg_database):
    with pg_database.connect() as conn, pytest.raises(psycopg.errors.CheckViolation):
        conn.execute("INSERT INTO location (name, type, frequency_weeks) VALUES ('De Linde', 'PO', 53)")


def test_the_migrations_rows_are_on_the_server_and_new_ids_follow_them(pg_database):
    with pg_database.connect() as conn:
        codes = [r[0] for r in conn.execute("SELECT code FROM organisation_type ORDER BY id")]
        new_id = conn.execute("INSERT INTO organisation_type (code, name) VALUES ('X', 'Nieuw') RETURNING id").fetchone()
        migrations = [r[0] for r in conn.execute("SELECT name FROM kp_migration ORDER BY name")]
    assert codes[:2] == ["JGZ", "SMW"] and len(codes) == 8
    assert new_id == (9,)
    assert migrations == sorted(m.name for m in MIGRATIONS.pending(Database(memory=True)))


NAMES = ["Anaïs", "Çelik", "Łukasz", "Şükrü", "Øyvind", "Straße", "Ærø", "Œuvre", "Þórunn", "Ğül", "Nguyễn",
         "ÉLODIE", "Ĳsbrand", "İlker", "Zoë", "Đorđe", "Åsa", "Mañana", "Koç", "van der Berg-Öztürk"]


# Latin-1 and Latin Extended-A: the letters of names in Dutch, Turkish, Polish, Scandinavian … directories.
# unaccent has no rule for these four (kra, the apostrophe n, eng); the program folds them to themselves.
LETTERS = [chr(c) for c in range(0xC0, 0x180) if chr(c).isalpha() and chr(c) not in "ĸŉŊŋ"]


def test_the_server_folds_names_and_letters_as_the_program_does(pg_database):
    texts = [*NAMES, *LETTERS]
    with pg_database.connect() as conn:
        folded = [r[0] for r in conn.execute("SELECT kp_fold(t) FROM unnest(%s::text[]) WITH ORDINALITY u(t, n) "
                                             "ORDER BY n", (texts,))]
    assert folded == [fold(text) for text in texts]
    assert len(LETTERS) > 180


def test_a_childs_search_name_is_kept_folded_and_found_with_the_trigram_index(pg_database):
    with pg_database.connect() as conn:
        conn.execute("INSERT INTO location (name, type) VALUES ('De Linde', 'PO')")
        conn.execute("INSERT INTO child (location_id, first_name, last_name, date_of_birth) "
                     "VALUES (1, 'Anaïs', 'Çelik', '2018-03-01')")
        conn.execute("UPDATE child SET last_name = 'Öztürk'")
        found = conn.execute("SELECT first_name FROM child WHERE search_name LIKE '%%' || kp_fold(%s) || '%%'",
                             ("ozturk",)).fetchall()
        stored = conn.execute("SELECT search_name FROM child").fetchone()
    assert found == [("Anaïs",)]
    assert stored == ("anais ozturk",)


def test_the_audit_log_is_append_only_and_chained_per_location_on_the_server(pg_database):
    row = "'2026-11-23T09:30:00', 'Test', 'toegevoegd', 'child', 1, '', %s, %s, %s"
    insert = ("INSERT INTO audit_log (at, actor, action, table_name, record_id, detail, prev_hash, hash, "
              f"location_id) VALUES ({row})")
    with pg_database.connect(autocommit=True) as conn:
        conn.execute(insert, ("0" * 64, "a" * 64, 1))
        with pytest.raises(psycopg.errors.RaiseException, match="aansluiten op de vorige"):
            conn.execute(insert, ("0" * 64, "b" * 64, 1))
        conn.execute(insert, ("0" * 64, "c" * 64, 2))  # another location starts its own chain
        conn.execute(insert, ("0" * 64, "d" * 64, None))  # and so does the shared directory
        with pytest.raises(psycopg.errors.RaiseException, match="niet gewijzigd"):
            conn.execute("UPDATE audit_log SET actor = 'Iemand anders'")
        with pytest.raises(psycopg.errors.RaiseException, match="niet gewist"):
            conn.execute("DELETE FROM audit_log")
        with pytest.raises(psycopg.errors.RaiseException, match="niet gewist"):
            conn.execute("TRUNCATE audit_log")
        conn.execute(insert, ("a" * 64, "b" * 64, 1))
        assert conn.execute("SELECT count(*), min(db_role) FROM audit_log").fetchone() == (4, "postgres")
