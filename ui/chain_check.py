"""At opening, the audit log's chain is checked in the background (in small steps on the GUI
thread: the connection belongs to it) and a calm notice is shown only when it does not hold."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from knooppunt.services import Services

ROWS_PER_STEP = 2000  # a few milliseconds of hashing per step: typing stays smooth

NOTICE = ("Let op: het logboek klopt niet meer ({problem}) Uw gegevens zijn gewoon te gebruiken. Meld dit aan de "
          "beheerder of privacyfunctionaris; ‘knooppunt-cli check’ geeft de details.")


class ChainCheck(QObject):
    """``finished`` carries a Dutch notice, or "" when the chain holds."""

    finished = Signal(str)

    def __init__(self, *, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._walk = services.audit.walk()
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        if not self._stopped:  # a start queued before a stop must not undo it
            self._timer.start()

    def stop(self) -> None:
        """Before the database closes (quitting, restoring a backup): no step may run after it."""
        self._stopped = True
        self._timer.stop()

    def _on_timer_timeout(self) -> None:
        if not self._walk.step(ROWS_PER_STEP):
            return
        self._timer.stop()
        problem = self._walk.problem
        self.finished.emit(NOTICE.format(problem=problem.message.removeprefix("Logboek: ")) if problem else "")
