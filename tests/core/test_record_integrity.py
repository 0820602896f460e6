"""Record integrity across the core services: consent, finalised discussions, history, audit."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from knooppunt.domain.enums import Attendance, DiscussionStatus, MeetingStatus, ParticipantKind
from knooppunt.domain.meetings import Meeting
from knooppunt.errors import ValidationError
from tests.conftest import TODAY


def _kids(services):
    location = services.locations.locations()[0]
    return {v.child.first_name: v.child for v in services.children.children(location_id=location.id)}


@pytest.fixture
def planned(demo_services):
    """A meeting the day after tomorrow with Zoë and Noor, prepared (participants, agenda)."""
    location = demo_services.locations.locations()[0]
    meeting, _ = demo_services.planning.create_meeting(
        Meeting(None, location.id, TODAY + timedelta(days=2), time(9, 0), "Teamkamer", "Annelies Vermeulen"))
    kids = _kids(demo_services)
    zoe, _ = demo_services.planning.add_child(meeting.id, kids["Zoë"].id)
    noor, _ = demo_services.planning.add_child(meeting.id, kids["Noor"].id)
    return demo_services, meeting, zoe, noor


def _parents_present(services, discussion_id):
    for p in services.meeting_mode.participants(discussion_id):
        if p.kind == ParticipantKind.PARENT:
            services.meeting_mode.set_attendance(p.id, Attendance.PRESENT)


# 6. One way to finalise ------------------------------------------------------------------------
@pytest.mark.parametrize("way", ["vaststellen", "afronden"])
def test_finalising_either_way_checks_parents_ticks_items_and_holds_the_meeting(planned, way):
    services, meeting, zoe, noor = planned

    def finalise(discussion_id, **kwargs):
        if way == "vaststellen":
            return services.records.finalise(discussion_id, **kwargs)
        return services.meeting_mode.close(discussion_id, **kwargs)

    with pytest.raises(ValidationError) as error:
        finalise(zoe.id)
    assert error.value.field == "parents_absent"
    _parents_present(services, zoe.id)
    with pytest.raises(ValidationError) as error:
        finalise(zoe.id, evaluation_date=meeting.date)
    assert error.value.field == "evaluation_date"
    assert services.meeting_mode.discussion(zoe.id).status == DiscussionStatus.PLANNED

    finalise(zoe.id, evaluation_date=meeting.date + timedelta(weeks=6))
    done = services.meeting_mode.discussion(zoe.id)
    assert done.status == DiscussionStatus.FINALISED and done.evaluation_date == meeting.date + timedelta(weeks=6)
    assert all(item.done for item in services.meeting_mode.agenda(zoe.id))
    assert services.store.get(Meeting, "meeting", meeting.id).status == MeetingStatus.PLANNED  # Noor still open
    _parents_present(services, noor.id)
    finalise(noor.id)
    assert services.store.get(Meeting, "meeting", meeting.id).status == MeetingStatus.HELD
