"""Besluit vastleggen: what is decided, by which partner and person, on what mandate.

The mandate comes from the directory and is shown with its validity *on the meeting date*, so
the table sees before saving whether the decision will be final or provisional.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from knooppunt.domain.enums import Position
from knooppunt.domain.offers import OfferView
from knooppunt.domain.outcomes import Decision
from knooppunt.services import Change, Services
from knooppunt.services.outcomes.decisions import DecisionInput, MandateCheck

from ..widgets.offer_picker import OfferPicker
from .form_dialog import FormDialog

VALID_STYLE = "background:#e7f4ea; border:1px solid #7fbf8e; border-radius:6px; padding:8px; color:#14401f;"
INVALID_STYLE = "background:#fdecea; border:1px solid #d9827a; border-radius:6px; padding:8px; color:#6b140d;"
EMPTY_STYLE = "background:#f3f6f8; border:1px solid #dde4e9; border-radius:6px; padding:8px; color:#4a5a66;"


class DecisionDialog(FormDialog):
    def __init__(self, *, services: Services, discussion_id: int, decision: Decision | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("Besluit wijzigen" if decision else "Besluit vastleggen", parent)
        self._services = services
        self._decision = decision
        self._discussion_id = discussion_id
        self._context = services.records.context(discussion_id)
        self._checks = {c.partner.partner.id: c for c in services.decisions.mandate_checks(discussion_id)}

        intro = QLabel(f"Besluit in de bespreking van <b>{escape(self._context.child_name)}</b>, "
                       f"overleg van {self._context.meeting_date:%d-%m-%Y}.")
        self.form.addRow(intro)
        moment = services.decisions.moment_problem(discussion_id) if decision is None else None
        if moment:
            blocked = QLabel(f"<b>Nu geen besluit mogelijk.</b> {escape(moment)}")
            blocked.setObjectName("momentBox")
            blocked.setWordWrap(True)
            blocked.setStyleSheet(INVALID_STYLE)
            self.form.addRow(blocked)
        self.text = self.add_field("text", "&Besluit", QPlainTextEdit())
        self.text.setPlaceholderText("Bijv. ‘Arrangement extra ondersteuning op school, 10 weken’ of ‘Geen verdere actie’")
        self.text.setFixedHeight(70)
        # Typing starts in the decision itself; an offer from the sociale kaart is an optional help.
        self.offer = self.add_field("offer_id", "&Aanbod", OfferPicker(services=services,
                                                                   location_id=self._context.location_id))
        self.offer.offer_chosen.connect(self._on_offer_offer_chosen)
        self.partner = self.add_field("location_partner_id", "&Partner die besluit", QComboBox())
        self.partner.addItem("— kies de partner die besluit —", None)
        current = decision.location_partner_id if decision else None
        for check in self._checks.values():
            if not check.at_table and check.partner.partner.id != current:
                continue
            mark = "" if check.valid else "  ⚠ geen geldig mandaat"
            self.partner.addItem(f"{check.label}{mark}", check.partner.partner.id)
        self.missing = QLabel(_missing_text([c for c in self._checks.values() if not c.at_table]))
        self.missing.setObjectName("hint")
        self.missing.setWordWrap(True)
        self.missing.setMinimumWidth(460)
        self.form.addRow("", self.missing)
        self.person = self.add_field("decided_by", "P&ersoon", QComboBox())
        self.person.setEditable(True)
        self.mandate = QLabel()
        self.mandate.setObjectName("mandateBox")
        self.mandate.setWordWrap(True)
        self.mandate.setMinimumWidth(460)
        self.form.addRow("Mandaat", self.mandate)
        self.category = self.add_field("category", "&Soort besluit", QLineEdit())
        self.category.setPlaceholderText("Bijv. interventie, extra ondersteuning, verwijzing, geen actie")
        self.parents_position = self.add_field("parents_position", "Standpunt &ouders", _position_combo(choose=True))
        self.parents_words = self.add_field("parents_words", "In hun &woorden", QLineEdit())
        self.parents_words.setPlaceholderText("Bij ‘niet gevraagd’: waarom (bijv. ouders afwezig, met hun instemming)")
        self.child_position = self.add_field("child_position", "Standpunt &kind", _position_combo())
        self.child_words = self.add_field("child_words", "In zijn/haar woo&rden", QLineEdit())
        self.category.textEdited.connect(lambda _text: self.category.setProperty("auto", False))
        self.partner.currentIndexChanged.connect(self._on_partner_current_index_changed)
        self._on_partner_current_index_changed()
        if decision is not None:
            self._fill(decision)
        self.resize(640, 560)

    def _fill(self, d: Decision) -> None:
        if d.offer_id is not None:
            self.offer.set_offer(self._services.offers.offer(d.offer_id))
        self.text.setPlainText(d.text)
        if d.location_partner_id is not None:
            self.select_partner(d.location_partner_id)
        self.person.setEditText(d.decided_by)
        self.category.setText(d.category)
        self.category.setProperty("auto", False)
        self.parents_position.setCurrentIndex(self.parents_position.findData(d.parents_position.value))
        self.parents_words.setText(d.parents_words)
        self.child_position.setCurrentIndex(self.child_position.findData(d.child_position.value))
        self.child_words.setText(d.child_words)

    def _on_offer_offer_chosen(self, view: OfferView | None) -> None:
        """An offer fills in what is still empty: the text, and the partner of its organisation."""
        if view is None:
            return
        if not self.text.toPlainText().strip():
            self.text.setPlainText(view.offer.name)
        if self.partner.currentData() is None and view.organisation:
            for check in self._checks.values():
                if check.organisation.casefold() == view.organisation.casefold():
                    self.select_partner(check.partner.partner.id)
                    break

    def selected_check(self) -> MandateCheck | None:
        return self._checks.get(self.partner.currentData())

    def select_partner(self, location_partner_id: int) -> None:
        self.partner.setCurrentIndex(self.partner.findData(location_partner_id))

    def _on_partner_current_index_changed(self, _index: int = 0) -> None:
        check = self.selected_check()
        self.person.clear()
        if check is None:
            self.mandate.setStyleSheet(EMPTY_STYLE)
            self.mandate.setText("Kies eerst de partner die het besluit neemt; het mandaat komt uit de "
                                 "partnerlijst van de locatie.")
            return
        self.person.addItems(check.people)
        mandate = check.partner.partner.mandate
        day = f"{check.on:%d-%m-%Y}"
        if not self.category.text().strip() or self.category.property("auto"):
            self.category.setText(mandate.category)
            self.category.setProperty("auto", True)
        what = escape(check.describe()) if check.valid else escape(mandate.description)
        holder = f"{escape(check.organisation)}: {what}<br>" if what else ""
        if check.valid:
            self.mandate.setStyleSheet(VALID_STYLE)
            self.mandate.setText(
                f"<b>✔ Geldig op de datum van het overleg ({day})</b><br>{holder}"
            )
        else:
            self.mandate.setStyleSheet(INVALID_STYLE)
            self.mandate.setText(
                f"<b>✘ Niet geldig op de datum van het overleg ({day})</b>: {escape(check.problem or '')}.<br>"
                f"{holder}"
                "Het besluit wordt <b>voorlopig</b> vastgelegd, met een afspraak om het te laten "
                "bevestigen door de organisatie."
            )

    def draft(self) -> DecisionInput:
        return DecisionInput(
            text=self.text.toPlainText(),
            category=self.category.text(),
            location_partner_id=self.partner.currentData(),
            decided_by=self.person.currentText(),
            parents_position=(Position(self.parents_position.currentData())
                              if self.parents_position.currentData() else None),
            parents_words=self.parents_words.text(),
            child_position=Position(self.child_position.currentData()),
            child_words=self.child_words.text(),
            offer_id=self.offer.offer_id,
        )

    def save(self) -> Change:
        if self._decision is not None:
            return self._services.decisions.update(self._decision.id, self.draft())
        _decision, change = self._services.decisions.record(self._discussion_id, self.draft())
        return change


def _position_combo(*, choose: bool = False) -> QComboBox:
    """The positions; with ``choose`` nothing is chosen yet (the parents' position must be picked)."""
    combo = QComboBox()
    if choose:
        combo.addItem("— kies het standpunt van de ouders —", None)
    order = [Position.NOT_ASKED, Position.AGREE, Position.AGREE_WITH_REMARKS, Position.DISAGREE]
    for position in order:
        label = f"{position.label} (met reden)" if choose and position == Position.NOT_ASKED else position.label
        combo.addItem(label, position.value)
    return combo


def _missing_text(away: list[MandateCheck]) -> str:
    """Why partners of the location are not offered as decider."""
    if not away:
        return "Alle partners van de locatie zitten aan tafel."
    lines = "".join(f"<br>· {escape(c.label)}: {escape(c.refusal or '')}" for c in away)
    return f"<b>Niet aan tafel, dus niet als beslisser te kiezen:</b>{lines}"
