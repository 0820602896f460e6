"""The desktop app on the real test server: a location's user, its settings and an in-memory keyring."""

from __future__ import annotations

import pytest

from knooppunt.team_settings import TeamSettings
from tests.server.server_helpers import LocationUser, user_for
from tests.support.pg_fixtures import PgDatabase


@pytest.fixture
def user_folder(tmp_path, monkeypatch):
    """The user data folder (server.json goes there), not the tester's own."""
    folder = tmp_path / "gebruiker"
    monkeypatch.setattr("knooppunt.paths.user_data_dir", lambda: folder)
    return folder


def settings_for(database: PgDatabase, user: str, **changes: object) -> TeamSettings:
    server = database.server
    values: dict[str, object] = {"host": server.host, "user": user, "ca_file": server.ca_file, "port": server.port,
                                 "database": database.name, **changes}
    return TeamSettings(**values)  # type: ignore[arg-type]


DEMO_LOCATION = "Kindcentrum De Vlinderboom"
OTHER_LOCATION = "De Es"


@pytest.fixture
def linde(pg_database, clock) -> tuple[PgDatabase, LocationUser]:
    """The demo on the server (made by its owner, through the services), a second location with a
    child of its own, and a user of the demo's location only."""
    from datetime import date

    from knooppunt.composition import open_server_services
    from knooppunt.domain.children import Child
    from knooppunt.domain.directory import Location
    from knooppunt.domain.enums import LocationType
    from knooppunt.services.demo import build_demo
    from tests.conftest import TODAY

    services = open_server_services(pg_database.dsn(), clock=clock, actor="Beheerder")
    try:
        location_id = build_demo(services, today=TODAY)
        other, _ = services.locations.create_location(Location(None, OTHER_LOCATION, LocationType.PO))
        services.children.create_child(Child(None, other.id, "Elders", "Anders", date(2018, 5, 1)))
    finally:
        services.close()
    with pg_database.connect() as conn:
        # The store numbers its audit rows itself (head + 1); check-out's rows take the sequence's
        # next id, so it must start past the store's (found here, reported to dialect/checkout).
        conn.execute("SELECT setval(pg_get_serial_sequence('audit_log', 'id'), (SELECT max(id) FROM audit_log))")
    return pg_database, user_for(pg_database, DEMO_LOCATION, location_id)
