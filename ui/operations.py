"""One way to run an operation from the UI (after Anki's ``CollectionOp``).

``run_op`` runs a service call, shows a refusal (``KnooppuntError``) at its field on a form or
else in one message box, and publishes the returned ``Change`` on the hub with its initiator, so
a page that wrote can skip its own reload (``hub.initiated_by(self)``). It returns the call's
result, or None when it was refused. The action returns a ``Change`` or a tuple ending in one.

Places left that still catch ``KnooppuntError`` or publish by hand, for a reason or for lack of
time (``tests/ui/test_operations.py`` counts them and fails if the number grows):
- reads that may be refused (opening, previewing, searching): nothing to publish;
- the meeting window (``ui/meeting/``): autosave and step-by-step flows that react to a refusal;
- dialogs that hand their ``change`` to the opener, which publishes it (``dialog.change``);
- background work in ``ui/background_task.py`` / ``backup_runner.py``: errors come back by signal;
- the not yet converted write sites in ``ui/dialogs/`` and ``ui/pages/`` (mechanical follow-up).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtWidgets import QWidget

from knooppunt.errors import KnooppuntError

from . import messages

if TYPE_CHECKING:
    from knooppunt.services import Change

    from .hub import SignalHub

T = TypeVar("T")


class ShowsErrors(Protocol):
    """A form's error line: marks the refused field and says why."""

    def show_error(self, error: KnooppuntError) -> None: ...


def change_in(result: object) -> Change | None:
    """The Change a service call returned: the result itself or the last item of a tuple."""
    if isinstance(result, tuple):
        result = result[-1] if result else None
    from knooppunt.services import Change  # after unlock, like the hub

    return result if isinstance(result, Change) else None


def run_op(action: Callable[[], T], *, hub: SignalHub, parent: QWidget | None,
           errors: ShowsErrors | None = None, title: str = "Dat lukte niet",
           initiator: object | None = None) -> T | None:
    """Run ``action``; a refusal is shown (at ``errors`` or in a box titled ``title``) and gives None."""
    try:
        result = action()
    except KnooppuntError as exc:
        if errors is not None:
            errors.show_error(exc)
        else:
            messages.show_error(parent, exc, title)
        return None
    hub.publish(change_in(result), initiator)
    return result
