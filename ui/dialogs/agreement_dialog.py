"""Afspraak maken: who (partner, parent, the child, school) does what, by when; evaluation date."""

from __future__ import annotations

from datetime import timedelta
from html import escape

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from knooppunt.domain.enums import OwnerKind
from knooppunt.domain.offers import OfferView
from knooppunt.domain.outcomes import Agreement
from knooppunt.services import Change, Services
from knooppunt.services.outcomes.agreements import AgreementInput

from ..widgets.offer_picker import OfferPicker
from .form_dialog import DateField, FormDialog

DEFAULT_DUE_DAYS = 14
DEFAULT_EVALUATION_DAYS = 42


class AgreementDialog(FormDialog):
    def __init__(self, *, services: Services, discussion_id: int, agreement: Agreement | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("Afspraak wijzigen" if agreement else "Afspraak maken", parent)
        self._services = services
        self._agreement = agreement
        self._discussion_id = discussion_id
        context = services.records.context(discussion_id)
        self._suggestions = services.agreements.owner_suggestions(discussion_id)
        self.form.addRow(QLabel(f"Afspraak in de bespreking van <b>{escape(context.child_name)}</b>, "
                                f"overleg van {context.meeting_date:%d-%m-%Y}. Ouders en het kind kunnen "
                                "ook eigenaar zijn."))
        self.owner_kind = self.add_field("owner_kind", "&Wie (soort)", QComboBox())
        self.owner_kind.addItem("— kies —", None)
        for kind in (OwnerKind.PARENT, OwnerKind.CHILD, OwnerKind.SCHOOL, OwnerKind.PARTNER):
            self.owner_kind.addItem(kind.label, kind.value)
        self.owner_name = self.add_field("owner_name", "Wie (&naam)", QComboBox())
        self.owner_name.setEditable(True)
        self.owner_name.lineEdit().setPlaceholderText("Naam van wie de afspraak uitvoert")
        self.description = self.add_field("description", "&Wat", QLineEdit())
        self.description.setPlaceholderText("Bijv. ‘Houdt twee weken een slaapdagboek bij’")
        meeting = context.meeting_date
        # Typing starts with who and what; an offer from the sociale kaart is an optional help.
        self.offer = self.add_field("offer_id", "&Aanbod", OfferPicker(services=services, location_id=context.location_id))
        self.offer.offer_chosen.connect(self._on_offer_offer_chosen)
        self.due_date = self.add_field("due_date", "&Uiterlijk", DateField(meeting + timedelta(days=DEFAULT_DUE_DAYS)))
        evaluation = context.discussion.evaluation_date or meeting + timedelta(days=DEFAULT_EVALUATION_DAYS)
        self.evaluation_date = self.add_field("evaluation_date", "&Evaluatie", DateField(evaluation))
        self.owner_kind.currentIndexChanged.connect(self._on_owner_kind_current_index_changed)
        if agreement is not None:
            if agreement.offer_id is not None:
                self.offer.set_offer(services.offers.offer(agreement.offer_id))
            self.owner_kind.setCurrentIndex(self.owner_kind.findData(agreement.owner_kind.value))
            self.owner_name.setEditText(agreement.owner_name)
            self.description.setText(agreement.description)
            self.due_date.set_value(agreement.due_date)
            self.evaluation_date.set_value(agreement.evaluation_date)
        self.resize(560, 360)

    def _on_owner_kind_current_index_changed(self, _index: int) -> None:
        typed = self.owner_name.currentText()
        self.owner_name.clear()
        kind = self.owner_kind.currentData()
        if kind:
            self.owner_name.addItems(self._suggestions.get(OwnerKind(kind), []))
        if typed and not self.owner_name.count():
            self.owner_name.setEditText(typed)

    def _on_offer_offer_chosen(self, view: OfferView | None) -> None:
        """An offer fills in what is still empty: a partner as owner (its organisation) and what."""
        if view is None:
            return
        chose_kind = self.owner_kind.currentData() is None
        if chose_kind:
            self.owner_kind.setCurrentIndex(self.owner_kind.findData(OwnerKind.PARTNER.value))
        if (chose_kind or not self.owner_name.currentText().strip()) and view.organisation:
            # A partner of that organisation at this location, else the organisation itself.
            names = [self.owner_name.itemText(i) for i in range(self.owner_name.count())]
            match = next((n for n in names if view.organisation.casefold() in n.casefold()), view.organisation)
            self.owner_name.setEditText(match)
        if not self.description.text().strip():
            self.description.setText(view.offer.name)

    def draft(self) -> AgreementInput:
        return AgreementInput(
            self.owner_kind.currentData(),
            self.owner_name.currentText(),
            self.description.text(),
            self.due_date.value(),
            self.evaluation_date.value(),
            offer_id=self.offer.offer_id,
        )

    def save(self) -> Change:
        if self._agreement is not None:
            return self._services.agreements.update(self._agreement.id, self.draft())
        _agreement, change = self._services.agreements.create(self._discussion_id, self.draft())
        return change
