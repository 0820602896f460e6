"""Cold start to the main window shown and idle, and peak memory (RSS) with the database open.

Both come from the same fresh-process probes (``benchmarks.start_probe``): the real app on the
generated database with every page loaded, against a bare PySide6 ``QMainWindow``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from . import Context, Result, Target

REPO = Path(__file__).resolve().parents[2]


def probe(kind: str, ctx: Context) -> tuple[float, float]:
    """(seconds from process start to READY, peak RSS in MB) of one fresh probe process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KNOOPPUNT_PASSPHRASE": ctx.passphrase,
           "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    command = [sys.executable, "-m", "benchmarks.start_probe", kind]
    if kind == "app":
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
    return ready[0], ready[1]["peak_rss_mb"]


def measure(ctx: Context) -> list[Result]:
    start = Result("cold start to main window idle", "s", "bare QMainWindow", Target(1.5, "ratio"))
    memory = Result("peak RSS, database open, pages loaded", "MB", "bare QMainWindow", Target(300, "value", "MB"))
    for _ in range(ctx.runs):
        for kind, start_samples, memory_samples in (
            ("bare", start.baseline_samples, memory.baseline_samples),
            ("app", start.samples, memory.samples),
        ):
            seconds, rss = probe(kind, ctx)
            start_samples.append(seconds)
            memory_samples.append(rss)
    start.note = "includes key derivation and loading every page"
    memory.note = f"max of runs {max(memory.samples):.0f} MB"
    return [start, memory]
