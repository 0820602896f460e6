"""Modal dialogs that do not outlive their use.

A dialog opened with a parent and ``exec()`` stays a child of that parent (and keeps its
widgets, models and services references) until the parent goes. ``run_modal`` deletes it once
it has closed; read what you need from it inside ``after`` or before it returns to the event loop.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def run_modal(dialog: QDialog) -> int:
    """``dialog.exec()``, then ``deleteLater()``: the dialog is gone at the next event-loop turn."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
