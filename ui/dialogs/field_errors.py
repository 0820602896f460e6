"""Showing a refused field where it is: red frame, focus, and the reason beside the buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from knooppunt.errors import KnooppuntError, ValidationError

from ..operations import try_op
from .field_edits import on_edited


class FieldErrors:
    """Maps a ``ValidationError.field`` to its widget; ``show`` marks it and says why."""

    def __init__(self, label: QLabel, widgets: dict[str, QWidget], names: dict[str, str] | None = None) -> None:
        self.label = label
        self._widgets = widgets
        self._names = names or {}
        self._marked: QWidget | None = None
        label.setObjectName("fieldError")
        label.setWordWrap(True)
        label.hide()
        for widget in widgets.values():
            on_edited(widget, lambda w=widget: self._on_field_edited(w))

    def _on_field_edited(self, widget: QWidget) -> None:
        # The message goes once the field it is about is changed.
        if widget is self._marked:
            self.clear()

    def show(self, message: str, field: str | None = None) -> None:
        self.clear()
        widget = self._widgets.get(field or "")
        name = self._names.get(field or "")
        self.label.setText(f"{name}: {message}" if name else message)
        self.label.show()
        if widget is not None:
            widget.setProperty("invalid", True)
            widget.setStyleSheet("border: 2px solid #b3261e;")
            widget.setToolTip(message)
            widget.setFocus()
            self._marked = widget

    def show_error(self, error: KnooppuntError) -> None:
        """The ``ShowsErrors`` face that ``ui.operations.run_op`` uses."""
        self.show(error.message, error.field if isinstance(error, ValidationError) else None)

    def attempt(self, action: Callable[[], object]) -> bool:
        """Run a service call; a refusal is shown at its field. True when it went through."""
        return try_op(action, hub=None, parent=self.label, errors=self)

    def clear(self) -> None:
        self.label.hide()
        if self._marked is not None:
            self._marked.setStyleSheet("")
            self._marked.setToolTip("")
            self._marked = None

    @property
    def text(self) -> str:
        return self.label.text() if self.label.isVisibleTo(self.label.parentWidget()) else ""
