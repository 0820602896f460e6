"""Slow work (rendering a PDF, reading a big file) off the GUI thread; results come back as signals.

The function must not touch widgets or the database connection (it lives on the GUI thread).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)  # the exception


class BackgroundTask(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self._work = work
        self.signals = TaskSignals()

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which decides
            log.debug("Background task failed: %s", exc)
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)


def run_in_background(work: Callable[[], Any], *, on_success: Callable[[Any], None],
                      on_failure: Callable[[Exception], None], owner: QObject) -> TaskSignals:
    """Start ``work`` on the thread pool; the callbacks run on the GUI thread (queued signals)."""
    task = BackgroundTask(work)
    task.signals.setParent(owner)  # lives as long as its owner, on the GUI thread
    task.signals.succeeded.connect(on_success)
    task.signals.failed.connect(on_failure)
    task.signals.succeeded.connect(task.signals.deleteLater)
    task.signals.failed.connect(task.signals.deleteLater)
    QThreadPool.globalInstance().start(task)
    return task.signals
