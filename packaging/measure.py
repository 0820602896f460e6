"""Size and cold start of the frozen program, for the benchmark report.

    python packaging/measure.py [BUNDLE] [--runs N] [--compare-source]

BUNDLE is the .tar.gz from packaging/build-linux.sh or an unpacked program folder (default: the
newest dist/knooppunt-*-linux-*.tar.gz). Prints one JSON object:

- ``bundle_bytes``: the unpacked program folder, as it lies on disk after installing;
- ``archive_bytes``: the .tar.gz handed out (absent when given a folder);
- ``frozen_start_seconds``: median wall time of ``knooppunt --smoke-test`` (start the program,
  create a demo database, build and show the main window, quit), offscreen, over N runs;
- ``frozen_first_start_seconds``: the first of those runs, right after unpacking (coldest files);
- with --compare-source, ``source_start_seconds``: the same smoke test from this source checkout
  with the running Python, for the target "no slower than from source".
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def folder_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _smoke_env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_", "KNOOPPUNT_"))}
    env.update(QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp), HOME=str(tmp), LANG="C.UTF-8")
    return env


def time_smoke_test(command: list[str], *, runs: int, cwd: Path) -> list[float]:
    times = []
    with tempfile.TemporaryDirectory(prefix="knooppunt-measure-") as tmp:
        for _ in range(runs):
            start = time.perf_counter()
            result = subprocess.run([*command, "--smoke-test"], cwd=cwd, env=_smoke_env(Path(tmp)), capture_output=True, text=True, timeout=300)
            elapsed = time.perf_counter() - start
            if result.returncode != 0:
                raise RuntimeError(f"smoke test failed ({result.returncode}): {result.stderr.strip()}")
            times.append(elapsed)
    return times


def measure(bundle: Path, *, runs: int = 3, compare_source: bool = False) -> dict[str, float | int]:
    """Measure a built bundle (.tar.gz or program folder); see the module docstring."""
    report: dict[str, float | int] = {}
    with tempfile.TemporaryDirectory(prefix="knooppunt-bundle-") as unpack_dir:
        if bundle.is_file():
            report["archive_bytes"] = bundle.stat().st_size
            with tarfile.open(bundle) as tar:
                tar.extractall(unpack_dir, **({"filter": "tar"} if hasattr(tarfile, "tar_filter") else {}))
            folder = Path(unpack_dir) / "knooppunt"
        else:
            folder = bundle
        report["bundle_bytes"] = folder_bytes(folder)
        times = time_smoke_test([str(folder / "knooppunt")], runs=runs, cwd=Path(unpack_dir))
    report["frozen_start_seconds"] = round(statistics.median(times), 3)
    report["frozen_first_start_seconds"] = round(times[0], 3)
    if compare_source:
        source = [sys.executable, "-c", "import sys; from ui.app import main; sys.exit(main())"]
        report["source_start_seconds"] = round(statistics.median(time_smoke_test(source, runs=runs, cwd=ROOT)), 3)
    return report


def newest_archive() -> Path:
    archives = sorted((ROOT / "dist").glob("knooppunt-*-linux-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not archives:
        raise SystemExit("Geen bundel gevonden in dist/: bouw eerst met packaging/build-linux.sh")
    return archives[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", nargs="?", type=Path, help=".tar.gz of programmamap (standaard: nieuwste in dist/)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--compare-source", action="store_true", help="meet ook de start vanuit de broncode")
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.bundle or newest_archive(), runs=args.runs, compare_source=args.compare_source)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
