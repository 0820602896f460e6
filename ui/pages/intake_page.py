"""Aanmeldingen: who is waiting, since when, what is still missing; planned or not."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtWidgets import QPushButton, QWidget

from knooppunt.services import Entity, Services
from knooppunt.services.children.intake import WaitingIntake

from .. import messages
from ..dialogs.intake_dialog import IntakeDialog
from ..hub import SignalHub
from ..modal import run_modal, show_modeless
from ..models.record_table import Column
from ..page_refresh import PageRefresh
from .list_page import ListPage


def _waiting(row: WaitingIntake) -> str:
    return f"{row.days_waiting} dagen" + (" – langer dan de norm" if row.over_norm else "")


COLUMNS = [
    Column[WaitingIntake]("Naam", lambda r: r.child_name, width=180),
    Column[WaitingIntake]("Groep", lambda r: r.group_name, width=80),
    Column[WaitingIntake]("Aangemeld", lambda r: r.registered_on, width=100),
    Column[WaitingIntake]("Wacht", _waiting, width=230),
    Column[WaitingIntake]("Gepland", lambda r: r.planned_on or "nog niet", width=100),
    Column[WaitingIntake]("Ontbreekt nog", lambda r: ", ".join(r.missing) or "compleet"),
]


class IntakePage(ListPage):
    def __init__(self, *, services: Services, hub: SignalHub, plan_child: Callable[[int], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            title="Aanmeldingen",
            explanation="Kinderen die zijn aangemeld voor het knooppunt en nog niet zijn besproken: hoe lang ze "
            "wachten en wat er nog ontbreekt (de vraag, een gesprek met de ouders, hun toestemming). "
            "Kies ‘Inplannen…’ om een kind in het volgende overleg te zetten; dubbelklik om de aanmelding bij te "
            "werken.",
            empty_text="Er wacht niemand.\n\nKies ‘Kind aanmelden…’ als een leerkracht, ouder of partner "
            "zich zorgen maakt over een kind.",
            columns=COLUMNS, searchable=True, parent=parent)
        self._services, self._hub, self._plan_child = services, hub, plan_child
        self.new_button = QPushButton("Kind &aanmelden…")
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.edit_button = QPushButton("Aanmelding &bijwerken…")
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.file_button = QPushButton("&Dossier (toestemming)…")
        self.file_button.clicked.connect(self._on_file_button_clicked)
        self.plan_button = QPushButton("&Inplannen…")
        self.plan_button.setToolTip("Het kind inplannen in het eerstvolgende overleg van de locatie")
        self.plan_button.clicked.connect(self._on_plan_button_clicked)
        for button in (self.new_button, self.edit_button, self.file_button, self.plan_button):
            self.toolbar.addWidget(button)
        self.table.activated_record.connect(self._edit)
        self.refresher = PageRefresh(self, hub=hub, reload=self.reload, entities={
            Entity.CHILD, Entity.CASE, Entity.CONSENT, Entity.DISCUSSION, Entity.MEETING, Entity.LOCATION})
        self.reload()

    def reload(self) -> None:
        self.rows = self._services.cycle.intake.waiting()
        self.show_records(self.rows)

    def register(self, child_id: int) -> int | None:
        """Open the aanmelding form for this child; the new case's id, or None when cancelled."""
        dialog = IntakeDialog(services=self._services, child_id=child_id, parent=self)
        if run_modal(dialog, hub=self._hub, initiator=self) and dialog.change is not None:
            return dialog.saved_case_id
        return None

    def _edit(self, row: WaitingIntake | None) -> None:
        if row is None:
            return
        dialog = IntakeDialog(services=self._services, child_id=row.child_id, case_id=row.case_id, parent=self)
        run_modal(dialog, hub=self._hub, initiator=self)

    def _on_new_button_clicked(self) -> None:
        waiting = {r.child_id for r in self._services.cycle.intake.waiting()}
        views = [v for v in self._services.children.children() if v.child.id is not None
                 and v.child.id not in waiting and self._services.cases.current(v.child.id) is None]
        if not views:
            messages.inform(self, "Kind aanmelden", "Alle kinderen hebben al een lopende casus. Leg eerst het kind "
                            "vast onder Kinderen (‘Nieuw kind…’).")
            return
        labels = [f"{v.child.full_name} ({v.child.group_name or v.location_name})" for v in views]
        choice = messages.choose_item(self, "Kind aanmelden", "Welk kind meldt u aan?", labels)
        if choice is not None:
            self.register(views[labels.index(choice)].child.id or 0)

    def _on_edit_button_clicked(self) -> None:
        self._edit(cast("WaitingIntake | None", self.table.selected_record()))

    def _on_file_button_clicked(self) -> None:
        row = cast("WaitingIntake | None", self.table.selected_record())
        if row is None:
            return
        from ..dialogs.child_detail_dialog import ChildDetailDialog

        dialog = ChildDetailDialog(services=self._services, hub=self._hub, child_id=row.child_id, parent=self)
        show_modeless(dialog)

    def _on_plan_button_clicked(self) -> None:
        row = cast("WaitingIntake | None", self.table.selected_record())
        if row is not None and self._plan_child is not None:
            self._plan_child(row.child_id)
