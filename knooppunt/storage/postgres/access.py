"""Setting up the organisation's server: the database, its roles, users and their locations.

What ``knooppunt-cli server inrichten|gebruiker-toevoegen`` does; a board's IT can do the same by
hand with the SQL files in packaging/server/ (written from the same statements).
"""

from __future__ import annotations

import psycopg
from psycopg import sql

from ...errors import KnooppuntError
from .access_sql import ADMINS, OWNER, USERS, access_statements, database_statements, role_statements
from .connection import ServerAddress, check_name, connect
from .schema import install

MAINTENANCE_DATABASE = "postgres"


def initialise(address: ServerAddress, password: str) -> None:
    """Create the group roles, the database (owned by ``knooppunt_eigenaar``), the schema, the
    policies and the grants. Run as a superuser. A failure leaves no half-made database behind."""
    database = check_name(address.database, "databasenaam")
    with connect(address, password, database=MAINTENANCE_DATABASE, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,)).fetchone():
            raise KnooppuntError(f"De database {database} bestaat al op de server; er is niets veranderd.")
        for statement in role_statements():
            conn.execute(statement.encode())
        conn.execute(sql.SQL("CREATE DATABASE {} OWNER {} ENCODING 'UTF8' LOCALE 'C.UTF-8' TEMPLATE template0")
                     .format(sql.Identifier(database), sql.Identifier(OWNER)))
        try:
            for statement in database_statements(database):
                conn.execute(statement.encode())
            with connect(address, password) as db:
                install_as_owner(db)
        except BaseException:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database)))
            raise


def install_as_owner(conn: psycopg.Connection[tuple[object, ...]]) -> None:
    """Schema and access rules in one transaction, every object owned by ``knooppunt_eigenaar``."""
    with conn.transaction():
        conn.execute(f"SET LOCAL ROLE {OWNER}".encode())
        install(conn)
        for statement in access_statements():
            conn.execute(statement.encode())


def add_user(address: ServerAddress, password: str, name: str, new_password: str, locations: list[str], *,
             admin: bool = False) -> None:
    """A login role for one person, a member of the users' (or administrators') group, belonging to
    ``locations`` (names). The password reaches the server only as a SCRAM-SHA-256 verifier."""
    check_name(name, "gebruikersnaam")
    if not locations and not admin:
        raise KnooppuntError("Geef met --locatie aan bij welke locatie(s) deze gebruiker hoort.")
    with connect(address, password) as conn, conn.transaction():
        if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone():
            raise KnooppuntError(f"De gebruiker {name} bestaat al op de server; er is niets veranderd.")
        ids = [_location_id(conn, location) for location in locations]
        verifier = conn.pgconn.encrypt_password(new_password.encode(), name.encode(), b"scram-sha-256")
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
            sql.Identifier(name), sql.Literal(verifier.decode()), sql.Identifier(ADMINS if admin else USERS)))
        with conn.cursor() as cursor:
            cursor.executemany("INSERT INTO kp_membership (role_name, location_id) VALUES (%s, %s)",
                               [(name, location_id) for location_id in ids])


def change_locations(address: ServerAddress, password: str, name: str, *, add: list[str],
                     remove: list[str]) -> list[str]:
    """Give a user more locations or take some away; returns the user's locations afterwards."""
    with connect(address, password) as conn, conn.transaction():
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone():
            raise KnooppuntError(f"Er is geen gebruiker {name} op de server.")
        with conn.cursor() as cursor:
            cursor.executemany("INSERT INTO kp_membership (role_name, location_id) VALUES (%s, %s) "
                               "ON CONFLICT DO NOTHING", [(name, _location_id(conn, loc)) for loc in add])
            cursor.executemany("DELETE FROM kp_membership WHERE role_name = %s AND location_id = %s",
                               [(name, _location_id(conn, loc)) for loc in remove])
        rows = conn.execute("SELECT l.name FROM kp_membership m JOIN location l ON l.id = m.location_id "
                            "WHERE m.role_name = %s ORDER BY l.name", (name,)).fetchall()
        return [str(r[0]) for r in rows]


def _location_id(conn: psycopg.Connection[tuple[object, ...]], name: str) -> int:
    row = conn.execute("SELECT id FROM location WHERE name = %s", (name,)).fetchone()
    if row is None:
        raise KnooppuntError(f"Er is geen locatie met de naam ‘{name}’ op de server.")
    return int(str(row[0]))
