"""Locaties & partners: per location its knooppunt and who sits at the table."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from knooppunt.services import Change, Services
from knooppunt.services.locations import PartnerView

from ..dialogs.location_dialog import LocationDialog
from ..hub import SignalHub
from ..models.record_table import Column
from .list_page import RecordTableView


def _mandate(view: PartnerView) -> str:
    problem = view.mandate_problem(date.today())
    if problem:
        return problem
    until = view.partner.mandate_valid_until
    return view.partner.mandate_category + (f" (t/m {until:%d-%m-%Y})" if until else "")


PARTNER_COLUMNS = [
    Column[PartnerView]("Rol aan tafel", lambda v: v.partner.role, width=260),
    Column[PartnerView]("Soort", lambda v: v.partner.kind, width=95),
    Column[PartnerView]("Organisatie", lambda v: v.organisation.name if v.organisation else "— nog in te vullen —",
                        width=220),
    Column[PartnerView]("Vaste contactpersoon", lambda v: v.contact.name if v.contact else "", width=170),
    Column[PartnerView]("Telefoon", lambda v: v.contact.phone if v.contact else "", width=110),
    Column[PartnerView]("Vervanger", lambda v: v.substitute.name if v.substitute else "", width=140),
    Column[PartnerView]("Mandaat", _mandate, warning=lambda v: v.mandate_problem(date.today())),
]


class LocationsPage(QWidget):
    def __init__(self, *, services: Services, hub: SignalHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = "Locaties & partners"
        self._services = services
        self._hub = hub
        heading = QLabel(self.title)
        heading.setObjectName("pageTitle")
        intro = QLabel(
            "Per locatie het knooppunt: wie structureel aan tafel zit, wie op uitnodiging, "
            "met vaste contactpersoon, vervanger en mandaat. Ontbrekend of verlopen mandaat staat in het rood."
        )
        intro.setWordWrap(True)
        intro.setObjectName("pageIntro")

        self.location_list = QListWidget()
        self.location_list.currentItemChanged.connect(self._on_location_list_current_item_changed)
        self.new_button = QPushButton("&Nieuwe locatie…")
        self.new_button.clicked.connect(self._on_new_button_clicked)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.location_list, 1)
        left_layout.addWidget(self.new_button)

        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setObjectName("locationDetails")
        self.partners = RecordTableView(PARTNER_COLUMNS, self)
        self.empty = QLabel("Kies links een locatie, of maak een nieuwe locatie aan.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("emptyState")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details)
        right_layout.addWidget(self.partners, 1)
        right_layout.addWidget(self.empty, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 900])

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        hub.changed.connect(self._on_hub_changed)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        current = self.location_list.currentItem()
        select_id = select_id or (current.data(Qt.ItemDataRole.UserRole) if current else None)
        self.location_list.clear()
        for location in self._services.locations.locations():
            item = QListWidgetItem(f"{location.name}\n{location.type.label}")
            item.setData(Qt.ItemDataRole.UserRole, location.id)
            self.location_list.addItem(item)
            if location.id == select_id:
                self.location_list.setCurrentItem(item)
        if self.location_list.currentItem() is None and self.location_list.count():
            self.location_list.setCurrentRow(0)
        self._show_selected()

    def _show_selected(self) -> None:
        item = self.location_list.currentItem()
        has = item is not None
        self.partners.setVisible(has)
        self.details.setVisible(has)
        self.empty.setVisible(not has)
        if not has:
            return
        location = self._services.locations.location(item.data(Qt.ItemDataRole.UserRole))
        address = ", ".join(p for p in (location.address, f"{location.postcode} {location.city}".strip()) if p)
        lines = [f"{location.name} · {location.type.label}" + (f" · {address}" if address else ""),
                 f"Knooppunt elke {location.frequency_weeks} weken."]
        if location.working_agreements:
            lines.append(f"Werkafspraken: {location.working_agreements}")
        self.details.setText("\n".join(lines))
        self.partners.source.set_records(self._services.locations.partners(location.id))

    def _on_location_list_current_item_changed(self, *_args) -> None:
        self._show_selected()

    def _on_new_button_clicked(self) -> None:
        created: list[int] = []

        def save(location):
            saved, change = self._services.locations.create_location(location)
            created.append(saved.id)
            self._hub.publish(change)

        LocationDialog(save=save, parent=self).exec()
        if created:
            self.reload(select_id=created[0])

    def _on_hub_changed(self, change: Change) -> None:
        if change.entity in {"location", "partner", "contact", "organisation"}:
            self.reload()
