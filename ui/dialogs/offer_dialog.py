"""Aanbod toevoegen of wijzigen: name, organisation from the directory, level, target group, ages."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from knooppunt.domain.offers import OfferView, PreventionLevel
from knooppunt.services import Change, Services
from knooppunt.services.directory.offers import OfferInput

from .form_dialog import FormDialog

NO_AGE = -1


class OfferDialog(FormDialog):
    def __init__(self, *, services: Services, location_id: int, view: OfferView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("Aanbod wijzigen" if view else "Aanbod toevoegen", parent)
        self._services = services
        self._location_id = location_id
        self._view = view
        self.name = QLineEdit()
        self.add_field("name", "&Naam van het aanbod", self.name)
        self.name.setPlaceholderText("Bijv. ‘Opvoedondersteuning thuis’ of ‘Weerbaarheidstraining’")
        self.organisation = QComboBox()
        self.add_field("organisation_id", "&Organisatie", self.organisation)
        self.organisation.addItem("— geen / nog niet in het adresboek —", None)
        for organisation in services.locations.organisations():
            self.organisation.addItem(organisation.name, organisation.id)
        self.level = QComboBox()
        self.add_field("level", "Ni&veau", self.level)
        self.level.addItem("— kies —", None)
        for level in PreventionLevel:
            self.level.addItem(level.label, level.value)
        self.level.setToolTip("Preventiepiramide: universeel (voor iedereen), selectief (risicogroep), "
                              "geïndiceerd (na een indicatie of besluit)")
        self.target_group, self.contact = QLineEdit(), QLineEdit()
        self.age_from, self.age_to = _age_box(), _age_box()
        self.how_to_refer = QPlainTextEdit()
        self.how_to_refer.setFixedHeight(60)
        self.add_field("target_group", "&Doelgroep", self.target_group)
        self.add_field("age_from", "Leeftijd &vanaf", self.age_from)
        self.add_field("age_to", "Leeftijd &tot en met", self.age_to)
        self.add_field("how_to_refer", "&Hoe verwijzen", self.how_to_refer)
        self.add_field("contact", "&Contact", self.contact)
        if view is not None:
            o = view.offer
            self.name.setText(o.name)
            self.organisation.setCurrentIndex(max(self.organisation.findData(o.organisation_id), 0))
            self.level.setCurrentIndex(self.level.findData(o.level.value))
            self.target_group.setText(o.target_group)
            self.age_from.setValue(NO_AGE if o.age_from is None else o.age_from)
            self.age_to.setValue(NO_AGE if o.age_to is None else o.age_to)
            self.how_to_refer.setPlainText(o.how_to_refer)
            self.contact.setText(o.contact)
        self.resize(560, 480)

    def draft(self) -> OfferInput:
        return OfferInput(self.name.text(), self.organisation.currentData(), self.level.currentData(),
                          self.target_group.text(), _age(self.age_from), _age(self.age_to),
                          self.how_to_refer.toPlainText(), self.contact.text())

    def save(self) -> Change:
        offer_id = self._view.offer.id if self._view else None
        _id, change = self._services.offers.save(self._location_id, self.draft(), offer_id)
        return change


def _age_box() -> QSpinBox:
    box = QSpinBox()
    box.setRange(NO_AGE, 30)
    box.setSpecialValueText("–")
    box.setValue(NO_AGE)
    box.setSuffix(" jaar")
    return box


def _age(box: QSpinBox) -> int | None:
    return None if box.value() == NO_AGE else box.value()
