"""Afsluiten met de ouders (issue 18): the case step 'afsluiten' with the parents' judgement (ja /
deels / nee, in their words), the child's words, a 0–10 scale before and after (when the location
uses it), and what the parents can do when questions come back; then the closing letter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPlainTextEdit, QSpinBox, QWidget

from knooppunt.domain.children import Case
from knooppunt.domain.cycle import Closing, Judgement
from knooppunt.domain.enums import ClosingReason
from knooppunt.errors import ValidationError
from knooppunt.services import Services

from .. import messages
from ..hub import SignalHub
from ..operations import run_op
from .case_phase_dialog import CLOSE, CasePhaseDialog
from .form_support import get_date

_JUDGEMENTS = (("", "— kies wat de ouders zeggen —"), ("ja", "Ja, opgelost naar tevredenheid"),
               ("deels", "Deels"), ("nee", "Nee"))


def _text(placeholder: str, value: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(value)
    edit.setPlaceholderText(placeholder)
    edit.setFixedHeight(52)
    edit.setTabChangesFocus(True)
    return edit


def _score() -> QSpinBox:
    box = QSpinBox()
    box.setRange(-1, 10)
    box.setSpecialValueText("–")  # -1: not asked
    box.setValue(-1)
    return box


class ClosingDialog(CasePhaseDialog):
    def __init__(self, *, services: Services, hub: SignalHub, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(services=services, hub=hub, case=case, step=CLOSE, parent=parent)
        self.setWindowTitle("Casus afsluiten met de ouders")
        location_id = services.children.child(case.child_id).location_id
        location = services.locations.location(location_id)
        self.judgement = QComboBox()
        for value, label in _JUDGEMENTS:
            self.judgement.addItem(label, value)
        self.parents_words = _text("In de woorden van de ouders")
        self.child_words = _text("Wat zegt het kind?")
        self.when_questions = _text("Wat kunnen ouders doen als er weer vragen zijn?",
                                    f"Neem contact op met de intern begeleider van {location.name}. Dan plannen we "
                                    "snel een gesprek en zo nodig bespreken we uw kind opnieuw in het knooppunt.")
        self.scores = {name: _score() for name in ("parents_before", "parents_after", "team_before", "team_after")}
        self.form.insertRow(3, "Opgelost naar &tevredenheid van ouders?", self.judgement)
        self.form.insertRow(4, "&Ouders zeggen", self.parents_words)
        self.form.insertRow(5, "&Kind zegt", self.child_words)
        self.scale_enabled = services.cycle.settings.settings(location_id).scale_enabled
        if self.scale_enabled:
            for row, (label, before, after) in enumerate((("Cijfer ouders (0–10) voor / na", "parents_before",
                                                           "parents_after"),
                                                          ("Cijfer team (0–10) voor / na", "team_before",
                                                           "team_after")), start=6):
                pair = QHBoxLayout()
                pair.addWidget(self.scores[before])
                pair.addWidget(self.scores[after])
                pair.addStretch(1)
                self.form.insertRow(row, label, pair)
        self.form.addRow("&Als er weer vragen zijn", self.when_questions)
        self.errors.add_fields({"parents_judgement": self.judgement, "when_questions": self.when_questions,
                                "scores": self.scores["parents_before"]})
        self.resize(620, 640)

    def closing(self) -> Closing:
        value = self.judgement.currentData()
        if not value:
            raise ValidationError("parents_judgement", "Vraag de ouders of het is opgelost naar hun tevredenheid.")
        def score(name: str) -> int | None:
            return self.scores[name].value() if self.scores[name].value() >= 0 else None

        return Closing(self._case.id or 0, Judgement(value), self.when_questions.toPlainText(),
                       parents_words=self.parents_words.toPlainText(), child_words=self.child_words.toPlainText(),
                       parents_before=score("parents_before"), parents_after=score("parents_after"),
                       team_before=score("team_before"), team_after=score("team_after"))

    def _on_buttons_accepted(self) -> None:
        on = get_date(self.on) or self._services.now().date()
        if run_op(lambda: self._services.cycle.closing.close(
                self._case.id or 0, on, ClosingReason(self.reason.currentData()), self.closing(),
                note=self.note.toPlainText(), handed_to=self.regie_holder.text()),
                hub=self._hub, parent=self, errors=self.errors, initiator=self) is None:
            return
        self.accept()
        self.offer_letter()

    def offer_letter(self) -> None:
        """The closing letter for the parents, saved as PDF where the user chooses."""
        if not messages.ask(self.parentWidget(), "Afsluitbrief", "De casus is afgesloten. De afsluitbrief voor de "
                            "ouders nu opslaan als PDF?", confirm="Opslaan…", cancel="Later"):
            return
        child = self._services.children.child(self._case.child_id)
        path = messages.choose_save_file(self.parentWidget(), "Afsluitbrief opslaan",
                                         Path.home() / f"afsluitbrief-{child.first_name.lower()}.pdf", "PDF (*.pdf)")
        if path is None:
            return
        run_op(lambda: self._services.cycle.closing_letter.save(self._case.id or 0, path), hub=self._hub,
               parent=self.parentWidget(), title="Afsluitbrief niet opgeslagen")
