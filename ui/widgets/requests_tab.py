"""Verzoeken: what parents asked under the AVG (correction, removal, bezwaar) and the decisions."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from knooppunt.services import Services
from knooppunt.services.privacy.requests import AvgRequest, RequestDecision, RequestKind

from .. import messages
from ..dialogs.avg_request_dialogs import DECISION_LABELS, KIND_LABELS, CorrectDialog, DecideDialog, RequestDialog
from ..hub import SignalHub
from ..modal import run_modal
from ..models.record_table import Column
from ..pages.list_page import RecordTableView

COLUMNS = [
    Column[AvgRequest]("Datum", lambda r: r.requested_on, width=100),
    Column[AvgRequest]("Soort", lambda r: KIND_LABELS[r.kind].split(" (")[0], width=110),
    Column[AvgRequest]("Gevraagd door", lambda r: r.requested_by, width=150),
    Column[AvgRequest]("Wat", lambda r: r.about, width=320),
    Column[AvgRequest]("Beslissing", lambda r: DECISION_LABELS[r.decision] if r.decision else "nog open",
                       warning=lambda r: None if r.decision else "Er is nog niet beslist op dit verzoek."),
]


class RequestsTab(QWidget):
    def __init__(self, *, services: Services, hub: SignalHub, child_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._hub, self._child_id = services, hub, child_id
        intro = QLabel("Ouders (en het kind) mogen vragen om iets te verbeteren of weg te halen, of bezwaar maken "
                       "tegen de casus. Leg elk verzoek vast met de beslissing. Een gecorrigeerd gegeven houdt de "
                       "oude waarde bij het verzoek; al het andere krijgt een aanvulling.")
        intro.setWordWrap(True)
        self.table = RecordTableView(COLUMNS, self)
        self.record_button = QPushButton("Verzoek &vastleggen…")
        self.record_button.clicked.connect(self._on_record_button_clicked)
        self.decide_button = QPushButton("&Beslissen…")
        self.decide_button.clicked.connect(self._on_decide_button_clicked)
        self.correct_button = QPushButton("Co&rrigeren…")
        self.correct_button.clicked.connect(self._on_correct_button_clicked)
        row = QHBoxLayout()
        for button in (self.record_button, self.decide_button, self.correct_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def reload(self) -> None:
        self.table.source.set_records(self._services.requests.requests(self._child_id))

    def _selected(self, title: str) -> AvgRequest | None:
        request: AvgRequest | None = self.table.selected_record()
        if request is None:
            messages.inform(self, title, "Kies eerst een verzoek in de lijst.")
        return request

    def _on_record_button_clicked(self) -> None:
        run_modal(RequestDialog(services=self._services, hub=self._hub, child_id=self._child_id, parent=self))

    def _on_decide_button_clicked(self) -> None:
        request = self._selected("Beslissen")
        if request is None:
            return
        if request.decision is not None:
            messages.inform(self, "Beslissen", "Over dit verzoek is al beslist.")
            return
        run_modal(DecideDialog(services=self._services, hub=self._hub, request=request, parent=self))

    def _on_correct_button_clicked(self) -> None:
        request = self._selected("Corrigeren")
        if request is None:
            return
        if request.kind != RequestKind.CORRECTION or request.decision not in (RequestDecision.GRANTED,
                                                                              RequestDecision.PARTLY):
            messages.inform(self, "Corrigeren", "Alleen een toegewezen verzoek om correctie kan worden uitgevoerd.")
            return
        run_modal(CorrectDialog(services=self._services, hub=self._hub, request=request, parent=self))
