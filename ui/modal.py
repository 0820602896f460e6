"""The one way to open a dialog: each of these deletes it after it closes.

A dialog with a parent stays a child of that parent (with its widgets, models and references to
the services) until the parent goes, unless something deletes it. So:

- ``open_modal(dialog, on_finished, owner=self)``: window-modal ``open()``, the usual choice. The
  event loop keeps running (timers, the meeting clock). ``on_finished(result)`` runs once it has
  closed; read what you need from the dialog there. ``owner.active_dialog`` holds the dialog while
  it is open: tests drive it through that hook.
- ``run_modal(dialog)``: ``exec()`` where the caller needs the result before it goes on.
- ``show_modeless(dialog)``: a window that stays open beside the main window (a child's file).

``open_modal`` and ``run_modal`` given ``hub=`` publish the dialog's ``change`` (a Change or a
result holding Changes) when it was accepted, through ``ui.operations.publish``, with ``initiator``.

All three delete the dialog with ``deleteLater()``: it is gone at the next event-loop turn, so it
may still be read right after ``run_modal`` returns or inside ``on_finished``. The one dialog that
lives on on purpose is the handbook (``MainWindow.open_handbook``), kept to reopen at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from . import operations

if TYPE_CHECKING:
    from .hub import SignalHub

D = TypeVar("D", bound=QDialog)


class DialogOwner(Protocol):
    """A widget that exposes the dialog it has open, for the tests that drive it."""

    active_dialog: QDialog | None


def _publish_accepted(dialog: QDialog, result: int, hub: SignalHub | None, initiator: object | None) -> None:
    if hub is not None and result == QDialog.DialogCode.Accepted:
        operations.publish(hub, getattr(dialog, "change", None), initiator)


def run_modal(dialog: QDialog, *, hub: SignalHub | None = None, initiator: object | None = None) -> int:
    """``dialog.exec()`` (publishing its ``change`` on ``hub`` when accepted), then ``deleteLater()``."""
    try:
        result = dialog.exec()
        _publish_accepted(dialog, result, hub, initiator)
        return result
    finally:
        dialog.deleteLater()


def open_modal(dialog: D, on_finished: Callable[[int], None] | None = None, *, owner: DialogOwner | None = None,
               hub: SignalHub | None = None, initiator: object | None = None) -> D:
    """Window-modal ``open()``; when it closes: clear ``owner.active_dialog``, ``on_finished(result)``,
    then ``deleteLater()`` (also when ``on_finished`` raises)."""
    if owner is not None:
        owner.active_dialog = dialog

    def finished(result: int) -> None:
        if owner is not None and owner.active_dialog is dialog:
            owner.active_dialog = None
        try:
            _publish_accepted(dialog, result, hub, initiator)
            if on_finished is not None:
                on_finished(result)
        finally:
            dialog.deleteLater()

    dialog.finished.connect(finished)
    dialog.open()
    return dialog


def show_modeless(dialog: D) -> D:
    """``show()`` a dialog that does not block its parent; it is deleted when the user closes it."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
