"""One way to run an operation from the UI (after Anki's ``CollectionOp``).

``run_op`` runs a service call, shows a refusal (``KnooppuntError``) at its field on a form, in a
line of the window (``in_line``: a dialog's error label, the meeting window's notice line) or else
in one message box, and publishes the returned ``Change`` on the hub with its initiator, so a page
that wrote knows it did (``hub.initiated_by(self)``). It returns the call's result, or None when it
was refused; ``try_op`` says True/False for calls that return nothing. The action returns a
``Change``, a tuple ending in one, or something with ``.changes``; a read returns none of these and
publishes nothing. ``run_op_in_background`` (``ui/background_op.py``) prepares off the GUI thread
with a progress indicator, then finishes here. ``publish`` is the one call of ``hub.publish``:
``open_modal``/``run_modal`` use it for a dialog that hands its ``change`` to the opener.

Places left in ``ui/`` that still catch ``KnooppuntError`` by hand, each for a reason; nothing
outside this module calls ``hub.publish`` (``tests/ui/test_operations.py`` counts both: nine):
- ``ui/app.py`` (start-up): before there is a window or a hub; the refusal ends the program;
- ``ui/app.py`` (the crash handler): the last resort for a refusal nobody caught, shown calmly;
- ``ui/startup.py`` (restoring a backup, twice): the database is closed and reopened around it,
  so there are no services or hub to run an operation with;
- ``ui/backup_runner.py`` (twice): the backup job's failure comes back by signal and is said with
  "tried again later" (and an unexpected error is turned into that message); at closing the
  window is gone and a refusal is only logged;
- ``ui/documents/render_task.py``: a worker thread, where a refusal becomes the ``failed`` signal;
- ``ui/dialogs/server_page.py`` ("Verbinding testen" in the first-run wizard): a connection test, not
  a write, before there are services; its refusal comes back by signal and is said in the page's line;
- ``ui/pages/agreements_export.py`` (a step of the export): a cancellable export on a timer, which
  must also remove the half-written file.
Flows that react to one kind of refusal (offer to record consent or an aanmelding, then retry)
let it pass with ``passes=`` and catch that subclass only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtWidgets import QLabel, QWidget

from knooppunt.errors import KnooppuntError, ValidationError

from . import messages

if TYPE_CHECKING:
    from knooppunt.services import Change

    from .hub import SignalHub

T = TypeVar("T")


class ShowsErrors(Protocol):
    """A form's error line: marks the refused field and says why."""

    def show_error(self, error: KnooppuntError) -> None: ...


class _Said:
    def __init__(self, say: Callable[[str, str | None], object]) -> None:
        self._say = say

    def show_error(self, error: KnooppuntError) -> None:
        self._say(error.message, error.field if isinstance(error, ValidationError) else None)


def at_field(show: Callable[[str, str | None], object]) -> ShowsErrors:
    """A form whose ``show(message, field)`` marks the field (``FormDialog.show_error``)."""
    return _Said(show)


def in_line(say: Callable[[str], object] | QLabel) -> ShowsErrors:
    """A line that says why: a QLabel (shown) or a callable such as the meeting window's notice."""
    if isinstance(say, QLabel):
        label = say

        def shown(message: str, _field: str | None) -> None:
            label.setText(message)
            label.show()

        return _Said(shown)
    told = say
    return _Said(lambda message, _field: told(message))


class _Reacts:
    def __init__(self, react: Callable[[KnooppuntError], object]) -> None:
        self._react = react

    def show_error(self, error: KnooppuntError) -> None:
        self._react(error)


def on_refusal(react: Callable[[KnooppuntError], object]) -> ShowsErrors:
    """A view that shows the refusal its own way, by its kind (e.g. "kept, tried again shortly")."""
    return _Reacts(react)


def changes_in(result: object) -> list[Change]:
    """The Changes a service call returned: the result, the last item of a tuple, or ``.changes``."""
    from knooppunt.services import Change  # after unlock, like the hub

    if isinstance(result, tuple):
        result = result[-1] if result else None
    if isinstance(result, Change):
        return [result]
    return [c for c in getattr(result, "changes", ()) if isinstance(c, Change)]


def change_in(result: object) -> Change | None:
    found = changes_in(result)
    return found[-1] if found else None


def publish(hub: SignalHub | None, result: object, initiator: object | None = None) -> None:
    """Tell every view what ``result`` changed; ``initiator`` is known while the signal runs."""
    if hub is None:
        return
    for change in changes_in(result):
        hub.publish(change, initiator)


def show_refusal(error: KnooppuntError, *, parent: QWidget | None, errors: ShowsErrors | None = None,
                 title: str = "Dat lukte niet") -> None:
    """The one place a refusal is shown: at ``errors`` when given, else in one message box."""
    if errors is not None:
        errors.show_error(error)
    else:
        messages.show_error(parent, error, title)


def outcome_of(action: Callable[[], T], hub: SignalHub | None, parent: QWidget | None,
               errors: ShowsErrors | None = None, title: str = "Dat lukte niet", initiator: object | None = None,
               passes: tuple[type[KnooppuntError], ...] = ()) -> tuple[bool, T | None]:
    """What ``run_op`` and ``try_op`` share: (went through, result)."""
    try:
        result = action()
    except passes:
        raise
    except KnooppuntError as exc:
        show_refusal(exc, parent=parent, errors=errors, title=title)
        return False, None
    publish(hub, result, initiator)
    return True, result


def run_op(action: Callable[[], T], *, hub: SignalHub | None, parent: QWidget | None,
           errors: ShowsErrors | None = None, title: str = "Dat lukte niet",
           initiator: object | None = None, passes: tuple[type[KnooppuntError], ...] = ()) -> T | None:
    """Run ``action``; a refusal is shown (at ``errors`` or in a box titled ``title``) and gives None.

    ``passes``: refusals the caller reacts to itself (e.g. offer to record consent, then retry).
    ``hub=None``: publish nothing (a dialog that hands its change to the opener).
    """
    return outcome_of(action, hub, parent, errors, title, initiator, passes)[1]


def try_op(action: Callable[[], object], *, hub: SignalHub | None, parent: QWidget | None,
           errors: ShowsErrors | None = None, title: str = "Dat lukte niet", initiator: object | None = None,
           passes: tuple[type[KnooppuntError], ...] = ()) -> bool:
    """``run_op`` for calls that may return nothing: True when it went through, False when refused."""
    return outcome_of(action, hub, parent, errors, title, initiator, passes)[0]
