"""Overleggen: planned and held knooppunt meetings; plan one, or run it (vergadermodus)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QVBoxLayout, QWidget

from knooppunt.services import Entity, Services
from knooppunt.services.meetings.meetings import MeetingView

from .. import messages
from ..documents.document_dialog import DocumentDialog
from ..hub import SignalHub
from ..meeting.meeting_window import MeetingWindow
from ..meeting.planning_dialog import PlanningDialog
from ..modal import open_modal, run_modal
from ..models.record_table import Column
from ..page_refresh import PageRefresh
from .list_page import ListPage
from .meeting_checkout import MeetingCheckout

SHOWN_AT_ONCE = 200  # newest first; typing searches the database for older ones

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
            "met de ouders als gelijkwaardige deelnemers. Dubbelklik om te plannen.",
            empty_text="Er zijn nog geen overleggen gepland. Kies ‘Nieuw overleg…’ (Ctrl+N).",
            columns=COLUMNS,
            search_callback=lambda text, limit: services.meetings.meetings(search=text, limit=limit),
            count_callback=services.meetings.count,
            result_limit=SHOWN_AT_ONCE,
            parent=parent,
        )
        self.search.setPlaceholderText("Zoeken…  (Ctrl+F)")
        self.search.setToolTip("Zoek op locatie, plaats, voorzitter of datum (dd-mm-jjjj)")
        self.search.setMinimumWidth(150)
        self._services = services
        self._hub = hub
        self.planning_dialog: PlanningDialog | None = None
        self.meeting_window: MeetingWindow | None = None
        self.location_combo = QComboBox()
        self.location_combo.setToolTip("Locatie voor een nieuw overleg")
        self.new_button = QPushButton("&Nieuw overleg…")
        self.new_button.setToolTip("Ctrl+N")
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.plan_button = QPushButton("&Plannen…")
        self.plan_button.clicked.connect(self._on_plan_button_clicked)
        self.run_button = QPushButton("Overleg &voeren")
        self.run_button.setToolTip("Het voorzittersscherm en het ouderscherm (Ctrl+Shift+O)")
        self.run_button.clicked.connect(self._on_run_button_clicked)
        self.toolbar.addWidget(QLabel("Locatie:"))
        self.toolbar.addWidget(self.location_combo)
        for button in (self.new_button, self.plan_button, self.run_button):
            self.toolbar.addWidget(button)
        QShortcut(QKeySequence("Ctrl+N"), self, self._on_new_button_clicked)
        QShortcut(QKeySequence("Ctrl+Shift+O"), self, self._on_run_button_clicked)
        self.table.activated_record.connect(self._on_table_activated_record)
        self.documents_button = QPushButton("Verslag en &brief…", self)
        self.documents_button.setToolTip("Verslag, afsprakenbrief voor ouders: bekijken, vaststellen, afdrukken")
        self.documents_button.clicked.connect(self._on_documents_button_clicked)
        self.toolbar.addWidget(self.documents_button)
        self.refresher = PageRefresh(self, hub=hub, reload=self.reload,
                                     entities={Entity.MEETING, Entity.DISCUSSION, Entity.LOCATION, Entity.CHILD})
        # On the organisation's server: check-out to this laptop and check-in (meeting_checkout.py).
        self.checkout: MeetingCheckout | None = None
        if services.checkout is not None:
            self.checkout = MeetingCheckout(page=self, services=services, hub=hub,
                                            selected=self._selected_meeting_id)
            # A row of its own under the toolbar (the window stays narrow enough for a laptop).
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertLayout(layout.indexOf(self.status), self.checkout.row())
            self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.reload()

    def reload(self) -> None:
        self.run_search()
        self._on_table_selection_changed()
        chosen = self.location_combo.currentData()
        self.location_combo.clear()
        for location in self._services.locations.locations():
            self.location_combo.addItem(location.name, location.id)
        if chosen is not None and self.location_combo.findData(chosen) >= 0:
            self.location_combo.setCurrentIndex(self.location_combo.findData(chosen))

    def _selected_meeting_id(self) -> int | None:
        view = self.table.selected_record()
        return view.meeting.id if view is not None else None

    def _on_table_selection_changed(self, *_args: object) -> None:
        if self.checkout is not None:
            read_only = self.checkout.refresh()
            for button in (self.plan_button, self.run_button):
                button.setEnabled(not read_only)

    # Planning ------------------------------------------------------------------------------
    def plan(self, view: MeetingView | None = None) -> PlanningDialog | None:
        location_id = view.meeting.location_id if view else self.location_combo.currentData()
        if location_id is None:
            messages.inform(self, "Eerst een locatie", "Maak eerst een locatie aan (Locaties & partners).")
            return None
        self.planning_dialog = PlanningDialog(services=self._services, hub=self._hub, location_id=location_id,
                                              meeting_id=view.meeting.id if view else None, parent=self)
        open_modal(self.planning_dialog)
        return self.planning_dialog

    def _on_new_button_clicked(self) -> None:
        self.plan()

    def _on_plan_button_clicked(self) -> None:
        view = self.table.selected_record()
        if view is not None:
            self.plan(view)

    def _on_table_activated_record(self, view: MeetingView) -> None:
        if self.checkout is not None and self.checkout.leased:
            return  # checked out: read-only here, the lease line says by whom
        self.plan(view)

    # Running -------------------------------------------------------------------------------
    def run(self, meeting_id: int, discussion_id: int | None = None) -> MeetingWindow | None:
        discussions = self._services.meeting_mode.discussions(meeting_id)
        if not discussions:
            messages.inform(self, "Nog geen kinderen", "Plan eerst een of meer kinderen in dit overleg.")
            return None
        if self.meeting_window is not None:
            self.meeting_window.close()
        self.meeting_window = MeetingWindow(services=self._services, hub=self._hub, meeting_id=meeting_id)
        self.meeting_window.show()
        first = next((d for d in discussions if d.status.value in ("bezig", "gepland")), discussions[0])
        self.meeting_window.open_discussion(discussion_id or first.id)
        return self.meeting_window

    def resume_running(self) -> MeetingWindow | None:
        """After a restart (or a crash) the meeting reopens at the child and item where it was."""
        running = self._services.meeting_mode.running()
        if running is None:
            return None
        return self.run(running.meeting_id, running.id)

    def _on_run_button_clicked(self) -> None:
        view = self.table.selected_record()
        if view is None:
            messages.inform(self, "Kies een overleg", "Kies eerst in de lijst het overleg dat u gaat voeren.")
            return
        self.run(view.meeting.id)

    def _on_documents_button_clicked(self) -> None:
        view = self.table.selected_record()
        if view is None:
            messages.inform(self, "Verslag en brief", "Kies eerst een overleg in de lijst.")
            return
        run_modal(DocumentDialog(services=self._services, hub=self._hub, meeting_id=view.meeting.id, parent=self))
