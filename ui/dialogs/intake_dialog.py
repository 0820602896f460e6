"""Aanmelden: the signal (who noticed what, when), the parents' words, the question, and whether
the parents have been spoken to (the step before their consent)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from knooppunt.domain.children import Case
from knooppunt.services import Change, Services
from knooppunt.services.outcomes.cases import SIGNAL_SOURCES

from .form_dialog import DateField, FormDialog


def _text(value: str, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(value)
    edit.setPlaceholderText(placeholder)
    edit.setFixedHeight(60)
    edit.setTabChangesFocus(True)
    return edit


class IntakeDialog(FormDialog):
    """New aanmelding for ``child_id``, or (with ``case_id``) the aanmelding of a running case."""

    def __init__(self, *, services: Services, child_id: int, case_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        child = services.children.child(child_id)
        super().__init__(f"Aanmelding – {child.full_name}", parent)
        self._services, self._child_id, self._case_id = services, child_id, case_id
        self.saved_case_id: int | None = case_id
        case = services.cases.case(case_id) if case_id else Case(None, child_id, services.now().date(), "")
        intake = services.cycle.intake.intake(case_id) if case_id else None
        self.signal_date = self.add_field("signal_date", "&Wanneer", DateField(case.signal_date))
        self.signal_source = QComboBox()
        self.signal_source.setEditable(True)
        self.signal_source.addItems(SIGNAL_SOURCES)
        self.signal_source.setCurrentText(case.signal_source or SIGNAL_SOURCES[0])
        self.add_field("signal_source", "&Wie meldt", self.signal_source)
        self.signal_by = self.add_field("signal_by", "&Naam", QLineEdit(case.signal_by))
        self.noticed = self.add_field("noticed", "Wat is &opgevallen", _text(
            intake.noticed if intake else "", "Wie zag wat, wanneer, in welke situatie"))
        self.parents_words = self.add_field("parents_words", "In woorden van &ouders", _text(
            intake.parents_words if intake else "", "Wat zeggen de ouders zelf?"))
        self.hulpvraag = self.add_field("hulpvraag", "De &vraag", _text(
            case.hulpvraag, "Wat willen ouders (en kind) bereiken?"))
        self.parents_spoken = QCheckBox("De ouders zijn gesproken en weten van de aanmelding")
        self.parents_spoken.setChecked(bool(intake and intake.parents_spoken))
        self.add_field("parents_spoken", "", self.parents_spoken)
        self.save_button.setText("Aanmelden" if case_id is None else "Opslaan")
        self.resize(600, 560)

    def save(self) -> Change:
        intake = self._services.cycle.intake
        if self._case_id is None:
            case = Case(None, self._child_id, self.signal_date.value() or self._services.now().date(),
                        self.signal_source.currentText(), self.hulpvraag.toPlainText(), self.signal_by.text())
            saved, change = intake.register(case, noticed=self.noticed.toPlainText(),
                                            parents_words=self.parents_words.toPlainText(),
                                            parents_spoken=self.parents_spoken.isChecked())
            self.saved_case_id = saved.id
            return change
        return intake.update(self._case_id, noticed=self.noticed.toPlainText(),
                             parents_words=self.parents_words.toPlainText(),
                             parents_spoken=self.parents_spoken.isChecked())
