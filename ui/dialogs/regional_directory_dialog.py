"""Locaties & partners → Regionaal adresboek: the server, the coordinator's key, and updating.

The program connects only when ‘Adresboek bijwerken’ is clicked. Fetching runs off the GUI
thread; the preview is the same as for a directory file, and applying is all or nothing.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from knooppunt.regional import signing
from knooppunt.services import Change
from knooppunt.services.directory.regional import RegionalPlan, RegionalService

from ..background_op import run_op_in_background
from ..hub import SignalHub
from ..modal import open_modal
from ..operations import in_line, run_op
from .field_errors import FieldErrors
from .import_preview_dialog import ImportPreviewDialog

WHEN_IT_CONNECTS = ("Knooppunt maakt alleen verbinding met deze server als u op ‘Adresboek bijwerken’ klikt, "
                    "en dan alleen via https met een gecontroleerd certificaat. Lukt dat niet, dan werkt u "
                    "gewoon verder met het adresboek dat u al hebt.")


class RegionalDirectoryDialog(QDialog):
    """An applied update is published on ``hub`` with this dialog's opener (``initiator``) as its maker."""

    def __init__(self, *, regional: RegionalService, hub: SignalHub, initiator: object | None = None,
                 cafile: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Regionaal adresboek")
        self._regional = regional
        self._hub, self._initiator = hub, initiator
        self._cafile = cafile
        self.preview: ImportPreviewDialog | None = None
        self._busy = False
        subscription = regional.subscription()
        intro = QLabel("De coördinator van de regio publiceert de kernpartners, contactpersonen en mandaten van "
                       "alle locaties op één adresboekserver. Hier haalt u de nieuwste versie op.")
        intro.setWordWrap(True)
        self.url = QLineEdit(subscription.url)
        self.url.setPlaceholderText("https://adresboek.uwregio.nl")
        self.key = QLineEdit(subscription.public_key)
        self.key.setPlaceholderText("publieke sleutel van de coördinator (44 tekens, eenmalig plakken)")
        self.key.textChanged.connect(self._on_key_text_changed)
        self.fingerprint = QLabel()
        self.last_update = QLabel(_last_update_text(subscription.last_update))
        self.last_update.setObjectName("hint")
        form = QFormLayout()
        form.addRow("Adres van de server", self.url)
        form.addRow("Sleutel van de coördinator", self.key)
        form.addRow("Vingerafdruk", self.fingerprint)
        form.addRow("", self.last_update)
        connects = QLabel(WHEN_IT_CONNECTS)
        connects.setWordWrap(True)
        connects.setObjectName("hint")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.errors = FieldErrors(QLabel(), {"url": self.url, "public_key": self.key},
                                  {"url": "Adres", "public_key": "Sleutel"})
        self.save_button = QPushButton("Instellingen &opslaan")
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.update_button = QPushButton("Adresboek &bijwerken")
        self.update_button.setDefault(True)
        self.update_button.clicked.connect(self._on_update_button_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText("Sluiten")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.update_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(connects)
        layout.addStretch(1)
        layout.addWidget(self.status)
        layout.addWidget(self.errors.label)
        layout.addWidget(buttons)
        self._on_key_text_changed(self.key.text())
        self.resize(720, 380)

    def _on_key_text_changed(self, text: str) -> None:
        if not text.strip():
            self.fingerprint.setText("—")
            return
        fingerprint = run_op(lambda: signing.fingerprint(text), hub=None, parent=self,
                             errors=in_line(lambda _message: self.fingerprint.setText("geen geldige sleutel")))
        if fingerprint is not None:
            self.fingerprint.setText(f"<b>{fingerprint}</b> — vergelijk dit telefonisch met de coördinator")

    def _save(self) -> bool:
        current = self._regional.subscription()
        if (self.url.text().strip(), "".join(self.key.text().split())) == (current.url, current.public_key):
            return True
        return self.errors.attempt(lambda: self._regional.save_subscription(self.url.text(), self.key.text()))

    def _on_save_button_clicked(self) -> None:
        self.errors.clear()
        if self._save():
            self.status.setText("Opgeslagen. Er is nog geen verbinding gemaakt.")

    def _on_update_button_clicked(self) -> None:
        self.errors.clear()
        if not self._save():
            return
        if not self._regional.subscription().configured:
            self.errors.show("Vul het adres van de server en de sleutel van de coördinator in.", "url")
            return
        url, cafile = self._regional.subscription().url, self._cafile
        self._set_busy(True)
        self.status.setText(f"Bezig met ophalen van {url} …")
        regional = self._regional
        self.progress = run_op_in_background(
            lambda: regional.fetch(url=url, cafile=cafile), regional.plan, hub=None, parent=self,
            progress=f"Het regionale adresboek wordt opgehaald van {url} en gecontroleerd…",
            on_done=self._on_planned, on_refused=self._on_refused, errors=self.errors)

    def _set_busy(self, busy: bool) -> None:
        # The fetch reports back to this dialog: it stays open until then (at most 4 × the timeout).
        self._busy = busy
        for button in (self.update_button, self.save_button, self.close_button):
            button.setEnabled(not busy)

    def reject(self) -> None:
        if not self._busy:
            super().reject()

    def _on_planned(self, plan: RegionalPlan) -> None:
        self._on_refused()
        self.preview = ImportPreviewDialog(plan=plan, apply=self._apply, heading=plan.heading,
                                           title="Regionaal adresboek: eerst bekijken", parent=self)
        open_modal(self.preview, hub=self._hub, initiator=self._initiator)

    def _on_refused(self) -> None:
        self._set_busy(False)
        self.status.setText("")

    def _apply(self, plan: RegionalPlan) -> Change:
        change = self._regional.apply(plan)
        self.last_update.setText(_last_update_text(self._regional.subscription().last_update))
        self.status.setText(f"Bijgewerkt: {plan.summary}")
        return change


def _last_update_text(when: str) -> str:
    if not when:
        return "Nog nooit bijgewerkt."
    day, _, time = when.partition("T")
    y, m, d = day.split("-")
    return f"Laatst bijgewerkt op {d}-{m}-{y} om {time[:5]}."
