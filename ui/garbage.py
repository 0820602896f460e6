"""Python's cycle collector runs on the GUI thread only, at a quiet moment (calibre's and Anki's
pattern; the crash it prevents: docs/decisions.md, "Qt and the garbage collector").

With automatic collection on, CPython collects whenever allocations pass a threshold: in the middle
of a widget's construction, inside a signal, or on a worker thread. Collecting a cycle that holds
Qt wrappers there frees C++ objects at a moment Qt does not expect. So automatic collection is off
and a timer on the GUI thread collects each generation once it is due.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


def collect_if_due() -> None:
    """Collect the generations whose thresholds are passed, youngest first (cheap when none is)."""
    thresholds, counts = gc.get_threshold(), gc.get_count()
    for generation in range(3):
        if counts[generation] <= thresholds[generation]:
            return
        gc.collect(generation)


class GarbageCollector(QObject):
    """Turns automatic collection off and collects on the GUI thread every second instead."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("garbageCollector")
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(collect_if_due)
        self._timer.start(INTERVAL_MS)


def install(app: QObject) -> None:
    """Once per application (create_application may be called again, e.g. in tests)."""
    if app.findChild(GarbageCollector, "garbageCollector") is None:
        GarbageCollector(app)
