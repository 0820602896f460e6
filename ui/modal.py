"""The one way to open a dialog: each of these deletes it after it closes.

A dialog with a parent stays a child of that parent (with its widgets, models and references to
the services) until the parent goes, unless something deletes it. So:

- ``open_modal(dialog, on_finished, owner=self)``: window-modal ``open()``, the usual choice. The
  event loop keeps running (timers, the meeting clock). ``on_finished(result)`` runs once it has
  closed; read what you need from the dialog there. ``owner.active_dialog`` holds the dialog while
  it is open: tests drive it through that hook.
- ``run_modal(dialog)``: ``exec()`` where the caller needs the result before it goes on.
- ``show_modeless(dialog)``: a window that stays open beside the main window (a child's file).

All three delete the dialog with ``deleteLater()``: it is gone at the next event-loop turn, so it
may still be read right after ``run_modal`` returns or inside ``on_finished``. The one dialog that
lives on on purpose is the handbook (``MainWindow.open_handbook``), kept to reopen at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


class DialogOwner(Protocol):
    """A widget that exposes the dialog it has open, for the tests that drive it."""

    active_dialog: QDialog | None


def run_modal(dialog: QDialog) -> int:
    """``dialog.exec()``, then ``deleteLater()``: the dialog is gone at the next event-loop turn."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


def open_modal(dialog: D, on_finished: Callable[[int], None] | None = None, *,
               owner: DialogOwner | None = None) -> D:
    """Window-modal ``open()``; when it closes: clear ``owner.active_dialog``, ``on_finished(result)``,
    then ``deleteLater()`` (also when ``on_finished`` raises)."""
    if owner is not None:
        owner.active_dialog = dialog

    def finished(result: int) -> None:
        if owner is not None and owner.active_dialog is dialog:
            owner.active_dialog = None
        try:
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
