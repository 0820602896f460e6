"""Invitations per slot: the .ics parses with icalendar and carries no notes; the text is plain."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from icalendar import Calendar

from knooppunt.domain.enums import Visibility
from knooppunt.domain.meetings import Meeting
from tests.conftest import TODAY


def _planned_with_notes(services):
    location = services.locations.locations()[0]
    meeting, _ = services.planning.create_meeting(
        Meeting(None, location.id, TODAY + timedelta(days=8), time(14, 15), "Teamkamer, 1e verdieping",
                "Annelies Vermeulen"))
    zoe = next(v.child for v in services.children.children(location_id=location.id) if v.child.first_name == "Zoë")
    discussion, _ = services.planning.add_child(meeting.id, zoe.id, slot_minutes=25)
    item = services.meeting_mode.agenda(discussion.id)[4]
    for visibility, text in ((Visibility.SHARED, "GEHEIM-gedeeld slaapt slecht"),
                             (Visibility.INTERNAL, "GEHEIM-intern ruzie thuis")):
        note, _ = services.meeting_mode.add_note(item.id, visibility=visibility)
        services.meeting_mode.save_note_text(note.id, text)
    return meeting, discussion


def test_ics_parses_and_carries_date_time_place_attendees_and_no_notes(demo_services):
    meeting, discussion = _planned_with_notes(demo_services)
    raw = demo_services.invitations.ics(discussion.id)
    calendar = Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    start = event.decoded("dtstart")
    assert isinstance(start, datetime)
    assert (start.date(), start.time()) == (meeting.date, time(14, 15))
    assert str(start.tzinfo) == "Europe/Amsterdam"
    assert event.decoded("dtend") - start == timedelta(minutes=25)
    assert str(event["location"]) == "Teamkamer, 1e verdieping"
    attendees = event.get("attendee")
    addresses = {str(a) for a in attendees}
    assert "mailto:m.hendriks@jgz-heuvelland.example" in addresses
    assert any(a.params.get("CN") == "Marieke Hendriks" for a in attendees)
    assert list(calendar.walk("VTIMEZONE")), "Outlook needs the time zone definition"
    text = raw.decode("utf-8")
    assert "GEHEIM" not in text and "slaapt" not in text
    assert "Janssen" not in str(event["summary"])  # only the initial of the last name


def test_plain_text_invitation_says_who_when_where_what_without_notes(demo_services):
    meeting, discussion = _planned_with_notes(demo_services)
    text = demo_services.invitations.text(discussion.id)
    assert "dinsdag 1 december 2026, 14:15–14:40 uur" in text
    assert "Waar: Teamkamer, 1e verdieping" in text
    assert "Moeder van Zoë" in text and "Marieke Hendriks (JGZ Heuvelland)" in text
    assert "Zoë J." in text and "Wat gaat goed" in text
    assert "GEHEIM" not in text


def test_copying_the_text_invitation_is_audited_and_dates_are_in_dutch_words(demo_services):
    planned = next(m.meeting for m in demo_services.meetings.meetings() if m.meeting.status == "gepland")
    discussion = demo_services.meetings.discussions(planned.id)[0]
    text = demo_services.invitations.copied(discussion.id)
    from knooppunt.dates import dutch_date

    assert f"Wanneer: {dutch_date(planned.date)}," in text
    assert dutch_date(planned.date).split()[0] in ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag")
    assert demo_services.audit.recent(1)[0].action == "uitnodiging gekopieerd"


def _parents(services, discussion_id):
    return services.store.query(
        "SELECT g.name, g.email FROM guardian g JOIN discussion d ON d.child_id = g.child_id WHERE d.id = ?",
        [discussion_id])


def test_partner_invitations_carry_no_parents_surname_or_email_and_the_parents_get_their_own(demo_services):
    _, discussion = _planned_with_notes(demo_services)
    parents = _parents(demo_services, discussion.id)
    assert len(parents) == 2 and all(p["email"] for p in parents)
    surname = "Janssen"
    assert all(p["name"].endswith(surname) for p in parents)
    for_partners = [demo_services.invitations.ics(discussion.id).decode("utf-8"),
                    demo_services.invitations.text(discussion.id)]
    for content in for_partners:
        unfolded = content.replace("\r\n ", "")  # iCalendar folds long lines
        assert surname not in unfolded
        for parent in parents:
            assert parent["email"] not in unfolded and parent["name"] not in unfolded
        assert "Zoë J." in unfolded
    partners = {str(a) for a in Calendar.from_ical(for_partners[0]).walk("VEVENT")[0].get("attendee")}
    assert "mailto:m.hendriks@jgz-heuvelland.example" in partners

    for_parents = demo_services.invitations.ics(discussion.id, for_parents=True)
    attendees = Calendar.from_ical(for_parents).walk("VEVENT")[0].get("attendee")
    attendees = attendees if isinstance(attendees, list) else [attendees]
    assert {str(a) for a in attendees} == {f"mailto:{p['email']}" for p in parents}
    assert "Sandra Janssen (moeder)" in demo_services.invitations.text(discussion.id, for_parents=True)
