"""The tabs of a child's file: parents (ouders), consent (toestemming) and the case (casus)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from knooppunt.domain.children import Case, Consent, Guardian
from knooppunt.domain.enums import CasePhase, ClosingReason
from knooppunt.services import Services

from .. import messages
from ..dialogs.case_dialog import CaseDialog
from ..dialogs.case_phase_dialog import CLOSE, EXECUTE, REOPEN, CasePhaseDialog
from ..dialogs.consent_dialog import ConsentDialog
from ..dialogs.guardian_dialog import GuardianDialog
from ..dialogs.withdraw_consent_dialog import WithdrawConsentDialog
from ..hub import SignalHub
from ..modal import run_modal
from ..models.record_table import Column
from ..pages.list_page import RecordTableView

GUARDIAN_COLUMNS = [
    Column[Guardian]("Naam", lambda g: g.name, width=170),
    Column[Guardian]("Relatie", lambda g: g.relation, width=90),
    Column[Guardian]("Gezag", lambda g: g.has_authority, width=60),
    Column[Guardian]("Telefoon", lambda g: g.phone, width=110),
    Column[Guardian]("E-mail", lambda g: g.email, width=190),
    Column[Guardian]("Adres", lambda g: g.address, width=170),
    Column[Guardian]("Taal", lambda g: g.preferred_language + (" (tolk)" if g.needs_interpreter else "")),
]


@dataclass(frozen=True)
class ConsentRow:
    consent: Consent
    who: str
    partners: str

    @property
    def scope(self) -> str:
        parts = [p for p, on in (("bespreking", self.consent.for_discussion),
                                 ("overdracht", self.consent.for_transfer)) if on]
        return " en ".join(parts)

    @property
    def status(self) -> str:
        return f"ingetrokken op {self.consent.withdrawn_on:%d-%m-%Y}" if self.consent.withdrawn_on else "geldig"


CONSENT_COLUMNS = [
    Column[ConsentRow]("Wie", lambda r: r.who, width=180),
    Column[ConsentRow]("Datum", lambda r: r.consent.given_on, width=90),
    Column[ConsentRow]("Hoe", lambda r: r.consent.method, width=100),
    Column[ConsentRow]("Waarvoor", lambda r: r.scope, width=150),
    Column[ConsentRow]("Partners", lambda r: r.partners, width=260),
    Column[ConsentRow]("Status", lambda r: r.status, warning=lambda r: "Ingetrokken" if r.consent.withdrawn_on else None),
]


def _button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


class GuardiansTab(QWidget):
    def __init__(self, *, services: Services, hub: SignalHub, child_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._hub, self._child_id = services, hub, child_id
        self.table = RecordTableView(GUARDIAN_COLUMNS, self)
        self.table.activated_record.connect(self._on_table_activated_record)
        self.add_button = QPushButton("Ouder/verzorger &toevoegen…")
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.edit_button = QPushButton("&Wijzigen…")
        self.edit_button.clicked.connect(lambda: self._on_table_activated_record(self.table.selected_record()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(_button_row(self.add_button, self.edit_button))

    def reload(self) -> None:
        self.table.source.set_records(self._services.children.guardians(self._child_id))

    def _on_add_button_clicked(self) -> None:
        run_modal(GuardianDialog(services=self._services, hub=self._hub, child_id=self._child_id, parent=self))

    def _on_table_activated_record(self, guardian: Guardian | None) -> None:
        if guardian is not None:
            run_modal(GuardianDialog(services=self._services, hub=self._hub, child_id=self._child_id,
                                     guardian=guardian, parent=self))


class ConsentsTab(QWidget):
    def __init__(self, *, services: Services, hub: SignalHub, child_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._hub, self._child_id = services, hub, child_id
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("locationDetails")
        self.table = RecordTableView(CONSENT_COLUMNS, self)
        self.record_button = QPushButton("Toestemming &vastleggen…")
        self.record_button.clicked.connect(self._on_record_button_clicked)
        self.withdraw_button = QPushButton("&Intrekken…")
        self.withdraw_button.clicked.connect(self._on_withdraw_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(_button_row(self.record_button, self.withdraw_button))

    def reload(self) -> None:
        guardians = {g.id: g for g in self._services.children.guardians(self._child_id)}
        names = self._services.consent.organisation_names()
        rows = [ConsentRow(c, guardians[c.guardian_id].name if c.guardian_id in guardians else "het kind zelf",
                           ", ".join(names.get(i, "?") for i in c.organisation_ids) or "alleen school")
                for c in self._services.children.consents(self._child_id)]
        self.table.source.set_records(rows)
        today = self._services.now().date()
        missing = self._services.consent.missing(self._child_id, today)
        self.summary.setText(
            "Toestemming voor bespreking is vandaag compleet (per partner: zie de lijst)." if not missing else
            "Nog nodig voor bespreking:\n- " + "\n- ".join(m.description for m in missing))

    def _on_record_button_clicked(self) -> None:
        run_modal(ConsentDialog(services=self._services, hub=self._hub, child_id=self._child_id, parent=self))

    def _on_withdraw_button_clicked(self) -> None:
        row: ConsentRow | None = self.table.selected_record()
        if row is None:
            messages.inform(self, "Toestemming intrekken", "Kies eerst de toestemming die wordt ingetrokken.")
            return
        run_modal(WithdrawConsentDialog(services=self._services, hub=self._hub, consent=row.consent, who=row.who,
                                        parent=self))


class CaseTab(QWidget):
    def __init__(self, *, services: Services, hub: SignalHub, child_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._hub, self._child_id = services, hub, child_id
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("locationDetails")
        self.open_button = QPushButton("Casus &openen…")
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.edit_button = QPushButton("&Bijwerken…")
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.execute_button = QPushButton("Naar &uitvoering…")
        self.execute_button.clicked.connect(lambda: self._step(EXECUTE))
        self.close_button = QPushButton("&Afsluiten…")
        self.close_button.clicked.connect(lambda: self._step(CLOSE))
        self.reopen_button = QPushButton("&Heropenen…")
        self.reopen_button.clicked.connect(lambda: self._step(REOPEN))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addLayout(_button_row(self.open_button, self.edit_button, self.execute_button, self.close_button,
                                     self.reopen_button))

    def _latest(self):
        cases = self._services.cases.cases(self._child_id)
        return cases[-1] if cases else None

    def reload(self) -> None:
        case = self._latest()
        phase = case.phase if case else None
        self.open_button.setEnabled(case is None or phase == CasePhase.CLOSED)
        self.edit_button.setEnabled(case is not None)
        self.execute_button.setEnabled(phase == CasePhase.START)
        self.close_button.setEnabled(phase in (CasePhase.START, CasePhase.EXECUTION))
        self.reopen_button.setEnabled(phase == CasePhase.CLOSED)
        if case is None:
            self.summary.setText("Er is (nog) geen casus. Open een casus zodra er een signaal is.")
            return
        lines = [f"Fase: {CasePhase(case.phase).label}"
                 + (f" op {case.closed_on:%d-%m-%Y} – {ClosingReason(case.closing_reason).label}"
                    if case.closed_on and case.closing_reason else ""),
                 f"Signaal: {case.signal_date:%d-%m-%Y}, van {case.signal_source}"
                 + (f" ({case.signal_by})" if case.signal_by else ""),
                 f"Hulpvraag: {case.hulpvraag or '—'}", f"Wat gaat goed: {case.strengths or '—'}",
                 f"Zorgen: {case.concerns or '—'}", f"Regie: {self._regie(case) or '—'}"]
        self.summary.setText("\n".join(lines))

    def _regie(self, case: Case) -> str:
        """The plan's regiehouder (issue 18); after a hand-over, or without a plan, the recorded text."""
        if case.id is None or case.closing_reason == "overgedragen":
            return case.regie_holder
        plan = self._services.cycle.plans.view(case.id)
        since = f" (sinds {plan.plan.regie_agreed_on:%d-%m-%Y})" if plan.plan.regie_agreed_on else ""
        return f"{plan.regie}{since}" if plan.regie else case.regie_holder

    def _on_open_button_clicked(self) -> None:
        run_modal(CaseDialog(services=self._services, hub=self._hub, child_id=self._child_id, parent=self))

    def _on_edit_button_clicked(self) -> None:
        case = self._latest()
        if case is not None:
            run_modal(CaseDialog(services=self._services, hub=self._hub, child_id=self._child_id, case=case,
                                 parent=self))

    def _step(self, step: str) -> None:
        case = self._latest()
        if case is not None and step == CLOSE:
            from ..dialogs.closing_dialog import ClosingDialog  # with the parents' judgement (issue 18)

            run_modal(ClosingDialog(services=self._services, hub=self._hub, case=case, parent=self))
        elif case is not None:
            run_modal(CasePhaseDialog(services=self._services, hub=self._hub, case=case, step=step, parent=self))
