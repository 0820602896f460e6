"""A meeting checked out to the laptop (issue 22): worked on offline with the server stopped, then
checked in; the server's record is then the one that working online gives: the same meeting
chaired with the same services on the PostgreSQL store, on a second database with the same record."""

from __future__ import annotations

import pytest

from knooppunt.composition import open_server_services, open_services
from knooppunt.domain.enums import Attendance, OwnerKind, Position
from knooppunt.services.outcomes.agreements import AgreementInput
from knooppunt.services.outcomes.decisions import DecisionInput
from knooppunt.storage.audit_chain import GENESIS, chain_hash
from knooppunt.storage.postgres.checkout_scope import tables
from knooppunt.storage.postgres.connection import ServerUnavailable
from tests.support.pg_fixtures import fresh_database

from ..conftest import PASSPHRASE, TEST_KDF_ITER, TODAY
from .checkout_helpers import make_user, seed_server, server_rows
from .outcome_helpers import finalise, partner_id, run

# The demo file is the record put on the server; what runs on the server is the test itself.
pytestmark = pytest.mark.sqlite_only

AUDIT_FIELDS = "at, actor, action, table_name, record_id, detail"


def upcoming_meeting(services) -> int:
    return next(v.meeting.id for v in services.meetings.meetings() if v.meeting.date == TODAY)


def chair(services, meeting_id: int) -> None:
    """What a chair does at the table: opens both discussions, takes notes, decides, agrees, marks
    someone absent, deletes a note and finalises the first discussion."""
    first, second = (d.id for d in services.meeting_mode.discussions(meeting_id)[:2])
    run(services, first)
    item = services.meeting_mode.agenda(first)[0]
    note, _ = services.meeting_mode.add_note(item.id, text="Moeder vertelt dat het thuis beter gaat.")
    services.meeting_mode.save_note_text(note.id, "Moeder vertelt dat het thuis veel beter gaat.")
    scratch, _ = services.meeting_mode.add_note(item.id, text="dubbel")
    services.meeting_mode.delete_note(scratch.id)
    services.decisions.record(first, DecisionInput("Extra ondersteuning in de klas", "", partner_id(services, "Jeugd"),
                                                   parents_position=Position.AGREE))
    services.agreements.create(first, AgreementInput(OwnerKind.SCHOOL, "Juf Anna", "Wekelijks kort overleg met ouders"))
    services.meeting_mode.set_item_done(item.id)
    finalise(services, first)
    services.meeting_mode.start(second)
    absent = services.meeting_mode.participants(second)[0]
    services.meeting_mode.set_attendance(absent.id, Attendance.ABSENT, "ziek")


def _new_ids(rows: dict[str, list[tuple]], seed: dict[str, set]) -> dict[str, dict]:
    """Rows made during the meeting get a name by the order they were made: their ids differ
    between the file and the server (a reserved block), their order does not."""
    new = {}
    for table, found in rows.items():
        if tables()[table].primary_key == ("id",):
            made = sorted(r[0] for r in found if r[0] not in seed.get(table, set()))
            new[table] = {old: f"nieuw {table} {n}" for n, old in enumerate(made)}
    return new


def normalised(rows: dict[str, list[tuple]], seed: dict[str, set]) -> dict[str, list[tuple]]:
    new = _new_ids(rows, seed)
    result = {}
    for table, found in rows.items():
        names = [c.name for c in tables()[table].columns]
        refers = {names.index(fk.column): fk.table for fk in tables()[table].foreign_keys}
        if "id" in names:
            refers[names.index("id")] = table
        result[table] = sorted((tuple(new.get(refers[i], {}).get(v, v) if i in refers else v
                                      for i, v in enumerate(row)) for row in found), key=repr)
    return result


def _seed_ids(services) -> dict[str, set]:
    db = services.store.db
    return {t: {r[0] for r in db.execute(f'SELECT id FROM "{t}"')} for t in tables()
            if tables()[t].primary_key == ("id",)}


@pytest.fixture
def twin(pg_server, demo_services):
    """A second database on the server with the same record: there the meeting is chaired online."""
    with fresh_database(pg_server) as database:
        seed_server(database, demo_services)
        yield database


