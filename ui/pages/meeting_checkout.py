"""Overleggen on the organisation's server: a meeting checked out to this laptop and in again.

"Uitchecken naar deze laptop…" writes the meeting into a new encrypted file (its place and
passphrase chosen here) and holds the lease; others then see it read-only, "uitgecheckt door …
sinds …". "Inchecken…" writes the file's changes back in one transaction. A coordinator's "Lease
overnemen…" (a lost laptop) is confirmed first. Only shown when the services are on a server.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from knooppunt.paths import user_data_dir
from knooppunt.services import Change, Entity, Services
from knooppunt.services.setup import check_new_passphrase
from knooppunt.services.team.checkout import CheckoutService, describe

from .. import messages
from ..hub import SignalHub
from ..modal import run_modal
from ..operations import run_op


def _secret() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class CheckoutDialog(QDialog):
    """Where the local copy goes and its passphrase (asked twice: it cannot be recovered)."""

    def __init__(self, *, suggested: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Uitchecken naar deze laptop")
        intro = QLabel("Het overleg komt in een versleuteld bestand op deze laptop; zo werkt u tijdens het overleg "
                       "zonder netwerk. Anderen zien het tot het inchecken alleen-lezen.")
        intro.setWordWrap(True)
        self.path = QLineEdit(str(suggested))
        choose = QPushButton("&Bladeren…")
        choose.clicked.connect(self._on_choose_clicked)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        self.first, self.second = _secret(), _secret()
        self.hint = QLabel()
        self.hint.setObjectName("fieldError")
        self.hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Uitchecken")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow("&Bestand", row)
        form.addRow("&Wachtwoordzin", self.first)
        form.addRow("&Nogmaals", self.second)
        form.addRow(self.hint)
        form.addRow(buttons)
        self.resize(560, 0)

    def _on_choose_clicked(self) -> None:
        chosen = messages.choose_save_file(self, "Uitgecheckt overleg opslaan", Path(self.path.text()),
                                           "Knooppunt-database (*.db)")
        if chosen is not None:
            self.path.setText(str(chosen))

    def _on_buttons_accepted(self) -> None:
        problem = check_new_passphrase(self.first.text(), self.second.text())
        if problem:
            self.hint.setText(problem)
            return
        self.accept()


class MeetingCheckout(QObject):
    """The three buttons and the lease line of the Overleggen page."""

    def __init__(self, *, page: QWidget, services: Services, hub: SignalHub,
                 selected: Callable[[], int | None]) -> None:
        super().__init__(page)
        assert services.checkout is not None
        self._page = page
        self._checkout: CheckoutService = services.checkout
        self._user = services.server_user
        self._selected = selected
        self._hub = hub
        self.check_out_button = QPushButton("Uit&checken naar deze laptop…")
        self.check_out_button.clicked.connect(self.check_out)
        self.check_in_button = QPushButton("&Inchecken…")
        self.check_in_button.clicked.connect(self.check_in)
        self.take_over_button = QPushButton("Lease &overnemen…")
        self.take_over_button.setToolTip("Voor een coördinator, als de laptop met het uitgecheckte overleg kwijt is")
        self.take_over_button.clicked.connect(self.take_over)
        self.lease_label = QLabel()
        self.lease_label.setObjectName("gentleNotice")
        self.lease_label.setWordWrap(True)
        self.lease_label.hide()
        self.leased = False

    def row(self) -> QHBoxLayout:
        """The buttons, then the lease line of the selected meeting."""
        row = QHBoxLayout()
        for button in (self.check_out_button, self.check_in_button, self.take_over_button):
            row.addWidget(button)
        row.addWidget(self.lease_label, 1)
        return row

    def refresh(self) -> bool:
        """Show the selected meeting's lease; True when it is checked out (read-only here)."""
        meeting_id = self._selected()
        lease = self._checkout.lease(meeting_id) if meeting_id is not None else None
        self.leased = lease is not None
        self.lease_label.setText(f"Dit overleg is {describe(lease)}: hier alleen te lezen." if lease else "")
        self.lease_label.setVisible(self.leased)
        self.check_out_button.setEnabled(meeting_id is not None and not self.leased)
        self.take_over_button.setEnabled(self.leased)
        return self.leased

    def check_out(self) -> Path | None:
        meeting_id = self._selected()
        if meeting_id is None:
            messages.inform(self._page, "Uitchecken", "Kies eerst in de lijst het overleg dat u meeneemt.")
            return None
        dialog = CheckoutDialog(suggested=user_data_dir() / f"overleg-{meeting_id}.db", parent=self._page)
        if run_modal(dialog) != QDialog.DialogCode.Accepted:
            return None
        target = Path(dialog.path.text()).expanduser()
        passphrase = dialog.first.text()
        if self._run(lambda: self._checkout.check_out(meeting_id, target, passphrase, holder=self._user),
                     meeting_id, "Niet uitgecheckt") is None:
            return None
        messages.inform(self._page, "Uitgecheckt", f"Het overleg staat nu op deze laptop in {target}. Open het "
                        "bestand met ‘knooppunt --db’ om zonder netwerk te werken, en check het daarna hier in.")
        return target

    def check_in(self) -> bool:
        path = messages.choose_open_file(self._page, "Uitgecheckt overleg inchecken", "Knooppunt-database (*.db)",
                                         user_data_dir())
        if path is None:
            return False
        passphrase = ask_secret(self._page, "Inchecken", f"Wachtwoordzin van {path.name}:")
        if passphrase is None:
            return False
        if self._run(lambda: self._checkout.check_in(path, passphrase), self._selected(), "Niet ingecheckt") is None:
            return False
        messages.inform(self._page, "Ingecheckt", "Alle wijzigingen van het overleg staan weer op de server; "
                        "anderen kunnen het weer wijzigen.")
        return True

    def take_over(self) -> bool:
        meeting_id = self._selected()
        lease = self._checkout.lease(meeting_id) if meeting_id is not None else None
        if meeting_id is None or lease is None:
            return False
        if not messages.ask(self._page, "Lease overnemen",
                            f"Dit overleg is {describe(lease)}. Neemt u de lease over? Het exemplaar op die laptop "
                            "kan daarna niet meer worden ingecheckt; wat daar is gewijzigd, gaat verloren. Dit komt "
                            "in het logboek.", confirm="Lease overnemen", destructive=True):
            return False
        return self._run(lambda: self._checkout.take_over(meeting_id, by=self._user), meeting_id,
                         "Lease niet overgenomen") is not None

    def _run(self, action: Callable[[], object], meeting_id: int | None, title: str) -> object | None:
        """``action`` through run_op: a refusal in one box; done, the meeting's change on the hub
        (every page showing it reloads, this one too)."""
        change = Change.updated(Entity.MEETING, *([meeting_id] if meeting_id is not None else []))
        return run_op(lambda: (action(), change), hub=self._hub, parent=self._page, title=title)


def ask_secret(parent: QWidget | None, title: str, label: str) -> str | None:
    """A passphrase, typed unseen; None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.setOkButtonText("&Inchecken")
    dialog.setCancelButtonText("Annuleren")
    return dialog.textValue() if run_modal(dialog) == QDialog.DialogCode.Accepted else None
