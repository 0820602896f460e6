"""Ouder/verzorger toevoegen of wijzigen: relation, gezag, contact details, language, interpreter."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from knooppunt.domain.children import Guardian
from knooppunt.services import Services

from ..hub import SignalHub
from ..operations import run_op
from .form_support import FieldErrors, save_buttons

RELATIONS = ("moeder", "vader", "ouder", "pleegouder", "voogd", "stiefmoeder", "stiefvader", "grootouder")


class GuardianDialog(QDialog):
    def __init__(self, *, services: Services, hub: SignalHub, child_id: int, guardian: Guardian | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Ouder/verzorger wijzigen" if guardian else "Ouder/verzorger toevoegen")
        self._services, self._hub = services, hub
        self._guardian = guardian or Guardian(None, child_id, "")
        g = self._guardian
        self.name = QLineEdit(g.name)
        self.relation = QComboBox()
        self.relation.setEditable(True)
        self.relation.addItems(RELATIONS)
        self.relation.setCurrentText(g.relation)
        self.has_authority = QCheckBox("heeft ouderlijk gezag (moet toestemming geven)")
        self.has_authority.setChecked(g.has_authority)
        self.phone = QLineEdit(g.phone)
        self.email = QLineEdit(g.email)
        self.address = QLineEdit(g.address)
        self.address.setPlaceholderText("straat, huisnummer, postcode en plaats")
        self.preferred_language = QLineEdit(g.preferred_language)
        self.preferred_language.setToolTip("De afsprakenbrief en de uitnodiging komen in deze taal als Knooppunt "
                                           "die kent: Nederlands, Engels, Turks, Arabisch of Pools.")
        self.lives_apart = QCheckBox("woont apart (krijgt een eigen afsprakenbrief)")
        self.lives_apart.setChecked(g.lives_apart)
        self.needs_interpreter = QCheckBox("tolk nodig bij gesprekken")
        self.needs_interpreter.setChecked(g.needs_interpreter)
        hint = QLabel("Gescheiden ouders voegt u als twee personen toe, elk met eigen contactgegevens. "
                      "Wie gezag heeft, krijgt de afsprakenbrief: dan is een adres of e-mailadres nodig. Ouders met "
                      "gezag die apart wonen (ander adres, of 'woont apart') krijgen elk een eigen brief.")
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        self.errors = FieldErrors({"name": self.name, "email": self.email, "address": self.address}, self)
        form = QFormLayout()
        form.addRow("&Naam", self.name)
        form.addRow("&Relatie tot het kind", self.relation)
        form.addRow("", self.has_authority)
        form.addRow("", self.lives_apart)
        form.addRow("&Telefoon", self.phone)
        form.addRow("&E-mail", self.email)
        form.addRow("&Adres", self.address)
        form.addRow("&Voorkeurstaal", self.preferred_language)
        form.addRow("", self.needs_interpreter)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(save_buttons(self, self._on_buttons_accepted))
        self.resize(520, 400)

    def guardian(self) -> Guardian:
        return replace(self._guardian, name=self.name.text(), relation=self.relation.currentText(),
                       has_authority=self.has_authority.isChecked(), phone=self.phone.text(), email=self.email.text(),
                       address=self.address.text(), preferred_language=self.preferred_language.text(),
                       needs_interpreter=self.needs_interpreter.isChecked(), lives_apart=self.lives_apart.isChecked())

    def _on_buttons_accepted(self) -> None:
        children = self._services.children
        action = ((lambda: children.add_guardian(self.guardian())) if self._guardian.id is None
                  else (lambda: children.update_guardian(self.guardian())))
        if run_op(action, hub=self._hub, parent=self, errors=self.errors, initiator=self) is not None:
            self.accept()
