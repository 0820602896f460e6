"""Kinderen: the children of all locations, with their case phase; open a child's file."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from knooppunt.domain.enums import CasePhase
from knooppunt.services import Entity, Services
from knooppunt.services.children.children import ChildView

from .. import messages
from ..dialogs.child_detail_dialog import ChildDetailDialog
from ..dialogs.child_dialog import ChildDialog
from ..dialogs.retention_dialog import RetentionDialog
from ..hub import SignalHub
from ..modal import run_modal, show_modeless
from ..models.record_table import Column
from ..operations import run_op
from ..page_refresh import PageRefresh
from .list_page import ListPage

SHOWN_AT_ONCE = 200  # the list holds at most this many children; typing searches the database

COLUMNS = [
    Column[ChildView]("Naam", lambda v: v.child.full_name, width=200),
    Column[ChildView]("Geboortedatum", lambda v: v.child.date_of_birth, width=120),
    Column[ChildView]("Groep", lambda v: v.child.group_name, width=90),
    Column[ChildView]("Locatie", lambda v: v.location_name, width=220),
    Column[ChildView]("Casus", lambda v: CasePhase(v.case_phase).label if v.case_phase else "Geen casus"),
]


class ChildrenPage(ListPage):
    def __init__(self, *, services: Services, hub: SignalHub, parent: QWidget | None = None) -> None:
        super().__init__(
            title="Kinderen",
            explanation="Kinderen die in het knooppunt besproken (kunnen) worden, met hun ouders, "
            "toestemming en casus. Dubbelklik een kind (of Enter) voor het dossier met de tijdlijn.",
            empty_text="Er zijn nog geen kinderen vastgelegd.\n\nKies ‘Nieuw kind…’ zodra een kind wordt "
            "aangemeld voor het knooppunt, of lees een overdrachtsdossier van een vorige locatie in.",
            columns=COLUMNS,
            search_callback=lambda text, limit: services.children.children(search=text, limit=limit),
            count_callback=services.children.count,
            result_limit=SHOWN_AT_ONCE,
            parent=parent,
        )
        self.search.setPlaceholderText("Zoek een kind op naam…  (Ctrl+F)")
        self._services = services
        self._hub = hub
        self.new_button = QPushButton("&Nieuw kind…")
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.open_button = QPushButton("&Openen")
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.import_button = QPushButton("Overdracht &inlezen…")
        self.import_button.setToolTip("Een overdrachtsdossier van een vorige locatie inlezen als geschiedenis.")
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.retention_button = QPushButton("&Bewaartermijn…")
        self.retention_button.setToolTip("Kinderen van wie de bewaartermijn voorbij is: bekijken en wissen.")
        self.retention_button.clicked.connect(self._on_retention_button_clicked)
        for button in (self.new_button, self.open_button, self.import_button, self.retention_button):
            self.toolbar.addWidget(button)
        self.table.activated.connect(lambda index: self._on_table_activated_record(self.table.record_at(index.row())))
        self.refresher = PageRefresh(self, hub=hub, reload=self.reload,
                                     entities={Entity.CHILD, Entity.CASE, Entity.CONSENT, Entity.LOCATION})
        self.reload()

    def reload(self) -> None:
        self.run_search()

    def open_child(self, child_id: int) -> ChildDetailDialog:
        dialog = ChildDetailDialog(services=self._services, hub=self._hub, child_id=child_id, parent=self)
        show_modeless(dialog)
        return dialog

    def _on_table_activated_record(self, view: ChildView | None) -> None:
        if view is not None:
            self.open_child(view.child.id)

    def _on_open_button_clicked(self) -> None:
        self._on_table_activated_record(self.table.selected_record())

    def _on_new_button_clicked(self) -> None:
        dialog = ChildDialog(services=self._services, hub=self._hub, parent=self)
        if run_modal(dialog) and dialog.saved is not None:  # deleted only at the next event-loop turn
            self.open_child(dialog.saved.id)

    def _on_import_button_clicked(self) -> None:
        locations = self._services.locations.locations()
        if not locations:
            messages.inform(self, "Overdracht inlezen", "Maak eerst een locatie aan.")
            return
        path = messages.choose_open_file(self, "Overdrachtsdossier inlezen", "Overdrachtsdossier (*.json)")
        if path is None:
            return
        name = locations[0].name if len(locations) == 1 else messages.choose_item(
            self, "Overdracht inlezen", "Bij welke locatie komt het kind?", [loc.name for loc in locations])
        location = next((loc for loc in locations if loc.name == name), None)
        if location is None:
            return
        result = run_op(lambda: self._services.transfer.import_file(path, location.id), hub=self._hub, parent=self,
                        title="Overdrachtsdossier niet ingelezen", initiator=self)
        if result is not None:
            self.open_child(result[0])

    def _on_retention_button_clicked(self) -> None:
        run_modal(RetentionDialog(services=self._services, hub=self._hub, parent=self))
