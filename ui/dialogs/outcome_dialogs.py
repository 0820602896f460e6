"""Small dialogs of the follow-up: an agreement's outcome, confirming a decision, an addendum."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from knooppunt.domain.enums import AgreementStatus
from knooppunt.domain.outcomes import Agreement, Decision
from knooppunt.services import Change, Services
from knooppunt.services.outcomes.agreements import OUTCOMES

from .form_dialog import DateField, FormDialog


class OutcomeDialog(FormDialog):
    """Uitkomst van een eerdere afspraak: gedaan / niet gedaan (waarom) / loopt door / gewijzigd."""

    def __init__(self, *, services: Services, discussion_id: int, agreement: Agreement,
                 parent: QWidget | None = None) -> None:
        super().__init__("Uitkomst van de afspraak", parent)
        self._services, self._discussion_id, self._agreement = services, discussion_id, agreement
        self.form.addRow(QLabel(f"<b>{escape(agreement.owner_name)}</b>: {escape(agreement.description)}"))
        self.status = self.add_field("status", "&Uitkomst", QComboBox())
        for status in OUTCOMES:
            self.status.addItem(status.label, status.value)
        if agreement.status in OUTCOMES:
            self.status.setCurrentIndex(self.status.findData(agreement.status.value))
        self.note = self.add_field("outcome_note", "&Toelichting", QLineEdit(agreement.outcome_note))
        self.note.setPlaceholderText("Waarom niet gedaan, of wat er veranderd is")
        self.resize(520, 220)

    def save(self) -> Change:
        return self._services.agreements.record_outcome(
            self._agreement.id, self._discussion_id, AgreementStatus(self.status.currentData()), self.note.text()
        )


class ConfirmDecisionDialog(FormDialog):
    """Een voorlopig besluit laten bevestigen: één handeling, in het logboek."""

    def __init__(self, *, services: Services, decision: Decision, parent: QWidget | None = None) -> None:
        super().__init__("Besluit bevestigen", parent)
        self._services, self._decision = services, decision
        self.form.addRow(QLabel(f"Voorlopig besluit: <b>{escape(decision.text)}</b><br>"
                                f"genomen door {escape(decision.decided_by)} ({escape(decision.organisation)})"))
        self.confirmed_by = self.add_field("confirmed_by", "Bevestigd &door", QLineEdit())
        self.confirmed_by.setPlaceholderText("Naam en functie bij de organisatie")
        self.confirmed_on = self.add_field("confirmed_on", "&Op", DateField(services.now().date()))
        self.save_button.setText("Bevestigen")
        self.resize(520, 220)

    def save(self) -> Change:
        return self._services.decisions.confirm(self._decision.id, self.confirmed_by.text(), self.confirmed_on.value())


class AddendumDialog(FormDialog):
    """Aanvulling op een vastgestelde bespreking; het origineel blijft zichtbaar."""

    def __init__(self, *, services: Services, discussion_id: int, decisions: list[Decision],
                 agreements: list[Agreement], parent: QWidget | None = None) -> None:
        super().__init__("Aanvulling", parent)
        self._services, self._discussion_id = services, discussion_id
        self.form.addRow(QLabel("De bespreking is vastgesteld. Een correctie wordt een aanvulling, met wie, "
                                "wanneer en waarom; het origineel blijft zichtbaar."))
        self.target = self.add_field("target", "&Over", QComboBox())
        self.target.addItem("De bespreking als geheel", ("bespreking", None))
        for d in decisions:
            self.target.addItem(f"Besluit: {d.text}", ("besluit", d.id))
        for a in agreements:
            self.target.addItem(f"Afspraak: {a.owner_name} — {a.description}", ("afspraak", a.id))
        self.text = self.add_field("text", "&Aanvulling", QPlainTextEdit())
        self.text.setFixedHeight(80)
        self.reason = self.add_field("reason", "&Waarom", QLineEdit())
        self.reason.setPlaceholderText("Bijv. ‘verkeerd genoteerd’, ‘ouders vulden aan na het overleg’")
        self.resize(600, 320)

    def save(self) -> Change:
        target, target_id = self.target.currentData()
        return self._services.records.add_addendum(
            self._discussion_id, target, target_id, self.text.toPlainText(), self.reason.text()
        )
