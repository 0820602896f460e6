"""Backups: how long one checked backup of the whole database takes, and the longest GUI stall
while one runs in the background.

The stall is measured with a 1 ms QTimer heartbeat on the GUI thread while the backup runs on
the thread pool exactly as the window starts it (``ui.background_task.run_in_background``); the
baseline is the same heartbeat for as long with nothing running.
"""

from __future__ import annotations

import shutil

from . import REPORT, Context, Result, Target, open_services, qt_application, timed

PROBE_INTERVAL_MS = 1


def _heartbeat(job) -> tuple[float, float]:
    """Run ``job`` (or, when None, nothing for ``idle_ms``) and return (longest gap ms, duration ms)."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QObject, Qt, QTimer

    from ui.background_task import run_in_background

    loop = QEventLoop()
    owner = QObject()
    state = {"max_gap": 0.0, "error": None}
    clock, total = QElapsedTimer(), QElapsedTimer()

    def on_probe() -> None:
        state["max_gap"] = max(state["max_gap"], clock.nsecsElapsed() / 1e6)
        clock.restart()

    def on_failure(exc: Exception) -> None:
        state["error"] = exc
        loop.quit()

    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(PROBE_INTERVAL_MS)
    probe.timeout.connect(on_probe)
    clock.start()
    total.start()
    probe.start()
    if callable(job):
        run_in_background(job, on_success=lambda _made: loop.quit(), on_failure=on_failure, owner=owner)
    else:
        QTimer.singleShot(int(job), loop.quit)
    loop.exec()
    probe.stop()
    owner.deleteLater()
    if state["error"] is not None:
        raise RuntimeError(f"backup failed: {state['error']}")
    return state["max_gap"], total.nsecsElapsed() / 1e6


def measure(ctx: Context) -> list[Result]:
    _app = qt_application()
    services = open_services(ctx)
    try:
        assert services.backups is not None
        size_mb = ctx.database.stat().st_size / 1e6
        made = Result("backup of the whole database (checked)", "ms", "plain file copy", REPORT)
        folders = iter(range(10_000))
        made.samples = timed(lambda: services.backups.backup_job(ctx.workdir / f"bk{next(folders)}")(), ctx.runs)
        made.baseline_samples = timed(lambda: shutil.copyfile(ctx.database, ctx.workdir / "copy.db"), ctx.runs)
        made.note = f"database {size_mb:.0f} MB: export, fsync, integrity check, rename"

        stall = Result("longest GUI stall during a background backup", "ms", "same heartbeat, no backup",
                       Target(50, "value", "ms"))
        for _ in range(ctx.runs):
            gap, duration = _heartbeat(services.backups.backup_job(ctx.workdir / f"bk{next(folders)}"))
            stall.samples.append(gap)
            stall.baseline_samples.append(_heartbeat(duration)[0])
        stall.note = f"{PROBE_INTERVAL_MS} ms QTimer heartbeat on the GUI thread"
        return [made, stall]
    finally:
        services.close()
