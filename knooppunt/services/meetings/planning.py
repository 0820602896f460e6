"""Planning a knooppunt meeting: date and place, children in time slots, who is invited.

Per child the participants are proposed: the parents, the child from 12, the school (chair)
and the structural partners' fixed contacts. Incidental partners are added per child, and
only when the consent covers their organisation (toestemming).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from ...domain.children import age_on
from ...domain.enums import AgendaKind, DiscussionStatus, MeetingStatus, ParticipantKind, PartnerKind
from ...domain.meeting_rules import CHILD_JOINS_FROM_AGE, suggest_dates
from ...domain.meetings import DEFAULT_AGENDA, AgendaTemplateItem, Discussion, Meeting, Participant
from ...errors import RecordLocked, ValidationError
from ...storage import Store, UnitOfWork
from ..changes import Change, Entity
from ..children.children import ChildService
from ..children.consent import ConsentService
from ..directory.locations import LocationService, PartnerView
from ..outcomes.agreements import AgreementService, EvaluationDue
from ..outcomes.records import ensure_editable, refuse_leaving_decider

if TYPE_CHECKING:
    from ..children.intake import IntakeService
    from ..children.partner_scope import PartnerScopeService


class PlanningService:
    def __init__(self, store: Store, locations: LocationService, children: ChildService,
                 consent: ConsentService, agreements: AgreementService | None = None,
                 scope: PartnerScopeService | None = None, intake: IntakeService | None = None) -> None:
        # scope: partners per child by age/group and the chair's choices; intake: no planning
        # without an aanmelding (both optional so a bare PlanningService still works).
        self._scope = scope
        self._intake = intake
        self._store = store
        self._locations = locations
        self._children = children
        self._consent = consent
        self._agreements = agreements

    def evaluations_due(self, location_id: int) -> list[EvaluationDue]:
        """Children whose evaluation date has come or is coming and who have no planned slot yet."""
        if self._agreements is None:
            return []
        return [e for e in self._agreements.evaluations_due(location_id=location_id) if e.planned_on is None]

    # Meeting -------------------------------------------------------------------------------
    def suggested_dates(self, location_id: int, count: int = 3) -> list[date]:
        location = self._locations.location(location_id)
        last = self._store.scalar(
            "SELECT max(date) FROM meeting WHERE location_id = ? AND status != 'geannuleerd'", [location_id]
        )
        today = self._store.now().date()
        dates = suggest_dates(date.fromisoformat(last) if last else None, location.frequency_weeks, today, count)
        # Evaluation dates feed the planning: a child due for evaluation before the next regular
        # meeting brings that meeting forward (the school day on or before the evaluation date).
        due = [e.evaluation_date for e in self.evaluations_due(location_id) if e.evaluation_date > today]
        planned_before = due and self._store.scalar(
            "SELECT count(*) FROM meeting WHERE location_id = ? AND status = 'gepland' AND date BETWEEN ? AND ?",
            [location_id, today, due[0]])
        if due and due[0] < dates[0] and not planned_before:
            day = due[0]
            while day.weekday() >= 5:
                day -= timedelta(days=1)
            if day > today:
                dates = [day, *dates[: count - 1]]
        return dates

    def create_meeting(self, meeting: Meeting) -> tuple[Meeting, Change]:
        meeting = _validated(meeting, self._store.now().date())
        self._locations.location(meeting.location_id)
        with self._store.unit_of_work() as uow:
            meeting_id = uow.insert("meeting", replace(meeting, id=None, status=MeetingStatus.PLANNED))
            uow.audit("overleg naderhand vastgelegd" if meeting.recorded_afterwards else "overleg gepland", "meeting",
                      meeting_id, f"{meeting.date:%d-%m-%Y} {meeting.start_time:%H:%M}")
        return replace(meeting, id=meeting_id), Change.created(Entity.MEETING, meeting_id)

    def update_meeting(self, meeting: Meeting) -> Change:
        """Date, time, place or chair of a meeting that has not been held; a new date is checked
        against every planned child's consent again."""
        assert meeting.id is not None
        current = self._store.get(Meeting, "meeting", meeting.id)
        self._not_held(current)
        moved = meeting.date != current.date
        meeting = _validated(replace(meeting, recorded_afterwards=current.recorded_afterwards),
                             self._store.now().date() if moved else None)
        assert meeting.id is not None
        if moved:
            for discussion in self._store.select(Discussion, "discussion", "meeting_id = ? AND status IN "
                                                 "('gepland', 'bezig')", [meeting.id], order_by="slot_start, id"):
                assert discussion.id is not None
                self._consent.require(discussion.child_id, meeting.date,
                                      self._organisations(discussion.id, meeting))
        with self._store.unit_of_work() as uow:
            uow.update("meeting", meeting.id, {"date": meeting.date, "start_time": meeting.start_time,
                                               "place": meeting.place, "chair_name": meeting.chair_name})
            uow.audit("overleg gewijzigd", "meeting", meeting.id, f"{meeting.date:%d-%m-%Y}")
        return Change.updated(Entity.MEETING, meeting.id)

    def _not_held(self, meeting: Meeting) -> None:
        """A held meeting, or one with a finalised discussion, is part of the record."""
        finalised = self._store.count("discussion", "meeting_id = ? AND status = ?",
                                      [meeting.id, DiscussionStatus.FINALISED])
        if meeting.status == MeetingStatus.HELD or finalised:
            raise RecordLocked("Dit overleg is (deels) vastgesteld: datum, plaats, voorzitter en kinderen "
                               "kunnen niet meer gewijzigd worden. Voeg een aanvulling toe als er iets niet klopt.")

    def _structural(self, location_id: int) -> list[PartnerView]:
        return [v for v in self._locations.partners(location_id)
                if v.partner.kind == PartnerKind.STRUCTURAL and v.partner.is_filled]

    def _table(self, meeting: Meeting, child_id: int) -> list[PartnerView]:
        """The partners proposed for this child: in range and chosen per child, or all structural ones."""
        if self._scope is None:
            return self._structural(meeting.location_id)
        return self._scope.for_child(meeting.location_id, child_id, meeting.date)

    def _organisations(self, discussion_id: int, meeting: Meeting) -> list[int]:
        """The partner organisations a discussion brings to the table: those invited, or (when
        nobody is invited yet) the partners it will get."""
        if self._store.count("participant", "discussion_id = ?", [discussion_id]):
            return self._consent.invited_organisations(discussion_id)
        child_id = self._store.get(Discussion, "discussion", discussion_id).child_id
        return [v.partner.organisation_id for v in self._table(meeting, child_id)
                if v.partner.organisation_id is not None]

    def require_consent(self, discussion_id: int) -> None:
        """``ConsentMissing`` unless consent covers this discussion on its meeting date."""
        discussion = self._store.get(Discussion, "discussion", discussion_id)
        meeting = self._store.get(Meeting, "meeting", discussion.meeting_id)
        self._consent.require(discussion.child_id, meeting.date, self._organisations(discussion_id, meeting))

    # Children in slots ---------------------------------------------------------------------
    def next_slot(self, meeting_id: int) -> time:
        meeting = self._store.get(Meeting, "meeting", meeting_id)
        rows = self._store.query(
            "SELECT slot_start, slot_minutes FROM discussion WHERE meeting_id = ? AND status != 'afgemeld'",
            [meeting_id],
        )
        end = _minutes(meeting.start_time)
        for row in rows:
            end = max(end, _minutes(time.fromisoformat(row["slot_start"])) + row["slot_minutes"])
        return time(min(end, 23 * 60 + 59) // 60, min(end, 23 * 60 + 59) % 60)

    def add_child(self, meeting_id: int, child_id: int, *, slot_minutes: int = 30,
                  slot_start: time | None = None) -> tuple[Discussion, Change]:
        """Give the child a slot; refused with ``ConsentMissing`` unless consent covers the partners."""
        if not 5 <= slot_minutes <= 180:
            raise ValidationError("slot_minutes", "Een tijdslot duurt tussen 5 en 180 minuten.")
        meeting = self._store.get(Meeting, "meeting", meeting_id)
        child = self._children.child(child_id)
        if child.location_id != meeting.location_id:
            raise ValidationError("child", f"{child.full_name} hoort niet bij de locatie van dit overleg.")
        self._not_held(meeting)
        earlier = self._store.select(Discussion, "discussion", "meeting_id = ? AND child_id = ?",
                                     [meeting_id, child_id])
        if earlier and earlier[0].status != DiscussionStatus.REMOVED:
            raise ValidationError("child", f"{child.full_name} staat al op dit overleg.")
        if self._intake is not None:
            self._intake.require_case(child_id)
        structural = self._table(meeting, child_id)
        organisations = {v.partner.organisation_id for v in structural if v.partner.organisation_id is not None}
        if earlier:
            assert earlier[0].id is not None
            organisations |= set(self._consent.invited_organisations(earlier[0].id))
        self._consent.require(child_id, meeting.date, sorted(organisations))
        start = slot_start or self.next_slot(meeting_id)
        if earlier:
            return self._put_back(earlier[0], start, slot_minutes)
        discussion = Discussion(None, meeting_id, child_id, start, slot_minutes)
        with self._store.unit_of_work() as uow:
            discussion_id = uow.insert("discussion", discussion)
            for participant in self._proposal(meeting, child_id, structural):
                uow.insert("participant", replace(participant, discussion_id=discussion_id))
            for item in self.agenda_template(meeting.location_id):
                uow.insert("agenda_item", {"discussion_id": discussion_id, "position": item.position,
                                           "kind": item.kind.value, "title": item.title, "minutes": item.minutes})
            uow.audit("kind ingepland", "discussion", discussion_id, f"overleg {meeting_id}, {start:%H:%M}")
        return replace(discussion, id=discussion_id), Change.created(Entity.DISCUSSION, discussion_id)

    def _put_back(self, discussion: Discussion, start: time, slot_minutes: int) -> tuple[Discussion, Change]:
        """A child taken off this meeting (afgemeld) is planned again on its old slot record:
        participants, agenda and anything already noted are kept."""
        meeting = self._store.get(Meeting, "meeting", discussion.meeting_id)
        has_people = self._store.count("participant", "discussion_id = ?", [discussion.id])
        has_agenda = self._store.count("agenda_item", "discussion_id = ?", [discussion.id])
        with self._store.unit_of_work() as uow:
            assert discussion.id is not None
            uow.update("discussion", discussion.id, {"status": DiscussionStatus.PLANNED, "slot_start": start,
                                                     "slot_minutes": slot_minutes})
            self._prepare(uow, meeting, discussion, people=not has_people, agenda=not has_agenda)
            uow.audit("kind opnieuw ingepland", "discussion", discussion.id,
                      f"overleg {meeting.id}, {start:%H:%M}")
        assert discussion.id is not None
        return (replace(discussion, status=DiscussionStatus.PLANNED, slot_start=start, slot_minutes=slot_minutes),
                Change.updated(Entity.DISCUSSION, discussion.id))

    def _prepare(self, uow: UnitOfWork, meeting: Meeting, discussion: Discussion, *, people: bool, agenda: bool) -> None:
        if people:
            for participant in self._proposal(meeting, discussion.child_id, self._table(meeting, discussion.child_id)):
                assert discussion.id is not None
                uow.insert("participant", replace(participant, discussion_id=discussion.id))
        if agenda:
            for item in self.agenda_template(meeting.location_id):
                uow.insert("agenda_item", {"discussion_id": discussion.id, "position": item.position,
                                           "kind": item.kind.value, "title": item.title, "minutes": item.minutes})

    def remove_child(self, discussion_id: int) -> Change:
        """Afmelden: the slot stays in the history as cancelled; nothing was discussed yet."""
        discussion = self._store.get(Discussion, "discussion", discussion_id)
        ensure_editable(self._store, discussion_id, "de planning van deze bespreking")
        if discussion.status != DiscussionStatus.PLANNED:
            raise ValidationError("child", "Deze bespreking is al begonnen en kan niet meer worden afgemeld.")
        with self._store.unit_of_work() as uow:
            uow.update("discussion", discussion_id, {"status": DiscussionStatus.REMOVED})
            uow.audit("kind afgemeld", "discussion", discussion_id)
        return Change.updated(Entity.DISCUSSION, discussion_id)

    def ensure_prepared(self, discussion_id: int) -> Change | None:
        """A slot planned elsewhere (older data, import) gets its participants and agenda now;
        ``ConsentMissing`` unless consent covers the partners it brings to the table."""
        discussion = self._store.get(Discussion, "discussion", discussion_id)
        meeting = self._store.get(Meeting, "meeting", discussion.meeting_id)
        has_people = self._store.count("participant", "discussion_id = ?", [discussion_id])
        has_agenda = self._store.count("agenda_item", "discussion_id = ?", [discussion_id])
        if has_people and has_agenda:
            return None
        ensure_editable(self._store, discussion_id, "de bespreking")
        self._consent.require(discussion.child_id, meeting.date, self._organisations(discussion_id, meeting))
        with self._store.unit_of_work() as uow:
            self._prepare(uow, meeting, discussion, people=not has_people, agenda=not has_agenda)
            uow.audit("bespreking voorbereid", "discussion", discussion_id)
        return Change.updated(Entity.DISCUSSION, discussion_id)

    def proposed_participants(self, meeting_id: int, child_id: int) -> list[Participant]:
        meeting = self._store.get(Meeting, "meeting", meeting_id)
        return self._proposal(meeting, child_id, self._table(meeting, child_id))

    def _proposal(self, meeting: Meeting, child_id: int, structural: list[PartnerView]) -> list[Participant]:
        child = self._children.child(child_id)
        location = self._locations.location(meeting.location_id)
        people = [Participant(None, 0, ParticipantKind.PARENT, g.name, role=g.relation, guardian_id=g.id)
                  for g in self._children.guardians(child_id)]
        if age_on(child.date_of_birth, meeting.date) >= CHILD_JOINS_FROM_AGE:
            people.append(Participant(None, 0, ParticipantKind.CHILD, child.full_name, role="leerling"))
        people.append(Participant(None, 0, ParticipantKind.SCHOOL, meeting.chair_name or "Intern begeleider",
                                  location.name, "intern begeleider, voorzitter"))
        people += [_partner(v, meeting.date) for v in structural]
        return people

    # Incidental partners -------------------------------------------------------------------
    def incidental_partners(self, discussion_id: int) -> list[PartnerView]:
        """Incidental partners of the location that are not yet invited for this child."""
        discussion = self._store.get(Discussion, "discussion", discussion_id)
        meeting = self._store.get(Meeting, "meeting", discussion.meeting_id)
        invited = {r["location_partner_id"] for r in self._store.query(
            "SELECT location_partner_id FROM participant WHERE discussion_id = ?", [discussion_id])}
        return [v for v in self._locations.partners(meeting.location_id)
                if v.partner.kind == PartnerKind.INCIDENTAL and v.partner.is_filled and v.partner.id not in invited]

    def add_incidental_partner(self, discussion_id: int, location_partner_id: int) -> Change:
        """Invite an incidental partner for this child; ``ConsentMissing`` unless consent covers it."""
        ensure_editable(self._store, discussion_id, "de deelnemers")
        discussion = self._store.get(Discussion, "discussion", discussion_id)
        meeting = self._store.get(Meeting, "meeting", discussion.meeting_id)
        view = next((v for v in self.incidental_partners(discussion_id) if v.partner.id == location_partner_id), None)
        if view is None:
            raise ValidationError("partner", "Deze partner is niet (meer) uit te nodigen voor dit kind.")
        assert discussion.child_id is not None
        assert view.partner.organisation_id is not None
        self._consent.require(discussion.child_id, meeting.date, [view.partner.organisation_id])
        with self._store.unit_of_work() as uow:
            participant_id = uow.insert("participant", replace(_partner(view, meeting.date), discussion_id=discussion_id))
            uow.audit("partner uitgenodigd", "participant", participant_id, view.partner.role)
        return Change.created(Entity.PARTICIPANT, participant_id)

    def remove_participant(self, participant_id: int) -> Change:
        participant = self._store.get(Participant, "participant", participant_id)
        ensure_editable(self._store, participant.discussion_id, "de deelnemers")
        refuse_leaving_decider(self._store, participant)
        with self._store.unit_of_work() as uow:
            uow.delete("participant", "id = ?", [participant_id])
            uow.audit("deelnemer verwijderd", "participant", participant_id)
        return Change.deleted(Entity.PARTICIPANT, participant_id)

    # Agenda template -----------------------------------------------------------------------
    def agenda_template(self, location_id: int) -> list[AgendaTemplateItem]:
        """The location's agenda (editable); the default agenda when none is stored."""
        items = self._store.select(AgendaTemplateItem, "agenda_template_item", "location_id = ?", [location_id],
                                   order_by="position, id")
        if items:
            return items
        return [AgendaTemplateItem(None, location_id, position, kind, kind.label, minutes)
                for position, (kind, minutes) in enumerate(DEFAULT_AGENDA)]

    def save_agenda_template(self, location_id: int, items: list[tuple[AgendaKind, str, int]]) -> Change:
        if not items:
            raise ValidationError("agenda", "Een agenda heeft minstens één punt.")
        for _kind, title, minutes in items:
            if not title.strip():
                raise ValidationError("agenda", "Elk agendapunt heeft een titel.")
            if not 1 <= minutes <= 120:
                raise ValidationError("agenda", f"‘{title}’: het tijdsbudget ligt tussen 1 en 120 minuten.")
        with self._store.unit_of_work() as uow:
            uow.delete("agenda_template_item", "location_id = ?", [location_id])
            for position, (kind, title, minutes) in enumerate(items):
                uow.insert("agenda_template_item", {"location_id": location_id, "position": position,
                                                    "kind": AgendaKind(kind).value, "title": title.strip(),
                                                    "minutes": minutes})
            uow.audit("agenda-sjabloon gewijzigd", "location", location_id, f"{len(items)} punten")
        return Change.updated(Entity.LOCATION, location_id)



def partner_participant(view: PartnerView, day: date) -> Participant:
    return _partner(view, day)


def _partner(view: PartnerView, day: date) -> Participant:
    """The fixed contact, or the substitute when the fixed contact has left (vervanger)."""
    person = view.contact
    if person and person.left_on and person.left_on <= day and view.substitute:
        person = view.substitute
    return Participant(None, 0, ParticipantKind.PARTNER, person.name if person else view.partner.role,
                       view.organisation.name if view.organisation else "", view.partner.role,
                       location_partner_id=view.partner.id, contact_id=person.id if person else None)


def _minutes(at: time) -> int:
    return at.hour * 60 + at.minute


def _validated(meeting: Meeting, today: date | None) -> Meeting:
    """A date in the past only as "naderhand vastleggen": a meeting held on paper, recorded now."""
    if today is not None and meeting.date < today and not meeting.recorded_afterwards:
        raise ValidationError("date", "Kies een datum vandaag of later, of kies ‘naderhand vastleggen’ voor een "
                                      "overleg dat al op papier is gehouden.")
    if today is not None and meeting.date >= today and meeting.recorded_afterwards:
        raise ValidationError("date", "Naderhand vastleggen is voor een overleg dat al is geweest: kies een "
                                      "datum vóór vandaag.")
    if not meeting.place.strip():
        raise ValidationError("place", "Vul in waar het overleg is (bijv. de teamkamer).")
    if not meeting.chair_name.strip():
        raise ValidationError("chair_name", "Vul in wie het overleg voorzit.")
    return replace(meeting, place=meeting.place.strip(), chair_name=meeting.chair_name.strip())


def slot_end(discussion: Discussion) -> time:
    end = datetime.combine(date(2000, 1, 1), discussion.slot_start) + timedelta(minutes=discussion.slot_minutes)
    return end.time()
