"""``run_op`` with the slow part off the GUI thread and a progress indicator while it runs.

The database connection lives on the GUI thread, so an operation comes in two parts:
``prepare`` (reading and checking a file, rendering a PDF, fetching over the network) runs on the
thread pool and touches no widget and no database; ``then(prepared)`` is the write (or the next
read) and runs on the GUI thread through ``run_op``, which shows a refusal and publishes the Change.
A refusal in ``prepare`` is shown the same way; any other exception is a bug and is raised on the
GUI thread (the crash dialog).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from knooppunt.errors import KnooppuntError

from .background_task import run_in_background
from .operations import ShowsErrors, outcome_of, show_refusal

if TYPE_CHECKING:
    from .hub import SignalHub

P = TypeVar("P")
T = TypeVar("T")


def progress_box(text: str, parent: QWidget | None) -> QProgressDialog:
    """A window-modal busy indicator without a cancel button: the work cannot be stopped halfway."""
    box = QProgressDialog(text, "", 0, 0, parent)
    box.setWindowTitle("Even geduld")
    box.setCancelButton(None)  # Qt's documented way to have none
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setMinimumDuration(0)
    box.setAutoClose(False)
    box.setMinimumWidth(380)
    box.show()
    return box


def run_op_in_background(prepare: Callable[[], P], then: Callable[[P], T], *, hub: SignalHub | None,
                         parent: QWidget | None, progress: str, on_done: Callable[[T], Any] | None = None,
                         on_refused: Callable[[], Any] | None = None, errors: ShowsErrors | None = None,
                         title: str = "Dat lukte niet", initiator: object | None = None) -> QProgressDialog:
    """Start ``prepare`` on the thread pool behind a progress box saying ``progress``; then ``then``
    on the GUI thread through ``run_op``; ``on_done(result)`` when it went through, ``on_refused()``
    when either part was refused. Returns the progress box (closed and deleted when done)."""
    box = progress_box(progress, parent)

    def close() -> None:
        box.close()
        box.deleteLater()

    def succeeded(prepared: P) -> None:
        close()
        went_through, result = outcome_of(lambda: then(prepared), hub, parent, errors, title, initiator)
        if not went_through:
            if on_refused is not None:
                on_refused()
        elif on_done is not None:
            on_done(result)  # type: ignore[arg-type]  # went through: the action's own result

    def failed(exc: Exception) -> None:
        close()
        if not isinstance(exc, KnooppuntError):
            raise exc
        show_refusal(exc, parent=parent, errors=errors, title=title)
        if on_refused is not None:
            on_refused()

    run_in_background(prepare, on_success=succeeded, on_failure=failed, owner=box)
    return box

