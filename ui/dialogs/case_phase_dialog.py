"""A step in the case: to execution (uitvoering), closing (afsluiten, with the reason) or reopening."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from knooppunt.domain.children import Case
from knooppunt.domain.enums import ClosingReason
from knooppunt.services import Change, Services

from ..hub import SignalHub
from ..operations import run_op
from .form_support import FieldErrors, date_edit, get_date, save_buttons

EXECUTE, CLOSE, REOPEN = "uitvoering", "afsluiten", "heropenen"
_TITLES = {EXECUTE: "Casus naar uitvoering", CLOSE: "Casus afsluiten", REOPEN: "Casus heropenen"}
_EXPLANATIONS = {
    EXECUTE: "De afspraken lopen: de casus gaat van ‘start’ naar ‘uitvoering’.",
    CLOSE: "Sluit af als het opgelost is naar tevredenheid van ouders en school, of als externe hulp is "
           "ingezet en de regie is overgedragen.",
    REOPEN: "De casus gaat weer lopen (fase ‘uitvoering’). De eerdere afsluiting blijft zichtbaar op de tijdlijn.",
}


class CasePhaseDialog(QDialog):
    def __init__(self, *, services: Services, hub: SignalHub, case: Case, step: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_TITLES[step])
        self._services, self._hub, self._case, self._step = services, hub, case, step
        explanation = QLabel(_EXPLANATIONS[step])
        explanation.setWordWrap(True)
        self.on = date_edit(services.now().date())
        self.reason = QComboBox()
        for value, label in ClosingReason.choices():
            self.reason.addItem(label, value)
        self.regie_holder = QLineEdit(case.regie_holder)
        self.regie_holder.setPlaceholderText("aan wie is de regie overgedragen")
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(70)
        self.errors = FieldErrors({"on": self.on, "regie_holder": self.regie_holder, "note": self.note}, self)
        self.form = form = QFormLayout()
        form.addRow("&Datum", self.on)
        if step == CLOSE:
            form.addRow("&Reden", self.reason)
            form.addRow("&Regie naar", self.regie_holder)
        form.addRow("&Toelichting" if step != REOPEN else "&Waarom heropenen", self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(save_buttons(self, self._on_buttons_accepted, save_text=_TITLES[step].split()[-1].capitalize()))
        self.resize(500, 300)

    def _on_buttons_accepted(self) -> None:
        cases, on, note = self._services.cases, get_date(self.on), self.note.toPlainText()

        def step() -> Change:
            if self._step == EXECUTE:
                return cases.start_execution(self._case.id, on, note)
            if self._step == CLOSE:
                return cases.close_case(self._case.id, on, ClosingReason(self.reason.currentData()), note,
                                        self.regie_holder.text())
            return cases.reopen_case(self._case.id, on, note)

        if run_op(step, hub=self._hub, parent=self, errors=self.errors, initiator=self) is not None:
            self.accept()
