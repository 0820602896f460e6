"""Afspraken: who does what, by when — over all children."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from knooppunt.domain.enums import AgreementStatus
from knooppunt.services import Change, Services
from knooppunt.services.agreements import AgreementView

from ..hub import SignalHub
from ..models.record_table import Column
from .list_page import ListPage


def _overdue(view: AgreementView) -> str | None:
    a = view.agreement
    if a.status in (AgreementStatus.OPEN, AgreementStatus.CONTINUES) and a.due_date and a.due_date < date.today():
        return "Over de datum: deze afspraak had al klaar moeten zijn."
    return None


COLUMNS = [
    Column[AgreementView]("Kind", lambda v: v.child_name, width=160),
    Column[AgreementView]("Wie", lambda v: v.agreement.owner_name, width=220),
    Column[AgreementView]("Wat", lambda v: v.agreement.description, width=340),
    Column[AgreementView]("Uiterlijk", lambda v: v.agreement.due_date, warning=_overdue, width=100),
    Column[AgreementView]("Evaluatie", lambda v: v.agreement.evaluation_date, width=100),
    Column[AgreementView]("Status", lambda v: v.agreement.status),
]


class AgreementsPage(ListPage):
    def __init__(self, *, services: Services, hub: SignalHub, parent: QWidget | None = None) -> None:
        super().__init__(
            title="Afspraken",
            explanation="Alle afspraken uit de knooppuntoverleggen: wie doet wat, en wanneer. "
            "Afspraken over de datum staan in het rood.",
            empty_text="Er zijn nog geen afspraken gemaakt.\n\nAfspraken ontstaan in een overleg, "
            "bij het agendapunt ‘Besluiten en afspraken’.",
            columns=COLUMNS,
            parent=parent,
        )
        self._services = services
        hub.changed.connect(self._on_hub_changed)
        self.reload()

    def reload(self) -> None:
        self.show_records(self._services.agreements.overview())

    def _on_hub_changed(self, change: Change) -> None:
        if change.entity in {"agreement", "decision", "discussion", "child"}:
            self.reload()
