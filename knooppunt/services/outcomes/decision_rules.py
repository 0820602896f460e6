"""Who may decide at this table, and when (besluiten gebonden aan de tafel).

A *definitief* decision needs all of: the discussion is running (bezig) on or after its meeting
date; the deciding partner is invited and present (or their substitute is); the child's consent
covers that partner's organisation on the meeting date; the mandate is valid on the meeting
date. The first three refuse the decision (with a Dutch message naming the condition); a
mandate that is missing or not valid makes it *voorlopig*, with the reason stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...dates import dutch_date
from ...domain.directory import Mandate
from ...domain.enums import Attendance, DiscussionStatus
from ...domain.meeting_rules import is_there
from ...domain.meetings import Participant
from ...errors import KnooppuntError, ValidationError
from ..directory.locations import PartnerView
from .records import DiscussionContext


@dataclass(frozen=True)
class MandateCheck:
    """A partner of the location, whether they can decide at this table, and their mandate."""

    partner: PartnerView
    on: date
    problem: str | None  # the mandate on the meeting date (None: valid)
    refusal: str | None = None  # why this partner cannot decide here at all (None: at the table)

    @property
    def valid(self) -> bool:
        return self.problem is None

    @property
    def at_table(self) -> bool:
        return self.refusal is None

    @property
    def organisation(self) -> str:
        return self.partner.organisation.name if self.partner.organisation else ""

    @property
    def people(self) -> list[str]:
        return [p.name for p in (self.partner.contact, self.partner.substitute) if p is not None]

    @property
    def label(self) -> str:
        return f"{self.partner.partner.role} — {self.organisation}".strip(" —")

    def describe(self) -> str:
        """The mandate as it is stored with the decision."""
        return describe_mandate(self.partner.partner.mandate, self.problem)

    def provisional_reason(self) -> str:
        if self.problem is None:
            return ""
        return f"Geen geldig mandaat op de datum van het overleg ({self.on:%d-%m-%Y}): {self.problem}"


def describe_mandate(mandate: Mandate, problem: str | None) -> str:
    text = " — ".join(part for part in (mandate.category, mandate.description) if part)
    period = ""
    if mandate.valid_from or mandate.valid_until:
        start = f"{mandate.valid_from:%d-%m-%Y}" if mandate.valid_from else "…"
        end = f"{mandate.valid_until:%d-%m-%Y}" if mandate.valid_until else "…"
        period = f" (geldig {start} t/m {end})"
    if problem:
        return f"{problem}. {text}{period}".strip() if text else problem
    return f"{text}{period}"


def table_problem(view: PartnerView, participants: list[Participant], covered: set[int] | None) -> str | None:
    """Why this partner cannot decide in this discussion (None: invited, present and covered).

    ``covered``: the organisations the child's consent covers on the meeting date."""
    invited = [p for p in participants if p.location_partner_id == view.partner.id]
    if not invited:
        return "niet uitgenodigd voor deze bespreking"
    if not any(is_there(p) for p in invited):
        state = {Attendance.ABSENT: "afwezig", Attendance.UNKNOWN: "niet als aanwezig gemarkeerd"}
        return state.get(invited[0].attendance, "niet aanwezig")
    if covered is not None and view.partner.organisation_id not in covered:
        return "de toestemming voor dit kind geldt niet voor deze organisatie"
    return None


def require_decision_moment(ctx: DiscussionContext, today: date) -> None:
    """A decision is taken at the table: in a running discussion, on or after the meeting date."""
    if today < ctx.meeting_date:
        raise KnooppuntError(
            f"Het overleg is pas op {dutch_date(ctx.meeting_date)}; een besluit kan pas vanaf die dag "
            "worden vastgelegd.")
    if ctx.discussion.status != DiscussionStatus.IN_PROGRESS:
        state = {DiscussionStatus.PLANNED: "is nog alleen gepland", DiscussionStatus.REMOVED: "is afgemeld"}
        raise KnooppuntError(
            f"De bespreking van {ctx.child_name} {state.get(ctx.discussion.status, 'loopt niet')}; "
            "een besluit wordt vastgelegd terwijl de bespreking loopt (open haar in ‘Overleg voeren’).")


def refuse_outside_table(check: MandateCheck) -> None:
    if check.refusal is not None:
        raise ValidationError("location_partner_id", f"{check.label} kan hier niet besluiten: {check.refusal}. "
                              "Alleen een uitgenodigde, aanwezige partner besluit in de bespreking.")
