"""What a document shows, as plain values: the templates see only these, never the database.

The read model decides *what* may be printed (a letter for parents gets no internal note at all:
they are left out here, not hidden by a template); the templates decide *how* it looks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum


class DocumentKind(StrEnum):
    """Soort document; de waarden staan ook in de tabel ``document``."""

    MINUTES = "verslag"
    MINUTES_INTERNAL = "verslag_intern"
    LETTER = "afsprakenbrief"
    MEETING_REPORT = "overlegverslag"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def template(self) -> str:
        return _TEMPLATES[self]

    @property
    def shows_internal_notes(self) -> bool:
        return self is DocumentKind.MINUTES_INTERNAL

    @property
    def per_meeting(self) -> bool:
        return self is DocumentKind.MEETING_REPORT

    @property
    def page_label(self) -> str:
        """A line on every page saying who may (not) get this document; empty when none is needed."""
        return INTERNAL_REPORT_LABEL if self is DocumentKind.MEETING_REPORT else ""

    @property
    def noun(self) -> str:
        """How a sentence names it: ``het vastgestelde verslag van …``."""
        return _NOUNS[self]


_LABELS = {
    DocumentKind.MINUTES: "Verslag",
    DocumentKind.MINUTES_INTERNAL: "Verslag (intern)",
    DocumentKind.LETTER: "Afsprakenbrief voor ouders",
    DocumentKind.MEETING_REPORT: "Verslag van het overleg",
}
INTERNAL_REPORT_LABEL = (
    "Intern overlegverslag — alle besproken kinderen; niet aan ouders of incidentele partners geven"
)
_NOUNS = {
    DocumentKind.MINUTES: "verslag",
    DocumentKind.MINUTES_INTERNAL: "interne verslag",
    DocumentKind.LETTER: "afsprakenbrief",
    DocumentKind.MEETING_REPORT: "overlegverslag",
}
_TEMPLATES = {
    DocumentKind.MINUTES: "verslag.rml.j2",
    DocumentKind.MINUTES_INTERNAL: "verslag.rml.j2",
    DocumentKind.LETTER: "afsprakenbrief.rml.j2",
    DocumentKind.MEETING_REPORT: "overlegverslag.rml.j2",
}


@dataclass(frozen=True)
class LocationInfo:
    id: int
    name: str
    address: str
    postcode_city: str
    city: str
    phone: str
    retention_months: int = 24


@dataclass(frozen=True)
class PersonLine:
    """Deelnemer: naam, wat hij/zij is (rol, organisatie) en aanwezigheid."""

    name: str
    kind: str
    role: str
    organisation: str
    function: str
    present: bool
    attendance: str
    absence_reason: str


@dataclass(frozen=True)
class NoteLine:
    text: str
    perspective: str
    internal: bool


@dataclass(frozen=True)
class Section:
    """Agendapunt met de notities die in dit document mogen staan."""

    kind: str
    title: str
    notes: tuple[NoteLine, ...]


@dataclass(frozen=True)
class DecisionLine:
    text: str
    category: str
    decided_by: str
    organisation: str
    mandate: str
    provisional: bool
    parents_position: str
    parents_position_label: str
    parents_words: str
    child_position: str
    child_position_label: str
    child_words: str
    provisional_reason: str = ""
    confirm_by: date | None = None  # provisional: when the organisation's confirmation is due
    confirm_contact: str = ""  # provisional: who lets the parents know


@dataclass(frozen=True)
class AgreementLine:
    owner: str
    owner_kind: str
    description: str
    due_date: date | None
    evaluation_date: date | None
    status: str
    outcome_note: str = ""
    followup: bool = False  # a partner's internal follow-up (confirming a provisional decision)


@dataclass(frozen=True)
class ContactLine:
    """Vaste contactpersoon van de ouders bij een kernpartner."""

    role: str
    name: str
    organisation: str
    function: str
    phone: str
    email: str
    why: str = ""  # letter: "besluit", "afspraak" (why this person is in the contact table)


@dataclass(frozen=True)
class Addressee:
    """Wie een afsprakenbrief krijgt: één ouder (gescheiden) of beide ouders samen."""

    names: tuple[str, ...]
    address: str
    language: str = "nl"  # a catalog code: nl, en, tr, ar, pl
    others: tuple[str, ...] = ()  # the other parent(s) with gezag, who get the same letter


@dataclass(frozen=True)
class ParentInput:
    """Wat ouders vóór het overleg inbrachten (uitnodiging: wat wilt u bespreken, wat gaat goed)."""

    agenda_kind: str
    text: str
    given_by: str


@dataclass(frozen=True)
class AddendumLine:
    """Aanvulling na vaststelling: wie, wanneer, waarover, wat en waarom."""

    about: str
    text: str
    reason: str
    author: str
    created_at: datetime


@dataclass(frozen=True)
class DiscussionDocument:
    """Alles wat een verslag of afsprakenbrief over één kind nodig heeft."""

    discussion_id: int
    meeting_id: int
    location: LocationInfo
    meeting_date: date
    start_time: time
    place: str
    chair: str
    child_name: str
    child_first_name: str
    group: str
    parents: tuple[str, ...]
    participants: tuple[PersonLine, ...]
    sections: tuple[Section, ...]
    decisions: tuple[DecisionLine, ...]
    agreements: tuple[AgreementLine, ...]
    reviewed: tuple[AgreementLine, ...]
    evaluation_date: date | None
    next_meeting: datetime | None
    contacts: tuple[ContactLine, ...]
    parents_absent_reason: str
    internal: bool
    finalised: bool
    addenda: tuple[AddendumLine, ...] = ()
    recipients: tuple[str, ...] = ()  # partner organisations that took part in any discussion of the child
    addressees: tuple[Addressee, ...] = ()  # letter: one per parent with gezag living apart, else one
    regiehouder: ContactLine | None = None  # letter: "Uw vaste aanspreekpunt" (hook; see letter_model)
    letter_contacts: tuple[ContactLine, ...] = ()  # letter: deciders and agreement owners, with how to reach them
    interpreter: bool = False  # a parent needs an interpreter (Ouders tab)
    parent_input: tuple[ParentInput, ...] = ()

    @property
    def present(self) -> tuple[PersonLine, ...]:
        return tuple(p for p in self.participants if p.present)

    @property
    def absent(self) -> tuple[PersonLine, ...]:
        return tuple(p for p in self.participants if not p.present)


@dataclass(frozen=True)
class MeetingDocument:
    """Het verslag van een heel overleg: alle besprekingen na elkaar."""

    meeting_id: int
    location: LocationInfo
    meeting_date: date
    start_time: time
    place: str
    chair: str
    discussions: tuple[DiscussionDocument, ...]
    internal: bool
    finalised: bool

    @property
    def addenda(self) -> tuple[AddendumLine, ...]:
        return tuple(a for d in self.discussions for a in d.addenda)
