"""Invitations per slot: an iCalendar file (.ics) and a plain text to paste into an e-mail.

Both carry who, when, where and the agenda titles, and nothing sensitive: no notes, no
hulpvraag, no concerns. The child is named by first name and initial only.

Two audiences (AVG: share no more than needed). The partners' version (the default) names the
parents only by their relation to the child ("moeder van Zoë") and never carries their e-mail
addresses: parents get their own invitation (``for_parents=True``), addressed to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from ...dates import dutch_date
from ...domain.enums import ParticipantKind
from ...domain.meetings import AgendaItem, Discussion, Meeting, Participant
from ...exports import write_export
from ...storage import Store
from ..children.children import ChildService
from ..directory.locations import LocationService

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PRODID = "-//Knooppunt//Knooppuntoverleg//NL"


@dataclass(frozen=True)
class Invitee:
    participant: Participant
    email: str


@dataclass(frozen=True)
class Invitation:
    meeting: Meeting
    discussion: Discussion
    location_name: str
    child_label: str
    invitees: list[Invitee]
    agenda: list[AgendaItem]
    child_first_name: str = ""
    for_parents: bool = False

    @property
    def start(self) -> datetime:
        return datetime.combine(self.meeting.date, self.discussion.slot_start, tzinfo=AMSTERDAM)

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.discussion.slot_minutes)

    @property
    def summary(self) -> str:
        return f"Knooppuntoverleg {self.location_name}: gesprek over {self.child_label}"


class InvitationService:
    def __init__(self, store: Store, locations: LocationService, children: ChildService) -> None:
        self._store = store
        self._locations = locations
        self._children = children

    def invitation(self, discussion_id: int, *, for_parents: bool = False) -> Invitation:
        discussion = self._store.get(Discussion, "discussion", discussion_id)
        meeting = self._store.get(Meeting, "meeting", discussion.meeting_id)
        location = self._locations.location(meeting.location_id)
        child = self._children.child(discussion.child_id)
        participants = self._store.select(Participant, "participant", "discussion_id = ?", [discussion_id],
                                          order_by="id")
        assert child.id is not None
        guardian_mail = {g.id: g.email for g in self._children.guardians(child.id)}
        contact_ids = [p.contact_id for p in participants if p.contact_id]
        contact_mail = {}
        if contact_ids:
            marks = ",".join("?" * len(contact_ids))
            contact_mail = {r["id"]: r["email"] for r in self._store.query(
                f"SELECT id, email FROM contact_person WHERE id IN ({marks})", contact_ids)}
        invitees = [Invitee(p, (guardian_mail.get(p.guardian_id) or contact_mail.get(p.contact_id) or "").strip())
                    for p in participants]
        agenda = self._store.select(AgendaItem, "agenda_item", "discussion_id = ?", [discussion_id],
                                    order_by="position")
        label = f"{child.first_name} {child.last_name[:1]}.".strip()
        return Invitation(meeting, discussion, location.name, label, invitees, agenda, child.first_name,
                          for_parents)

    def ics(self, discussion_id: int, *, for_parents: bool = False) -> bytes:
        """One VEVENT for this child's slot, with a VTIMEZONE so Outlook places it right.

        Attendees are the partners and school (``for_parents``: the parents), never both."""
        inv = self.invitation(discussion_id, for_parents=for_parents)
        from icalendar import Calendar, Event, vCalAddress, vText  # imported when used, not at start-up

        cal = Calendar()
        cal.add("prodid", PRODID)
        cal.add("version", "2.0")
        cal.add("method", "PUBLISH")
        event = Event()
        event.add("uid", f"knooppunt-{inv.meeting.id}-{inv.discussion.id}@knooppunt.local")
        event.add("dtstamp", self._store.now().astimezone(AMSTERDAM))
        event.add("dtstart", inv.start)
        event.add("dtend", inv.end)
        parents_text = self.text(discussion_id, for_parents=True) if for_parents else ""
        # The parents' calendar entry is their invitation, in their language, with their questions.
        event.add("summary", parents_text.splitlines()[0] if for_parents else inv.summary)
        event.add("location", inv.meeting.place)
        event.add("description", parents_text if for_parents else _description(inv))
        for invitee in inv.invitees:
            is_parent = invitee.participant.kind == ParticipantKind.PARENT
            if not invitee.email or is_parent != for_parents or invitee.participant.kind == ParticipantKind.CHILD:
                continue
            attendee = vCalAddress(f"mailto:{invitee.email}")
            attendee.params["cn"] = vText(invitee.participant.name)
            attendee.params["role"] = vText("REQ-PARTICIPANT")
            event.add("attendee", attendee, encode=False)
        cal.add_component(event)
        # A short VTIMEZONE (this year and the next) keeps the file small; Outlook needs one.
        cal.add_missing_timezones(first_date=date(inv.meeting.date.year, 1, 1),
                                  last_date=date(inv.meeting.date.year + 2, 1, 1))
        return bytes(cal.to_ical())

    def interpreter(self, discussion_id: int) -> str:
        """"Turks" when a parent of this child needs an interpreter (Ouders tab), else empty."""
        child_id = self._store.scalar("SELECT child_id FROM discussion WHERE id = ?", [discussion_id])
        needed = [g.preferred_language for g in self._children.guardians(child_id) if g.needs_interpreter]
        return (needed[0].strip() or "onbekende taal") if needed else ""

    def parents_language(self, discussion_id: int) -> str:
        """The catalog language of the parents' invitation: the first parent's own language, else Dutch."""
        from ...documents.letter_model import language_code

        child_id = self._store.scalar("SELECT child_id FROM discussion WHERE id = ?", [discussion_id])
        codes = [language_code(g.preferred_language) for g in self._children.guardians(child_id)]
        return next((code for code in codes if code != "nl"), "nl")

    def text(self, discussion_id: int, *, for_parents: bool = False, language: str | None = None) -> str:
        """Plain invitation for an e-mail: who, when, where, what — nothing sensitive. The parents'
        version is in their language and asks what they want to discuss and what goes well."""
        inv = self.invitation(discussion_id, for_parents=for_parents)
        interpreter = self.interpreter(discussion_id)
        if for_parents:
            from .invitation_text import parents_text

            return parents_text(inv, language or self.parents_language(discussion_id), bool(interpreter))
        day = inv.meeting.date
        lines = [
            f"Uitnodiging knooppuntoverleg {inv.location_name}",
            "",
            f"Wanneer: {dutch_date(day)}, "
            f"{inv.start:%H:%M}–{inv.end:%H:%M} uur",
            f"Waar: {inv.meeting.place}",
            f"Voorzitter: {inv.meeting.chair_name}",
            f"Wat: een gesprek over {inv.child_label}, samen met de ouders.",
            "",
            "Wie zijn uitgenodigd:",
            *[f"- {_who(i.participant, inv)}" for i in inv.invitees],
            "",
            "Agenda:",
            *[f"{n}. {item.title} ({item.minutes} min.)" for n, item in enumerate(inv.agenda, start=1)],
            "",
            "Kunt u niet? Laat het de voorzitter dan zo snel mogelijk weten.",
        ]
        if interpreter:
            lines[6:6] = [f"Tolk: bij dit gesprek is een tolk nodig ({interpreter}). De voorzitter regelt de tolk."]
        return "\n".join(lines) + "\n"

    def copied(self, discussion_id: int, *, for_parents: bool = False) -> str:
        """The text invitation for the clipboard (to paste in an e-mail); the copy is audit-logged."""
        text = self.text(discussion_id, for_parents=for_parents)
        with self._store.unit_of_work() as uow:
            uow.audit("uitnodiging gekopieerd", "discussion", discussion_id,
                      f"naar het klembord, {_audience(for_parents)}")
        return text

    def save_ics(self, discussion_id: int, path: Path, *, for_parents: bool = False) -> None:
        """Write the .ics for this slot, all or nothing, with an audit entry."""
        write_export(self._store, Path(path), self.ics(discussion_id, for_parents=for_parents),
                     action="agenda-uitnodiging opgeslagen", table="discussion", record_id=discussion_id,
                     detail=_audience(for_parents))

    def save_text(self, discussion_id: int, path: Path, *, for_parents: bool = False) -> None:
        """Write the plain-text invitation (UTF-8), all or nothing, with an audit entry."""
        write_export(self._store, Path(path), self.text(discussion_id, for_parents=for_parents).encode("utf-8"),
                     action="uitnodiging opgeslagen", table="discussion", record_id=discussion_id,
                     detail=_audience(for_parents))


def _audience(for_parents: bool) -> str:
    # No file name in the audit log: a name chosen by the user may carry the child's name.
    return "voor ouders" if for_parents else "voor partners"


def _who(p: Participant, inv: Invitation) -> str:
    if p.kind == ParticipantKind.PARTNER:
        return f"{p.name} ({p.organisation})" if p.organisation else p.name
    if p.kind == ParticipantKind.PARENT:
        if inv.for_parents:
            return f"{p.name} ({p.role or 'ouder'})"
        return f"{(p.role or 'ouder').capitalize()} van {inv.child_first_name}"
    if p.kind == ParticipantKind.SCHOOL:
        return f"{p.name} ({p.role})" if p.role else p.name
    return f"{inv.child_label} (leerling)"


def _description(inv: Invitation) -> str:
    who = "\n".join(f"- {_who(i.participant, inv)}" for i in inv.invitees)
    agenda = "\n".join(f"{n}. {item.title}" for n, item in enumerate(inv.agenda, start=1))
    return (f"Knooppuntoverleg, voorzitter {inv.meeting.chair_name}.\n\nDeelnemers:\n{who}\n\nAgenda:\n{agenda}")
