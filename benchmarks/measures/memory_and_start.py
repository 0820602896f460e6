"""Cold start to the main window shown and idle, and peak memory (RSS) with the database open.

Both come from the same fresh-process probes (``benchmarks.start_probe``): the real app on the
generated database, showing its first page (the other pages are built when first opened), against
a bare PySide6 ``QMainWindow``. When a frozen bundle is in ``dist/`` (packaging/build-linux.sh),
its size and cold start (``packaging/measure.py``) are added as two report-only rows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from . import REPORT, Context, Result, Target

REPO = Path(__file__).resolve().parents[2]


def probe(kind: str, ctx: Context) -> tuple[float, float]:
    """(seconds from process start to READY, peak RSS in MB) of one fresh probe process."""
    seconds, report = probe_report(kind, ctx)
    return seconds, report["peak_rss_mb"]


def probe_report(kind: str, ctx: Context) -> tuple[float, dict]:
    """(seconds from process start to READY, what the probe reported) of one fresh probe process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KNOOPPUNT_PASSPHRASE": ctx.passphrase,
           "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    command = [sys.executable, "-m", "benchmarks.start_probe", kind]
    if kind != "bare":
        command.append(str(ctx.database))
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ready = None
    for line in process.stdout:
        if line.startswith("READY "):
            ready = time.perf_counter() - started, json.loads(line[6:])
            break
    _out, err = process.communicate(timeout=120)
    if ready is None or process.returncode != 0:
        raise RuntimeError(f"start probe {kind} failed ({process.returncode}): {err.strip()[-2000:]}")
    return ready


def measure(ctx: Context) -> list[Result]:
    start = Result("cold start to main window idle", "s", "bare QMainWindow", Target(1.5, "ratio"))
    memory = Result("peak RSS, database open, first page shown", "MB", "bare QMainWindow", Target(300, "value", "MB"))
    for _ in range(ctx.runs):
        for kind, start_samples, memory_samples in (
            ("bare", start.baseline_samples, memory.baseline_samples),
            ("app", start.samples, memory.samples),
        ):
            seconds, rss = probe(kind, ctx)
            start_samples.append(seconds)
            memory_samples.append(rss)
    start.note = "includes key derivation and the first page (Overleggen); other pages build when opened"
    memory.note = f"max of runs {max(memory.samples):.0f} MB"
    return [*unlock_results(ctx, start.baseline_samples), start, memory, *bundle_results(ctx)]


def unlock_results(ctx: Context, bare_samples: list[float]) -> list[Result]:
    """What a person sees first: the unlock dialog, ready for typing; then, once the passphrase is
    accepted, the main window idle, against the key derivation (opening the same file once more)."""
    dialog = Result("start to unlock dialog ready for typing", "s", "bare QMainWindow", Target(1.5, "ratio"))
    after = Result("passphrase accepted to main window idle", "ms", "key derivation + open",
                   Target(150, "over", "ms"))
    dialog.baseline_samples = list(bare_samples)
    heavy = []
    for _ in range(ctx.runs):
        seconds, report = probe_report("unlock", ctx)
        dialog.samples.append(seconds)
        heavy.append(report["heavy_modules_loaded"])
        _seconds, report = probe_report("unlocked", ctx)
        after.samples.append(report["after_unlock_s"] * 1000)
        after.baseline_samples.append(report["kdf_s"] * 1000)
    dialog.note = ("services and main window not yet imported" if not any(heavy)
                   else "the services were imported before the dialog showed")
    after.note = "the imports were warmed while the passphrase is typed (as the real start does)"
    return [dialog, after]


def bundle_results(ctx: Context) -> list[Result]:
    """Size and frozen cold start of the newest bundle in dist/, or rows saying none is built."""
    size = Result("packaged bundle size (unpacked)", "MB", "–", REPORT)
    frozen = Result("frozen cold start (smoke test)", "s", "same smoke test from source", REPORT)
    archives = sorted((REPO / "dist").glob("knooppunt-*-linux-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not archives:
        size.note = frozen.note = "not built: run packaging/build-linux.sh first (dist/ is empty)"
        return [size, frozen]
    sys.path.insert(0, str(REPO / "packaging"))
    try:
        import measure as packaging_measure  # packaging/measure.py
    finally:
        sys.path.remove(str(REPO / "packaging"))
    report = packaging_measure.measure(archives[-1], runs=min(ctx.runs, 3), compare_source=True)
    size.samples = [report["bundle_bytes"] / 1e6]
    size.note = f"{archives[-1].name}: archive {report.get('archive_bytes', 0) / 1e6:.0f} MB"
    frozen.samples = [report["frozen_start_seconds"]]
    frozen.baseline_samples = [report["source_start_seconds"]]
    frozen.note = f"first start after unpacking {report['frozen_first_start_seconds']:.2f} s"
    return [size, frozen]
