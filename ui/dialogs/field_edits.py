"""What the form dialogs share about their fields: which one takes the first keystroke, and
telling when the user has edited one (so its red message can go)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget


def is_text_field(widget: QWidget) -> bool:
    """A field one types text into (an editable combo box counts, a plain choice does not)."""
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit)


def first_text_field(widgets: Iterable[QWidget]) -> QWidget | None:
    return next((w for w in widgets if is_text_field(w) and w.isEnabled()), None)


def on_edited(widget: QWidget, slot: Callable[[], None]) -> None:
    """Call ``slot`` whenever the user changes the field's value."""
    if isinstance(widget, QLineEdit):
        widget.textEdited.connect(lambda _text: slot())
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(lambda _index: slot())
        if widget.isEditable():
            widget.editTextChanged.connect(lambda _text: slot())
    elif isinstance(widget, QAbstractSpinBox):
        widget.editingFinished.connect(slot)
        if hasattr(widget, "dateChanged"):
            widget.dateChanged.connect(lambda _date: slot())
    else:
        # Composite fields (a person editor, a list) may offer a ``changed`` signal of their own.
        signal = getattr(widget, "changed", None)
        if signal is not None and hasattr(signal, "connect"):
            signal.connect(slot)
