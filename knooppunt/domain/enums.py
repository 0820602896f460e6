"""Enumerations of the domain. Values are stored in the database; ``label`` is the Dutch UI text."""

from __future__ import annotations

from enum import StrEnum


class Labeled(StrEnum):
    @property
    def label(self) -> str:
        return _LABELS.get((type(self), self.value), self.value)

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]


class LocationType(Labeled):
    """Soort locatie."""

    KINDEROPVANG = "kinderopvang"
    VOORSCHOOL = "voorschool"
    PO = "PO"
    VO = "VO"
    MBO = "MBO"
    SO = "SO"


class PartnerKind(Labeled):
    """Structurele kernpartner (altijd aan tafel) of incidentele (per situatie)."""

    STRUCTURAL = "structureel"
    INCIDENTAL = "incidenteel"


class Role(Labeled):
    """Rol van de gebruiker van deze laptop."""

    IB = "ib"
    COORDINATOR = "coordinator"
    OTHER = "anders"


class ConsentGiver(Labeled):
    GUARDIAN = "ouder"
    CHILD = "kind"


class ConsentMethod(Labeled):
    WRITTEN = "schriftelijk"
    ORAL = "mondeling"


class CasePhase(Labeled):
    """Fase van de casus: start → uitvoering → afsluiting."""

    START = "start"
    EXECUTION = "uitvoering"
    CLOSED = "afsluiting"


class ClosingReason(Labeled):
    SOLVED = "opgelost"
    HANDED_OVER = "overgedragen"


class MeetingStatus(Labeled):
    PLANNED = "gepland"
    HELD = "gehouden"
    CANCELLED = "geannuleerd"


class DiscussionStatus(Labeled):
    PLANNED = "gepland"
    IN_PROGRESS = "bezig"
    FINALISED = "vastgesteld"
    REMOVED = "afgemeld"


class ParticipantKind(Labeled):
    PARENT = "ouder"
    CHILD = "kind"
    SCHOOL = "school"
    PARTNER = "partner"


class Attendance(Labeled):
    UNKNOWN = "onbekend"
    PRESENT = "aanwezig"
    ABSENT = "afwezig"
    LATE = "later"


class Visibility(Labeled):
    """Gedeelde notities mogen ouders zien en komen in de brief; interne niet."""

    SHARED = "gedeeld"
    INTERNAL = "intern"


class AgendaKind(Labeled):
    OPENING = "opening"
    GOAL = "doel"
    REVIEW = "terugblik"
    GOES_WELL = "gaat_goed"
    CONCERNS = "zorgen"
    NEEDS = "behoeften"
    DECISIONS = "besluiten"
    CLOSING = "afsluiting"
    OTHER = "anders"


class DecisionStatus(Labeled):
    FINAL = "definitief"
    PROVISIONAL = "voorlopig"


class Position(Labeled):
    """Standpunt van ouders (of kind) bij een besluit."""

    AGREE = "eens"
    DISAGREE = "oneens"
    AGREE_WITH_REMARKS = "eens_met_opmerkingen"
    NOT_ASKED = "niet_gevraagd"


class OwnerKind(Labeled):
    PARTNER = "partner"
    PARENT = "ouder"
    CHILD = "kind"
    SCHOOL = "school"


class AgreementStatus(Labeled):
    OPEN = "open"
    DONE = "gedaan"
    NOT_DONE = "niet_gedaan"
    CONTINUES = "loopt_door"
    CHANGED = "gewijzigd"


