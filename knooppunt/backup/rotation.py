"""Rotation: keep the newest backup of each of the last 7 days, 4 weeks and 12 months."""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable, Sequence
from datetime import datetime
from pathlib import Path

from .files import BackupFile, list_backups

log = logging.getLogger(__name__)

DAILY, WEEKLY, MONTHLY = 7, 4, 12


def _newest_per_period(backups: Sequence[BackupFile], period: Callable[[datetime], Hashable],
                       count: int) -> set[Path]:
    kept: dict[Hashable, Path] = {}
    for backup in backups:  # newest first: the first one seen in a period is its newest
        key = period(backup.made)
        if key not in kept:
            if len(kept) == count:
                break
            kept[key] = backup.path
    return set(kept.values())


def to_keep(backups: Sequence[BackupFile]) -> set[Path]:
    """The backups rotation keeps; never empty while there is a backup at all."""
    ordered = sorted(backups, key=lambda b: b.made, reverse=True)
    if not ordered:
        return set()
    return (
        {ordered[0].path}
        | _newest_per_period(ordered, lambda d: d.date(), DAILY)
        | _newest_per_period(ordered, lambda d: d.isocalendar()[:2], WEEKLY)
        | _newest_per_period(ordered, lambda d: (d.year, d.month), MONTHLY)
    )


def rotate(folder: Path) -> list[Path]:
    """Delete the backups rotation does not keep; returns what was removed."""
    backups = list_backups(folder)
    keep = to_keep(backups)
    removed: list[Path] = []
    for backup in backups:
        if backup.path not in keep:
            try:
                backup.path.unlink()
            except OSError as exc:
                log.info("Could not remove an old backup: %s", exc.strerror)
                continue
            removed.append(backup.path)
    return removed
