"""Toestemming intrekken: the date and why; the chair is told which discussions are cancelled."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from knooppunt.domain.children import Consent
from knooppunt.services import Services

from .. import messages
from ..hub import SignalHub
from ..operations import run_op
from .form_support import FieldErrors, date_edit, get_date, save_buttons


class WithdrawConsentDialog(QDialog):
    def __init__(self, *, services: Services, hub: SignalHub, consent: Consent, who: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Toestemming intrekken")
        self._services, self._hub, self._consent = services, hub, consent
        explanation = QLabel(
            f"{who} trekt de toestemming van {consent.given_on:%d-%m-%Y} in. Wat eerder is vastgelegd blijft "
            "bewaard. Geplande besprekingen waarvoor nu geen geldige toestemming meer is, worden afgemeld.")
        explanation.setWordWrap(True)
        self.withdrawn_on = date_edit(services.now().date())
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("bijv. ‘Moeder belde: wil eerst zelf met de leerkracht praten’")
        self.note.setFixedHeight(70)
        self.errors = FieldErrors({"withdrawn_on": self.withdrawn_on}, self)
        form = QFormLayout()
        form.addRow("&Ingetrokken op", self.withdrawn_on)
        form.addRow("&Toelichting", self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(save_buttons(self, self._on_buttons_accepted, save_text="Intrekken"))
        self.resize(480, 260)

    def _on_buttons_accepted(self) -> None:
        withdrawal = run_op(lambda: self._services.consent.withdraw(self._consent.id, get_date(self.withdrawn_on),
                                                                    self.note.toPlainText()),
                            hub=self._hub, parent=self, errors=self.errors, initiator=self)  # all its .changes
        if withdrawal is None:
            return
        self.accept()
        messages.inform(self.parentWidget(), "Bericht voor de voorzitter", withdrawal.message)
