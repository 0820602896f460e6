"""A backup killed (SIGKILL) at random moments never leaves an unchecked file that counts as a
backup, and never changes the live database."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

import pytest

from knooppunt.backup import list_backups, make_backup
from knooppunt.storage.copying import problems_of_copy

from .backup_helpers import GENERATED_PASSPHRASE, file_hash, generated_database

BACKUP_SCRIPT = """
import sys
from pathlib import Path
from knooppunt.backup import make_backup
print("klaar", flush=True)
make_backup(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]))
print("gemaakt", flush=True)
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _start(source, folder):
    process = subprocess.Popen([sys.executable, "-c", BACKUP_SCRIPT, str(source), GENERATED_PASSPHRASE, str(folder)],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "klaar"
    return process


@pytest.mark.slow
def test_sigkill_at_20_random_moments_never_leaves_an_unchecked_backup(tmp_path):
    source = generated_database(tmp_path / "knooppunt.db")
    before = file_hash(source)
    # How long one whole backup takes here, so the kills land inside it.
    with _start(source, tmp_path / "timing") as process:
        started = time.perf_counter()
        assert process.wait(timeout=120) == 0
    duration = time.perf_counter() - started
    folder = tmp_path / "back-ups"
    rng = random.Random(15)
    finished = 0
    for _ in range(20):
        with _start(source, folder) as process:
            time.sleep(rng.uniform(0, duration))  # the random moment: not a UI wait, the point of the test
            process.send_signal(signal.SIGKILL)
            finished += process.wait(timeout=60) == 0
        for backup in list_backups(folder):
            assert problems_of_copy(backup.path, GENERATED_PASSPHRASE) == [], backup.path.name
        assert file_hash(source) == before
    assert finished < 20, "no kill landed inside a backup"
    # The next backup cleans up what the killed ones left behind and succeeds.
    made = make_backup(source, GENERATED_PASSPHRASE, folder)
    assert problems_of_copy(made.path, GENERATED_PASSPHRASE) == []
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []
    assert file_hash(source) == before
