"""``python -m benchmarks.start_probe app|bare [DATABASE]``: one cold start, measured from outside.

The parent starts this in a fresh process and stops its clock when the line ``READY {...}``
appears: the main window is shown and the event loop has gone idle. ``app`` opens DATABASE
(passphrase from KNOOPPUNT_PASSPHRASE, SQLCipher's default key derivation, as the real app) and
builds the real main window (its first page; the others are built when first opened); ``bare`` shows an empty ``QMainWindow``.
The line also carries the peak resident memory (VmHWM, else ru_maxrss) at that moment.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

STARTED = time.perf_counter()


def _peak_rss_mb() -> float:
    """Peak resident memory of this process image in MB.

    Linux's ``VmHWM`` first: ``ru_maxrss`` survives fork + exec, so a probe started by a big
    parent (the runner right after generating) would report the parent's peak instead.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    kind = argv[0]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    if kind == "bare":
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1280, 800)
        session = None
    elif kind == "app":
        from pathlib import Path

        from knooppunt.services.container import open_services
        from ui.app import create_application
        from ui.startup import Session

        app = create_application(sys.argv[:1])
        path = Path(argv[1])
        session = Session(open_services(path, os.environ["KNOOPPUNT_PASSPHRASE"]), path)
        window = session.build_window()
    else:
        print(f"unknown probe {kind!r}: use app or bare", file=sys.stderr)
        return 2
    window.show()

    def ready() -> None:
        print("READY " + json.dumps({
            "inside_s": time.perf_counter() - STARTED,
            "peak_rss_mb": _peak_rss_mb(),
            "ru_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }), flush=True)
        app.quit()

    QTimer.singleShot(0, ready)
    app.exec()
    window.close()
    if session is not None:
        session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
