"""The measures: each times something a user feels against a baseline measured in the same run.

A measure is a function ``measure(ctx) -> list[Result]``. Keep them small: when a service
changes (a new search, a timeline service, the documents package), re-point the one function
that calls it.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

NOT_AVAILABLE = "not available yet"


@dataclass(frozen=True)
class Target:
    """What 'good enough' means: a limit on the ratio to the baseline, on the value, or none."""

    limit: float | None = None
    on: str = "value"  # "value", "ratio" or "over" (the baseline plus at most ``limit``)
    unit: str = ""

    @property
    def text(self) -> str:
        if self.limit is None:
            return "report"
        if self.on == "ratio":
            return f"ratio ≤ {self.limit:g}"
        if self.on == "over":
            return f"≤ baseline + {self.limit:g} {self.unit}".strip()
        return f"≤ {self.limit:g} {self.unit}".strip()

    def met(self, value: float | None, ratio: float | None, baseline: float | None = None) -> bool | None:
        if self.limit is None:
            return None
        if self.on == "over":  # at most ``limit`` more than the baseline
            return None if value is None or baseline is None else value - baseline <= self.limit
        checked = ratio if self.on == "ratio" else value
        return None if checked is None else checked <= self.limit


REPORT = Target()


@dataclass
class Result:
    measure: str
    unit: str
    baseline: str
    target: Target
    samples: list[float] = field(default_factory=list)
    baseline_samples: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None

    @property
    def baseline_median(self) -> float | None:
        return statistics.median(self.baseline_samples) if self.baseline_samples else None

    @property
    def ratio(self) -> float | None:
        if self.median is None or not self.baseline_median:
            return None
        return self.median / self.baseline_median

    @property
    def met(self) -> bool | None:
        return self.target.met(self.median, self.ratio, self.baseline_median)

    def as_json(self) -> dict:
        data = asdict(self)
        data["target"] = self.target.text
        data.update(median=self.median, baseline_median=self.baseline_median, ratio=self.ratio, met=self.met,
                    available=bool(self.samples))
        return data


@dataclass(frozen=True)
class Context:
    """What every measure gets: the working copy of the generated database and how often to run."""

    size: str
    database: Path  # a working copy: measures may write to it
    plain_database: Path  # the same rows, unencrypted
    passphrase: str
    runs: int
    workdir: Path
    server: str | None = None  # --postgres: the benchmark user's conninfo; the services then run on it

    @property
    def backend(self) -> str:
        return "postgres" if self.server else "sqlite"


def timed(action: Callable[[], object], runs: int, *, scale: float = 1000.0) -> list[float]:
    """Run ``action`` ``runs`` times; the durations (milliseconds by default)."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * scale)
    return samples


def all_measures() -> list[tuple[str, Callable[[Context], Iterable[Result]]]]:
    from . import (
        backup,
        documents,
        largest_notes,
        memory_and_start,
        monitoring,
        page_search,
        reads,
        regional,
        search,
        today,
        typing_stall,
        unlock,
    )

    return [
        ("start", memory_and_start.measure),
        ("unlock", unlock.measure),
        ("search", search.measure),
        ("page_search", page_search.measure),
        ("reads", reads.measure),
        ("typing", typing_stall.measure),
        ("documents", documents.measure),
        ("backup", backup.measure),
        ("regional", regional.measure),
        ("largest_notes", largest_notes.measure),
        ("monitoring", monitoring.measure),
        ("today", today.measure),
    ]


def open_services(ctx: Context):
    """The real services through the composition root, opened like the app does: on the working
    copy (default key derivation), or with ``--postgres`` on the server's copy of the same rows."""
    from knooppunt.composition import open_server_services
    from knooppunt.composition import open_services as open_real

    if ctx.server:
        return open_server_services(ctx.server)
    return open_real(ctx.database, ctx.passphrase)


def qt_application():
    """The QApplication (offscreen), made once; Qt's harmless offscreen notice is kept quiet."""
    import os
    import sys

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    def on_message(_kind, _context, message: str) -> None:
        if not message.startswith("This plugin does not support propagateSizeHints"):
            print(message, file=sys.stderr)

    qInstallMessageHandler(on_message)
    return QApplication.instance() or QApplication([])
