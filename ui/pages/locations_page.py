"""Locaties & partners: per location its knooppunt and who sits at the table.

The location coordinator's work: locations, roles with organisation, fixed contact person,
substitute and mandate, replacing someone who leaves, search, import and export.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from knooppunt.services import Change, Entity, Services
from knooppunt.services.directory.locations import PartnerView

from .. import messages
from ..dialogs.location_dialog import LocationDialog
from ..dialogs.organisation_types_dialog import OrganisationTypesDialog
from ..dialogs.partner_dialog import PartnerDialog
from ..dialogs.replace_person_dialog import ReplacePersonDialog
from ..dialogs.role_dialog import RoleDialog
from ..hub import SignalHub
from ..modal import open_modal
from ..models.record_table import Column
from ..operations import publish, run_op, try_op
from ..page_refresh import PageRefresh
from .directory_exchange import EXPORT_FORMATS, DirectoryExchange
from .directory_search import DirectorySearch
from .list_page import RecordTableView


def partner_columns(today: Callable[[], date]) -> list[Column[PartnerView]]:
    def mandate(view: PartnerView) -> str:
        problem = view.mandate_problem(today())
        if problem:
            return problem
        until = view.partner.mandate_valid_until
        # The end date first: in a narrow column the text is cut at the end, and the date matters most.
        return (f"t/m {until:%d-%m-%Y} · " if until else "") + view.partner.mandate_category

    return [
        Column[PartnerView]("Rol aan tafel", lambda v: v.partner.role, width=150),
        Column[PartnerView]("Soort", lambda v: v.partner.kind, width=96),
        Column[PartnerView]("Organisatie", lambda v: v.organisation.name if v.organisation
                            else "— nog in te vullen —", width=160,
                            warning=lambda v: None if v.organisation else "Deze rol is nog niet ingevuld"),
        Column[PartnerView]("Contactpersoon", lambda v: v.contact.name if v.contact else "", width=140),
        Column[PartnerView]("Mandaat", mandate, warning=lambda v: v.mandate_problem(today()), width=230),
        Column[PartnerView]("Vervanger", lambda v: v.substitute.name if v.substitute else "", width=125),
        Column[PartnerView]("Telefoon", lambda v: (v.contact.phone or v.contact.mobile) if v.contact else "", width=105),
        Column[PartnerView]("E-mail", lambda v: v.contact.email if v.contact else "", width=200),
    ]


class LocationsPage(QWidget):
    def __init__(self, *, services: Services, hub: SignalHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = "Locaties & partners"
        self._services = services
        self._hub = hub
        self.dialog = None  # the open dialog, if any (tests drive it)
        heading = QLabel(self.title)
        heading.setObjectName("pageTitle")
        intro = QLabel(
            "Per locatie het knooppunt: wie structureel aan tafel zit, wie op uitnodiging, "
            "met vaste contactpersoon, vervanger en mandaat. Ontbrekend of verlopen mandaat staat in het rood."
        )
        intro.setWordWrap(True)
        intro.setObjectName("pageIntro")
        self.search = DirectorySearch(directory=services.directory)
        self.search.searched.connect(self._on_search_searched)
        self.search.hit_activated.connect(self._on_search_hit_activated)
        self.exchange = DirectoryExchange(services=services, hub=hub, parent=self)
        self.exchange.busy.connect(self._on_exchange_busy)
        self.exchange.finished.connect(self._on_exchange_finished)
        self.status = QLabel()
        self.status.setObjectName("hint")

        self._content = QStackedWidget()
        self._content.addWidget(self._build_directory())
        self._content.addWidget(self.search.results)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self._content, 1)
        layout.addWidget(self.status)
        self._select_next: int | None = None  # a location just made: selected by the reload its Change brings
        self.refresher = PageRefresh(self, hub=hub, reload=self._on_refresh,
                                     entities={Entity.LOCATION, Entity.PARTNER, Entity.ORGANISATION})
        self.reload()

    def _build_directory(self) -> QWidget:
        self.location_list = QListWidget()
        self.location_list.currentItemChanged.connect(self._on_location_list_current_item_changed)
        self.new_button = QPushButton("&Nieuwe locatie…")
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.edit_button = QPushButton("Locatie &wijzigen…")
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.archive_button = QPushButton("Archiveren…")
        self.archive_button.clicked.connect(self._on_archive_button_clicked)
        self.show_archived = QCheckBox("Gearchiveerde locaties tonen")
        self.show_archived.toggled.connect(self._on_show_archived_toggled)
        self.types_button = QPushButton("Soorten &organisaties…")
        self.types_button.setToolTip("Per gemeente anders: wijkteam, gebiedsteam, CJG, …")
        self.types_button.clicked.connect(self._on_types_button_clicked)
        self.register_button = QPushButton("Verwerkingsregister…")
        self.register_button.setToolTip("Het verwerkingsregister (AVG art. 30) van deze locatie opslaan als PDF of CSV.")
        self.register_button.clicked.connect(self._on_register_button_clicked)
        self.regional_button = QPushButton("Regionaal &adresboek…")
        self.regional_button.setToolTip("Het adresboek van de regio ophalen van de adresboekserver van de coördinator")
        self.regional_button.clicked.connect(self._on_regional_button_clicked)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.location_list, 1)
        left_layout.addWidget(self.show_archived)
        for button in (self.new_button, self.edit_button, self.archive_button, self.types_button,
                       self.register_button, self.regional_button):
            left_layout.addWidget(button)

        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setObjectName("locationDetails")
        self.partners = RecordTableView(partner_columns(lambda: self._services.now().date()), self)
        self.partners.remember_widths("partners")
        self.partners.activated_record.connect(self._on_partners_activated_record)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.partners, self._on_fill_button_clicked,
                      context=Qt.ShortcutContext.WidgetShortcut)
        self.fill_button = QPushButton("Partner &invullen…")
        self.fill_button.setToolTip("Organisatie, vaste contactpersoon, vervanger en mandaat (Enter)")
        self.fill_button.clicked.connect(self._on_fill_button_clicked)
        self.add_role_button = QPushButton("&Rol toevoegen…")
        self.add_role_button.clicked.connect(self._on_add_role_button_clicked)
        self.remove_role_button = QPushButton("Rol verwijderen…")
        self.remove_role_button.clicked.connect(self._on_remove_role_button_clicked)
        self.leaves_button = QPushButton("Contactpersoon &vertrekt…")
        self.leaves_button.setToolTip("De opvolger overal in één keer invullen; de geschiedenis blijft bewaard")
        self.leaves_button.clicked.connect(self._on_leaves_button_clicked)
        self.import_button = QPushButton("I&mporteren…")
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.export_button = QToolButton()
        self.export_button.setText("E&xporteren")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        self.export_actions = {}
        for fmt, (label, _filter, _suffix) in EXPORT_FORMATS.items():
            action = export_menu.addAction(label)
            action.triggered.connect(lambda _=False, f=fmt: self._on_export_action_triggered(f))
            self.export_actions[fmt] = action
        self.export_button.setMenu(export_menu)
        tools = QHBoxLayout()
        for button in (self.fill_button, self.add_role_button, self.remove_role_button, self.leaves_button):
            tools.addWidget(button)
        tools.addStretch(1)
        # The address book goes in and out under the locations, so the window fits a 1280-pixel laptop.
        exchange = QHBoxLayout()
        exchange.addWidget(self.import_button, 1)
        exchange.addWidget(self.export_button, 1)
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.export_button.setSizePolicy(self.import_button.sizePolicy())
        left_layout.addLayout(exchange)

        self.empty = QLabel("Nog geen locaties. Begin met ‘Nieuwe locatie…’: de vaste rollen van het "
                            "knooppunt (JGZ, gemeentelijke toegang/SMW, voorschool, leerplicht, SWV, zorg) "
                            "staan dan klaar om in te vullen.\n\nOf kies ‘Importeren…’ voor het adresboekbestand "
                            "dat de locatiecoördinator u gaf.")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("emptyState")
        self._right = QWidget()
        right_layout = QVBoxLayout(self._right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details)
        right_layout.addLayout(tools)
        right_layout.addWidget(self.partners, 1)
        right_layout.addWidget(self.empty, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self._right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 940])
        return splitter

    # Reading ---------------------------------------------------------------------------------
    def selected_location_id(self) -> int | None:
        item = self.location_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def reload(self, select_id: int | None = None) -> None:
        select_id = select_id or self.selected_location_id()
        self.location_list.blockSignals(True)
        self.location_list.clear()
        for location in self._services.locations.locations(include_archived=self.show_archived.isChecked()):
            archived = f" · gearchiveerd {location.archived_on:%d-%m-%Y}" if location.archived_on else ""
            item = QListWidgetItem(f"{location.name}\n{location.type.label}{archived}")
            item.setData(Qt.ItemDataRole.UserRole, location.id)
            self.location_list.addItem(item)
            if location.id == select_id:
                self.location_list.setCurrentItem(item)
        if self.location_list.currentItem() is None and self.location_list.count():
            self.location_list.setCurrentRow(0)
        self.location_list.blockSignals(False)
        self._show_selected()
        if self.search.active:
            self.search.refresh()

    def _show_selected(self, select_partner: int | None = None) -> None:
        location_id = self.selected_location_id()
        has = location_id is not None
        for widget in (self.partners, self.details, self.edit_button, self.archive_button, self.fill_button,
                       self.register_button,
                       self.add_role_button, self.remove_role_button, self.leaves_button, self.export_button):
            widget.setVisible(has)
        self.empty.setVisible(not has)
        if not has:
            return
        location = self._services.locations.location(location_id)
        self.archive_button.setText("&Terugzetten" if location.archived_on else "Archiveren…")
        address = ", ".join(p for p in (location.address, f"{location.postcode} {location.city}".strip()) if p)
        lines = [f"{location.name} · {location.type.label}" + (f" · {address}" if address else "")
                 + (f" · tel. {location.phone}" if location.phone else ""),
                 f"Knooppunt elke {location.frequency_weeks} weken."]
        if location.composition:
            lines.append(f"Samenstelling: {location.composition}")
        if location.working_agreements:
            lines.append(f"Werkafspraken: {location.working_agreements}")
        self.details.setText("\n".join(lines))
        selected = self.partners.selected_record()
        keep = select_partner or (selected.partner.id if selected else None)
        self.partners.source.set_records(self._services.locations.partners(location_id))
        for row in range(self.partners.proxy.rowCount()):
            if self.partners.record_at(row).partner.id == keep:
                self.partners.selectRow(row)

    def focus_search(self) -> None:
        self.search.text.setFocus()
        self.search.text.selectAll()

    # Dialogs ---------------------------------------------------------------------------------
    def _open(self, dialog) -> None:
        """A dialog that hands its ``change`` back has it published here when accepted."""
        self.dialog = dialog
        open_modal(dialog, self._on_dialog_finished, hub=self._hub, initiator=self)

    def _publish(self, change: Change) -> None:
        """For the dialogs that save more than once while open (roles, organisation types)."""
        publish(self._hub, change, self)

    def _on_new_button_clicked(self) -> None:
        def save(location):
            saved, change = self._services.locations.create_location(location)
            self._select_next = saved.id
            return change

        self._open(LocationDialog(save=save, parent=self))

    def _on_edit_button_clicked(self) -> None:
        location_id = self.selected_location_id()
        if location_id is None:
            return
        location = self._services.locations.location(location_id)
        self._open(LocationDialog(save=self._services.locations.update_location,
                                  location=location, parent=self))

    def _on_archive_button_clicked(self) -> None:
        location_id = self.selected_location_id()
        if location_id is None:
            return
        location = self._services.locations.location(location_id)
        name = location.name
        if location.archived_on:
            self._run(lambda: self._services.locations.archive_location(location_id, restore=True))
            return
        if messages.ask(self, "Locatie archiveren",
                        f"‘{name}’ archiveren? De locatie verdwijnt uit de lijsten; kinderen, overleggen en "
                        "verslagen blijven bewaard.", confirm="Archiveren"):
            self._run(lambda: self._services.locations.archive_location(location_id))

    def _on_types_button_clicked(self) -> None:
        self._open(OrganisationTypesDialog(locations=self._services.locations, publish=self._publish, parent=self))

    def _selected_partner(self) -> PartnerView | None:
        view = self.partners.selected_record()
        if view is None:
            messages.inform(self, "Kies een rol", "Kies eerst in de tabel de rol (kernpartner) die u bedoelt.")
        return view

    def _on_partners_activated_record(self, view: PartnerView) -> None:
        self._edit_partner(view)

    def _on_fill_button_clicked(self) -> None:
        view = self._selected_partner()
        if view is not None:
            self._edit_partner(view)

    def _edit_partner(self, view: PartnerView) -> None:
        pid = view.partner.id
        self._open(PartnerDialog(
            view=view, locations=self._services.locations, today=self._services.now().date(),
            save=lambda entry: self._publish(self._services.locations.fill_partner(pid, entry)), parent=self))

    def _on_add_role_button_clicked(self) -> None:
        location_id = self.selected_location_id()
        self._open(RoleDialog(save=lambda role, kind: self._publish(
            self._services.locations.add_role(location_id, role, kind)), parent=self))

    def _on_remove_role_button_clicked(self) -> None:
        view = self._selected_partner()
        if view is not None and messages.ask(
                self, "Rol verwijderen", f"De rol ‘{view.partner.role}’ bij deze locatie verwijderen? Eerdere "
                "besluiten en verslagen houden de namen zoals ze toen waren.", confirm="Verwijderen"):
            self._run(lambda: self._services.locations.remove_role(view.partner.id))

    def _on_leaves_button_clicked(self) -> None:
        view = self._selected_partner()
        if view is None:
            return
        if view.contact is None:
            messages.inform(self, "Geen contactpersoon", "Bij deze rol is nog geen vaste contactpersoon ingevuld.")
            return
        self._open(ReplacePersonDialog(
            contact_id=view.contact.id, locations=self._services.locations,
            replace=lambda cid, entry, reason: self._publish(
                self._services.locations.replace_person(cid, entry, reason=reason)), parent=self))

    def _on_import_button_clicked(self) -> None:
        location_id = self.selected_location_id()
        name = self._services.locations.location(location_id).name if location_id else None
        self.exchange.start_import(name)

    def _on_register_button_clicked(self) -> None:
        location_id = self.selected_location_id()
        if location_id is None:
            return
        from pathlib import Path

        suggested = Path.home() / f"verwerkingsregister {self._services.locations.location(location_id).name}.pdf"
        path = messages.choose_save_file(self, "Verwerkingsregister opslaan", suggested,
                                         "PDF-document (*.pdf);;CSV voor Excel (*.csv)")
        if path is None:
            return
        if not try_op(lambda: self._services.register.save(location_id, path), hub=self._hub, parent=self,
                      title="Verwerkingsregister niet opgeslagen", initiator=self):
            return
        messages.inform(self, "Verwerkingsregister opgeslagen", f"Het verwerkingsregister staat in {path}.")

    def _on_export_action_triggered(self, fmt: str) -> None:
        if self.selected_location_id() is not None:
            self.exchange.export(self.selected_location_id(), fmt)

    def _run(self, action: Callable[[], Change]) -> None:
        run_op(action, hub=self._hub, parent=self, initiator=self)

    # Slots -----------------------------------------------------------------------------------
    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None

    def _on_show_archived_toggled(self, _checked: bool) -> None:
        self.reload()

    def _on_location_list_current_item_changed(self, *_args) -> None:
        self._show_selected()

    def _on_search_searched(self, active: bool) -> None:
        self._content.setCurrentIndex(1 if active else 0)

    def _on_search_hit_activated(self, hit) -> None:
        if hit.location_id is None:
            messages.inform(self, hit.name, f"{hit.name} ({hit.organisation}) staat in het adresboek maar is "
                            "nog bij geen enkele locatie contactpersoon. Kies een locatie en vul een rol in "
                            "om deze persoon aan tafel te zetten.")
            return
        self.search.clear()
        self.reload(select_id=hit.location_id)
        self._show_selected(select_partner=hit.partner_id)
        self.partners.setFocus()

    def _on_exchange_busy(self, text: str) -> None:
        self.status.setText(text)
        self.setCursor(Qt.CursorShape.BusyCursor)

    def _on_exchange_finished(self, text: str) -> None:
        self.status.setText(text)
        self.unsetCursor()

    def _on_regional_button_clicked(self) -> None:
        # Imported on first use: it brings the signature library, which start-up does not need.
        from ..dialogs.regional_directory_dialog import RegionalDirectoryDialog

        self._open(RegionalDirectoryDialog(regional=self._services.regional, hub=self._hub, initiator=self,
                                           parent=self))

    def _on_refresh(self) -> None:
        select_id, self._select_next = self._select_next, None
        self.reload(select_id=select_id)
