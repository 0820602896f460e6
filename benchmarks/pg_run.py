"""The service-level measures again on PostgreSQL (``--postgres``), and their table beside SQLite's.

Each measure runs unchanged: ``Context.server`` makes ``open_services`` build the services over the
PostgresStore through the composition root, and ``sql_replay`` records and replays the SQL on the
psycopg connection, so each row's baseline is that same SQL sent directly (same round trips, same
TLS, no mapping to objects). The PostgreSQL/SQLite ratio is given for information only: the
targets are about what a user feels, whichever store is behind it.
"""

from __future__ import annotations

import sys
import traceback
from dataclasses import replace

from .measures import REPORT, Context, Result, all_measures
from .pg_server import SERVICE_MEASURES, SQLITE_ONLY, server_database

HEADERS = ("measure", "PostgreSQL median", "baseline median", "ratio", "target", "met?", "SQLite median",
           "PG/SQLite")


def run_on_server(ctx: Context, only: set[str] | None, sqlite: list[Result], *, as_superuser: bool = False) -> dict:
    """Start a server, load ``ctx.plain_database`` into it, run the service measures on it (as the
    benchmark user, or ``as_superuser``: without row-level security)."""
    results: list[Result] = []
    with server_database(ctx.plain_database) as database:
        server_ctx = replace(ctx, server=database.superuser if as_superuser else database.conninfo)
        for key, measure in all_measures():
            if key not in SERVICE_MEASURES or (only and key not in only):
                continue
            print(f"· {key} (PostgreSQL) …", file=sys.stderr, flush=True)
            try:
                results += measure(server_ctx)
            except Exception as exc:  # noqa: BLE001 - one broken measure must not hide the others
                traceback.print_exc()
                results.append(Result(key, "", "", REPORT, note=f"error: {type(exc).__name__}: {exc}"))
        described = database.describe(as_superuser)
    by_name = {r.measure: r for r in sqlite}
    rows = []
    for result in results:
        row = result.as_json()
        beside = by_name.get(result.measure)
        row["sqlite_median"] = beside.median if beside else None
        row["vs_sqlite"] = (result.median / beside.median) if beside and beside.median and result.median else None
        rows.append(row)
    return {**described, "sqlite_only": SQLITE_ONLY, "results": rows}


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    return f"{value:.3g} {unit}" if value < 100 else f"{value:.0f} {unit}"


def server_table(postgres: dict) -> str:
    """The PostgreSQL block: each measure's median beside SQLite's."""
    rows = [HEADERS]
    for r in postgres["results"]:
        met = {True: "yes", False: "NO", None: "–"}[r["met"]]
        ratio = "–" if r["ratio"] is None else f"{r['ratio']:.2f}"
        versus = "–" if r["vs_sqlite"] is None else f"{r['vs_sqlite']:.2f}"
        median = _number(r["median"], r["unit"]) if r["available"] else "–"
        rows.append((r["measure"], median, _number(r["baseline_median"], r["unit"]), ratio, r["target"], met,
                     _number(r["sqlite_median"], r["unit"]), versus))
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS))]
    lines = [" | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    notes = [f"  {r['measure']}: {r['note']}" for r in postgres["results"] if r["note"]]
    only = [f"  {key}: {why}" for key, why in postgres["sqlite_only"].items()]
    head = (f"{postgres['server']}, as {postgres['user']}; the same rows loaded in {postgres['load_s']:.1f} s. "
            "Baseline: the same SQL sent directly on the psycopg connection.")
    return "\n".join([head, "", *lines, "", "Notes:", *notes, "", "SQLite only (about the file itself):", *only])
