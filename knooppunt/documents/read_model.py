"""Gathers everything a verslag or afsprakenbrief needs from the store into plain values.

Internal notes are dropped *here* unless the caller asks for the internal version, so no template
(not even a location's own copy) can print them in a letter for parents.
"""

from __future__ import annotations

from datetime import date, datetime

from ..domain.children import Child, Guardian
from ..domain.directory import Location
from ..domain.enums import AgendaKind, Attendance, DecisionStatus, DiscussionStatus, Visibility
from ..domain.meetings import AgendaItem, Discussion, Meeting, Note, Participant
from ..domain.outcomes import Addendum, Agreement, Decision
from ..storage import Store
from . import letter_model
from .model import (
    AddendumLine,
    AgreementLine,
    ContactLine,
    DecisionLine,
    DiscussionDocument,
    LocationInfo,
    MeetingDocument,
    NoteLine,
    ParentInput,
    PersonLine,
    Section,
)


class DocumentReader:
    """Leesmodel voor verslagen en brieven."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def location(self, location_id: int) -> LocationInfo:
        loc = self._store.get(Location, "location", location_id)
        postcode_city = " ".join(part for part in (loc.postcode, loc.city) if part)
        assert loc.id is not None
        return LocationInfo(loc.id, loc.name, loc.address, postcode_city, loc.city, loc.phone, loc.retention_months)

    def meeting(self, meeting_id: int, *, internal: bool, finalised: bool = False) -> MeetingDocument:
        meeting = self._store.get(Meeting, "meeting", meeting_id)
        discussions = self._store.select(
            Discussion, "discussion", "meeting_id = ? AND status != ?",
            [meeting_id, DiscussionStatus.REMOVED], order_by="slot_start, id",
        )
        return MeetingDocument(
            meeting_id, self.location(meeting.location_id), meeting.date, meeting.start_time, meeting.place,
            meeting.chair_name, tuple(self._discussion(meeting, d, internal, finalised) for d in discussions),
            internal, finalised,
        )

    def discussion(self, discussion_id: int, *, internal: bool, finalised: bool = False) -> DiscussionDocument:
        discussion = self._store.get(Discussion, "discussion", discussion_id)
        meeting = self._store.get(Meeting, "meeting", discussion.meeting_id)
        return self._discussion(meeting, discussion, internal, finalised)

    def _discussion(self, meeting: Meeting, d: Discussion, internal: bool, finalised: bool) -> DiscussionDocument:
        child = self._store.get(Child, "child", d.child_id)
        guardians = self._store.select(Guardian, "guardian", "child_id = ?", [child.id], order_by="id")
        assert d.id is not None
        assert meeting.id is not None
        assert child.id is not None
        location = self.location(meeting.location_id)
        decisions = self._decisions(d.id)
        agreements = tuple(_agreement(a) for a in self._store.select(
            Agreement, "agreement", "discussion_id = ?", [d.id], order_by="due_date IS NULL, due_date, id"))
        contacts = self._contacts(meeting, d.id)
        regie = letter_model.regiehouder(self._store, child.id, meeting.chair_name, location)
        return DiscussionDocument(
            discussion_id=d.id,
            meeting_id=meeting.id,
            location=location,
            meeting_date=meeting.date,
            start_time=d.slot_start,
            place=meeting.place,
            chair=meeting.chair_name,
            child_name=f"{child.first_name} {child.last_name}",
            child_first_name=child.first_name,
            group=child.group_name,
            parents=tuple(g.name for g in guardians),
            participants=self._participants(d.id, internal),
            sections=self._sections(d.id, internal),
            decisions=decisions,
            agreements=agreements,
            reviewed=tuple(_agreement(a) for a in self._store.select(
                Agreement, "agreement", "outcome_discussion_id = ? AND coalesce(discussion_id, 0) != ?",
                [d.id, d.id], order_by="id")),
            evaluation_date=d.evaluation_date,
            next_meeting=self._next_meeting(child.id, meeting.date),
            contacts=contacts,
            parents_absent_reason=d.parents_absent_reason if internal else absence_category(d.parents_absent_reason),
            internal=internal,
            finalised=finalised,
            addenda=self._addenda(d.id),
            recipients=tuple(self._store.column(
                "SELECT DISTINCT p.organisation FROM participant p JOIN discussion x ON x.id = p.discussion_id "
                "WHERE x.child_id = ? AND p.kind = 'partner' AND p.organisation != '' ORDER BY 1", [child.id])),
            addressees=letter_model.addressees(guardians),
            regiehouder=regie,
            letter_contacts=letter_model.letter_contacts(
                self._store, (regie, *contacts), decisions, agreements, location),
            interpreter=any(g.needs_interpreter for g in guardians),
            parent_input=tuple(ParentInput(r["agenda_kind"], r["text"], r["given_by"]) for r in self._store.query(
                "SELECT agenda_kind, text, given_by FROM parent_input WHERE discussion_id = ? ORDER BY id", [d.id])),
        )

    def _addenda(self, discussion_id: int) -> tuple[AddendumLine, ...]:
        """Aanvullingen op de vastgestelde bespreking, oudste eerst (het origineel blijft staan)."""
        return tuple(
            AddendumLine(self._about(a), a.text, a.reason, a.author, a.created_at)
            for a in self._store.select(Addendum, "addendum", "discussion_id = ?", [discussion_id],
                                        order_by="created_at, id")
        )

    def _about(self, a: Addendum) -> str:
        """``het besluit ‘…’`` / ``de afspraak ‘…’`` / ``de bespreking``."""
        column = {"besluit": ("decision", "text"), "afspraak": ("agreement", "description")}.get(a.target)
        if column is None or a.target_id is None:
            return "de bespreking"
        what = self._store.scalar(f'SELECT "{column[1]}" FROM "{column[0]}" WHERE id = ?', [a.target_id]) or ""
        what = what if len(what) <= 60 else what[:57].rstrip() + "…"
        return f"{'het besluit' if a.target == 'besluit' else 'de afspraak'} ‘{what}’"

    def _participants(self, discussion_id: int, internal: bool) -> tuple[PersonLine, ...]:
        order = {"ouder": 0, "kind": 1, "school": 2, "partner": 3}
        people = self._store.select(Participant, "participant", "discussion_id = ?", [discussion_id], order_by="id")
        people.sort(key=lambda p: order.get(p.kind, 9))
        functions = {r["id"]: r["function"] for r in self._store.query(
            "SELECT c.id, c.function FROM contact_person c JOIN participant p ON p.contact_id = c.id "
            "WHERE p.discussion_id = ?", [discussion_id])}
        return tuple(
            PersonLine(p.name, p.kind.value, p.role, p.organisation, functions.get(p.contact_id, ""),
                       p.attendance in (Attendance.PRESENT, Attendance.LATE), p.attendance.label,
                       _absence(p, internal))
            for p in people
        )

    def _sections(self, discussion_id: int, internal: bool) -> tuple[Section, ...]:
        sections = []
        for item in self._store.select(AgendaItem, "agenda_item", "discussion_id = ?", [discussion_id],
                                       order_by="position, id"):
            where, params = "agenda_item_id = ?", [item.id, *([] if internal else [Visibility.SHARED])]
            if not internal:
                where += " AND visibility = ?"
            notes = self._store.select(Note, "note", where, params, order_by="id")
            sections.append(Section(
                item.kind.value, item.title,
                tuple(NoteLine(n.text, n.perspective, n.visibility == Visibility.INTERNAL) for n in notes),
            ))
        return tuple(s for s in sections if s.notes or s.kind == AgendaKind.DECISIONS)

    def _decisions(self, discussion_id: int) -> tuple[DecisionLine, ...]:
        confirm_by = {r["decision_id"]: date.fromisoformat(r["due"]) for r in self._store.query(
            "SELECT decision_id, min(due_date) AS due FROM agreement WHERE discussion_id = ? AND decision_id IS NOT NULL "
            "AND due_date IS NOT NULL GROUP BY decision_id", [discussion_id])}
        return tuple(
            DecisionLine(d.text, d.category, d.decided_by, d.organisation, d.mandate_text,
                         d.status == DecisionStatus.PROVISIONAL, d.parents_position.value, d.parents_position.label,
                         d.parents_words, d.child_position.value, d.child_position.label, d.child_words,
                         d.provisional_reason, confirm_by.get(d.id), d.decided_by)
            for d in self._store.select(Decision, "decision", "discussion_id = ?", [discussion_id], order_by="id")
        )

    def _next_meeting(self, child_id: int, after: date) -> datetime | None:
        row = self._store.query(
            "SELECT m.date, d.slot_start FROM discussion d JOIN meeting m ON m.id = d.meeting_id "
            "WHERE d.child_id = ? AND m.date > ? AND m.status = 'gepland' AND d.status != 'afgemeld' "
            "ORDER BY m.date LIMIT 1",
            [child_id, after],
        )
        if not row:
            return None
        return datetime.fromisoformat(f"{row[0]['date']}T{row[0]['slot_start']}")

    def _contacts(self, meeting: Meeting, discussion_id: int) -> tuple[ContactLine, ...]:
        """Vaste contactpersonen: de structurele partners van de locatie en wie er aan tafel zat."""
        rows = self._store.query(
            "SELECT lp.role, c.name, c.function, coalesce(nullif(c.phone, ''), o.phone) AS phone, "
            "coalesce(nullif(c.email, ''), o.email) AS email, o.name AS organisation "
            "FROM location_partner lp JOIN contact_person c ON c.id = lp.contact_id "
            "LEFT JOIN organisation o ON o.id = lp.organisation_id "
            "WHERE lp.location_id = ? AND (c.left_on IS NULL OR c.left_on > ?) AND (lp.kind = 'structureel' "
            "OR lp.id IN (SELECT location_partner_id FROM participant WHERE discussion_id = ?)) "
            "ORDER BY lp.position, lp.id",
            [meeting.location_id, meeting.date, discussion_id],
        )
        return tuple(
            ContactLine(r["role"], r["name"], r["organisation"] or "", r["function"], r["phone"] or "",
                        r["email"] or "")
            for r in rows
        )


def _agreement(a: Agreement) -> AgreementLine:
    return AgreementLine(a.owner_name, a.owner_kind.value, a.description, a.due_date, a.evaluation_date,
                         a.status.label, a.outcome_note, followup=a.decision_id is not None)


def absence_category(reason: str) -> str:
    """What a document for participants says about an absence: a category, never the free text
    ("Ziek" is health data about a colleague or parent; it stays in the internal version)."""
    return "afwezig met bericht" if reason.strip() else "afwezig zonder bericht"


def _absence(p: Participant, internal: bool) -> str:
    if p.attendance != Attendance.ABSENT:
        return ""
    return p.absence_reason if internal and p.absence_reason.strip() else absence_category(p.absence_reason)
