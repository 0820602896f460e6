"""What the child, parent, consent and case dialogs share: date fields and errors at the field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialogButtonBox, QLabel, QWidget

from knooppunt.errors import KnooppuntError, ValidationError

from .field_edits import on_edited

NO_DATE = QDate(1900, 1, 1)


def date_edit(value: date | None = None, *, optional: bool = False, parent: QWidget | None = None) -> QDateEdit:
    """A dd-mm-jjjj field with a calendar; an optional one shows blank for ‘no date’."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setMinimumDate(NO_DATE)
    edit.setMaximumDate(QDate(2200, 12, 31))
    if optional:
        edit.setSpecialValueText("—")
    set_date(edit, value)
    return edit


def set_date(edit: QDateEdit, value: date | None) -> None:
    edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)


def get_date(edit: QDateEdit) -> date | None:
    value = edit.date()
    if value == NO_DATE and edit.specialValueText():
        return None
    return date(value.year(), value.month(), value.day())


def save_buttons(parent: QWidget, accepted: Callable[[], None], *, save_text: str = "Opslaan") -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, parent)
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(save_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
    buttons.accepted.connect(accepted)
    buttons.rejected.connect(parent.reject)
    return buttons


class FieldErrors(QLabel):
    """A red line under the form; on a ``ValidationError`` the named field gets focus and a red edge."""

    def __init__(self, fields: dict[str, QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields = fields
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.hide()
        for widget in fields.values():
            on_edited(widget, lambda w=widget: self._on_field_edited(w))

    def _on_field_edited(self, widget: QWidget) -> None:
        # The message goes once the field it is about is changed.
        if widget.styleSheet():
            self.clear_error()

    def show_error(self, error: KnooppuntError) -> None:
        self.clear_error()
        self.setText(error.message)
        self.show()
        widget = self._fields.get(error.field) if isinstance(error, ValidationError) else None
        if widget is not None:
            widget.setStyleSheet("border: 2px solid #b3261e;")
            widget.setToolTip(error.message)
            widget.setFocus()

    def add_fields(self, fields: dict[str, QWidget]) -> None:
        """More fields a subclassed form adds (their errors show at them too)."""
        self._fields.update(fields)

    def clear_error(self) -> None:
        self.hide()
        for widget in self._fields.values():
            widget.setStyleSheet("")
            widget.setToolTip("")

    def field_in_error(self) -> QWidget | None:
        return next((w for w in self._fields.values() if w.styleSheet()), None)
