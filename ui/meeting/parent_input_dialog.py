"""Inbreng van de ouders vooraf: their answers to "Wat wilt u bespreken?" and "Wat gaat goed?".

Recorded before the meeting (from the returned invitation, an e-mail or a phone call); shown
first under the matching agenda item in the chair's view and on the parents' screen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from knooppunt.domain.enums import AgendaKind
from knooppunt.services import Services
from knooppunt.services.meetings.parent_input import QUESTIONS

from ..hub import SignalHub
from ..operations import run_op


class ParentInputDialog(QDialog):
    def __init__(self, *, services: Services, hub: SignalHub, discussion_id: int, child_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._hub = hub
        self.discussion_id = discussion_id
        self.setWindowTitle(f"Inbreng van de ouders – {child_name}")
        self.resize(560, 420)
        known = {i.agenda_kind: i for i in services.parent_input.inputs(discussion_id)}
        self.answers: dict[AgendaKind, QPlainTextEdit] = {}
        form = QFormLayout(self)
        intro = QLabel("Wat de ouders vooraf aangaven (op de uitnodiging, per mail of telefoon). "
                       "Het staat in het overleg als eerste bij het agendapunt.")
        intro.setWordWrap(True)
        form.addRow(intro)
        for kind, question in QUESTIONS.items():
            edit = QPlainTextEdit(known[kind].text if kind in known else "")
            edit.setAccessibleName(question)
            edit.setTabChangesFocus(True)
            self.answers[kind] = edit
            form.addRow(question, edit)
        self.given_by = QLineEdit(next((i.given_by for i in known.values() if i.given_by), ""))
        self.given_by.setPlaceholderText("Bijv. moeder, per mail")
        form.addRow("&Van wie", self.given_by)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Vastleggen")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        if run_op(lambda: self._services.parent_input.replace(
                self.discussion_id, {kind: edit.toPlainText() for kind, edit in self.answers.items()},
                self.given_by.text()), hub=self._hub, parent=self, initiator=self) is not None:
            self.accept()