# Pairs, not a dict keyed by member: equal values of different enums (CasePhase.CLOSED and
# AgendaKind.CLOSING are both "afsluiting") would collide as dict keys, since StrEnum members
# compare equal to their string value.
_LABEL_PAIRS: list[tuple[StrEnum, str]] = [
    (LocationType.KINDEROPVANG, "Kinderopvang"),
    (LocationType.VOORSCHOOL, "Voorschool"),
    (LocationType.PO, "Primair onderwijs"),
    (LocationType.VO, "Voortgezet onderwijs"),
    (LocationType.MBO, "MBO"),
    (LocationType.SO, "Speciaal onderwijs"),
    (PartnerKind.STRUCTURAL, "Structureel"),
    (PartnerKind.INCIDENTAL, "Incidenteel"),
    (Role.IB, "Intern begeleider"),
    (Role.COORDINATOR, "Locatiecoördinator"),
    (Role.OTHER, "Anders"),
    (ConsentGiver.GUARDIAN, "Ouder/verzorger"),
    (ConsentGiver.CHILD, "Kind/jongere"),
    (ConsentMethod.WRITTEN, "Schriftelijk"),
    (ConsentMethod.ORAL, "Mondeling"),
    (CasePhase.START, "Start"),
    (CasePhase.EXECUTION, "Uitvoering"),
    (CasePhase.CLOSED, "Afgesloten"),
    (ClosingReason.SOLVED, "Opgelost naar tevredenheid van ouders en school"),
    (ClosingReason.HANDED_OVER, "Externe hulp ingezet, regie overgedragen"),
    (MeetingStatus.PLANNED, "Gepland"),
    (MeetingStatus.HELD, "Gehouden"),
    (MeetingStatus.CANCELLED, "Geannuleerd"),
    (DiscussionStatus.PLANNED, "Gepland"),
    (DiscussionStatus.IN_PROGRESS, "Bezig"),
    (DiscussionStatus.FINALISED, "Vastgesteld"),
    (DiscussionStatus.REMOVED, "Afgemeld"),
    (ParticipantKind.PARENT, "Ouder/verzorger"),
    (ParticipantKind.CHILD, "Kind/jongere"),
    (ParticipantKind.SCHOOL, "School"),
    (ParticipantKind.PARTNER, "Kernpartner"),
    (Attendance.UNKNOWN, "Nog niet bekend"),
    (Attendance.PRESENT, "Aanwezig"),
    (Attendance.ABSENT, "Afwezig"),
    (Attendance.LATE, "Later aangeschoven"),
    (Visibility.SHARED, "Gedeeld met ouders"),
    (Visibility.INTERNAL, "Intern"),
    (AgendaKind.OPENING, "Opening en kennismaking"),
    (AgendaKind.GOAL, "Doel van dit gesprek"),
    (AgendaKind.REVIEW, "Terugblik op eerdere afspraken"),
    (AgendaKind.GOES_WELL, "Wat gaat goed"),
    (AgendaKind.CONCERNS, "Zorgen en vragen"),
    (AgendaKind.NEEDS, "Wat heeft het kind nodig"),
    (AgendaKind.DECISIONS, "Besluiten en afspraken"),
    (AgendaKind.CLOSING, "Evaluatiedatum en afsluiting"),
    (AgendaKind.OTHER, "Overig"),
    (DecisionStatus.FINAL, "Definitief"),
    (DecisionStatus.PROVISIONAL, "Voorlopig – nog te bevestigen door de organisatie"),
    (Position.AGREE, "Eens"),
    (Position.DISAGREE, "Oneens"),
    (Position.AGREE_WITH_REMARKS, "Eens, met opmerkingen"),
    (Position.NOT_ASKED, "Niet gevraagd"),
    (OwnerKind.PARTNER, "Kernpartner"),
    (OwnerKind.PARENT, "Ouder/verzorger"),
    (OwnerKind.CHILD, "Kind/jongere"),
    (OwnerKind.SCHOOL, "School"),
    (AgreementStatus.OPEN, "Open"),
    (AgreementStatus.DONE, "Gedaan"),
    (AgreementStatus.NOT_DONE, "Niet gedaan"),
    (AgreementStatus.CONTINUES, "Loopt door"),
    (AgreementStatus.CHANGED, "Gewijzigd"),
]
_LABELS: dict[tuple[type, str], str] = {(type(member), member.value): text for member, text in _LABEL_PAIRS}
