"""Text that one backend could store and the other not (issue 22): a NUL character (PostgreSQL
text cannot hold it) and the other control characters no document can show are dropped when
stored, the same on an encrypted file and on the server."""

from __future__ import annotations

from datetime import date

from knooppunt.domain.children import Child
from tests.children_helpers import make_location


def test_control_characters_are_dropped_from_what_is_stored(services):
    location_id, _ = make_location(services)
    child, _ = services.children.create_child(
        Child(None, location_id, "Lot\x00te", "Sm\x07it\ufffe", date(2017, 5, 1), "groep\t5"))
    stored = services.children.child(child.id)
    assert (stored.first_name, stored.last_name, stored.group_name) == ("Lotte", "Smit", "groep\t5")
    assert [v.child.id for v in services.children.children(search="lot\x00te")] == [child.id]
    # The audit row of a name with a NUL in it is stored and hashed as it was written: the chain holds.
    with services.store.unit_of_work() as uow:
        uow.audit("test", "child", child.id, "naam: Lot\x00te")
    assert services.store.scalar("SELECT detail FROM audit_log WHERE action = 'test' AND table_name = 'child'") == "naam: Lotte"
    assert services.audit.verify() is None
