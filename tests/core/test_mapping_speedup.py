"""Rows become domain objects with the right Python types (the per-class converters are cached)."""

from __future__ import annotations

from datetime import date, datetime, time

from knooppunt.domain.children import Guardian
from knooppunt.domain.enums import AgreementStatus, MeetingStatus, OwnerKind
from knooppunt.domain.meetings import Meeting
from knooppunt.domain.outcomes import Agreement
from knooppunt.storage.mapping import from_row, to_row


def test_stored_text_and_flags_come_back_as_dates_enums_and_bools():
    agreement = from_row(Agreement, {
        "id": 3, "child_id": 1, "discussion_id": None, "owner_kind": "ouder", "owner_name": "Sandra",
        "description": "Slaapdagboek", "due_date": "2026-12-07", "evaluation_date": None, "status": "loopt_door",
        "outcome_note": "", "outcome_discussion_id": None, "decision_id": None, "child_name": "extra column",
    })
    assert agreement.owner_kind is OwnerKind.PARENT and agreement.status is AgreementStatus.CONTINUES
    assert agreement.due_date == date(2026, 12, 7) and agreement.evaluation_date is None
    guardian = from_row(Guardian, {"id": 1, "child_id": 1, "name": "Mark", "has_authority": 0, "needs_interpreter": 1})
    assert guardian.has_authority is False and guardian.needs_interpreter is True


def test_a_row_round_trips_through_to_row_and_from_row():
    meeting = Meeting(7, 2, date(2026, 11, 23), time(8, 30), "Teamkamer", "Annelies", MeetingStatus.HELD)
    again = from_row(Meeting, to_row(meeting))
    assert again == meeting and isinstance(again.start_time, time) and not isinstance(again.date, datetime)
