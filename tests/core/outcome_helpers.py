"""Small helpers for the decisions/agreements tests: find demo records, add a meeting."""

from __future__ import annotations

from datetime import date, datetime, time

from knooppunt.domain.enums import Attendance
from knooppunt.domain.meetings import Discussion, Meeting


def child_id(services, first_name: str) -> int:
    return next(v.child.id for v in services.children.children() if v.child.first_name == first_name)


def discussion_of(services, first_name: str, *, held: bool) -> int:
    """The demo discussion of a child in the held (past) or upcoming meeting."""
    meetings = [v.meeting for v in services.meetings.meetings()]
    meeting = next(m for m in meetings if (m.status == "gehouden") == held)
    cid = child_id(services, first_name)
    return next(d.id for d in services.meetings.discussions(meeting.id) if d.child_id == cid)


def new_meeting_with(services, on: date, *first_names: str) -> list[int]:
    """A meeting on ``on`` discussing these children; returns the discussion ids."""
    location_id = services.locations.locations()[0].id
    with services.store.unit_of_work() as uow:
        meeting_id = uow.insert("meeting", Meeting(None, location_id, on, time(8, 30)))
        ids = [
            uow.insert("discussion", Discussion(None, meeting_id, child_id(services, name), time(8, 30 + 10 * i)))
            for i, name in enumerate(first_names)
        ]
        uow.audit("overleg gepland", "meeting", meeting_id, "test")
    return ids


def partner_id(services, role_start: str) -> int:
    location_id = services.locations.locations()[0].id
    return next(v.partner.id for v in services.locations.partners(location_id) if v.partner.role.startswith(role_start))


def set_mandate_until(services, location_partner_id: int, until: date | None) -> None:
    with services.store.unit_of_work() as uow:
        uow.update("location_partner", location_partner_id, {"mandate_valid_until": until})
        uow.audit("mandaat gewijzigd", "location_partner", location_partner_id, "test")


def to_meeting_day(services, discussion_id: int) -> None:
    """Time is real: move the test clock to the day of this discussion's meeting (if it is still ahead)."""
    day = services.records.context(discussion_id).meeting_date
    clock = services.store.clock
    if clock.now.date() < day:
        clock.now = datetime.combine(day, time(9, 0))


def run(services, discussion_id: int, *incidental: int) -> None:
    """The chair opens the discussion on the meeting day (with these incidental partners invited)
    and marks everyone invited present."""
    to_meeting_day(services, discussion_id)
    services.meeting_mode.start(discussion_id)
    for location_partner_id in incidental:
        services.planning.add_incidental_partner(discussion_id, location_partner_id)
    for p in services.meeting_mode.participants(discussion_id):
        services.meeting_mode.set_attendance(p.id, Attendance.PRESENT)


def finalise(services, discussion_id: int):
    """Vaststellen as the chair does it: the parents' absence is justified first (they agreed)."""
    to_meeting_day(services, discussion_id)
    if services.meeting_mode.state(discussion_id).absence_problem:
        services.meeting_mode.record_parents_absence(discussion_id, "Ouders konden niet komen", parents_consent=True)
    return services.records.finalise(discussion_id)
