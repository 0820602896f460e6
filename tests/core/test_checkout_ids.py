"""Ids in a checked-out meeting's file (issue 22): a new row takes the next id of the block the
server reserved for its table; an ordinary file chooses ids as always; a used-up block refuses."""

from __future__ import annotations

from datetime import time

import pytest

from knooppunt.composition import open_services
from knooppunt.domain.meetings import Meeting
from knooppunt.errors import KnooppuntError
from knooppunt.storage import id_blocks

from ..conftest import PASSPHRASE, TEST_KDF_ITER, TODAY

pytestmark = pytest.mark.sqlite_only  # the laptop's file


def _plan(services, location_id: int) -> int:
    with services.store.unit_of_work() as uow:
        meeting_id = uow.insert("meeting", Meeting(None, location_id, TODAY, time(8, 30)))
        uow.audit("overleg gepland", "meeting", meeting_id, "test")
    return meeting_id


def test_new_rows_take_the_reserved_ids_until_the_block_is_used_up(demo_services, db_path, clock):
    location_id = demo_services.locations.locations()[0].id
    ordinary = _plan(demo_services, location_id)
    assert ordinary == demo_services.store.scalar("SELECT max(id) FROM meeting")  # SQLite's choice: max + 1
    demo_services.close()
    db = open_services(db_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER, clock=clock).store.db  # as check-out writes it
    with db.atomic():
        id_blocks.reserve(db, "meeting", 50_000, 2)
    db.close()

    laptop = open_services(db_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER, clock=clock)
    try:
        assert [_plan(laptop, location_id), _plan(laptop, location_id)] == [50_000, 50_001]
        before = laptop.store.count("meeting")
        with pytest.raises(KnooppuntError, match="De nummers die de server voor deze uitgecheckte vergadering "
                                                 "reserveerde zijn op"):
            _plan(laptop, location_id)
        assert laptop.store.count("meeting") == before  # nothing half written
        # The block stays used up: the next id would be the server's.
        assert laptop.store.scalar("SELECT value FROM setting WHERE key = 'id_block:meeting'") == "50002:50001"
    finally:
        laptop.close()
