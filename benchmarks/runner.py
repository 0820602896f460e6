"""``python -m benchmarks --size tiny|full [--postgres]``: generate (or reuse) a database, run every
measure, print the table and write the results as JSON. With ``--postgres`` the service measures run
again on a local PostgreSQL server holding the same rows (pg_run.py), reported beside SQLite's."""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from datetime import datetime
from pathlib import Path

from .generator import PASSPHRASE, RESULTS_DIR, SIZES, ensure_database, plain_path, schema_version
from .measures import REPORT, Context, Result, all_measures

DEFAULT_SEED = 20261123
DEFAULT_RUNS = {"tiny": 3, "full": 5}
# Measures renamed when what they measure changed with the app; --compare still lines them up.
RENAMED = {
    "peak RSS, database open, first page shown": "peak RSS, database open, pages loaded",
    "type in Kinderen page search, per keystroke": "filter Kinderen page, per keystroke",
}
HEADERS = ("measure", "median", "baseline", "baseline median", "ratio", "target", "met?")


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--size", choices=sorted(SIZES), default="tiny")
    parser.add_argument("--json", type=Path, help="where to write the results (default: benchmarks/results/)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--runs", type=int, help="runs per measure (default: 3 tiny, 5 full)")
    parser.add_argument("--results-dir", type=Path, default=RESULTS_DIR, help="cache of generated databases")
    parser.add_argument("--compare", type=Path, help="an earlier results JSON: adds a column 'vs earlier'")
    parser.add_argument("--postgres", action="store_true",
                        help="also run the service measures on a local PostgreSQL server holding the same rows")
    parser.add_argument("--postgres-as", choices=("user", "superuser"), default="user",
                        help="with --postgres: connect as a user (row-level security applies; default) or "
                             "as the superuser (it does not: to see what row-level security costs)")
    parser.add_argument("--only", help="comma-separated measures: " + ", ".join(k for k, _ in all_measures()))
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    size = SIZES[args.size]
    runs = args.runs or DEFAULT_RUNS[size.name]
    started, started_at = time.perf_counter(), datetime.now().isoformat(timespec="seconds")
    cached, generation_s = ensure_database(size, args.seed, args.results_dir)
    only = set(args.only.split(",")) if args.only else None
    results: list[Result] = []
    postgres = None
    with tempfile.TemporaryDirectory(prefix="knooppunt-bench-") as work:
        workdir = Path(work)
        database = workdir / "knooppunt.db"
        shutil.copyfile(cached, database)  # measures may write; the cache stays as generated
        ctx = Context(size.name, database, plain_path(cached), PASSPHRASE, runs, workdir)
        for key, measure in all_measures():
            if only and key not in only:
                continue
            print(f"· {key} …", file=sys.stderr, flush=True)
            try:
                results += measure(ctx)
            except Exception as exc:  # noqa: BLE001 - one broken measure must not hide the others
                traceback.print_exc()
                results.append(Result(key, "", "", REPORT, note=f"error: {type(exc).__name__}: {exc}"))
        if args.postgres:
            from .pg_run import run_on_server

            postgres = run_on_server(ctx, only, results, as_superuser=args.postgres_as == "superuser")
    return {
        "size": size.name,
        "counts": size.__dict__,
        "seed": args.seed,
        "schema": schema_version(),
        "runs": runs,
        "started_at": started_at,
        "generation_s": generation_s,
        "total_s": time.perf_counter() - started,
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count()},
        "results": [r.as_json() for r in results],
        **({"postgres": postgres} if postgres is not None else {}),
    }


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    return f"{value:.3g} {unit}" if value < 100 else f"{value:.0f} {unit}"


def _versus(result: dict, earlier: dict | None) -> str:
    """This run's median as a multiple of the earlier run's (×0.50: twice as fast)."""
    earlier = earlier or {}
    old = earlier.get(result["measure"]) or earlier.get(RENAMED.get(result["measure"], ""))
    if not old or not old.get("median") or result["median"] is None:
        return "–"
    return f"×{result['median'] / old['median']:.2f}"


def table(report: dict, earlier: dict | None = None) -> str:
    """The results as a plain-text table; with ``earlier`` (an older report) a 'vs earlier' column."""
    earlier_results = {r["measure"]: r for r in earlier["results"]} if earlier else None
    headers = HEADERS + (("vs earlier",) if earlier else ())
    rows = [headers]
    for r in report["results"]:
        met = {True: "yes", False: "NO", None: "–"}[r["met"]]
        ratio = "–" if r["ratio"] is None else f"{r['ratio']:.2f}"
        missing = "not built" if r["note"].startswith("not built") else "not available yet"
        median = _number(r["median"], r["unit"]) if r["available"] else missing
        row = (r["measure"], median, r["baseline"], _number(r["baseline_median"], r["unit"]), ratio, r["target"], met)
        rows.append(row + ((_versus(r, earlier_results),) if earlier else ()))
    widths = [max(len(row[i]) for row in rows) for i in range(len(headers))]
    lines = [" | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    notes = [f"  {r['measure']}: {r['note']}" for r in report["results"] if r["note"]]
    return "\n".join(lines + ["", "Notes:", *notes])


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    earlier = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
    if args.postgres:
        from .pg_server import NO_SERVER, available

        if not available():  # said before the SQLite measures run, not after
            print(f"--postgres: {NO_SERVER}", file=sys.stderr)
            return 2
    report = run(args)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = args.json or args.results_dir / f"{stamp}-{report['size']}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    generated = "cached" if report["generation_s"] is None else f"generated in {report['generation_s']:.1f} s"
    print(f"Knooppunt benchmark, size {report['size']} (database {generated}), median of {report['runs']} runs\n")
    print(table(report, earlier))
    if "postgres" in report:
        from .pg_run import server_table

        print("\nOn PostgreSQL\n")
        print(server_table(report["postgres"]))
    if earlier:
        print(f"\n'vs earlier': this run's median divided by that of {args.compare} ({earlier['started_at']}).")
    print(f"\nTotal {report['total_s']:.0f} s. Results: {path}")
    every = report["results"] + report.get("postgres", {}).get("results", [])
    return 1 if any(r["note"].startswith("error:") for r in every) else 0
