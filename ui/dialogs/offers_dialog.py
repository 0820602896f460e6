"""Sociale kaart: the offers around a location; add, change, archive, CSV in and out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from knooppunt.domain.offers import OfferView
from knooppunt.services import Services

from .. import messages
from ..hub import SignalHub
from ..modal import open_modal
from ..models.record_table import Column
from ..operations import run_op
from ..pages.list_page import RecordTableView
from .offer_dialog import OfferDialog

OFFER_COLUMNS = [
    Column[OfferView]("Aanbod", lambda v: v.offer.name, width=220),
    Column[OfferView]("Organisatie", lambda v: v.organisation, width=180),
    Column[OfferView]("Niveau", lambda v: v.offer.level.label, width=100),
    Column[OfferView]("Doelgroep", lambda v: v.offer.target_group, width=180),
    Column[OfferView]("Leeftijd", lambda v: v.offer.ages, width=90),
    Column[OfferView]("Hoe verwijzen", lambda v: v.offer.how_to_refer, width=220),
    Column[OfferView]("Contact", lambda v: v.offer.contact),
]


class OffersDialog(QDialog):
    def __init__(self, *, services: Services, hub: SignalHub, location_id: int, location_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Sociale kaart — {location_name}")
        self._services = services
        self._hub = hub
        self._location_id = location_id
        self._location_name = location_name
        self.active_dialog: QDialog | None = None
        intro = QLabel("Het aanbod rond de locatie, op de drie niveaus van de preventiepiramide. Bij een besluit "
                       "of afspraak kiest de voorzitter hieruit; dat telt mee in de monitoring. Dubbelklik om "
                       "te wijzigen.")
        intro.setWordWrap(True)
        intro.setObjectName("pageIntro")
        self.table = RecordTableView(OFFER_COLUMNS, self)
        self.add_button = QPushButton("&Toevoegen…")
        self.archive_button = QPushButton("&Archiveren")
        self.archive_button.setToolTip("Niet meer kiezen; besluiten die het gebruikten blijven meetellen")
        self.import_button = QPushButton("CSV &inlezen…")
        self.export_button = QPushButton("CSV &exporteren…")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.archive_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.import_button, self.export_button):
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.add_button.clicked.connect(lambda: self._edit(None))
        self.table.activated_record.connect(self._edit)
        self.archive_button.clicked.connect(self._on_archive_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.reload()
        self.resize(1040, 480)

    def reload(self) -> None:
        self.table.source.set_records(self._services.offers.offers(self._location_id))

    def _edit(self, view: OfferView | None) -> None:
        dialog = OfferDialog(services=self._services, location_id=self._location_id, view=view, parent=self)
        open_modal(dialog, lambda result: self._on_edit_finished(result), owner=self, hub=self._hub, initiator=self)

    def _on_edit_finished(self, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            self.reload()

    def _on_archive_button_clicked(self) -> None:
        view = self.table.selected_record()
        if view is None or view.offer.id is None:
            return
        offer_id = view.offer.id
        if run_op(lambda: self._services.offers.archive(offer_id), hub=self._hub, parent=self,
                  initiator=self) is not None:
            self.reload()

    def _on_import_button_clicked(self) -> None:
        path = messages.choose_open_file(self, "Sociale kaart inlezen", "CSV (*.csv *.txt);;Alle bestanden (*)")
        if path is None:
            return
        change = run_op(lambda: self._services.offers.import_csv(self._location_id, path), hub=self._hub,
                        parent=self, title="Niet ingelezen", initiator=self)
        if change is None:
            return
        self.reload()
        messages.inform(self, "Sociale kaart", f"{len(change.ids)} aanbod ingelezen uit {path.name}.")

    def _on_export_button_clicked(self) -> None:
        slug = "".join(c if c.isalnum() else "-" for c in self._location_name.lower()).strip("-")
        path = messages.choose_save_file(self, "Sociale kaart exporteren", Path.home() / f"sociale-kaart-{slug}.csv",
                                         "CSV (*.csv)")
        if path is None:
            return
        count = run_op(lambda: self._services.offers.export_csv(self._location_id, path), hub=None, parent=self)
        if count is None:
            return
        messages.inform(self, "Sociale kaart", f"{count} aanbod opgeslagen in {path}.")
