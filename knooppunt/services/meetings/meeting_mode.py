"""Driving the meeting (vergadermodus): attendance, agenda items, notes as they are typed.

Everything the chair does is saved at once: the current agenda item is the discussion's
``current_item_id`` (status ``bezig``), so after a crash the meeting reopens where it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...domain.children import Child
from ...domain.directory import LocationPartner
from ...domain.enums import AgendaKind, Attendance, DiscussionStatus, Visibility
from ...domain.limits import LINE_MAX, NOTE_MAX, check_length
from ...domain.meeting_rules import CHAIR_PERSPECTIVE, absence_problem, is_there, turn_order, whose_turn
from ...domain.meetings import AgendaItem, Discussion, Meeting, Note, Participant
from ...domain.outcomes import Agreement
from ...errors import KnooppuntError, RecordLocked, ValidationError
from ...storage import Store, UnitOfWork
from ..changes import Change, Entity
from ..children.children import ChildService
from ..outcomes.records import (
    RUNNING_KEY,
    check_evaluation_date,
    ensure_meeting_day,
    finalise_discussion,
    refuse_leaving_decider,
    write_seconds,
)
from .planning import PlanningService

OPEN_STATUSES = ("open", "loopt_door")


@dataclass(frozen=True)
class ChairState:
    """Everything the chair's view shows of one child's discussion."""

    meeting: Meeting
    discussion: Discussion
    child: Child
    participants: list[Participant]
    mandate_problems: dict[int, str]
    agenda: list[AgendaItem]
    absence_problem: str | None

    @property
    def current_item(self) -> AgendaItem | None:
        return next((i for i in self.agenda if i.id == self.discussion.current_item_id), None)


class MeetingModeService:
    def __init__(self, store: Store, children: ChildService, planning: PlanningService) -> None:
        self._store = store
        self._children = children
        self._planning = planning

    # Reads ---------------------------------------------------------------------------------
    def running(self) -> Discussion | None:
        """The discussion the chair was in when the app stopped (status ``bezig``), if any."""
        remembered = self._store.setting(RUNNING_KEY)
        if remembered:
            found = self._store.select(Discussion, "discussion", "id = ? AND status = 'bezig'", [int(remembered)])
            if found:
                return found[0]
        found = self._store.select(Discussion, "discussion", "status = 'bezig'", order_by="id DESC", limit=1)
        return found[0] if found else None

    def discussion(self, discussion_id: int) -> Discussion:
        return self._store.get(Discussion, "discussion", discussion_id)

    def discussions(self, meeting_id: int) -> list[Discussion]:
        return self._store.select(Discussion, "discussion", "meeting_id = ? AND status != 'afgemeld'",
                                  [meeting_id], order_by="slot_start, id")

    def state(self, discussion_id: int) -> ChairState:
        discussion = self.discussion(discussion_id)
        meeting = self._store.get(Meeting, "meeting", discussion.meeting_id)
        participants = self.participants(discussion_id)
        return ChairState(meeting, discussion, self._children.child(discussion.child_id), participants,
                          self._mandate_problems(participants, meeting.date), self.agenda(discussion_id),
                          absence_problem(discussion, participants))

    def participants(self, discussion_id: int) -> list[Participant]:
        return self._store.select(Participant, "participant", "discussion_id = ?", [discussion_id], order_by="id")

    def agenda(self, discussion_id: int) -> list[AgendaItem]:
        return self._store.select(AgendaItem, "agenda_item", "discussion_id = ?", [discussion_id],
                                  order_by="position, id")

    def notes(self, item_id: int) -> list[Note]:
        return self._store.select(Note, "note", "agenda_item_id = ?", [item_id], order_by="id")

    def whose_turn(self, item_id: int) -> tuple[list[str], str | None]:
        """Speaking order for this item and who is next (parents first); empty for other items."""
        item = self._store.get(AgendaItem, "agenda_item", item_id)
        if item.kind not in (AgendaKind.GOES_WELL, AgendaKind.CONCERNS):
            return [], None
        order = turn_order(self.participants(item.discussion_id))
        spoken = [n.perspective for n in self.notes(item_id) if n.text.strip()]
        return order, whose_turn(order, spoken)

    def open_agreements(self, child_id: int, *, except_discussion_id: int | None = None) -> list[Agreement]:
        """Earlier agreements still running: they come back on the agenda (terugblik)."""
        return self._store.select(
            Agreement, "agreement",
            "child_id = ? AND status IN ('open', 'loopt_door') AND coalesce(discussion_id, 0) != ?",
            [child_id, except_discussion_id or 0], order_by="due_date IS NULL, due_date, id")

    def agreements_made(self, discussion_id: int) -> list[Agreement]:
        return self._store.select(Agreement, "agreement", "discussion_id = ?", [discussion_id], order_by="id")

    def _mandate_problems(self, participants: list[Participant], day: date) -> dict[int, str]:
        """Present partners whose mandate is not valid on the meeting date."""
        problems: dict[int, str] = {}
        for p in participants:
            if p.id is None or p.location_partner_id is None or not is_there(p):
                continue
            found = self._store.select(LocationPartner, "location_partner", "id = ?", [p.location_partner_id])
            problem = found[0].mandate.problem_on(day) if found else "Geen mandaat vastgelegd"
            if problem:
                problems[p.id] = problem
        return problems

    # Driving -------------------------------------------------------------------------------
    def start(self, discussion_id: int) -> Change:
        """Open this child's discussion at its current item (the first, when new).

        Refused for a child taken off the meeting (afgemeld) and, with ``ConsentMissing``, when
        consent no longer covers the meeting date and the partners at the table.
        """
        self._writable(discussion_id)
        self._not_removed(discussion_id)
        meeting = self._store.get(Meeting, "meeting", self.discussion(discussion_id).meeting_id)
        ensure_meeting_day(self._store, meeting.date, "de bespreking openen")
        self._planning.require_consent(discussion_id)
        self._planning.ensure_prepared(discussion_id)
        discussion = self.discussion(discussion_id)
        agenda = self.agenda(discussion_id)
        current = discussion.current_item_id or (agenda[0].id if agenda else None)
        with self._store.unit_of_work() as uow:
            uow.update("discussion", discussion_id, {"status": DiscussionStatus.IN_PROGRESS,
                                                     "current_item_id": current})
            _remember(uow, discussion_id)
            uow.audit("bespreking geopend", "discussion", discussion_id)
        return Change.updated(Entity.DISCUSSION, discussion_id)

    def go_to_item(self, discussion_id: int, item_id: int, *, seconds_spent: dict[int, int] | None = None) -> Change:
        """Move to an agenda item; content items need parents present or a justified absence."""
        state = self.state(discussion_id)
        self._writable(discussion_id)
        self._not_removed(discussion_id)
        item = next((i for i in state.agenda if i.id == item_id), None)
        if item is None:
            raise ValidationError("item", "Dit agendapunt hoort niet bij deze bespreking.")
        if item.kind != AgendaKind.OPENING and state.absence_problem:
            raise ValidationError("parents_absent", state.absence_problem)
        with self._store.unit_of_work() as uow:
            write_seconds(uow, discussion_id, seconds_spent)
            uow.update("discussion", discussion_id, {"status": DiscussionStatus.IN_PROGRESS,
                                                     "current_item_id": item_id})
            _remember(uow, discussion_id)
            uow.audit("agendapunt gekozen", "discussion", discussion_id, item.title)
        return Change.updated(Entity.DISCUSSION, discussion_id)

    def save_time(self, discussion_id: int, seconds_spent: dict[int, int]) -> Change:
        self._writable(discussion_id)
        with self._store.unit_of_work() as uow:
            write_seconds(uow, discussion_id, seconds_spent)
            uow.audit_coalesced("tijd bijgehouden", "discussion", discussion_id)
        return Change.updated(Entity.AGENDA_ITEM, *seconds_spent)

    def set_item_done(self, item_id: int, done: bool = True) -> Change:
        item = self._store.get(AgendaItem, "agenda_item", item_id)
        self._writable(item.discussion_id)
        with self._store.unit_of_work() as uow:
            uow.update("agenda_item", item_id, {"done": done})
            uow.audit("agendapunt afgevinkt" if done else "agendapunt heropend", "agenda_item", item_id, item.title)
        return Change.updated(Entity.AGENDA_ITEM, item_id)

    def set_attendance(self, participant_id: int, attendance: Attendance, reason: str = "") -> Change:
        check_length("reason", reason, LINE_MAX, "De reden van afwezigheid")
        participant = self._store.get(Participant, "participant", participant_id)
        self._writable(participant.discussion_id)
        attendance = Attendance(attendance)
        if attendance not in (Attendance.PRESENT, Attendance.LATE):
            refuse_leaving_decider(self._store, participant)
        with self._store.unit_of_work() as uow:
            uow.update("participant", participant_id, {
                "attendance": attendance,
                "absence_reason": reason.strip() if attendance == Attendance.ABSENT else ""})
            uow.audit("aanwezigheid", "participant", participant_id, attendance.label)
        return Change.updated(Entity.PARTICIPANT, participant_id)

    def record_parents_absence(self, discussion_id: int, reason: str, parents_consent: bool) -> Change:
        """Bespreken zonder ouders: waarom, en of de ouders daarmee instemmen."""
        check_length("reason", reason, LINE_MAX, "De reden")
        self._writable(discussion_id)
        with self._store.unit_of_work() as uow:
            uow.update("discussion", discussion_id, {"parents_absent_reason": reason.strip(),
                                                     "parents_absent_consent": bool(parents_consent)})
            uow.audit("afwezigheid ouders vastgelegd", "discussion", discussion_id,
                      "met instemming" if parents_consent else "zonder instemming")
        return Change.updated(Entity.DISCUSSION, discussion_id)

    def set_evaluation_date(self, discussion_id: int, day: date | None) -> Change:
        """Evaluatiedatum: when parents and partners look together at how it goes."""
        self._writable(discussion_id)
        check_evaluation_date(self._store, discussion_id, day)
        with self._store.unit_of_work() as uow:
            uow.update("discussion", discussion_id, {"evaluation_date": day})
            uow.audit("evaluatiedatum", "discussion", discussion_id, f"{day:%d-%m-%Y}" if day else "geen")
        return Change.updated(Entity.DISCUSSION, discussion_id)

    # Notes (autosave) ----------------------------------------------------------------------
    def add_note(self, item_id: int, *, visibility: Visibility = Visibility.SHARED, perspective: str = "",
                 text: str = "") -> tuple[Note, Change]:
        """A new note; an internal one without a chosen speaker is the chair's own (voorzitter)."""
        check_length("text", text, NOTE_MAX, "De notitie")
        item = self._store.get(AgendaItem, "agenda_item", item_id)
        self._writable(item.discussion_id)
        if Visibility(visibility) == Visibility.INTERNAL and not perspective:
            perspective = CHAIR_PERSPECTIVE
        note = Note(None, item_id, text, Visibility(visibility), perspective, self._store.now())
        with self._store.unit_of_work() as uow:
            note_id = uow.insert("note", note)
            uow.audit("notitie aangemaakt", "note", note_id, f"{note.visibility.label}, {item.title}")
        return Note(note_id, item_id, text, note.visibility, perspective, note.updated_at), Change.created(Entity.NOTE,
                                                                                                            note_id)

    def save_note_text(self, note_id: int, text: str) -> Change:
        """The autosave: one short transaction per debounced burst of typing."""
        check_length("text", text, NOTE_MAX, "De notitie")
        with self._store.unit_of_work() as uow:
            self._note_writable(note_id)
            uow.update("note", note_id, {"text": text, "updated_at": self._store.now()})
            uow.audit_coalesced("notitie bijgewerkt", "note", note_id, f"{len(text)} tekens")
        return Change.updated(Entity.NOTE, note_id)

    def set_note_visibility(self, note_id: int, visibility: Visibility) -> Change:
        with self._store.unit_of_work() as uow:
            self._note_writable(note_id)
            uow.update("note", note_id, {"visibility": Visibility(visibility)})
            uow.audit("notitie zichtbaarheid", "note", note_id, Visibility(visibility).label)
        return Change.updated(Entity.NOTE, note_id)

    def set_note_perspective(self, note_id: int, perspective: str) -> Change:
        with self._store.unit_of_work() as uow:
            self._note_writable(note_id)
            uow.update("note", note_id, {"perspective": perspective})
            uow.audit("notitie perspectief", "note", note_id, perspective)
        return Change.updated(Entity.NOTE, note_id)

    def delete_note(self, note_id: int) -> Change:
        with self._store.unit_of_work() as uow:
            self._note_writable(note_id)
            uow.delete("note", "id = ?", [note_id])
            uow.audit("notitie verwijderd", "note", note_id)
        return Change.deleted(Entity.NOTE, note_id)

    def _note_writable(self, note_id: int) -> None:
        status = self._store.scalar(
            "SELECT d.status FROM note n JOIN agenda_item a ON a.id = n.agenda_item_id "
            "JOIN discussion d ON d.id = a.discussion_id WHERE n.id = ?", [note_id])
        if status is None:
            raise ValidationError("note", "Deze notitie bestaat niet meer.")
        if status == DiscussionStatus.FINALISED:
            raise RecordLocked("Deze bespreking is vastgesteld; wijzigen kan alleen met een aanvulling.")

    def _not_removed(self, discussion_id: int) -> None:
        """A child taken off the meeting (afgemeld) is not discussed: its slot is not reopened."""
        discussion = self.discussion(discussion_id)
        if discussion.status == DiscussionStatus.REMOVED:
            child = self._children.child(discussion.child_id)
            raise KnooppuntError(f"{child.full_name} is afgemeld voor dit overleg; de bespreking kan niet "
                                 "worden geopend. Plan het kind opnieuw in als het toch besproken wordt.")

    def _writable(self, discussion_id: int) -> None:
        if self.discussion(discussion_id).status == DiscussionStatus.FINALISED:
            raise RecordLocked("Deze bespreking is vastgesteld; wijzigen kan alleen met een aanvulling.")

    # Closing -------------------------------------------------------------------------------
    def close(self, discussion_id: int, *, seconds_spent: dict[int, int] | None = None,
              evaluation_date: date | None = None) -> Change:
        """Afronden: the discussion is fixed (vastgesteld); the meeting is held once all are done."""
        return finalise_discussion(self._store, discussion_id, seconds_spent=seconds_spent,
                                   evaluation_date=evaluation_date)


def _remember(uow: UnitOfWork, discussion_id: int) -> None:
    uow.set_setting(RUNNING_KEY, str(discussion_id))
