"""Fuzzing the backup format (issue 21): whatever file is offered as a backup — cut short, bytes
flipped, foreign bytes added, or random — the restore preview answers with its contents or a Dutch
refusal, never a crash. (Restoring itself refuses the same files first: test_backup_restore.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knooppunt.backup import make_backup
from knooppunt.backup.restore import preview_backup
from knooppunt.errors import KnooppuntError

from ..conftest import PASSPHRASE, TEST_KDF_ITER
from .fuzz_helpers import batch, fuzz_settings

pytestmark = pytest.mark.sqlite_only(reason="backups are copies of the encrypted SQLite file")

_backup: dict[str, bytes] = {}
_edit = st.tuples(st.sampled_from(["flip", "cut", "append", "random"]), st.integers(0, 2**31), st.binary(max_size=64))


def _original(db_path: Path, tmp_path: Path) -> bytes:
    if not _backup:
        _backup["bytes"] = make_backup(db_path, PASSPHRASE, tmp_path / "bk", kdf_iter=TEST_KDF_ITER).path.read_bytes()
    return _backup["bytes"]


def _damaged(whole: bytes, kind: str, at: int, extra: bytes) -> bytes:
    spot = at % len(whole)
    if kind == "flip":
        return whole[:spot] + bytes([whole[spot] ^ 0xFF]) + (extra[:16] if extra else b"") + whole[spot + 1 + len(extra[:16]):]
    if kind == "cut":
        return whole[:spot]
    if kind == "append":
        return whole + extra
    return extra * (1 + at % 64)


@fuzz_settings
@given(edits=batch(_edit))
def test_a_damaged_or_foreign_backup_is_previewed_or_refused_in_dutch(services, db_path, tmp_path, edits):
    whole = _original(db_path, tmp_path)
    target = tmp_path / "knooppunt-back-up-2026-11-29_120000.db"
    for kind, at, extra in edits:
        target.write_bytes(_damaged(whole, kind, at, extra))
        try:
            preview_backup(target, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
        except KnooppuntError as exc:
            assert exc.message.strip()
