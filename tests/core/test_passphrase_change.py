"""Changing the passphrase: the old one stops working, the new one works, older backups keep theirs."""

from __future__ import annotations

import pytest

from knooppunt.backup import make_backup, preview_backup
from knooppunt.composition import open_services
from knooppunt.errors import ValidationError, WrongPassphrase

from ..conftest import PASSPHRASE, TEST_KDF_ITER

pytestmark = pytest.mark.sqlite_only(reason="the passphrase encrypts the SQLite file (SQLCipher rekey)")

NEW = "een heel nieuwe zin"


def test_after_a_change_only_the_new_passphrase_opens_and_an_older_backup_keeps_the_old(
        demo_services, db_path, tmp_path):
    earlier = make_backup(db_path, PASSPHRASE, tmp_path / "bk", kdf_iter=TEST_KDF_ITER)
    assert demo_services.backups is not None
    demo_services.backups.change_passphrase(PASSPHRASE, NEW, NEW)
    assert demo_services.verify_passphrase(NEW) and not demo_services.verify_passphrase(PASSPHRASE)
    assert demo_services.audit.recent(1)[0].action == "wachtwoordzin gewijzigd"
    # A backup made now is encrypted with the new passphrase.
    later = demo_services.backups.backup_job(tmp_path / "bk2")()
    demo_services.close()
    with pytest.raises(WrongPassphrase):
        open_services(db_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    with open_services(db_path, NEW, kdf_iter=TEST_KDF_ITER) as reopened:
        assert reopened.store.count("child") == 6
    assert preview_backup(earlier.path, PASSPHRASE, kdf_iter=TEST_KDF_ITER).contents.children == 6
    with pytest.raises(WrongPassphrase):
        preview_backup(earlier.path, NEW, kdf_iter=TEST_KDF_ITER)
    assert preview_backup(later.path, NEW, kdf_iter=TEST_KDF_ITER).contents.children == 6


@pytest.mark.parametrize(("old", "new", "repeated", "field"), [
    ("niet de oude zin", NEW, NEW, "old"),
    (PASSPHRASE, "kort", "kort", "new"),
    (PASSPHRASE, NEW, NEW + "!", "repeated"),
])
def test_a_refused_change_leaves_the_passphrase_as_it_was(services, old, new, repeated, field):
    assert services.backups is not None
    with pytest.raises(ValidationError) as refused:
        services.backups.change_passphrase(old, new, repeated)
    assert refused.value.field == field
    assert services.verify_passphrase(PASSPHRASE) and not services.verify_passphrase(new)
