"""Soorten organisaties: per municipality different (wijkteam, gebiedsteam, CJG, gidsen...)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from knooppunt.services.directory.locations import LocationService

from .field_errors import FieldErrors


class OrganisationTypesDialog(QDialog):
    def __init__(self, *, locations: LocationService, publish, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Soorten organisaties")
        self._locations = locations
        self._publish = publish
        intro = QLabel("Elke gemeente organiseert het anders: wijkteam, gebiedsteam, CJG, gidsen. "
                       "Pas de soorten hier aan; bestaande organisaties houden hun soort.")
        intro.setWordWrap(True)
        self.types = QListWidget()
        self.types.currentItemChanged.connect(self._on_types_current_item_changed)
        self.name = QLineEdit()
        self.name.setPlaceholderText("naam van de soort, bijv. ‘Gebiedsteam’")
        self.add_button = QPushButton("&Toevoegen")
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.rename_button = QPushButton("&Hernoemen")
        self.rename_button.clicked.connect(self._on_rename_button_clicked)
        self.errors = FieldErrors(QLabel(), {"name": self.name})
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.rename_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.types, 1)
        layout.addLayout(row)
        layout.addWidget(self.errors.label)
        layout.addWidget(buttons)
        self.resize(460, 420)
        self._reload()

    def _reload(self, select: str | None = None) -> None:
        self.types.clear()
        for t in self._locations.organisation_types():
            item = QListWidgetItem(t.name)
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            self.types.addItem(item)
            if t.name == select:
                self.types.setCurrentItem(item)

    def _run(self, action, name: str) -> None:
        if not self.errors.attempt(lambda: self._publish(action())):
            return
        self.errors.clear()
        self._reload(select=name.strip())

    def _on_types_current_item_changed(self, current, _previous) -> None:
        if current is not None:
            self.name.setText(current.text())

    def _on_add_button_clicked(self) -> None:
        name = self.name.text()
        self._run(lambda: self._locations.add_organisation_type(name), name)

    def _on_rename_button_clicked(self) -> None:
        item = self.types.currentItem()
        if item is None:
            self.errors.show("Kies eerst in de lijst welke soort u wilt hernoemen.")
            return
        name, type_id = self.name.text(), item.data(Qt.ItemDataRole.UserRole)
        self._run(lambda: self._locations.rename_organisation_type(type_id, name), name)
