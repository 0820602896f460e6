"""Casus openen of bijwerken: signal, hulpvraag in the parents' words, strengths, concerns, regie."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from knooppunt.domain.children import Case
from knooppunt.services import Change, Services
from knooppunt.services.outcomes.cases import SIGNAL_SOURCES

from ..hub import SignalHub
from ..operations import run_op
from .form_support import FieldErrors, date_edit, get_date, save_buttons


def _text(value: str, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(value)
    edit.setPlaceholderText(placeholder)
    edit.setFixedHeight(64)
    edit.setTabChangesFocus(True)
    return edit


class CaseDialog(QDialog):
    def __init__(self, *, services: Services, hub: SignalHub, child_id: int, case: Case | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Casus bijwerken" if case else "Casus openen")
        self._services, self._hub = services, hub
        self._case = case or Case(None, child_id, services.now().date(), "")
        self.saved: Case | None = None
        c = self._case
        self.signal_date = date_edit(c.signal_date)
        self.signal_source = QComboBox()
        self.signal_source.setEditable(True)
        self.signal_source.addItems(SIGNAL_SOURCES)
        self.signal_source.setCurrentText(c.signal_source or SIGNAL_SOURCES[0])
        self.signal_by = QLineEdit(c.signal_by)
        self.signal_by.setPlaceholderText("naam, bijv. juf Mirjam")
        self.hulpvraag = _text(c.hulpvraag, "De hulpvraag, zo veel mogelijk in de woorden van de ouders")
        self.strengths = _text(c.strengths, "Wat gaat goed (ouders eerst, dan het kind, school, partners)")
        self.concerns = _text(c.concerns, "Zorgen en vragen")
        # The regiehouder is agreed in the meeting (Doelen en plan → Regie…): a parent or a person from
        # the directory, with the date; here it is only shown (issue 18).
        plan = services.cycle.plans.view(c.id) if c.id is not None else None
        self.regie_holder = QLabel((plan.regie if plan and plan.regie else "nog niet afgesproken")
                                   + " — afspreken in het overleg: Doelen en plan → Regie…")
        self.regie_holder.setWordWrap(True)
        self.errors = FieldErrors({"signal_date": self.signal_date, "signal_source": self.signal_source,
                                   "regie_holder": self.regie_holder}, self)
        form = QFormLayout()
        form.addRow("&Datum signaal", self.signal_date)
        form.addRow("&Signaal van", self.signal_source)
        form.addRow("&Door (naam)", self.signal_by)
        form.addRow("&Hulpvraag", self.hulpvraag)
        form.addRow("&Wat gaat goed", self.strengths)
        form.addRow("&Zorgen", self.concerns)
        form.addRow("Regie bij", self.regie_holder)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(save_buttons(self, self._on_buttons_accepted,
                                      save_text="Opslaan" if case else "Casus openen"))
        self.resize(560, 520)

    def case(self) -> Case:
        return replace(self._case, signal_date=get_date(self.signal_date), signal_source=self.signal_source.currentText(),
                       signal_by=self.signal_by.text(), hulpvraag=self.hulpvraag.toPlainText(),
                       strengths=self.strengths.toPlainText(), concerns=self.concerns.toPlainText())

    def _on_buttons_accepted(self) -> None:
        def save() -> tuple[Case, Change]:
            if self._case.id is None:
                return self._services.cases.open_case(self.case())
            return self.case(), self._services.cases.update_case(self.case())

        result = run_op(save, hub=self._hub, parent=self, errors=self.errors, initiator=self)
        if result is None:
            return
        self.saved = result[0]
        self.accept()
