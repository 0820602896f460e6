"""Kinderen: the children of all locations, with their case phase."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from knooppunt.domain.enums import CasePhase
from knooppunt.services import Change, Services
from knooppunt.services.children import ChildView

from ..hub import SignalHub
from ..models.record_table import Column
from .list_page import ListPage

COLUMNS = [
    Column[ChildView]("Naam", lambda v: v.child.full_name, width=200),
    Column[ChildView]("Geboortedatum", lambda v: v.child.date_of_birth, width=120),
    Column[ChildView]("Groep", lambda v: v.child.group_name, width=90),
    Column[ChildView]("Locatie", lambda v: v.location_name, width=220),
    Column[ChildView]("Casus", lambda v: CasePhase(v.case_phase).label if v.case_phase else "geen casus"),
]


class ChildrenPage(ListPage):
    def __init__(self, *, services: Services, hub: SignalHub, parent: QWidget | None = None) -> None:
        super().__init__(
            title="Kinderen",
            explanation="Kinderen die in het knooppunt besproken (kunnen) worden, met hun ouders, "
            "toestemming en casus. Dubbelklik een kind voor de tijdlijn.",
            empty_text="Er zijn nog geen kinderen vastgelegd.\n\nEen kind komt hier zodra het wordt "
            "aangemeld voor het knooppunt.",
            columns=COLUMNS,
            parent=parent,
        )
        self._services = services
        hub.changed.connect(self._on_hub_changed)
        self.reload()

    def reload(self) -> None:
        self.show_records(self._services.children.children())

    def _on_hub_changed(self, change: Change) -> None:
        if change.entity in {"child", "case", "consent", "location"}:
            self.reload()
