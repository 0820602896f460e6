"""Besluiten en afspraken of one discussion, with the review of earlier agreements.

Reusable: the meeting chair view embeds it for the current child. While the discussion runs,
the chair records decisions, makes agreements and gives earlier agreements an outcome. After
the discussion is finalised (vastgesteld) everything is read-only; a correction is an addendum.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from knooppunt.domain.enums import DecisionStatus
from knooppunt.domain.outcomes import Addendum
from knooppunt.services import Change, Entity, Services

from ..dialogs.agreement_dialog import AgreementDialog
from ..dialogs.decision_dialog import DecisionDialog
from ..dialogs.outcome_dialogs import AddendumDialog, ConfirmDecisionDialog, OutcomeDialog
from ..hub import SignalHub
from ..modal import open_modal
from ..models.outcome_columns import ADDENDUM_COLUMNS, agreement_columns, decision_columns, review_columns
from ..pages.list_page import RecordTableView

LOCKED_STYLE = "background:#eef2f5; border:1px solid #c9d3da; border-radius:6px; padding:6px; color:#1f3b4d;"
REFRESH_ON = {Entity.DECISION, Entity.AGREEMENT, Entity.DISCUSSION, Entity.ADDENDUM}


class OutcomesPanel(QWidget):
    dialog_opened = Signal(object)  # the dialog, opened window-modal (tests fill it in)

    def __init__(self, *, services: Services, hub: SignalHub, discussion_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._hub = hub
        self.discussion_id = discussion_id
        self._addenda: list[Addendum] = []
        self.active_dialog: QDialog | None = None
        self._show_review = True
        self._show_outcomes = True

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(LOCKED_STYLE)
        self.review = RecordTableView(review_columns(discussion_id), self)
        self.decisions = RecordTableView(decision_columns(self._addendum_text), self)
        self.agreements = RecordTableView(agreement_columns(self._addendum_text), self)
        # Long decisions and agreements wrap (rows grow); widths the chair drags are kept.
        tables = ((self.review, "terugblik"), (self.decisions, "besluiten"), (self.agreements, "afspraken-bespreking"))
        for table, key in tables:
            table.remember_widths(key)
            table.wrap_rows()
        self.addenda = RecordTableView(ADDENDUM_COLUMNS, self)

        self.outcome_button = QPushButton("&Uitkomst vastleggen…")
        self.decision_button = QPushButton("&Besluit vastleggen…")
        self.confirm_button = QPushButton("Be&vestigen…")
        self.confirm_button.setToolTip("Het voorlopige besluit is bevestigd door de organisatie")
        self.agreement_button = QPushButton("&Afspraak maken…")
        self.addendum_button = QPushButton("Aanv&ulling…")
        self.outcome_button.clicked.connect(self._on_outcome_button_clicked)
        self.review.activated_record.connect(lambda _r: self._on_outcome_button_clicked())
        self.decisions.activated_record.connect(self._on_decisions_activated_record)
        self.agreements.activated_record.connect(self._on_agreements_activated_record)
        self.decisions.setToolTip("Dubbelklik om een besluit te wijzigen (zolang de bespreking niet is vastgesteld)")
        self.agreements.setToolTip("Dubbelklik om een afspraak te wijzigen (zolang de bespreking niet is vastgesteld)")
        self.decision_button.clicked.connect(self._on_decision_button_clicked)
        self.confirm_button.clicked.connect(self._on_confirm_button_clicked)
        self.agreement_button.clicked.connect(self._on_agreement_button_clicked)
        self.addendum_button.clicked.connect(self._on_addendum_button_clicked)
        self.decisions.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.review.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.review_box = _box("Afspraken van de vorige keer: geef elke afspraak een uitkomst", self.review,
                               self.outcome_button)
        self.decisions_box = _box("Besluiten", self.decisions, self.decision_button, self.confirm_button)
        self.agreements_box = _box("Afspraken", self.agreements, self.agreement_button)
        self.addenda_box = _box("Aanvullingen na vaststelling", self.addenda, self.addendum_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.banner, self.review_box, self.decisions_box, self.agreements_box, self.addenda_box):
            layout.addWidget(widget)
        hub.changed.connect(self._on_hub_changed)
        self.reload()

    # State ---------------------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self._context.locked

    def reload(self) -> None:
        s, d = self._services, self.discussion_id
        self._context = s.records.context(d)
        self._addenda = s.records.addenda(d)
        self.review.source.set_records(s.agreements.to_review(d))
        # The next agreement still without an outcome is selected: 'Uitkomst vastleggen…' works at once.
        waiting = [r for r in range(self.review.proxy.rowCount())
                   if self.review.record_at(r).outcome_discussion_id != d]
        if waiting:
            self.review.selectRow(waiting[0])
        self.decisions.source.set_records(s.decisions.decisions(d))
        self.agreements.source.set_records(s.agreements.for_discussion(d))
        self.addenda.source.set_records(self._addenda)
        self.review_box.setVisible(self._show_review and self.review.source.rowCount() > 0)
        # An empty table says what to do, instead of showing only column headers.
        for box, table, title, hint in ((self.decisions_box, self.decisions, "Besluiten", "Besluit vastleggen…"),
                                        (self.agreements_box, self.agreements, "Afspraken", "Afspraak maken…")):
            empty = table.source.rowCount() == 0
            todo = "geen" if self.locked else f"nog geen – kies ‘{hint}’"
            box.setTitle(f"{title} ({todo})" if empty else title)
        self.decisions_box.setVisible(self._show_outcomes)
        self.agreements_box.setVisible(self._show_outcomes)
        discussion = self._context.discussion
        if self.locked:
            when = discussion.finalised_at.strftime("%d-%m-%Y %H:%M") if discussion.finalised_at else ""
            self.banner.setText(f"Vastgesteld op {when} door {discussion.finalised_by}. Besluiten en afspraken "
                                "kunnen niet meer gewijzigd worden; een correctie wordt een aanvulling.")
        self.banner.setVisible(self.locked)
        self.addenda_box.setVisible(self.locked and self._show_outcomes)
        self._update_buttons()

    def show_sections(self, *, review: bool, outcomes: bool) -> None:
        """The chair view shows the review on its own agenda item, decisions on theirs."""
        self._show_review, self._show_outcomes = review, outcomes
        self.reload()

    @property
    def has_review(self) -> bool:
        return self.review.source.rowCount() > 0

    def _update_buttons(self) -> None:
        editable = not self.locked
        for button in (self.outcome_button, self.decision_button, self.agreement_button):
            button.setVisible(editable)
            button.setEnabled(editable)
        self.outcome_button.setEnabled(editable and self.review.selected_record() is not None)
        selected = self.decisions.selected_record()
        self.confirm_button.setEnabled(selected is not None and selected.status == DecisionStatus.PROVISIONAL)
        self.addendum_button.setEnabled(self.locked)

    def _addendum_text(self, target: str, target_id: int | None) -> str:
        texts = [f"{a.created_at:%d-%m-%Y} {a.author}: {a.text}" for a in self._addenda
                 if a.target == target and a.target_id == target_id]
        return " · ".join(texts)

    # Dialogs -------------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> None:
        """Window-modal, so the meeting view keeps painting (timers) while the dialog is open."""
        open_modal(dialog, owner=self, hub=self._hub, initiator=self)
        self.dialog_opened.emit(dialog)

    def _on_decision_button_clicked(self) -> None:
        if not self.locked:
            self._open(DecisionDialog(services=self._services, discussion_id=self.discussion_id, parent=self))

    def _on_agreement_button_clicked(self) -> None:
        if not self.locked:
            self._open(AgreementDialog(services=self._services, discussion_id=self.discussion_id, parent=self))

    def _on_decisions_activated_record(self, decision) -> None:
        if not self.locked:
            self._open(DecisionDialog(services=self._services, discussion_id=self.discussion_id,
                                      decision=decision, parent=self))

    def _on_agreements_activated_record(self, agreement) -> None:
        if not self.locked:
            self._open(AgreementDialog(services=self._services, discussion_id=self.discussion_id,
                                       agreement=agreement, parent=self))

    def _on_outcome_button_clicked(self) -> None:
        agreement = self.review.selected_record()
        if agreement is not None and not self.locked:
            self._open(OutcomeDialog(services=self._services, discussion_id=self.discussion_id,
                                     agreement=agreement, parent=self))

    def _on_confirm_button_clicked(self) -> None:
        decision = self.decisions.selected_record()
        if decision is not None and decision.status == DecisionStatus.PROVISIONAL:
            self._open(ConfirmDecisionDialog(services=self._services, decision=decision, parent=self))

    def _on_addendum_button_clicked(self) -> None:
        if self.locked:
            self._open(AddendumDialog(services=self._services, discussion_id=self.discussion_id,
                                      decisions=self.decisions.source.records(),
                                      agreements=self.agreements.source.records(), parent=self))

    def _on_hub_changed(self, change: Change) -> None:
        if change.entity in REFRESH_ON:
            self.reload()


def _box(title: str, table: RecordTableView, *buttons: QPushButton) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    table.setMinimumHeight(90)
    layout.addWidget(table)
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    layout.addLayout(row)
    return box
