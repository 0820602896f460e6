"""The benchmark runs at tiny size in the test suite so it cannot rot (no timing assertions)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.generator import PASSPHRASE, SIZES, ensure_database, plain_path
from knooppunt.composition import open_services

REPO = Path(__file__).resolve().parents[2]
MEASURES = [
    "start to unlock dialog ready for typing",
    "passphrase accepted to main window idle",
    "cold start to main window idle",
    "peak RSS, database open, first page shown",
    "packaged bundle size (unpacked)",
    "frozen cold start (smoke test)",
    "unlock (open_database, default KDF)",
    "search children, per keystroke",
    "search contacts, per keystroke",
    "type in Kinderen page search, per keystroke",
    "open Afspraken overview",
    "open a child's timeline",
    "longest GUI stall typing a note",
    "render a parents' letter",
    "render an 8-child meeting report",
    "backup of the whole database (checked)",
    "longest GUI stall during a background backup",
    "regional directory pull (Datasette, HTTPS)",
    "render the letter with the largest allowed notes",
    "open Monitoring, largest location",
    "Vandaag: list of what is due",
]

BUNDLE_MEASURES = {"packaged bundle size (unpacked)", "frozen cold start (smoke test)"}


def _dump(path: Path) -> list[str]:
    """Every row of the unencrypted copy, except when each migration happened to be applied."""
    conn = sqlite3.connect(path)
    try:
        return [line for line in conn.iterdump() if '"_sqlite_migrations" VALUES' not in line]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory):
    """One tiny run for the tests below: with ``--postgres`` too when the server binaries are there
    (one run instead of two saves ~10 s of the suite). (stdout, report, cache directory)."""
    from benchmarks.pg_server import available

    folder = tmp_path_factory.mktemp("tiny-run")
    out = folder / "run.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--size", "tiny", "--runs", "1", "--json", str(out),
         "--results-dir", str(folder / "cache"), *(["--postgres"] if available() else [])],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout, json.loads(out.read_text(encoding="utf-8")), folder / "cache"


@pytest.mark.slow
def test_tiny_run_prints_the_table_and_writes_json(tiny_run):
    stdout, report, _cache = tiny_run
    header = next(line for line in stdout.splitlines() if line.startswith("measure"))
    assert [c.strip() for c in header.split("|")] == [
        "measure", "median", "baseline", "baseline median", "ratio", "target", "met?"]
    for name in MEASURES:
        assert name in stdout

    assert report["size"] == "tiny" and report["runs"] == 1 and report["generation_s"] is not None
    results = {r["measure"]: r for r in report["results"]}
    assert list(results) == MEASURES
    for r in results.values():
        assert not r["note"].startswith("error:"), r["note"]
        if r["measure"] in BUNDLE_MEASURES:  # only with a built bundle in dist/
            assert r["available"] or r["note"].startswith("not built")
            continue
        assert r["available"], r["measure"]
        assert len(r["baseline_samples"]) >= 1 and r["baseline_median"] > 0
        if r["available"]:
            assert r["ratio"] == pytest.approx(r["median"] / r["baseline_median"])
    assert results["cold start to main window idle"]["target"] == "ratio ≤ 1.5"
    assert results["search children, per keystroke"]["target"] == "≤ 20 ms"
    # The verdict follows the figures: a value target on the median, a ratio target on the ratio.
    stall = results["longest GUI stall typing a note"]
    assert stall["met"] is (stall["median"] <= 50)
    cold = results["cold start to main window idle"]
    assert cold["met"] is (cold["ratio"] <= 1.5)
    assert results["unlock (open_database, default KDF)"]["met"] is None  # reported, no target
    assert results["render the letter with the largest allowed notes"]["target"] == "≤ 2000 ms"


def test_generated_database_is_encrypted_and_has_the_sizes_rows(tmp_path):
    path, seconds = ensure_database(SIZES["tiny"], 7, tmp_path)
    assert seconds is not None
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT count(*) FROM child").fetchone()
    services = open_services(path, PASSPHRASE)
    try:
        store = services.store
        assert store.count("location") == 2
        assert store.count("contact_person") == 50
        assert store.count("child") == 200
        assert store.count("meeting") == 50
        assert store.count("agreement") == 1_000
        assert store.count("guardian") >= 200 and store.count("consent") >= 200
        assert store.count("decision") > 0 and store.count("discussion") > 0
        assert [r["action"] for r in store.query("SELECT action FROM audit_log")] == ["benchmarkdata gegenereerd"]
        assert services.children.children(search="a", limit=5)
    finally:
        services.close()
    # The cache is reused: a second call does not generate again.
    assert ensure_database(SIZES["tiny"], 7, tmp_path) == (path, None)


def test_same_seed_gives_the_same_rows_and_another_seed_does_not(tmp_path):
    first, _ = ensure_database(SIZES["tiny"], 7, tmp_path / "a")
    again, _ = ensure_database(SIZES["tiny"], 7, tmp_path / "b")
    other, _ = ensure_database(SIZES["tiny"], 8, tmp_path / "c")
    assert _dump(plain_path(first)) == _dump(plain_path(again))
    assert _dump(plain_path(first)) != _dump(plain_path(other))


def test_table_compares_with_an_earlier_run():
    from benchmarks.measures import REPORT, Result
    from benchmarks.runner import table

    def report(median: float) -> dict:
        result = Result("open Afspraken overview", "ms", "same SQL", REPORT, [median], [median / 2])
        return {"results": [result.as_json()], "started_at": "2026-11-22T21:00:00"}

    lines = table(report(30.0), earlier=report(60.0)).splitlines()
    assert lines[0].split("|")[-1].strip() == "vs earlier"
    assert lines[2].split("|")[-1].strip() == "×0.50"
    assert "vs earlier" not in table(report(30.0))


@pytest.mark.slow
def test_tiny_run_on_postgres_reports_each_service_measure_beside_sqlite(tiny_run):
    """``--postgres``: the same rows on a real local server, the service measures run again there and
    shown beside SQLite's (a server of its own, started and stopped by the benchmark)."""
    from benchmarks.generator import cache_path
    from benchmarks.pg_load import sqlite_counts
    from benchmarks.pg_server import NO_SERVER, SERVICE_MEASURES, SQLITE_ONLY, available
    from benchmarks.runner import DEFAULT_SEED

    if not available():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs the PostgreSQL server. {NO_SERVER}")
        pytest.skip(NO_SERVER)
    stdout, report, cache = tiny_run
    server_block = stdout.split("On PostgreSQL", 1)[1]
    header = next(line for line in server_block.splitlines() if line.startswith("measure"))
    assert [c.strip() for c in header.split("|")] == [
        "measure", "PostgreSQL median", "baseline median", "ratio", "target", "met?", "SQLite median", "PG/SQLite"]

    service_keys = {"search": 2, "page_search": 1, "reads": 2, "typing": 1, "documents": 2, "largest_notes": 1,
                    "monitoring": 1, "today": 1}  # results per service measure
    assert set(service_keys) == set(SERVICE_MEASURES)
    sqlite = {r["measure"]: r for r in report["results"]}
    postgres = report["postgres"]
    assert len(postgres["results"]) == sum(service_keys.values())
    for r in postgres["results"]:
        assert not r["note"].startswith("error:"), r["note"]
        assert r["available"] and r["baseline_median"] > 0, r["measure"]
        assert r["ratio"] == pytest.approx(r["median"] / r["baseline_median"])
        assert r["sqlite_median"] == sqlite[r["measure"]]["median"]
        assert r["vs_sqlite"] == pytest.approx(r["median"] / r["sqlite_median"])
        assert r["measure"] in server_block
    assert {"open Afspraken overview", "Vandaag: list of what is due", "longest GUI stall typing a note"} <= {
        r["measure"] for r in postgres["results"]}
    assert set(postgres["sqlite_only"]) == set(SQLITE_ONLY)
    assert postgres["server"].startswith("PostgreSQL 1")
    # Every table's rows reached the server (ids kept: the typing measure then adds rows after them).
    counts = sqlite_counts(plain_path(cache_path(SIZES["tiny"], DEFAULT_SEED, cache)))
    assert postgres["rows"] == {table: counts[table] for table in postgres["rows"]}
    assert postgres["rows"]["agreement"] == SIZES["tiny"].agreements
