"""The chair's view (voorzittersscherm): children, agenda, the current item, attendance, timers.

Shortcuts (also in docs/meeting-mode.md):
Ctrl+PgDown / Ctrl+PgUp          next / previous agenda item
Ctrl+Shift+PgDown / Ctrl+Shift+PgUp  next / previous child
Ctrl+Enter / Ctrl+Shift+Enter    new shared / internal note (for whoever's turn it is)
Ctrl+I                           make the note being typed internal / shared
Ctrl+Shift+F                     close (afronden) this child's discussion
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from knooppunt.domain.enums import DiscussionStatus, Visibility
from knooppunt.errors import KnooppuntError
from knooppunt.services import Change, Entity, Services
from knooppunt.services.meetings.meeting_mode import ChairState

from .. import messages
from ..hub import SignalHub
from ..operations import in_line, try_op
from .agenda_item_view import AgendaItemView
from .attendance_panel import AttendancePanel
from .budget_clock import BudgetClock

CENTRE_SPLIT_KEY = "chair/centreSplit"  # where the chair left the notes/plan division
SAVE_TIME_EVERY = 30  # seconds; the item timers survive a crash up to this much


UNSAVED_NOTICE = ("Een notitie is nog niet opgeslagen (zie de melding onder de notitie). "
                  "Knooppunt probeert het opnieuw; kopieer de tekst als het blijft mislukken.")


class ChairView(QWidget):
    current_changed = Signal(int)  # discussion id: another child or another agenda item
    content_changed = Signal(int)  # notes or attendance changed
    over_budget = Signal(str)  # "item" or "slot", once per item/slot

    def __init__(self, *, services: Services, hub: SignalHub, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._hub = hub
        hub.changed.connect(self._on_hub_changed)
        self.meeting_id = meeting_id
        self.state: ChairState | None = None
        self._seconds: dict[int, int] = {}
        self._ticks = 0

        meeting = services.meetings.meeting(meeting_id)
        self.meeting_label = QLabel(f"Knooppuntoverleg {meeting.date:%d-%m-%Y} · {meeting.place}")
        self.meeting_label.setObjectName("hint")
        self.child_title = QLabel()
        self.child_title.setObjectName("pageTitle")
        self.item_clock = BudgetClock("Punt", "Tijd bij dit agendapunt / tijdsbudget")
        self.item_clock.went_over.connect(lambda: self.over_budget.emit("item"))
        self.slot_clock = BudgetClock("Kind", "Tijd voor dit kind / tijdslot")
        self.slot_clock.went_over.connect(lambda: self.over_budget.emit("slot"))
        self.notice = QLabel()
        self.notice.setObjectName("gentleNotice")
        self.notice.setWordWrap(True)
        self.notice.setMinimumWidth(420)  # a wrapped label measured narrow asks for a very tall window
        self.notice.hide()

        self.children_list = QListWidget()
        self.children_list.setObjectName("childrenList")
        self.children_list.itemActivated.connect(self._on_children_list_item_activated)
        self.children_list.itemClicked.connect(self._on_children_list_item_activated)
        self.agenda_list = QListWidget()
        self.agenda_list.setObjectName("agendaList")
        self.agenda_list.itemActivated.connect(self._on_agenda_list_item_activated)
        self.agenda_list.itemClicked.connect(self._on_agenda_list_item_activated)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("Kinderen"))
        left_layout.addWidget(self.children_list, 1)
        left_layout.addWidget(QLabel("Agenda"))
        left_layout.addWidget(self.agenda_list, 2)

        self.item_view = AgendaItemView(services=services, hub=hub)
        self.item_view.notes_changed.connect(self._on_item_view_notes_changed)
        self.previous_button = QPushButton("◀ Vorig punt")
        self.previous_button.setToolTip("Ctrl+Page Up")
        self.previous_button.clicked.connect(self.previous_item)
        self.next_button = QPushButton("Volgend punt ▶")
        self.next_button.setToolTip("Ctrl+Page Down")
        self.next_button.clicked.connect(self.next_item)
        self.close_button = QPushButton("Bespreking afronden…")
        self.close_button.setToolTip("Ctrl+Shift+F")
        self.close_button.clicked.connect(self.close_discussion)
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        nav.addWidget(self.close_button)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(6, 0, 6, 0)
        centre_layout.addWidget(self.notice)
        from .plan_panel import PlanPanel  # Doelen en plan (issue 18), always in sight under the notes

        self.plan_panel = PlanPanel(services=services, hub=hub)
        # The notes get the room on a 768-pixel screen; the chair drags the plan larger when it is
        # discussed (or to nothing), and the division is kept for the next meeting.
        self.centre_split = QSplitter(Qt.Orientation.Vertical)
        self.centre_split.setObjectName("chairCentreSplit")
        self.centre_split.addWidget(self.item_view)
        self.centre_split.addWidget(self.plan_panel)
        self.centre_split.setStretchFactor(0, 3)
        self.centre_split.setStretchFactor(1, 1)
        self.centre_split.setCollapsible(0, False)
        self.centre_split.setSizes([520, 150])
        saved = QSettings().value(CENTRE_SPLIT_KEY)
        if isinstance(saved, QByteArray):
            self.centre_split.restoreState(saved)
        self.centre_split.splitterMoved.connect(
            lambda *_: QSettings().setValue(CENTRE_SPLIT_KEY, self.centre_split.saveState()))
        centre_layout.addWidget(self.centre_split, 1)
        centre_layout.addLayout(nav)

        self.attendance = AttendancePanel(services=services, hub=hub)
        self.attendance.changed.connect(self._on_attendance_changed)
        right = QScrollArea()
        right.setWidgetResizable(True)
        right.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # names wrap instead
        right.setMinimumWidth(345)
        right.setWidget(self.attendance)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(centre)
        splitter.addWidget(right)
        splitter.setSizes([200, 735, 345])
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.meeting_label)
        titles.addWidget(self.child_title)
        top.addLayout(titles, 1)
        top.addWidget(self.item_clock)
        top.addWidget(self.slot_clock)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._on_clock_timeout)
        self._build_actions()
        self._fill_children()

    def _build_actions(self) -> None:
        for keys, slot, name in (
            ("Ctrl+PgDown", self.next_item, "Volgend agendapunt"),
            ("Ctrl+PgUp", self.previous_item, "Vorig agendapunt"),
            ("Ctrl+Shift+PgDown", self.next_child, "Volgend kind"),
            ("Ctrl+Shift+PgUp", self.previous_child, "Vorig kind"),
            ("Ctrl+Return", lambda: self.item_view.add_note(Visibility.SHARED), "Gedeelde notitie"),
            ("Ctrl+Shift+Return", lambda: self.item_view.add_note(Visibility.INTERNAL), "Interne notitie"),
            ("Ctrl+I", self.toggle_focused_note, "Gedeeld/intern wisselen"),
            ("Ctrl+Shift+F", self.close_discussion, "Bespreking afronden"),
        ):
            action = QAction(name, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    # Children ------------------------------------------------------------------------------
    def _fill_children(self) -> None:
        current = self.state.discussion.id if self.state else None
        self.children_list.blockSignals(True)
        self.children_list.clear()
        for discussion in self._services.meeting_mode.discussions(self.meeting_id):
            child = self._services.children.child(discussion.child_id)
            mark = {"vastgesteld": " ✓", "bezig": " •"}.get(discussion.status.value, "")
            item = QListWidgetItem(f"{discussion.slot_start:%H:%M}  {child.full_name}{mark}")
            item.setData(Qt.ItemDataRole.UserRole, discussion.id)
            self.children_list.addItem(item)
            if discussion.id == current:
                self.children_list.setCurrentItem(item)
        self.children_list.blockSignals(False)

    def _on_hub_changed(self, change: Change) -> None:
        """Another screen took a child off this meeting (consent withdrawn): follow at once."""
        if change.entity != Entity.DISCUSSION or not set(change.ids) & set(self.discussion_ids()):
            return
        if self.state is not None and self.state.discussion.id in change.ids:
            current = self._services.meeting_mode.discussion(self.state.discussion.id)
            if current.status == DiscussionStatus.REMOVED:
                name = self.state.child.full_name
                self._clock.stop()
                self.state = None
                self.item_view.show_item(None)
                self.child_title.setText("")
                self._show_notice(f"{name} is afgemeld voor dit overleg: de toestemming is ingetrokken. "
                                  "Er wordt niets meer over dit kind vastgelegd. Kies een ander kind.")
        self._fill_children()

    def discussion_ids(self) -> list[int]:
        return [self.children_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.children_list.count())]

    def open_discussion(self, discussion_id: int) -> bool:
        """Leave the current child (its notes and time are saved) and open another one."""
        if self.state and self.state.discussion.id == discussion_id:
            return True
        if not self._leave_current():
            self._show_notice(UNSAVED_NOTICE)
            return False
        discussion = self._services.meeting_mode.discussion(discussion_id)
        if discussion.status != DiscussionStatus.FINALISED and not try_op(
                lambda: self._services.meeting_mode.start(discussion_id), hub=self._hub, parent=self, initiator=self):
            return False
        self._load(discussion_id)
        self._fill_children()
        self._clock.start()
        if not self.item_view.editors:
            self.agenda_list.setFocus()
        self.current_changed.emit(discussion_id)
        return True

    def _load(self, discussion_id: int) -> None:
        self.state = self._services.meeting_mode.state(discussion_id)
        self._seconds = {i.id: i.seconds_spent for i in self.state.agenda}
        interpreter = self._services.invitations.interpreter(discussion_id)
        self.child_title.setText(f"{self.state.child.full_name}  ·  {self.state.discussion.slot_start:%H:%M}"
                                 + (f"  ·  tolk nodig ({interpreter})" if interpreter else ""))
        self.attendance.show_state(self.state)
        locked = self.state.discussion.status == DiscussionStatus.FINALISED
        self.close_button.setEnabled(not locked)
        self.attendance.setEnabled(not locked)  # who was there is part of what was finalised
        self.plan_panel.show_discussion(discussion_id, locked=locked)
        self._fill_agenda()
        self.item_view.show_item(self.state.current_item if not locked else
                                 (self.state.agenda[0] if self.state.agenda else None))
        self.item_view.add_shared.setEnabled(not locked)
        self.item_view.add_internal.setEnabled(not locked)
        for editor in self.item_view.editors:
            editor.set_read_only(locked)
        self._show_notice("Deze bespreking is afgerond (vastgesteld); de notities zijn alleen te lezen."
                          if locked else "")
        self._update_clocks()

    def _fill_agenda(self) -> None:
        self.agenda_list.blockSignals(True)
        self.agenda_list.clear()
        current = self.state.discussion.current_item_id
        for item in self.state.agenda:
            row = QListWidgetItem(f"{'✓ ' if item.done else ''}{item.title}  ({item.minutes} min.)")
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            self.agenda_list.addItem(row)
            if item.id == current:
                self.agenda_list.setCurrentItem(row)
        self.agenda_list.blockSignals(False)
        # The chair reads the whole agenda at a glance: the list is as wide as its longest item.
        self.agenda_list.setMinimumWidth(self.agenda_list.sizeHintForColumn(0) + 2 * self.agenda_list.frameWidth() + 8)

    def next_child(self) -> None:
        self._step_child(1)

    def previous_child(self) -> None:
        self._step_child(-1)

    def _step_child(self, step: int) -> None:
        ids = self.discussion_ids()
        if not ids:
            return
        index = ids.index(self.state.discussion.id) + step if self.state else 0
        if 0 <= index < len(ids):
            self.open_discussion(ids[index])

    # Agenda items --------------------------------------------------------------------------
    def go_to_item(self, item_id: int) -> bool:
        if self.state is None:
            return False
        if self.state.discussion.status == DiscussionStatus.FINALISED:
            self._browse(item_id)  # a finalised discussion can be read, item by item
            return True
        current = self.state.discussion.current_item_id
        if item_id == current:
            return True
        if not self.item_view.flush():
            self._show_notice(UNSAVED_NOTICE)  # stay: the typed text must not be thrown away
            return False
        spent = {current: self._seconds.get(current, 0)} if current else None
        discussion_id = self.state.discussion.id
        if not try_op(lambda: self._services.meeting_mode.go_to_item(discussion_id, item_id, seconds_spent=spent),
                      hub=self._hub, parent=self, initiator=self, errors=in_line(self._show_notice)):
            self._fill_agenda()
            return False
        self._show_notice("")
        self.state = self._services.meeting_mode.state(self.state.discussion.id)
        self._fill_agenda()
        self.item_view.show_item(self.state.current_item)
        self._update_clocks()
        self.current_changed.emit(self.state.discussion.id)
        return True

    def _browse(self, item_id: int) -> None:
        item = next((i for i in self.state.agenda if i.id == item_id), None)
        self.item_view.show_item(item)
        self.item_view.add_shared.setEnabled(False)
        self.item_view.add_internal.setEnabled(False)
        for editor in self.item_view.editors:
            editor.set_read_only(True)

    def next_item(self) -> None:
        self._step_item(1)

    def previous_item(self) -> None:
        self._step_item(-1)

    def _step_item(self, step: int) -> None:
        if self.state is None or not self.state.agenda:
            return
        ids = [i.id for i in self.state.agenda]
        current = self.state.discussion.current_item_id
        if self.state.discussion.status == DiscussionStatus.FINALISED and self.item_view.item is not None:
            current = self.item_view.item.id
        index = (ids.index(current) if current in ids else -1) + step
        if 0 <= index < len(ids):
            self.go_to_item(ids[index])

    def toggle_focused_note(self) -> None:
        focus = QApplication.focusWidget()
        editor = next((e for e in self.item_view.editors if focus is not None and e.isAncestorOf(focus)), None)
        if editor is None and self.item_view.editors:
            editor = self.item_view.editors[-1]
        if editor is not None:
            editor.toggle_visibility()
            editor.focus()

    # Closing -------------------------------------------------------------------------------
    def close_discussion(self) -> bool:
        if self.state is None or self.state.discussion.status == DiscussionStatus.FINALISED:
            return False
        if not self.item_view.flush():
            return False
        name = self.state.child.full_name
        if not messages.ask(self, "Bespreking afronden", self.plan_panel.pending_text() +
                            f"De bespreking van {name} afronden? Daarna zijn de notities vastgesteld en "
                            "kunnen ze alleen nog met een aanvulling worden gewijzigd.", confirm="Afronden"):
            return False
        discussion_id = self.state.discussion.id
        if not try_op(lambda: self._services.meeting_mode.close(discussion_id, seconds_spent=dict(self._seconds)),
                      hub=self._hub, parent=self, initiator=self, errors=in_line(self._show_notice)):
            return False
        self.state = None
        self._load(discussion_id)
        self._fill_children()
        self.current_changed.emit(discussion_id)
        return True

    def leave(self) -> bool:
        """Save what is typed and the time spent; called when the window closes.

        False when a note could not be saved (the window then stays open)."""
        self._clock.stop()
        if self._leave_current():
            return True
        self._clock.start()
        return False

    def _leave_current(self) -> bool:
        if self.state is None:
            return True
        if not self.item_view.flush():
            return False
        if self.state.discussion.status != DiscussionStatus.FINALISED and self._seconds:
            # The notes are saved; a lost timer value is no loss of content.
            with contextlib.suppress(KnooppuntError):
                self._services.meeting_mode.save_time(self.state.discussion.id, dict(self._seconds))
        return True

    # Timers --------------------------------------------------------------------------------
    def _on_clock_timeout(self) -> None:
        if self.state is None or self.state.discussion.status == DiscussionStatus.FINALISED:
            return
        current = self.state.discussion.current_item_id
        if current is None:
            return
        self._seconds[current] = self._seconds.get(current, 0) + 1
        self._ticks += 1
        if self._ticks % SAVE_TIME_EVERY == 0:
            self._leave_current()
        self._update_clocks()

    def add_seconds(self, seconds: int) -> None:
        """Advance the current item's timer (used by tests and after a long pause)."""
        current = self.state.discussion.current_item_id if self.state else None
        if current is not None:
            self._seconds[current] = self._seconds.get(current, 0) + seconds
            self._update_clocks()

    def _update_clocks(self) -> None:
        item = self.state.current_item if self.state else None
        if item is not None:
            self.item_clock.show_time(self._seconds.get(item.id, 0), item.minutes, item.id,
                                      f"Het tijdsbudget van ‘{item.title}’ is om.")
        else:
            self.item_clock.clear()
        if self.state is None:
            self.slot_clock.clear()
            return
        total = sum(self._seconds.get(i.id, 0) for i in self.state.agenda)
        self.slot_clock.show_time(total, self.state.discussion.slot_minutes, self.state.discussion.id,
                                  "Het tijdslot van dit kind is om.")

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # Slots ---------------------------------------------------------------------------------
    def _on_children_list_item_activated(self, item: QListWidgetItem) -> None:
        self.open_discussion(item.data(Qt.ItemDataRole.UserRole))

    def _on_agenda_list_item_activated(self, item: QListWidgetItem) -> None:
        self.go_to_item(item.data(Qt.ItemDataRole.UserRole))

    def _on_item_view_notes_changed(self) -> None:
        if self.state is not None:
            self.content_changed.emit(self.state.discussion.id)

    def _on_attendance_changed(self) -> None:
        if self.state is None:
            return
        self.state = self._services.meeting_mode.state(self.state.discussion.id)
        self.attendance.show_state(self.state)
        self.item_view.refresh_turns()
        self.content_changed.emit(self.state.discussion.id)
