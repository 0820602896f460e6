"""Overleg plannen: date, time, place and chair; children in time slots; who is invited."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, QSize, Qt, QTime
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from knooppunt.domain.meetings import Meeting
from knooppunt.errors import ConsentMissing, IntakeMissing, KnooppuntError, ValidationError
from knooppunt.services import Change, Services
from knooppunt.services.meetings.planning import slot_end

from .. import messages
from ..dialogs.consent_dialog import offer_to_record_missing
from ..hub import SignalHub
from ..modal import run_modal
from ..models.collation import sort_key
from ..operations import on_refusal, run_op, show_refusal, try_op
from ..window_geometry import WindowPlacement
from .agenda_template_dialog import AgendaTemplateDialog
from .parent_input_dialog import ParentInputDialog
from .partner_choice import offer_intake, remove_participant


class PlanningDialog(QDialog):
    def __init__(self, *, services: Services, hub: SignalHub, location_id: int, meeting_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._hub = hub
        self.location_id = location_id
        self.meeting_id = meeting_id
        location = services.locations.location(location_id)
        self.setWindowTitle(f"Overleg plannen – {location.name}")
        self.placement = WindowPlacement(self, "overleg-plannen", QSize(980, 720))

        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd-MM-yyyy")
        self.suggestions = QComboBox()
        self.suggestions.setToolTip(f"Volgens de afgesproken frequentie: elke {location.frequency_weeks} weken")
        self.suggestions.activated.connect(self._on_suggestions_activated)
        self.time = QTimeEdit(QTime(8, 30))
        self.time.setDisplayFormat("HH:mm")
        self.place = QLineEdit()
        self.place.setPlaceholderText("bijv. Teamkamer, 1e verdieping")
        self.chair = QLineEdit(services.profile.user_name)
        self.afterwards = QCheckBox("&Naderhand vastleggen: dit overleg is al op papier gehouden")
        self.afterwards.setToolTip("Alleen voor een datum in het verleden; de stukken vermelden dat het "
                                   "overleg naderhand is vastgelegd.")
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.save_button = QPushButton("Overleg &opslaan")
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.template_button = QPushButton("&Agenda-sjabloon van de locatie…")
        self.template_button.clicked.connect(self._on_template_button_clicked)
        when = QHBoxLayout()
        when.addWidget(self.date)
        when.addWidget(QLabel("voorstel:"))
        when.addWidget(self.suggestions, 1)
        form = QFormLayout()
        date_label = QLabel("&Datum")
        date_label.setBuddy(self.date)
        form.addRow(date_label, when)
        form.addRow("&Begintijd", self.time)
        form.addRow("&Plaats", self.place)
        form.addRow("&Voorzitter", self.chair)
        form.addRow("", self.afterwards)
        form.addRow(self.error)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.save_button)
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.template_button)
        meeting_box = QGroupBox("Overleg")
        meeting_layout = QVBoxLayout(meeting_box)
        meeting_layout.addLayout(form)
        meeting_layout.addLayout(buttons_row)

        self.child_combo = QComboBox()
        self.child_combo.setAccessibleName("Kind")
        # Labels carry the evaluation date or the waiting time: they must not widen the dialog.
        self.child_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.child_combo.setMinimumContentsLength(28)
        self.slot_minutes = QSpinBox()
        self.slot_minutes.setRange(5, 180)
        self.slot_minutes.setSingleStep(5)
        self.slot_minutes.setValue(30)
        self.slot_minutes.setSuffix(" min.")
        self.add_child_button = QPushButton("Kind &inplannen")
        self.add_child_button.clicked.connect(self._on_add_child_button_clicked)
        self.slots = QListWidget()
        self.slots.currentItemChanged.connect(self._on_slots_current_item_changed)
        add_row = QHBoxLayout()
        add_row.addWidget(self.child_combo, 1)
        add_row.addWidget(self.slot_minutes)
        add_row.addWidget(self.add_child_button)
        self.remove_child_button = QPushButton("Kind afmelden…")
        self.remove_child_button.clicked.connect(self._on_remove_child_button_clicked)
        children_box = QGroupBox("Kinderen en tijdsloten")
        children_layout = QVBoxLayout(children_box)
        children_layout.addLayout(add_row)
        children_layout.addWidget(self.slots, 1)
        children_layout.addWidget(self.remove_child_button)

        self.participants = QListWidget()
        self.incidental_combo = QComboBox()
        # Long role and organisation names must not push the dialog wider than the screen.
        self.incidental_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.incidental_combo.setMinimumContentsLength(30)
        self.incidental_combo.setAccessibleName("Incidentele partner")
        self.invite_button = QPushButton("Partner &uitnodigen")
        self.invite_button.clicked.connect(self._on_invite_button_clicked)
        self.ics_button = QPushButton("Agenda-uitnodiging (.ics) op&slaan…")
        self.ics_button.clicked.connect(self._on_ics_button_clicked)
        self.copy_button = QPushButton("Uitnodigingstekst &kopiëren")
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.input_button = QPushButton("Inbreng &ouders…")
        self.input_button.setToolTip("Wat de ouders vooraf willen bespreken en wat goed gaat")
        self.input_button.clicked.connect(self._on_input_button_clicked)
        # Partners and parents get different invitations: the partners' one has no parents' details.
        self.audience = QComboBox()
        self.audience.addItem("Voor partners en school", False)
        self.audience.addItem("Voor de ouders", True)
        self.audience.setAccessibleName("Uitnodiging voor")
        self.audience.currentIndexChanged.connect(self._show_invitation)
        self.invitation = QPlainTextEdit()
        self.invitation.setReadOnly(True)
        invite_row = QHBoxLayout()
        invite_row.addWidget(self.incidental_combo, 1)
        invite_row.addWidget(self.invite_button)
        self.remove_participant_button = QPushButton("Deelnemer ver&wijderen…")
        self.remove_participant_button.clicked.connect(self._on_remove_participant_button_clicked)
        # The audience on its own row: beside the two buttons it made the dialog wider than the screen.
        audience_row = QHBoxLayout()
        audience_row.addWidget(QLabel("Uitnodiging voor:"))
        audience_row.addWidget(self.audience, 1)
        export_row = QHBoxLayout()
        export_row.addWidget(self.ics_button)
        export_row.addWidget(self.copy_button)
        people_box = QGroupBox("Deelnemers en uitnodiging voor dit kind")
        people_layout = QVBoxLayout(people_box)
        people_layout.addWidget(self.participants, 1)
        remove_row = QHBoxLayout()  # the parents' input here: a third button below made it too wide
        remove_row.addWidget(self.input_button)
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_participant_button)
        people_layout.addLayout(remove_row)
        people_layout.addLayout(invite_row)
        people_layout.addLayout(audience_row)
        people_layout.addLayout(export_row)
        people_layout.addWidget(self.invitation, 1)

        lower = QHBoxLayout()
        lower.addWidget(children_box, 2)
        lower.addWidget(people_box, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(meeting_box)
        layout.addLayout(lower, 1)
        layout.addWidget(close)
        self._load()

    # Loading -------------------------------------------------------------------------------
    def _load(self) -> None:
        self.suggestions.clear()
        for day in self._services.planning.suggested_dates(self.location_id):
            self.suggestions.addItem(f"{day:%d-%m-%Y}", day)
        if self.meeting_id is None:
            first = self.suggestions.itemData(0)
            self.date.setDate(QDate(first.year, first.month, first.day))
        else:
            meeting = self._services.meetings.meeting(self.meeting_id)
            self.date.setDate(QDate(meeting.date.year, meeting.date.month, meeting.date.day))
            self.time.setTime(QTime(meeting.start_time.hour, meeting.start_time.minute))
            self.place.setText(meeting.place)
            self.chair.setText(meeting.chair_name)
            self.afterwards.setChecked(meeting.recorded_afterwards)
            self.afterwards.setEnabled(False)  # chosen when the meeting was made
        self._fill_slots()

    def _fill_slots(self, select: int | None = None) -> None:
        planned = self.meeting_id is not None
        for widget in (self.child_combo, self.slot_minutes, self.add_child_button, self.slots):
            widget.setEnabled(planned)
        self.slots.clear()
        taken: set[int] = set()
        if planned:
            for discussion in self._services.meeting_mode.discussions(self.meeting_id):
                taken.add(discussion.child_id)
                child = self._services.children.child(discussion.child_id)
                item = QListWidgetItem(f"{discussion.slot_start:%H:%M}–{slot_end(discussion):%H:%M}  "
                                       f"{child.full_name}")
                item.setData(Qt.ItemDataRole.UserRole, discussion.id)
                self.slots.addItem(item)
                if discussion.id == select:
                    self.slots.setCurrentItem(item)
        self.child_combo.clear()
        # Children due for evaluation come first (with their evaluation date), then alphabetically.
        due = {e.child_id: e.evaluation_date for e in self._services.planning.evaluations_due(self.location_id)}
        views = [v for v in self._services.children.children(location_id=self.location_id) if v.child.id not in taken]
        # Then the aanmeldingen, longest waiting first; a child without one last (issue 18).
        waiting = {r.child_id: r for r in self._services.cycle.intake.waiting(self.location_id)}
        for view in sorted(views, key=lambda v: (v.child.id not in due, v.child.id not in waiting,
                                                 -waiting[v.child.id].days_waiting if v.child.id in waiting else 0,
                                                 sort_key(v.child.last_name), sort_key(v.child.first_name))):
            label = f"{view.child.full_name} ({view.child.group_name})"
            if view.child.id in due:
                label += f" — evaluatie {due[view.child.id]:%d-%m-%Y}"
            elif view.child.id in waiting:
                label += f" — aangemeld, wacht {waiting[view.child.id].days_waiting} dagen"
            elif view.case_phase in (None, "afsluiting"):
                label += " — nog niet aangemeld"
            self.child_combo.addItem(label, view.child.id)
        if self.slots.currentItem() is None and self.slots.count():
            self.slots.setCurrentRow(0)
        self._fill_participants()

    def selected_discussion_id(self) -> int | None:
        item = self.slots.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _fill_participants(self) -> None:
        discussion_id = self.selected_discussion_id()
        for widget in (self.participants, self.incidental_combo, self.invite_button, self.ics_button, self.audience,
                       self.remove_participant_button,
                       self.copy_button, self.remove_child_button, self.input_button):
            widget.setEnabled(discussion_id is not None)
        self.participants.clear()
        self.incidental_combo.clear()
        self.invitation.clear()
        if discussion_id is None:
            return
        for p in self._services.meeting_mode.participants(discussion_id):
            extra = p.organisation or p.role
            row = QListWidgetItem(f"{p.kind.label}: {p.name}" + (f" – {extra}" if extra else ""))
            row.setData(Qt.ItemDataRole.UserRole, p.id)
            self.participants.addItem(row)
        for view in self._services.cycle.partner_scope.addable(discussion_id):
            self.incidental_combo.addItem(f"{view.partner.role}: {view.contact.name} ({view.organisation.name})",
                                          view.partner.id)
        self._show_invitation()

    def _for_parents(self) -> bool:
        return bool(self.audience.currentData())

    def _show_invitation(self) -> None:
        discussion_id = self.selected_discussion_id()
        if discussion_id is None:
            self.invitation.clear()
            return
        self.invitation.setPlainText(self._services.invitations.text(discussion_id, for_parents=self._for_parents()))

    # Slots ---------------------------------------------------------------------------------
    def _on_suggestions_activated(self, index: int) -> None:
        day: date = self.suggestions.itemData(index)
        self.date.setDate(QDate(day.year, day.month, day.day))

    def _on_save_button_clicked(self) -> None:
        self.save()

    def save(self) -> bool:
        qd, qt = self.date.date(), self.time.time()
        meeting = Meeting(self.meeting_id, self.location_id, date(qd.year(), qd.month(), qd.day()),
                          time(qt.hour(), qt.minute()), self.place.text(), self.chair.text(),
                          recorded_afterwards=self.afterwards.isChecked())
        if not try_op(lambda: self._save_meeting(meeting), hub=self._hub, parent=self, initiator=self,
                      errors=on_refusal(self._on_save_refused)):
            return False
        self.error.hide()
        self._fill_slots()
        return True

    def _save_meeting(self, meeting: Meeting) -> Change:
        if self.meeting_id is not None:
            return self._services.planning.update_meeting(meeting)
        saved, change = self._services.planning.create_meeting(meeting)
        self.meeting_id = saved.id
        return change

    def _on_save_refused(self, exc: KnooppuntError) -> None:
        if not isinstance(exc, ValidationError):
            show_refusal(exc, parent=self)
            return
        self.error.setText(exc.message)
        self.error.show()
        {"date": self.date, "place": self.place, "chair_name": self.chair}.get(exc.field, self.date).setFocus()

    def add_child(self) -> bool:
        child_id = self.child_combo.currentData()
        if self.meeting_id is None or child_id is None:
            return False
        meeting_id = self.meeting_id
        try:
            added = run_op(lambda: self._services.planning.add_child(meeting_id, child_id,
                                                                     slot_minutes=self.slot_minutes.value()),
                           hub=self._hub, parent=self, title="Kind niet ingepland", initiator=self,
                           passes=(ConsentMissing, IntakeMissing))
        except ConsentMissing as exc:
            if not self._offer_consent(exc):
                return False
            return self.add_child()  # consent is complete now: plan the child after all
        except IntakeMissing as exc:
            if not offer_intake(self, self._services, self._hub, exc):
                return False
            return self.add_child()  # aangemeld now: plan the child after all
        if added is None:
            return False
        self._fill_slots(select=added[0].id)
        return True

    def _offer_consent(self, exc: ConsentMissing) -> bool:
        """Say what consent is missing and offer to record it; True when it is complete now."""
        return offer_to_record_missing(self, services=self._services, hub=self._hub, child_id=exc.child_id,
                                       day=exc.day, organisation_ids=exc.organisation_ids)

    def _on_add_child_button_clicked(self) -> None:
        self.add_child()

    def _on_remove_child_button_clicked(self) -> None:
        discussion_id = self.selected_discussion_id()
        if discussion_id is None or not messages.ask(self, "Kind afmelden",
                                                     "Dit kind afmelden voor dit overleg?", confirm="Afmelden"):
            return
        if run_op(lambda: self._services.planning.remove_child(discussion_id), hub=self._hub, parent=self,
                  initiator=self) is not None:
            self._fill_slots()

    def _on_slots_current_item_changed(self, *_args) -> None:
        self._fill_participants()

    def _on_invite_button_clicked(self) -> None:
        discussion_id = self.selected_discussion_id()
        partner_id = self.incidental_combo.currentData()
        if discussion_id is None or partner_id is None:
            return
        reason = messages.ask_text(self, "Partner uitnodigen", "Waarom komt deze partner erbij? (één regel)")
        if reason is None:
            return
        try:
            change = run_op(lambda: self._services.cycle.partner_scope.add_to_discussion(discussion_id, partner_id,
                                                                                          reason),
                            hub=self._hub, parent=self, title="Partner niet uitgenodigd", initiator=self,
                            passes=(ConsentMissing,))
        except ConsentMissing as exc:
            if self._offer_consent(exc):
                self._on_invite_button_clicked()
            return
        if change is not None:
            self._fill_participants()

    def _on_remove_participant_button_clicked(self) -> None:
        row = self.participants.currentItem()
        if row is None:
            return
        if run_op(lambda: remove_participant(self, self._services, row.data(Qt.ItemDataRole.UserRole), row.text()),
                  hub=self._hub, parent=self, initiator=self) is not None:
            self._fill_participants()

    def _on_ics_button_clicked(self) -> None:
        discussion_id = self.selected_discussion_id()
        if discussion_id is None:
            return
        meeting = self._services.meetings.meeting(self.meeting_id)
        from pathlib import Path

        suggested = Path.home() / f"knooppunt-{meeting.date:%Y-%m-%d}-{self.slots.currentRow() + 1}.ics"
        path = messages.choose_save_file(self, "Agenda-uitnodiging opslaan", suggested, "Agenda-bestand (*.ics)")
        if path is None:
            return
        run_op(lambda: self._services.invitations.save_ics(discussion_id, path, for_parents=self._for_parents()),
               hub=self._hub, parent=self, initiator=self)

    def _on_copy_button_clicked(self) -> None:
        discussion_id = self.selected_discussion_id()
        if discussion_id is not None:
            QGuiApplication.clipboard().setText(
                self._services.invitations.copied(discussion_id, for_parents=self._for_parents()))

    def _on_input_button_clicked(self) -> None:
        discussion_id = self.selected_discussion_id()
        if discussion_id is not None:
            run_modal(ParentInputDialog(services=self._services, hub=self._hub, discussion_id=discussion_id,
                                        child_name=self.slots.currentItem().text(), parent=self))

    def _on_template_button_clicked(self) -> None:
        run_modal(AgendaTemplateDialog(services=self._services, hub=self._hub, location_id=self.location_id,
                                       parent=self))
