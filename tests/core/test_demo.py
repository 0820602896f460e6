"""The demo can be tried at once: its upcoming meeting is today, the held one lies four weeks back."""

from __future__ import annotations

from datetime import timedelta

from knooppunt.domain.enums import DecisionStatus
from knooppunt.services.demo import held_meeting_date, upcoming_meeting_date

from ..conftest import TODAY


def test_the_demos_upcoming_meeting_is_today_and_can_be_chaired_at_once(demo_services):
    s = demo_services
    assert upcoming_meeting_date(TODAY) == TODAY and held_meeting_date(TODAY) == TODAY - timedelta(weeks=4)
    planned = [v.meeting for v in s.meetings.meetings() if v.meeting.status == "gepland"]
    assert [m.date for m in planned] == [TODAY]
    discussion = s.store.scalar("SELECT min(id) FROM discussion WHERE meeting_id = ?", [planned[0].id])
    s.meeting_mode.start(discussion)  # the clock stands on TODAY: no "Het overleg is pas op …"
    assert s.store.scalar("SELECT status FROM discussion WHERE id = ?", [discussion]) == "bezig"


def test_the_demos_provisional_decision_names_the_mandate_that_had_expired(demo_services):
    [reason] = [r["provisional_reason"] for r in demo_services.store.query(
        "SELECT provisional_reason FROM decision WHERE status = ?", [DecisionStatus.PROVISIONAL])]
    expired = held_meeting_date(TODAY) - timedelta(days=1)
    assert reason.endswith(f"Mandaat verlopen op {expired:%d-%m-%Y}") and "None" not in reason
