"""Overleggen: planned and held knooppunt meetings."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from knooppunt.services import Change, Services
from knooppunt.services.meetings import MeetingView

from .. import messages
from ..documents.document_dialog import DocumentDialog
from ..hub import SignalHub
from ..models.record_table import Column
from .list_page import ListPage

COLUMNS = [
    Column[MeetingView]("Datum", lambda v: v.meeting.date, width=110),
    Column[MeetingView]("Tijd", lambda v: v.meeting.start_time, width=60),
    Column[MeetingView]("Locatie", lambda v: v.location_name, width=220),
    Column[MeetingView]("Plaats", lambda v: v.meeting.place, width=200),
    Column[MeetingView]("Voorzitter", lambda v: v.meeting.chair_name, width=160),
    Column[MeetingView]("Kinderen", lambda v: v.child_count, width=80),
    Column[MeetingView]("Status", lambda v: v.meeting.status),
]


class MeetingsPage(ListPage):
    def __init__(self, *, services: Services, hub: SignalHub, parent: QWidget | None = None) -> None:
        super().__init__(
            title="Overleggen",
            explanation="Knooppuntoverleggen per locatie: gepland en gehouden. Per kind een tijdslot, "
            "met de ouders als gelijkwaardige deelnemers.",
            empty_text="Er zijn nog geen overleggen gepland.",
            columns=COLUMNS,
            parent=parent,
        )
        self._services = services
        self._hub = hub
        self.documents_button = QPushButton("Verslag en &brief…", self)
        self.documents_button.setToolTip("Verslag, afsprakenbrief voor ouders: bekijken, vaststellen, afdrukken")
        self.documents_button.clicked.connect(self._on_documents_button_clicked)
        self.toolbar.addWidget(self.documents_button)
        hub.changed.connect(self._on_hub_changed)
        self.reload()

    def reload(self) -> None:
        self.show_records(self._services.meetings.meetings())

    def _on_documents_button_clicked(self) -> None:
        view = self.table.selected_record()
        if view is None:
            messages.inform(self, "Verslag en brief", "Kies eerst een overleg in de lijst.")
            return
        DocumentDialog(services=self._services, hub=self._hub, meeting_id=view.meeting.id, parent=self).exec()

    def _on_hub_changed(self, change: Change) -> None:
        if change.entity in {"meeting", "discussion", "location", "child"}:
            self.reload()
