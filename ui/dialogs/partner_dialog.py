"""Kernpartner invullen: organisation, fixed contact person, substitute and mandate of one role."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from knooppunt.directory.entries import PartnerEntry, PersonEntry
from knooppunt.directory.validation import format_date, parse_date
from knooppunt.domain.enums import PartnerKind
from knooppunt.errors import ValidationError
from knooppunt.services.directory.locations import LocationService, PartnerView

from ..models.collation import sort_key
from .field_errors import FieldErrors

MANDATE_CATEGORIES = ("Onderzoek en advies", "Lichte ondersteuning", "Jeugdhulp inzetten", "Arrangementen",
                      "Verzuim", "Overdracht", "Alleen advies (geen besluiten)")
_FIELD_NAMES = {
    "role": "Rol", "organisation": "Organisatie", "contact_name": "Vaste contactpersoon",
    "contact_phone": "Telefoon contactpersoon", "contact_mobile": "Mobiel contactpersoon",
    "contact_email": "E-mail contactpersoon", "substitute_mobile": "Mobiel vervanger",
    "substitute_name": "Vervanger", "substitute_phone": "Telefoon vervanger",
    "substitute_email": "E-mail vervanger", "mandate_valid_from": "Mandaat geldig vanaf",
    "mandate_valid_until": "Mandaat geldig tot", "organisation_phone": "Telefoon organisatie",
}


class PersonFields(QWidget):
    """Name (pick a colleague of the organisation or type a new name), function, phone, e-mail, ..."""

    def __init__(self, *, full: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people: dict[str, object] = {}
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name.lineEdit().setPlaceholderText("naam, of kies iemand van de organisatie")
        self.name.textActivated.connect(self._on_name_text_activated)
        self.function = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("bijv. 045 850 1234 of 06 12345678")
        self.mobile = QLineEdit()
        self.mobile.setPlaceholderText("bijv. 06 12345678 (mag leeg)")
        self.email = QLineEdit()
        self.email.setPlaceholderText("naam@organisatie.nl")
        self.availability = QLineEdit()
        self.availability.setPlaceholderText("bijv. ma, di en do; niet in schoolvakanties")
        self.note = QLineEdit()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Naam", self.name)
        form.addRow("Functie", self.function)
        form.addRow("Telefoon", self.phone)
        if full:  # hidden fields still carry the person's values, so saving never erases them
            form.addRow("Mobiel", self.mobile)
        form.addRow("E-mail", self.email)
        if full:
            form.addRow("Werkdagen/bereikbaar", self.availability)
            form.addRow("Notitie", self.note)

    def set_people(self, people) -> None:
        """The colleagues to choose from (contact persons of the chosen organisation)."""
        text = self.name.currentText()
        self._people = {p.name: p for p in people}
        self.name.blockSignals(True)
        self.name.clear()
        self.name.addItems(sorted(self._people, key=sort_key))
        self.name.setEditText(text)
        self.name.blockSignals(False)

    def set_person(self, person) -> None:
        self.name.setEditText(person.name if person else "")
        for key in ("function", "phone", "mobile", "email", "availability", "note"):
            getattr(self, key).setText(getattr(person, key) if person else "")

    def entry(self) -> PersonEntry | None:
        name = self.name.currentText().strip()
        if not name and not (self.phone.text().strip() or self.email.text().strip()):
            return None
        return PersonEntry(name, self.function.text(), self.phone.text(), self.email.text(),
                           self.availability.text(), self.note.text(), self.mobile.text())

    def _on_name_text_activated(self, text: str) -> None:
        person = self._people.get(text)
        if person is not None:
            self.set_person(person)


def _history_text(history: list[dict]) -> str:
    """‘Eerder: Marieke Hendriks (tot 23-11-2026, andere baan)’ — who sat here before."""
    parts = []
    for h in history[:3]:
        until = h["valid_until"][8:10] + "-" + h["valid_until"][5:7] + "-" + h["valid_until"][:4]
        who = h["contact"] or "—"
        parts.append(f"{who} (tot {until}" + (f", {h['reason']}" if h["reason"] else "") + ")")
    return ("Eerder: " + "; ".join(parts)) if parts else ""


class PartnerDialog(QDialog):
    """Fill in one role at the table; ``save(entry)`` is the service call that may refuse it."""

    def __init__(self, *, view: PartnerView, locations: LocationService, save: Callable[[PartnerEntry], object],
                 today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Kernpartner: {view.partner.role}")
        self._locations = locations
        self._save = save
        self._today = today
        self._types = {t.id: t for t in locations.organisation_types()}
        self._organisations = {o.name.casefold(): o for o in locations.organisations()}

        self.role = QLineEdit(view.partner.role)
        self.kind = QComboBox()
        for value, label in PartnerKind.choices():
            self.kind.addItem(label, value)
        self.kind.setCurrentIndex(self.kind.findData(view.partner.kind.value))
        self.organisation = QComboBox()
        self.organisation.setEditable(True)
        self.organisation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.organisation.addItems([o.name for o in locations.organisations()])
        self.organisation.lineEdit().setPlaceholderText("kies een organisatie of typ een nieuwe naam")
        self.organisation.setEditText(view.organisation.name if view.organisation else "")
        self.organisation.currentTextChanged.connect(self._on_organisation_current_text_changed)
        self.organisation_type = QComboBox()
        self.organisation_type.setEditable(True)  # types differ per municipality: a new name adds one
        self.organisation_type.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for t in self._types.values():
            self.organisation_type.addItem(t.name, t.id)
        # No type is assumed for a new organisation: left empty, it follows from the role (or "Overig").
        self.organisation_type.setCurrentIndex(-1)
        self.organisation_type.lineEdit().setPlaceholderText("leeg: volgt uit de rol")
        # Fields and notes keep their width while typing (the dialog used to widen).
        for combo in (self.organisation, self.organisation_type):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(24)
        self.organisation_phone = QLineEdit(view.organisation.phone if view.organisation else "")
        self.organisation_phone.setPlaceholderText("algemeen nummer van de organisatie (mag leeg)")
        self.organisation_hint = QLabel()
        self.organisation_hint.setObjectName("hint")
        self.organisation_hint.setWordWrap(True)
        self.contact = PersonFields(full=True)
        self.substitute = PersonFields(full=False)
        self.mandate_category = QComboBox()
        self.mandate_category.setEditable(True)
        self.mandate_category.addItems(["", *MANDATE_CATEGORIES])
        self.mandate_category.setEditText(view.partner.mandate_category)
        self.mandate_description = QPlainTextEdit(view.partner.mandate_description)
        self.mandate_description.setPlaceholderText("Wat mag deze persoon namens de organisatie in het overleg "
                                                    "besluiten? Bijv. ‘opvoedondersteuning tot 10 gesprekken’.")
        self.mandate_description.setTabChangesFocus(True)
        self.mandate_description.setFixedHeight(64)
        self.mandate_valid_from = QLineEdit(format_date(view.partner.mandate_valid_from))
        self.mandate_valid_until = QLineEdit(format_date(view.partner.mandate_valid_until))
        for edit in (self.mandate_valid_from, self.mandate_valid_until):
            edit.setPlaceholderText("dd-mm-jjjj (leeg: onbepaald)")
        self.mandate_status = QLabel()
        self.mandate_status.setWordWrap(True)
        for widget in (self.mandate_category.lineEdit(), self.mandate_valid_from, self.mandate_valid_until):
            widget.textChanged.connect(self._on_mandate_changed)
        self.mandate_description.textChanged.connect(self._on_mandate_changed)

        self.history = QLabel(_history_text(locations.partner_history(view.partner.id)))
        self.history.setObjectName("hint")
        self.history.setWordWrap(True)
        self.contact.set_person(view.contact)
        self.substitute.set_person(view.substitute)
        self._on_organisation_current_text_changed(self.organisation.currentText())
        self._on_mandate_changed()

        self.errors = FieldErrors(QLabel(), {
            "role": self.role, "organisation": self.organisation, "contact_name": self.contact.name,
            "contact_phone": self.contact.phone, "contact_mobile": self.contact.mobile,
            "contact_email": self.contact.email, "substitute_mobile": self.substitute.mobile,
            "substitute_name": self.substitute.name, "substitute_phone": self.substitute.phone,
            "substitute_email": self.substitute.email, "mandate_valid_from": self.mandate_valid_from,
            "mandate_valid_until": self.mandate_valid_until, "organisation_phone": self.organisation_phone,
        }, _FIELD_NAMES)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Opslaan")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self._build_layout()

    def _build_layout(self) -> None:
        top = QFormLayout()
        top.addRow("&Rol aan tafel", self.role)
        top.addRow("&Soort", self.kind)
        top.addRow("&Organisatie", self.organisation)
        top.addRow("Soort organisatie", self.organisation_type)
        top.addRow("Telefoon organisatie", self.organisation_phone)
        top.addRow("", self.organisation_hint)
        contact_box = QGroupBox("&Vaste contactpersoon")
        contact_layout = QVBoxLayout(contact_box)
        contact_layout.addWidget(self.contact)
        if self.history.text():
            contact_layout.addWidget(self.history)
        substitute_box = QGroupBox("Ver&vanger (bij afwezigheid)")
        QVBoxLayout(substitute_box).addWidget(self.substitute)
        mandate_box = QGroupBox("&Mandaat: wat mag deze persoon besluiten?")
        mandate = QFormLayout(mandate_box)
        mandate.addRow("Categorie", self.mandate_category)
        mandate.addRow("Omschrijving", self.mandate_description)
        mandate.addRow("Geldig vanaf", self.mandate_valid_from)
        mandate.addRow("Geldig tot en met", self.mandate_valid_until)
        mandate.addRow("", self.mandate_status)
        grid = QGridLayout()
        grid.addLayout(top, 0, 0)
        grid.addWidget(mandate_box, 0, 1)
        grid.addWidget(contact_box, 1, 0)
        grid.addWidget(substitute_box, 1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.errors.label)
        layout.addWidget(self.buttons)
        self.resize(900, 560)

    # Reading the form ------------------------------------------------------------------------
    def entry(self) -> PartnerEntry:
        dates = {}
        for key in ("mandate_valid_from", "mandate_valid_until"):
            try:
                dates[key] = parse_date(getattr(self, key).text())
            except ValueError as exc:
                raise ValidationError(key, str(exc)) from None
        organisation = self.organisation.currentText().strip()
        known = self._organisations.get(organisation.casefold())
        type_name = "" if known else self.organisation_type.currentText().strip()
        return PartnerEntry(
            role=self.role.text(), organisation=organisation, kind=PartnerKind(self.kind.currentData()),
            organisation_type=type_name, organisation_phone=self.organisation_phone.text(), contact=self.contact.entry(), substitute=self.substitute.entry(),
            mandate_category=self.mandate_category.currentText(),
            mandate_description=self.mandate_description.toPlainText(), **dates)

    # Slots -----------------------------------------------------------------------------------
    def _on_organisation_current_text_changed(self, text: str) -> None:
        known = self._organisations.get(text.strip().casefold())
        self.organisation_type.setEnabled(known is None)
        if known is not None:
            self.organisation_type.setCurrentIndex(self.organisation_type.findData(known.type_id))
            self.organisation_phone.setText(known.phone)
            people = self._locations.contacts(known.id)
            self.organisation_hint.setText(f"{len(people)} contactperso(o)n(en) bekend bij deze organisatie.")
        else:
            people = []
            self.organisation_type.setCurrentIndex(-1)
            self.organisation_hint.setText("Nieuwe organisatie: kies of typ de soort (leeg: volgt uit de rol)."
                                           if text.strip() else "")
        self.contact.set_people(people)
        self.substitute.set_people(people)

    def _on_mandate_changed(self, *_args) -> None:
        from knooppunt.domain.directory import Mandate

        try:
            mandate = Mandate(self.mandate_category.currentText().strip(),
                              self.mandate_description.toPlainText().strip(),
                              parse_date(self.mandate_valid_from.text()), parse_date(self.mandate_valid_until.text()))
        except ValueError:
            self.mandate_status.setText("Datum nog niet goed (dd-mm-jjjj).")
            return
        problem = mandate.problem_on(self._today)
        self.mandate_status.setText(problem or ("Mandaat geldig" + (
            f" t/m {mandate.valid_until:%d-%m-%Y}" if mandate.valid_until else ", zonder einddatum")))
        self.mandate_status.setStyleSheet("color: #b3261e; font-weight: 600;" if problem else "color: #1e6b3a;")

    def _on_buttons_accepted(self) -> None:
        if self.errors.attempt(lambda: self._save(self.entry())):
            self.accept()

