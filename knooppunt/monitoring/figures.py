"""Making figures: a count, a share of a count, a median of days, each with its records."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from datetime import date

from .model import Entry, Figure


def count(key: str, label: str, entries: Iterable[Entry]) -> Figure:
    listed = tuple(sorted(entries, key=lambda e: (e.day or date.min, e.child_name)))
    return Figure(key, label, len(listed), entries=listed)


def share(key: str, label: str, part: Figure, whole: Figure) -> Figure:
    value = None if not whole.value else 100 * (part.value or 0) / whole.value
    return Figure(key, label, value, "%", int(whole.value or 0), part.entries)


def median_days(key: str, label: str, pairs: Sequence[tuple[Entry, int]]) -> Figure:
    entries = tuple(e for e, _days in pairs)
    value = statistics.median(days for _e, days in pairs) if pairs else None
    return Figure(key, label, value, "dagen", len(pairs), entries, tuple(days for _e, days in pairs))


def day_text(day: date | None) -> str:
    return f"{day:%d-%m-%Y}" if day else "–"
