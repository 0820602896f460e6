"""The parents' invitation: in their language, asking their own points; the interpreter is named."""

from __future__ import annotations

from datetime import time, timedelta

from knooppunt.domain.meetings import Meeting
from tests.conftest import TODAY


def _yilmaz_discussion(services) -> int:
    """Şükrü Yılmaz: mother Ayşe (Turkish), father Mehmet needs an interpreter (demo data)."""
    location = services.locations.locations()[0]
    meeting, _ = services.planning.create_meeting(
        Meeting(None, location.id, TODAY + timedelta(days=8), time(14, 15), "Teamkamer", "Annelies Vermeulen"))
    child = next(v.child for v in services.children.children(location_id=location.id) if v.child.last_name == "Yılmaz")
    discussion, _ = services.planning.add_child(meeting.id, child.id, slot_minutes=25)
    return discussion.id


def test_parents_invitation_asks_their_points_in_dutch_by_default(demo_services):
    location = demo_services.locations.locations()[0]
    meeting, _ = demo_services.planning.create_meeting(
        Meeting(None, location.id, TODAY + timedelta(days=8), time(9, 0), "Teamkamer", "Annelies Vermeulen"))
    zoe = next(v.child for v in demo_services.children.children(location_id=location.id)
               if v.child.first_name == "Zoë")
    discussion, _ = demo_services.planning.add_child(meeting.id, zoe.id)
    text = demo_services.invitations.text(discussion.id, for_parents=True)
    assert "Wat wilt u bespreken?\n   ....." in text and "Wat gaat goed?\n   ....." in text
    assert "tolk" not in text and "vertaling: concept" not in text


def test_parents_invitation_in_their_language_says_the_interpreter_is_there(demo_services):
    discussion_id = _yilmaz_discussion(demo_services)
    text = demo_services.invitations.text(discussion_id, for_parents=True)
    assert "Neyi konuşmak istersiniz?" in text and "Neler iyi gidiyor?" in text
    assert "Görüşmede bir tercüman olacak." in text
    assert "(vertaling: concept)" in text  # Turkish is a draft
    english = demo_services.invitations.text(discussion_id, for_parents=True, language="en")
    assert "What would you like to discuss?" in english and "An interpreter will be at the meeting." in english


def test_partners_invitation_says_an_interpreter_is_needed(demo_services):
    text = demo_services.invitations.text(_yilmaz_discussion(demo_services))
    assert "Tolk: bij dit gesprek is een tolk nodig (Turks)." in text
    assert "Wat wilt u bespreken?" not in text


def test_the_parents_calendar_entry_is_their_invitation_in_their_language(demo_services):
    from icalendar import Calendar

    discussion_id = _yilmaz_discussion(demo_services)
    event = next(iter(Calendar.from_ical(demo_services.invitations.ics(discussion_id, for_parents=True))
                      .walk("VEVENT")))
    assert str(event["summary"]) == "Şükrü hakkında bir görüşmeye davet"
    assert "Neyi konuşmak istersiniz?" in str(event["description"])
    partners = next(iter(Calendar.from_ical(demo_services.invitations.ics(discussion_id)).walk("VEVENT")))
    assert str(partners["summary"]).startswith("Knooppuntoverleg")
