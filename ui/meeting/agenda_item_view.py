"""The current agenda item in the chair's view: whose turn it is, earlier agreements, notes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from knooppunt.domain.enums import AgendaKind, Visibility
from knooppunt.domain.meeting_rules import CHAIR_PERSPECTIVE, PERSPECTIVE_LABELS
from knooppunt.domain.meetings import AgendaItem, Note
from knooppunt.services import Change, Services

from ..hub import SignalHub
from ..operations import in_line, run_op
from ..widgets.outcomes_panel import OutcomesPanel
from .note_editor import NoteEditor


class AgendaItemView(QWidget):
    """One agenda item. For DECISIONS, ``outcomes_container`` is where decisions are recorded."""

    notes_changed = Signal()

    def __init__(self, *, services: Services, hub: SignalHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._hub = hub
        self.item: AgendaItem | None = None
        self.editors: list[NoteEditor] = []

        self.title = QLabel()
        self.title.setObjectName("itemTitle")
        self.turns = QLabel()
        self.turns.setObjectName("turnStrip")
        self.turns.setTextFormat(Qt.TextFormat.RichText)
        self.turns.setWordWrap(True)
        # What the parents brought before the meeting for this item: shown first (ParentInputService).
        self.parents_input = QLabel()
        self.parents_input.setObjectName("parentsInput")
        self.parents_input.setWordWrap(True)
        self.parents_input.setTextFormat(Qt.TextFormat.PlainText)
        self.review = QLabel()
        self.review.setObjectName("reviewList")
        self.review.setWordWrap(True)
        self.review.setTextFormat(Qt.TextFormat.PlainText)
        # Decisions, agreements and the outcomes of earlier agreements (OutcomesPanel).
        self.outcomes_panel: OutcomesPanel | None = None
        self.outcomes_container = QWidget()
        self.outcomes_container.setObjectName("outcomesContainer")
        self.outcomes_layout = QVBoxLayout(self.outcomes_container)
        self.outcomes_layout.setContentsMargins(0, 0, 0, 0)

        # Evaluatiedatum (CLOSING item): saved as soon as it is chosen.
        self.evaluation_box = QWidget()
        self.evaluation_date = QDateEdit()
        self.evaluation_date.setCalendarPopup(True)
        self.evaluation_date.setDisplayFormat("dd-MM-yyyy")
        self.evaluation_date.setAccessibleName("Evaluatiedatum")
        # The lowest date (the meeting's own) stands for "none yet": nothing is shown that is not saved.
        self.evaluation_date.setSpecialValueText("— nog geen datum —")
        self.evaluation_date.dateChanged.connect(self._on_evaluation_date_date_changed)
        self.evaluation_clear = QPushButton("Geen datum")
        self.evaluation_clear.clicked.connect(self._on_evaluation_clear_clicked)
        self.evaluation_error = QLabel()
        self.evaluation_error.setObjectName("fieldError")
        evaluation = QHBoxLayout(self.evaluation_box)
        evaluation.setContentsMargins(0, 0, 0, 0)
        evaluation.addWidget(QLabel("Evaluatiedatum:"))
        evaluation.addWidget(self.evaluation_date)
        evaluation.addWidget(self.evaluation_clear)
        evaluation.addWidget(self.evaluation_error, 1)

        self.add_shared = QPushButton("+ Gedeelde notitie  (Ctrl+Enter)")
        self.add_shared.clicked.connect(self._on_add_shared_clicked)
        self.add_internal = QPushButton("+ Interne notitie  (Ctrl+Shift+Enter)")
        self.add_internal.setObjectName("internalButton")
        self.add_internal.clicked.connect(self._on_add_internal_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_shared)
        buttons.addWidget(self.add_internal)
        buttons.addStretch(1)

        self._notes_box = QWidget()
        self._notes_layout = QVBoxLayout(self._notes_box)
        self._notes_layout.setContentsMargins(0, 0, 0, 0)
        self._notes_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self._notes_box)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.turns)
        layout.addWidget(self.parents_input)
        layout.addWidget(self.review)
        layout.addWidget(self.outcomes_container)
        layout.addWidget(self.evaluation_box)
        layout.addLayout(buttons)
        layout.addWidget(scroll, 1)

    # Showing an item -----------------------------------------------------------------------
    def show_item(self, item: AgendaItem | None) -> None:
        self.flush()
        for editor in self.editors:
            editor.hide()
            editor.setParent(None)
            editor.deleteLater()
        self.editors = []
        self.item = item
        enabled = item is not None
        self.add_shared.setEnabled(enabled)
        self.add_internal.setEnabled(enabled)
        self.title.setText(item.title if item else "Kies een kind om te beginnen")
        self.review.setVisible(bool(item and item.kind == AgendaKind.REVIEW))
        self.outcomes_container.setVisible(bool(item and item.kind in (AgendaKind.REVIEW, AgendaKind.DECISIONS)))
        self.evaluation_box.setVisible(bool(item and item.kind == AgendaKind.CLOSING))
        self._evaluation_message("", error=False)
        brought = self._services.parent_input.inputs(item.discussion_id, item.kind) if item else []
        self.parents_input.setText("Vooraf van de ouders:\n" + "\n".join(f"• {i.text}" for i in brought)
                                   if brought else "")
        self.parents_input.setVisible(bool(brought))
        if item is None:
            self.turns.hide()
            return
        if item.kind in (AgendaKind.REVIEW, AgendaKind.DECISIONS):
            panel = self._outcomes_for(item.discussion_id)
            panel.show_sections(review=item.kind == AgendaKind.REVIEW, outcomes=item.kind == AgendaKind.DECISIONS)
            panel.show()  # only now: shown with every section at once it would stretch the window for good
        if item.kind == AgendaKind.REVIEW:
            self._show_review(item)
        if item.kind == AgendaKind.CLOSING:
            discussion = self._services.meeting_mode.discussion(item.discussion_id)
            meeting = self._services.meetings.meeting(discussion.meeting_id)
            self.evaluation_date.blockSignals(True)
            self.evaluation_date.setMinimumDate(QDate(meeting.date.year, meeting.date.month, meeting.date.day))
            day = discussion.evaluation_date or meeting.date
            self.evaluation_date.setDate(QDate(day.year, day.month, day.day))
            self.evaluation_date.blockSignals(False)
        for note in self._services.meeting_mode.notes(item.id):
            self._add_editor(note)
        self.refresh_turns()

    def _outcomes_for(self, discussion_id: int) -> OutcomesPanel:
        if self.outcomes_panel is None or self.outcomes_panel.discussion_id != discussion_id:
            if self.outcomes_panel is not None:
                self.outcomes_panel.setParent(None)
                self.outcomes_panel.deleteLater()
            self.outcomes_panel = OutcomesPanel(services=self._services, hub=self._hub, discussion_id=discussion_id)
            self.outcomes_layout.addWidget(self.outcomes_panel)
        return self.outcomes_panel

    def _show_review(self, item: AgendaItem) -> None:
        if self.outcomes_panel is not None and self.outcomes_panel.has_review:
            self.review.hide()  # the panel lists them, each with its outcome button
            return
        discussion = self._services.meeting_mode.discussion(item.discussion_id)
        agreements = self._services.meeting_mode.open_agreements(discussion.child_id,
                                                                  except_discussion_id=discussion.id)
        if not agreements:
            self.review.setText("Er staan geen open afspraken van eerdere besprekingen.")
            return
        lines = ["Open afspraken van eerdere besprekingen:"]
        for a in agreements:
            due = f" — vóór {a.due_date:%d-%m-%Y}" if a.due_date else ""
            lines.append(f"• {a.owner_name}: {a.description}{due} ({a.status.label})")
        self.review.setText("\n".join(lines))

    def refresh_turns(self) -> None:
        if self.item is None:
            return
        order, turn = self._services.meeting_mode.whose_turn(self.item.id)
        self.turns.setVisible(bool(order))
        if not order:
            return
        parts = []
        for key in order:
            label = PERSPECTIVE_LABELS[key]
            parts.append(f"<b><u>{label}</u></b>" if key == turn else label)
        now = f"Aan de beurt: <b>{PERSPECTIVE_LABELS[turn]}</b>" if turn else "Iedereen is aan de beurt geweest"
        self.turns.setText(f"{now} &nbsp;·&nbsp; volgorde: " + " → ".join(parts))

    def current_turn(self) -> str:
        if self.item is None:
            return ""
        return self._services.meeting_mode.whose_turn(self.item.id)[1] or ""

    # Notes ---------------------------------------------------------------------------------
    def add_note(self, visibility: Visibility) -> NoteEditor | None:
        if self.item is None:
            return None
        item_id = self.item.id

        def add() -> tuple[Note, Change]:
            # A shared note is whoever's turn it is; an internal one the chair's own remark.
            speaker = self.current_turn() if visibility == Visibility.SHARED else CHAIR_PERSPECTIVE
            return self._services.meeting_mode.add_note(item_id, visibility=visibility, perspective=speaker)

        result = run_op(add, hub=self._hub, parent=self, initiator=self)
        if result is None:
            return None
        editor = self._add_editor(result[0])
        editor.focus()
        self.notes_changed.emit()
        return editor

    def _add_editor(self, note) -> NoteEditor:
        editor = NoteEditor(services=self._services, hub=self._hub, note=note, parent=self._notes_box)
        editor.saved.connect(self._on_editor_saved)
        editor.removed.connect(self._on_editor_removed)
        self._notes_layout.insertWidget(self._notes_layout.count() - 1, editor)
        self.editors.append(editor)
        return editor

    def flush(self) -> bool:
        return all([editor.flush() for editor in self.editors])

    def focused_editor(self) -> NoteEditor | None:
        return next((e for e in self.editors if e.isAncestorOf(self.focusWidget() or self)
                     or e.editor.hasFocus()), self.editors[-1] if self.editors else None)

    def _on_editor_saved(self, _note_id: int) -> None:
        self.refresh_turns()
        self.notes_changed.emit()

    def _on_editor_removed(self, note_id: int) -> None:
        editor = next(e for e in self.editors if e.note.id == note_id)
        self.editors.remove(editor)
        editor.hide()
        editor.setParent(None)
        editor.deleteLater()
        self.refresh_turns()
        self.notes_changed.emit()

    def _evaluation_message(self, text: str, *, error: bool) -> None:
        self.evaluation_error.setObjectName("fieldError" if error else "hint")
        self.evaluation_error.style().unpolish(self.evaluation_error)
        self.evaluation_error.style().polish(self.evaluation_error)
        self.evaluation_error.setText(text)

    def evaluation_day(self) -> date | None:
        """The date shown, as saved: None while it shows "nog geen datum"."""
        shown = self.evaluation_date.date()
        return None if shown == self.evaluation_date.minimumDate() else shown.toPython()

    def _on_evaluation_clear_clicked(self) -> None:
        self.evaluation_date.setDate(self.evaluation_date.minimumDate())

    def _on_evaluation_date_date_changed(self, _day: QDate) -> None:
        """Saved as soon as it is set, like every other field of the chair's view."""
        if self.item is None:
            return
        discussion_id = self.item.discussion_id
        if run_op(lambda: self._services.meeting_mode.set_evaluation_date(discussion_id, self.evaluation_day()),
                  hub=self._hub, parent=self, initiator=self,
                  errors=in_line(lambda message: self._evaluation_message(message, error=True))) is None:
            return
        self._evaluation_message("Opgeslagen" if self.evaluation_day() else "Nog geen evaluatiedatum", error=False)
        self.notes_changed.emit()

    def _on_add_shared_clicked(self) -> None:
        self.add_note(Visibility.SHARED)

    def _on_add_internal_clicked(self) -> None:
        self.add_note(Visibility.INTERNAL)