def test_checked_out_offline_and_checked_in_is_the_record_that_working_online_gives(
        demo_services, twin, pg_database, pg_server, tmp_path, clock):
    record = demo_services
    seed_server(pg_database, record)
    seed = _seed_ids(record)
    meeting_id = upcoming_meeting(record)
    location = record.locations.locations()[0].name
    ib = make_user(pg_database, "ib", location)
    laptop_file = tmp_path / "uitgecheckt.db"
    out = ib.service(pg_database, clock).check_out(meeting_id, laptop_file, PASSPHRASE, holder=record.store.actor)
    assert len(out.children) == len(record.meeting_mode.discussions(meeting_id))

    # Meanwhile others work on the server: the ids it hands out are not in the laptop's blocks.
    with make_user(pg_database, "zc", location).connect(pg_database) as conn:
        other = conn.execute("INSERT INTO meeting (location_id, date, start_time) VALUES (%s, '2026-12-14', '08:30') "
                             "RETURNING id", (out.location_id,)).fetchone()[0]
    first, last = out.blocks["meeting"]
    assert not first <= other <= last
    before = server_rows(pg_database, meeting_id)

    # The network is cut: the server is stopped while the chair works.
    pg_server._ctl("stop", "-m", "fast", "-w")
    try:
        with pytest.raises(ServerUnavailable):
            ib.service(pg_database, clock).lease(meeting_id)
        laptop = open_services(laptop_file, PASSPHRASE, kdf_iter=TEST_KDF_ITER, clock=clock, actor="onbekend")
        try:
            who = (laptop.profile.user_name, laptop.profile.role)  # the file's profile: the chair
            chair(laptop, meeting_id)
            made = {t: ids for t, ids in _seed_ids(laptop).items() if ids - seed[t]}
        finally:
            laptop.close()
    finally:
        pg_server._ctl("start", "-w", "-t", "60", "-l", str(pg_server.log_file))
    assert server_rows(pg_database, meeting_id) == before  # nothing of the meeting reached the server yet
    # As the server's superuser, as the backend-parametrised core suite runs; under the chair's own
    # name, as on the laptop (on the server a profile is kept per login role).
    online = open_server_services(twin.dsn(), clock=clock)
    try:
        online.profile.save(*who)
        chair(online, meeting_id)  # the same meeting, chaired online on the PostgreSQL store
    finally:
        online.close()

    # Rows made offline took ids from the server's reserved blocks.
    assert made and all(out.blocks[t][0] <= i <= out.blocks[t][1] for t, ids in made.items() for i in ids - seed[t])
    done = ib.service(pg_database, clock).check_in(laptop_file, PASSPHRASE)
    assert done.written and done.deleted == 0  # the deleted note was made offline: never on the server
    assert done.not_written == ()

    on_server = normalised(server_rows(pg_database, meeting_id), seed)
    worked_online = normalised(server_rows(twin, meeting_id), seed)
    assert on_server.keys() == worked_online.keys()
    for table in on_server:
        assert on_server[table] == worked_online[table], table

    # The audit rows of the meeting, in order, on the location's chain; the chain links.
    with pg_database.connect() as conn:
        chain = conn.execute(f"SELECT id, {AUDIT_FIELDS}, prev_hash, hash FROM audit_log WHERE location_id = %s "
                             "ORDER BY id", (out.location_id,)).fetchall()
    prev = GENESIS
    for row in chain:
        fields = {**dict(zip(("id", *AUDIT_FIELDS.split(", ")), row[:7], strict=True)), "location_id": out.location_id}
        assert row[7] == prev and row[8] == chain_hash(prev, fields)
        prev = row[8]
    offline = [(r[2], r[3], r[4], r[6]) for r in chain if r[3] not in ("uitgecheckt", "ingecheckt")]
    with twin.connect() as conn:
        online_rows = conn.execute("SELECT actor, action, table_name, detail FROM audit_log WHERE location_id = %s "
                                   "ORDER BY id", (out.location_id,)).fetchall()
    assert offline == online_rows
    assert [r[3] for r in chain][0] == "uitgecheckt" and [r[3] for r in chain][-1] == "ingecheckt"
    # The program's own check of the chains agrees: the check-out's rows are hashed as the store's are.
    checked = open_server_services(pg_database.dsn(), clock=clock)
    try:
        assert checked.audit.verify() is None
    finally:
        checked.close()

    # The lease is released: the meeting is writable on the server again, for anyone of the location.
    assert ib.service(pg_database, clock).status(meeting_id) == ""
