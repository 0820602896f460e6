"""``python -m benchmarks.start_probe app|bare|unlock|unlocked [DATABASE]``: one cold start, measured from outside.

The parent starts this in a fresh process and stops its clock when the line ``READY {...}``
appears: the main window is shown and the event loop has gone idle. ``app`` opens DATABASE
(passphrase from KNOOPPUNT_PASSPHRASE, SQLCipher's default key derivation, as the real app) and
builds the real main window (its first page; the others are built when first opened); ``bare`` shows an empty ``QMainWindow``.
``unlock`` is the real start up to the unlock dialog, shown with the passphrase field ready for typing.
``unlocked`` goes on from there as a person would: once the start-up warm-up is done (a passphrase
takes longer to type), the passphrase is accepted and the clock runs until the main window is idle;
the line then also carries ``after_unlock_s`` and, as its baseline, ``kdf_s``: opening the same
database once more in the same process (the key derivation plus opening, nothing else).
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
    elif kind in ("unlock", "unlocked"):
        return _unlock_probe(kind, argv[1])
    elif kind == "app":
        from pathlib import Path

        from knooppunt.composition import open_services
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


def _unlock_probe(kind: str, database: str) -> int:
    from pathlib import Path

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui import startup
    from ui.app import create_application

    app = create_application(sys.argv[:1])
    path = Path(database)
    dialog = startup.unlock_dialog(path)
    dialog.show()
    dialog.passphrase.setFocus()
    report: dict[str, float] = {}

    def dialog_ready() -> None:
        report["inside_s"] = time.perf_counter() - STARTED
        report["heavy_modules_loaded"] = float("knooppunt.services.container" in sys.modules)
        if kind == "unlock":
            finish()
            return
        startup.warm_up_imports()  # what the real start does while the passphrase is typed
        QTimer.singleShot(0, accept)

    def accept() -> None:
        dialog.passphrase.setText(os.environ["KNOOPPUNT_PASSPHRASE"])
        accepted = time.perf_counter()
        dialog.ok_button.click()
        session = startup.Session(dialog.result_value, path)
        window = session.build_window()
        window.show()

        def idle() -> None:
            report["after_unlock_s"] = time.perf_counter() - accepted
            from knooppunt.storage import open_database

            started = time.perf_counter()
            open_database(path, os.environ["KNOOPPUNT_PASSPHRASE"]).close()
            report["kdf_s"] = time.perf_counter() - started
            window.close()
            session.close()
            finish()

        QTimer.singleShot(0, idle)

    def finish() -> None:
        report["peak_rss_mb"] = _peak_rss_mb()
        print("READY " + json.dumps(report), flush=True)
        app.quit()

    QTimer.singleShot(0, dialog_ready)
    app.exec()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
