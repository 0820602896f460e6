"""A small base for the outcome dialogs: a form, an error under each field, Opslaan/Annuleren.

Subclasses add fields with ``add_field`` and implement ``save()`` as one service call. A
``ValidationError`` is shown under the field it names; nothing is closed or saved half.
"""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from knooppunt.services import Change

from ..operations import at_field, outcome_of
from .field_edits import first_text_field, on_edited

NO_DATE = QDate(2000, 1, 1)
W = TypeVar("W", bound=QWidget)


class DateField(QDateEdit):
    """A date that may be left empty (shown as ‘geen datum’)."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("dd-MM-yyyy")
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("geen datum")
        self.set_value(value)

    def set_value(self, value: date | None) -> None:
        self.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)

    def value(self) -> date | None:
        qdate = self.date()
        return None if qdate == NO_DATE else date(qdate.year(), qdate.month(), qdate.day())


class FormDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.change: Change | None = None
        self.form = QFormLayout()
        self._fields: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._focused_once = False
        self.general_error = _error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Opslaan")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def add_field(self, name: str, label: str, widget: W) -> W:
        self._fields[name] = widget
        self.form.addRow(label, widget)
        error = _error_label()
        self._errors[name] = error
        self.form.addRow("", error)
        # A message goes as soon as the field it is about is changed.
        on_edited(widget, lambda: self._clear_field_error(name))
        return widget

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._focused_once:
            # Typing starts in the first text field, never on Opslaan (a space would press it).
            self._focused_once = True
            first = first_text_field(self._fields.values())
            if first is not None:
                first.setFocus()
            fields = [w for w in self._fields.values() if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
            for before, after in zip(fields, [*fields[1:], self.save_button], strict=True):
                QWidget.setTabOrder(before, after)

    def _clear_field_error(self, name: str) -> None:
        label = self._errors.get(name)
        if label is not None and not label.isHidden():
            label.hide()
            self.general_error.hide()

    def error_text(self, field: str | None = None) -> str:
        label = self._errors.get(field) if field else self.general_error
        return label.text() if label is not None and not label.isHidden() else ""

    def show_error(self, message: str, field: str | None = None) -> None:
        self._clear_errors()
        label = self._errors.get(field or "", self.general_error)
        label.setText(message)
        label.show()
        widget = self._fields.get(field or "")
        if widget is not None:
            widget.setFocus()

    def _clear_errors(self) -> None:
        for label in (*self._errors.values(), self.general_error):
            label.hide()

    def save(self) -> Change:  # pragma: no cover - every dialog implements it
        raise NotImplementedError

    def _on_buttons_accepted(self) -> None:
        # The opener publishes ``change`` (``open_modal``/``run_modal`` with ``hub=``).
        went_through, change = outcome_of(self.save, None, self, at_field(self.show_error))
        if went_through:
            self.change = change
            self.accept()


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label
