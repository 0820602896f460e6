"""Rotation keeps 7 daily, 4 weekly and 12 monthly backups, and never the last one away."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from knooppunt.backup import list_backups, rotate, to_keep
from knooppunt.backup.files import BackupFile, final_name
from knooppunt.backup.status import backup_due, backup_status


def _backups(start: datetime, days: int, per_day: int = 1) -> list[BackupFile]:
    made = [start - timedelta(days=d, hours=h) for d in range(days) for h in range(per_day)]
    return [BackupFile(Path(final_name(m)), m) for m in made]


def test_a_year_and_a_half_of_daily_backups_keeps_the_newest_per_day_week_and_month():
    now = datetime(2026, 11, 23, 18, 0)
    backups = _backups(now, 540, per_day=2)
    kept = sorted((b for b in backups if b.path in to_keep(backups)), key=lambda b: b.made, reverse=True)
    days = {b.made.date() for b in kept}
    assert {now.date() - timedelta(days=d) for d in range(7)} <= days
    assert len({b.made.isocalendar()[:2] for b in kept}) >= 4
    assert len({(b.made.year, b.made.month) for b in kept}) == 12
    assert kept[0].made == now  # the newest is always kept
    assert len(kept) <= 7 + 4 + 12
    assert all(now - b.made < timedelta(days=366) for b in kept)


def test_the_only_backup_is_never_deleted_however_old(tmp_path):
    old = tmp_path / final_name(datetime(2020, 1, 1, 9, 0))
    old.write_bytes(b"x")
    assert rotate(tmp_path) == []
    assert old.exists()


def test_rotation_deletes_files_in_the_folder(tmp_path):
    for backup in _backups(datetime(2026, 11, 23, 18, 0), 60):
        (tmp_path / backup.path.name).write_bytes(b"x")
    removed = rotate(tmp_path)
    assert removed and len(list_backups(tmp_path)) == 60 - len(removed)
    assert len(list_backups(tmp_path)) <= 7 + 4 + 12


def test_daily_at_most_and_a_clear_warning_after_seven_days():
    now = datetime(2026, 11, 23, 18, 0)
    recent = BackupFile(Path("x"), now - timedelta(hours=3))
    assert not backup_due(recent, now) and backup_due(None, now)
    assert backup_due(BackupFile(Path("x"), now - timedelta(days=1, minutes=1)), now)
    assert backup_status(True, recent, now).text == "Laatste back-up: vandaag 15:00"
    stale = backup_status(True, BackupFile(Path("x"), now - timedelta(days=9)), now)
    assert stale.warning and "9 dagen oud" in stale.text and "14 november 2026" in stale.text
    assert backup_status(False, None, now).warning
