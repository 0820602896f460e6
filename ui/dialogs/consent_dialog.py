"""Toestemming vastleggen: who, when, how, for what (bespreking, overdracht, which partners).

``offer_to_record_missing`` is what the meeting planner calls when a child lacks consent: it
names what is missing and opens this dialog, pre-filled, for each person in turn.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from knooppunt.domain.children import Consent, age_on
from knooppunt.domain.enums import ConsentGiver, ConsentMethod
from knooppunt.services import Services

from .. import messages
from ..hub import SignalHub
from ..modal import run_modal
from ..operations import run_op
from .form_support import FieldErrors, date_edit, get_date, save_buttons

CHILD = "kind"


class ConsentDialog(QDialog):
    """Records one consent; ``giver``/``guardian_id`` and ``organisation_ids`` pre-fill the form."""

    def __init__(self, *, services: Services, hub: SignalHub, child_id: int, guardian_id: int | None = None,
                 organisation_ids: Iterable[int] = (), giver: ConsentGiver | None = None, day: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._hub, self._child_id = services, hub, child_id
        self.saved: Consent | None = None
        child = services.children.child(child_id)
        today = services.now().date()
        self.setWindowTitle(f"Toestemming vastleggen – {child.full_name}")

        self.giver = QComboBox()
        for g in services.children.guardians(child_id):
            self.giver.addItem(f"{g.name} ({g.relation}{', met gezag' if g.has_authority else ', zonder gezag'})", g.id)
        self.giver.addItem(f"{child.first_name} zelf (het kind, {age_on(child.date_of_birth, today)} jaar)", CHILD)
        if guardian_id is not None:
            self.giver.setCurrentIndex(max(0, self.giver.findData(guardian_id)))
        elif giver == ConsentGiver.CHILD:
            self.giver.setCurrentIndex(self.giver.count() - 1)
        self.given_on = date_edit(min(today, day) if day else today)
        self.method = QComboBox()
        for value, label in ConsentMethod.choices():
            self.method.addItem(label, value)
        self.for_discussion = QCheckBox("&Bespreking in het knooppunt")
        self.for_discussion.setChecked(True)
        self.for_transfer = QCheckBox("&Overdracht van het dossier naar de volgende locatie (doorgaande lijn)")
        self.organisations = QListWidget()
        self.organisations.setObjectName("consentOrganisations")
        self._fill_organisations(child.location_id, set(organisation_ids))
        self.all_button = QPushButton("&Alle partners aanvinken")
        self.all_button.clicked.connect(self._on_all_button_clicked)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("bijv. ‘Formulier getekend tijdens intakegesprek’ of, bij mondeling: "
                                     "aan wie en in welk gesprek")
        self.note.setFixedHeight(70)
        self.errors = FieldErrors({"giver": self.giver, "given_on": self.given_on, "note": self.note,
                                   "for_discussion": self.for_discussion,
                                   "organisation_ids": self.organisations}, self)

        rule = QLabel(_rule_text(child.first_name, age_on(child.date_of_birth, day or today), day))
        rule.setWordWrap(True)
        rule.setObjectName("hint")
        form = QFormLayout()
        form.addRow("&Wie geeft toestemming", self.giver)
        form.addRow("&Datum", self.given_on)
        form.addRow("&Hoe", self.method)
        form.addRow("Waarvoor", self.for_discussion)
        form.addRow("", self.for_transfer)
        form.addRow("&Partners die mogen\naanschuiven of informatie\nkrijgen", self.organisations)
        form.addRow("", self.all_button)
        form.addRow("&Notitie", self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(rule)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        self.buttons = save_buttons(self, self._on_buttons_accepted, save_text="Toestemming opslaan")
        layout.addWidget(self.buttons)
        self.resize(720, 560)

    def _fill_organisations(self, location_id: int, checked: set[int]) -> None:
        names: dict[int, str] = {}
        for view in self._services.locations.partners(location_id):
            if view.organisation is not None:
                names.setdefault(view.organisation.id, f"{view.organisation.name} – {view.partner.role}")
        everyone = not names  # no partners filled in yet: offer all organisations
        for organisation in self._services.locations.organisations():
            if organisation.id in checked or everyone:
                names.setdefault(organisation.id, organisation.name)
        for organisation_id, text in names.items():
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, organisation_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if organisation_id in checked else Qt.CheckState.Unchecked)
            self.organisations.addItem(item)

    def _on_all_button_clicked(self) -> None:
        for i in range(self.organisations.count()):
            self.organisations.item(i).setCheckState(Qt.CheckState.Checked)

    def checked_organisations(self) -> tuple[int, ...]:
        items = (self.organisations.item(i) for i in range(self.organisations.count()))
        return tuple(i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked)

    def consent(self) -> Consent:
        who = self.giver.currentData()
        giver = ConsentGiver.CHILD if who == CHILD else ConsentGiver.GUARDIAN
        return Consent(None, self._child_id, giver, None if who == CHILD else who, get_date(self.given_on),
                       ConsentMethod(self.method.currentData()), self.for_discussion.isChecked(),
                       self.for_transfer.isChecked(), self.checked_organisations(), self.note.toPlainText())

    def _on_buttons_accepted(self) -> None:
        result = run_op(lambda: self._services.consent.record(self.consent()), hub=self._hub, parent=self,
                        errors=self.errors, initiator=self)
        if result is not None:
            self.saved = result[0]
            self.accept()


def _rule_text(first_name: str, age: int, day: date | None) -> str:
    when = f"op {day:%d-%m-%Y}" if day else "nu"
    if age >= 16:
        who = f"{first_name} geeft zelf toestemming; de ouders worden geïnformeerd."
    elif age >= 12:
        who = f"elke ouder met gezag én {first_name} zelf geven toestemming."
    else:
        who = "elke ouder met gezag geeft toestemming."
    return f"{first_name} is {when} {age} jaar: {who}"


def offer_to_record_missing(parent: QWidget | None, *, services: Services, hub: SignalHub, child_id: int,
                            day: date, organisation_ids: Iterable[int]) -> bool:
    """Show what consent is missing for ``day`` and these partners, and let the user record it.

    Returns True when consent is complete (now or already), False when the user stops.
    """
    organisation_ids = tuple(organisation_ids)
    child = services.children.child(child_id)
    while True:
        missing = services.consent.missing(child_id, day, organisation_ids)
        if not missing:
            return True
        first = missing[0]
        text = (f"Voor de bespreking van {child.full_name} op {day:%d-%m-%Y} ontbreekt toestemming:\n- "
                + "\n- ".join(m.description for m in missing)
                + f"\n\nWilt u de toestemming van {first.person} nu vastleggen?")
        if not messages.ask(parent, "Toestemming ontbreekt", text, confirm="Toestemming vastleggen", cancel="Niet nu"):
            return False
        dialog = ConsentDialog(services=services, hub=hub, child_id=child_id, guardian_id=first.guardian_id,
                               giver=first.giver, organisation_ids=first.organisation_ids or organisation_ids,
                               day=day, parent=parent)
        if run_modal(dialog) != QDialog.DialogCode.Accepted:
            return False
