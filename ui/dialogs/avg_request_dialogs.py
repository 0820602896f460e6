"""Parents' requests (AVG): record one, decide on it, and carry out a correction."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from knooppunt.services import Services
from knooppunt.services.privacy.requests import CORRECTABLE, AvgRequest, RequestDecision, RequestKind

from ..hub import SignalHub
from ..operations import run_op
from .form_support import FieldErrors, date_edit, get_date, save_buttons

KIND_LABELS = {RequestKind.CORRECTION: "Correctie (iets klopt niet)",
               RequestKind.REMOVAL: "Verwijdering (iets weghalen)",
               RequestKind.OBJECTION: "Bezwaar tegen de casus"}
DECISION_LABELS = {RequestDecision.GRANTED: "Toegewezen", RequestDecision.PARTLY: "Deels toegewezen",
                   RequestDecision.REFUSED: "Afgewezen"}
FIELD_LABELS = {"first_name": "voornaam", "last_name": "achternaam", "date_of_birth": "geboortedatum",
                "group_name": "groep", "start_date": "startdatum", "name": "naam", "relation": "relatie",
                "phone": "telefoon", "email": "e-mail", "address": "adres", "preferred_language": "taal"}


class RequestDialog(QDialog):
    """Verzoek vastleggen: who asked, when, what (in their words); bezwaar against a case."""

    def __init__(self, *, services: Services, hub: SignalHub, child_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Verzoek van ouders vastleggen")
        self._services, self._hub, self._child_id = services, hub, child_id
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind.value)
        self.case = QComboBox()
        for case in services.cases.cases(child_id):
            self.case.addItem(f"Casus van {case.signal_date:%d-%m-%Y} ({case.phase.label})", case.id)
        self.requested_by = QComboBox()
        self.requested_by.setEditable(True)
        self.requested_by.addItems([g.name for g in services.children.guardians(child_id)])
        self.requested_on = date_edit(services.now().date())
        self.about = QPlainTextEdit()
        self.about.setPlaceholderText("Wat vragen zij, in hun eigen woorden? Bijv. ‘De geboortedatum klopt niet.’")
        self.errors = FieldErrors({"requested_by": self.requested_by, "requested_on": self.requested_on,
                                   "about": self.about, "case_id": self.case}, self)
        form = QFormLayout()
        form.addRow("&Soort verzoek", self.kind)
        form.addRow("Tegen &casus", self.case)
        form.addRow("&Gevraagd door", self.requested_by)
        form.addRow("Gevraagd &op", self.requested_on)
        form.addRow("&Wat", self.about)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(save_buttons(self, self._on_buttons_accepted, save_text="Vastleggen"))
        self.resize(560, 340)

    def _on_buttons_accepted(self) -> None:
        self.save()

    def save(self) -> bool:
        kind = RequestKind(self.kind.currentData())
        case_id = self.case.currentData() if kind == RequestKind.OBJECTION else None
        if run_op(lambda: self._services.requests.record(
                self._child_id, kind, self.requested_by.currentText(), get_date(self.requested_on) or
                self._services.now().date(), self.about.toPlainText(), case_id=case_id),
                hub=self._hub, parent=self, errors=self.errors, initiator=self) is None:
            return False
        self.accept()
        return True


class DecideDialog(QDialog):
    def __init__(self, *, services: Services, hub: SignalHub, request: AvgRequest,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Beslissen op het verzoek")
        self._services, self._hub, self._request = services, hub, request
        about = QLabel(f"{request.requested_by} vroeg op {request.requested_on:%d-%m-%Y}: {request.about}")
        about.setWordWrap(True)
        self.decision = QComboBox()
        for decision, label in DECISION_LABELS.items():
            self.decision.addItem(label, decision.value)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("Waarom? (verplicht bij deels of afgewezen)")
        self.decided_on = date_edit(services.now().date())
        self.errors = FieldErrors({"decision_note": self.note, "decided_on": self.decided_on}, self)
        form = QFormLayout()
        form.addRow("&Beslissing", self.decision)
        form.addRow("&Toelichting", self.note)
        form.addRow("&Datum", self.decided_on)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(save_buttons(self, self._on_buttons_accepted, save_text="Beslissing vastleggen"))
        self.resize(520, 320)

    def _on_buttons_accepted(self) -> None:
        self.save()

    def save(self) -> bool:
        if run_op(lambda: self._services.requests.decide(self._request.id, self.decision.currentData(),
                                                          self.note.toPlainText(),
                                                          get_date(self.decided_on) or self._services.now().date()),
                  hub=self._hub, parent=self, errors=self.errors, initiator=self) is None:
            return False
        self.accept()
        return True


class CorrectDialog(QDialog):
    """A granted correction: choose the data that is wrong and type the right value."""

    def __init__(self, *, services: Services, hub: SignalHub, request: AvgRequest,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Gegeven corrigeren")
        self._services, self._hub, self._request = services, hub, request
        explanation = QLabel("De oude waarde blijft bewaard bij het verzoek. Voor notities, besluiten en afspraken "
                             "maakt u een aanvulling op de vastgestelde bespreking in plaats van een correctie.")
        explanation.setWordWrap(True)
        self.field = QComboBox()
        child = services.children.child(request.child_id)
        for (table, field), _ in CORRECTABLE.items():
            if table == "child":
                self.field.addItem(f"Kind – {FIELD_LABELS[field]}: {getattr(child, field) or '–'}",
                                   ("child", child.id, field))
        for guardian in services.children.guardians(request.child_id):
            for (table, field), _ in CORRECTABLE.items():
                if table == "guardian":
                    self.field.addItem(f"{guardian.name} – {FIELD_LABELS[field]}: {getattr(guardian, field) or '–'}",
                                       ("guardian", guardian.id, field))
        self.value = QLineEdit()
        self.value.setPlaceholderText("de juiste waarde (een datum als JJJJ-MM-DD)")
        self.errors = FieldErrors({"new_value": self.value, "field": self.field}, self)
        form = QFormLayout()
        form.addRow("&Gegeven", self.field)
        form.addRow("&Nieuwe waarde", self.value)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(save_buttons(self, self._on_buttons_accepted, save_text="Corrigeren"))
        self.resize(620, 240)

    def _on_buttons_accepted(self) -> None:
        self.save()

    def save(self) -> bool:
        table, record_id, field = self.field.currentData()
        if run_op(lambda: self._services.requests.correct(self._request.id, table, record_id, field,
                                                           self.value.text()),
                  hub=self._hub, parent=self, errors=self.errors, initiator=self) is None:
            return False
        self.accept()
        return True
