"""Partners per child: "per situatie stellen we vast welke ketenpartners betrokken moeten zijn".

Each location role has an age / school-group range (a default by the kind of role until the
coordinator sets one). Planning proposes the structural partners whose range fits the child on
the meeting date, plus the partners the chair added for this child, minus those removed — each
addition or removal with a one-line reason that is kept."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ...domain.children import age_on
from ...domain.cycle import PartnerRange, default_range, school_group
from ...domain.enums import PartnerKind
from ...domain.meetings import Discussion, Meeting, Participant
from ...errors import ValidationError
from ...storage import Store
from ...storage.store import UnitOfWork
from ..changes import Change, Entity
from ..directory.locations import LocationService, PartnerView
from ..outcomes.records import ensure_editable
from .children import ChildService
from .consent import ConsentService

ADD, REMOVE = "erbij", "niet"


@dataclass(frozen=True)
class PartnerChoice:
    id: int | None
    child_id: int
    location_partner_id: int
    choice: str
    reason: str
    decided_on: date
    decided_by: str = ""
    withdrawn_on: date | None = None


class PartnerScopeService:
    def __init__(self, store: Store, locations: LocationService, children: ChildService,
                 consent: ConsentService) -> None:
        self._store = store
        self._locations = locations
        self._children = children
        self._consent = consent

    # Ranges --------------------------------------------------------------------------------
    def ranges(self, location_id: int) -> dict[int, PartnerRange]:
        """Per location role its range: the one set by the coordinator, else the default by role."""
        out = {}
        for r in self._store.query("SELECT id, role, range_set, age_min, age_max, group_min, group_max "
                                   "FROM location_partner WHERE location_id = ?", [location_id]):
            out[r["id"]] = (PartnerRange(r["age_min"], r["age_max"], r["group_min"], r["group_max"])
                            if r["range_set"] else default_range(r["role"]))
        return out

    def set_range(self, location_partner_id: int, span: PartnerRange) -> Change:
        for low, high, what in ((span.age_min, span.age_max, "leeftijd"), (span.group_min, span.group_max, "groep")):
            if any(v is not None and not 0 <= v <= 25 for v in (low, high)):
                raise ValidationError("range", f"De {what} ligt tussen 0 en 25.")
            if low is not None and high is not None and low > high:
                raise ValidationError("range", f"De {what}: ‘van’ ligt na ‘tot en met’.")
        with self._store.unit_of_work() as uow:
            uow.update("location_partner", location_partner_id, {
                "range_set": True, "age_min": span.age_min, "age_max": span.age_max,
                "group_min": span.group_min, "group_max": span.group_max})
            uow.audit("partnerbereik gewijzigd", "location_partner", location_partner_id, span.label)
        return Change.updated(Entity.LOCATION_PARTNER, location_partner_id)

    # Choices per child ---------------------------------------------------------------------
    def choices(self, child_id: int, *, include_withdrawn: bool = False) -> list[PartnerChoice]:
        where = "child_id = ?" + ("" if include_withdrawn else " AND withdrawn_on IS NULL")
        return self._store.select(PartnerChoice, "child_partner_choice", where, [child_id], order_by="id")

    def choose(self, child_id: int, location_partner_id: int, choice: str, reason: str) -> Change:
        """Add (``erbij``) or remove (``niet``) a partner for this child; the reason is required."""
        with self._store.unit_of_work() as uow:
            choice_id = self._record(uow, child_id, location_partner_id, choice, reason)
        return Change.created(Entity.PARTNER_CHOICE, choice_id)

    def _record(self, uow: UnitOfWork, child_id: int, location_partner_id: int, choice: str, reason: str) -> int:
        if choice not in (ADD, REMOVE):
            raise ValueError(choice)
        if not reason.strip():
            raise ValidationError("reason", "Schrijf in één regel waarom deze partner "
                                  + ("erbij komt." if choice == ADD else "niet aan tafel komt."))
        today = self._store.now().date()
        uow.execute("UPDATE child_partner_choice SET withdrawn_on = ? WHERE child_id = ? AND "
                    "location_partner_id = ? AND withdrawn_on IS NULL", [today, child_id, location_partner_id])
        choice_id = uow.insert("child_partner_choice", {
            "child_id": child_id, "location_partner_id": location_partner_id, "choice": choice,
            "reason": reason.strip(), "decided_on": today, "decided_by": self._store.actor})
        uow.audit("partner " + ("erbij" if choice == ADD else "niet") + " voor kind", "child_partner_choice",
                  choice_id)
        return choice_id

    # What planning proposes ----------------------------------------------------------------
    def for_child(self, location_id: int, child_id: int, day: date) -> list[PartnerView]:
        """The partners at the table for this child: structural ones in range, plus added, minus removed."""
        child = self._children.child(child_id)
        age, group = age_on(child.date_of_birth, day), school_group(child.group_name)
        ranges = self.ranges(location_id)
        chosen = {c.location_partner_id: c.choice for c in self.choices(child_id)}
        out = []
        for view in self._locations.partners(location_id):
            pid = view.partner.id
            if pid is None or not view.partner.is_filled or chosen.get(pid) == REMOVE:
                continue
            in_range = view.partner.kind == PartnerKind.STRUCTURAL and ranges[pid].fits(age, group)
            if in_range or chosen.get(pid) == ADD:
                out.append(view)
        return out

    def participant(self, participant_id: int) -> Participant:
        return self._store.get(Participant, "participant", participant_id)

    def addable(self, discussion_id: int) -> list[PartnerView]:
        """The location's filled roles not yet at this child's table (incidental, or out of range)."""
        discussion = self._store.get(Discussion, "discussion", discussion_id)
        meeting = self._store.get(Meeting, "meeting", discussion.meeting_id)
        present = set(self._store.column("SELECT location_partner_id FROM participant WHERE discussion_id = ? "
                                         "AND location_partner_id IS NOT NULL", [discussion_id]))
        return [v for v in self._locations.partners(meeting.location_id)
                if v.partner.is_filled and v.partner.id not in present]

    def remove_from_discussion(self, participant_id: int, reason: str) -> Change:
        """Take a proposed partner off this child's table and keep why (also for later meetings)."""
        participant = self._store.get(Participant, "participant", participant_id)
        ensure_editable(self._store, participant.discussion_id, "de deelnemers")
        if participant.location_partner_id is None:
            raise ValidationError("partner", "Alleen een kernpartner kan zo worden weggehaald.")
        child_id = self._store.get(Discussion, "discussion", participant.discussion_id).child_id
        with self._store.unit_of_work() as uow:
            self._record(uow, child_id, participant.location_partner_id, REMOVE, reason)
            uow.delete("participant", "id = ?", [participant_id])
        return Change.deleted(Entity.PARTICIPANT, participant_id)

    def add_to_discussion(self, discussion_id: int, location_partner_id: int, reason: str) -> Change:
        """Bring a partner to this child's table; ``ConsentMissing`` unless consent covers it."""
        from ..meetings.planning import partner_participant

        ensure_editable(self._store, discussion_id, "de deelnemers")
        discussion = self._store.get(Discussion, "discussion", discussion_id)
        meeting = self._store.get(Meeting, "meeting", discussion.meeting_id)
        view = self._locations.partner(location_partner_id)
        if view.partner.location_id != meeting.location_id or not view.partner.is_filled:
            raise ValidationError("partner", "Deze partner hoort niet bij deze locatie of is nog niet ingevuld.")
        if self._store.count("participant", "discussion_id = ? AND location_partner_id = ?",
                             [discussion_id, location_partner_id]):
            raise ValidationError("partner", "Deze partner staat al aan tafel voor dit kind.")
        self._consent.require(discussion.child_id, meeting.date,
                              [view.partner.organisation_id] if view.partner.organisation_id is not None else [])
        with self._store.unit_of_work() as uow:
            self._record(uow, discussion.child_id, location_partner_id, ADD, reason)
            pid = uow.insert("participant", replace(partner_participant(view, meeting.date),
                                                    discussion_id=discussion_id))
        return Change.created(Entity.PARTICIPANT, pid)
