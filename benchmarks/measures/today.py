"""Vandaag (issue 18): computing the start page's list on the full database, against the same
SQL replayed directly on the connection. Target: under 50 ms."""

from __future__ import annotations

from . import Context, Result, Target, open_services, timed
from .sql_replay import captured_reads, replay

TARGET = Target(50, "value", "ms")


def measure(ctx: Context) -> list[Result]:
    services = open_services(ctx)
    try:
        store = services.store
        today = services.cycle.today
        result = Result("Vandaag: list of what is due", "ms", "same SQL on the connection", TARGET)
        statements = captured_reads(store, today.items)  # also warms the cache
        for _ in range(ctx.runs):
            result.samples += timed(today.items, 1)
            result.baseline_samples += timed(replay(store, statements), 1)
        result.note = f"{len(today.items())} items over {services.store.count('location')} locations"
        return [result]
    finally:
        services.close()
