"""Two locations on the test server, each with a child's whole file, and one user for each."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

import psycopg

from knooppunt.storage.postgres.access import add_user
from knooppunt.storage.postgres.audit import append
from knooppunt.storage.postgres.store import Qmark
from tests.support.pg_fixtures import PgDatabase

LOCATIONS = ("De Linde", "De Es")


@dataclass(frozen=True)
class LocationUser:
    role: str
    password: str
    location_id: int

    def connect(self, database: PgDatabase, **kwargs: object) -> psycopg.Connection:
        return database.connect(self.role, self.password, **kwargs)


def seed_location(conn: psycopg.Connection, name: str) -> dict[str, int]:
    """A location with a child, a meeting that discussed it (note, decision, agreement, document)
    and an audit row; returns the ids by table."""
    def one(query: str, *params: object) -> int:
        return int(conn.execute(query + " RETURNING id", params).fetchone()[0])

    ids = {"location": one("INSERT INTO location (name, type) VALUES (%s, 'PO')", name)}
    loc = ids["location"]
    ids["child"] = one("INSERT INTO child (location_id, first_name, last_name, date_of_birth) "
                       "VALUES (%s, 'Kind', %s, '2018-03-01')", loc, name)
    ids["guardian"] = one("INSERT INTO guardian (child_id, name) VALUES (%s, 'Ouder')", ids["child"])
    ids["meeting"] = one("INSERT INTO meeting (location_id, date, start_time) VALUES (%s, '2026-11-23', '09:00')",
                         loc)
    ids["discussion"] = one("INSERT INTO discussion (meeting_id, child_id, slot_start) VALUES (%s, %s, '09:00')",
                            ids["meeting"], ids["child"])
    ids["agenda_item"] = one("INSERT INTO agenda_item (discussion_id, position, kind, title, minutes) "
                             "VALUES (%s, 1, 'zorg', 'Zorgen', 10)", ids["discussion"])
    ids["note"] = one("INSERT INTO note (agenda_item_id, text) VALUES (%s, 'Geheim van ' || %s)",
                      ids["agenda_item"], name)
    ids["decision"] = one("INSERT INTO decision (discussion_id, text, decided_by, organisation) "
                          "VALUES (%s, 'Besluit', 'JGZ', 'GGD')", ids["discussion"])
    ids["agreement"] = one("INSERT INTO agreement (child_id, discussion_id, owner_kind, owner_name, description) "
                           "VALUES (%s, %s, 'school', 'IB', 'Afspraak')", ids["child"], ids["discussion"])
    ids["document"] = one("INSERT INTO document (discussion_id, kind, pdf, sha256, finalised_at, finalised_by) "
                          "VALUES (%s, 'verslag', '\\x25504446', 'x', '2026-11-23', 'IB')", ids["discussion"])
    ids["audit_log"] = _audit_row(conn, loc)
    return ids


def _audit_row(conn: psycopg.Connection, location_id: int) -> int:
    return append(Qmark(conn), datetime(2026, 11, 23, 9, 30), "IB", "toegevoegd", "child", 1, "Kind", location_id)


def seed_two_locations(database: PgDatabase) -> tuple[dict[str, int], dict[str, int]]:
    with database.connect() as conn:
        conn.execute("INSERT INTO organisation (name, type_id) VALUES ('GGD Regio', 1)")
        conn.execute("INSERT INTO contact_person (name, organisation_id) VALUES ('Jeugdarts', 1)")
        first, second = (seed_location(conn, name) for name in LOCATIONS)
        conn.execute("INSERT INTO location_partner (location_id, role, kind, organisation_id) "
                     "VALUES (%s, 'JGZ', 'structureel', 1)", (first["location"],))
    return first, second


def user_for(database: PgDatabase, location: str, location_id: int, *, admin: bool = False) -> LocationUser:
    """A login role (unique in the cluster: roles are shared by the test databases) for ``location``."""
    role = f"ib_{database.name}_{location_id}" + ("_beheer" if admin else "")
    password = secrets.token_urlsafe(16)
    add_user(database.address(), database.server.password, role, password, [location], admin=admin)
    return LocationUser(role, password, location_id)
