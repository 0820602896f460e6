"""Rol toevoegen: another partner at this location's table, structural or incidental."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from knooppunt.domain.enums import PartnerKind

from .field_errors import FieldErrors


class RoleDialog(QDialog):
    def __init__(self, *, save: Callable[[str, PartnerKind], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Rol toevoegen")
        self._save = save
        self.role = QLineEdit()
        self.role.setPlaceholderText("bijv. Logopedie, Jeugdarts, Orthopedagoog")
        self.kind = QComboBox()
        for value, label in PartnerKind.choices():
            self.kind.addItem(label, value)
        self.kind.setCurrentIndex(self.kind.findData(PartnerKind.INCIDENTAL.value))
        self.errors = FieldErrors(QLabel(), {"role": self.role})
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Toevoegen")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Rol", self.role)
        form.addRow("&Soort", self.kind)
        form.addRow(self.errors.label)
        form.addRow(buttons)
        # Wide enough for the title and the example in the field (they were cut off).
        self.role.setMinimumWidth(self.role.fontMetrics().horizontalAdvance(self.role.placeholderText()) + 24)
        self.setMinimumWidth(440)

    def _on_buttons_accepted(self) -> None:
        if self.errors.attempt(lambda: self._save(self.role.text(), PartnerKind(self.kind.currentData()))):
            self.accept()
