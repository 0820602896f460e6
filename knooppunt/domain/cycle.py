"""The knooppunt cycle around a child (issue 18): aanmelding, partners per child, plan van aanpak,
closing with the parents. Plain dataclasses and pure rules; storage and services live elsewhere."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .enums import Labeled


class GoalResult(Labeled):
    """Evaluatie van een doel in een volgend overleg."""

    REACHED = "bereikt"
    PARTLY = "deels"
    NOT = "niet"


class Judgement(Labeled):
    """Opgelost naar tevredenheid van ouders?"""

    YES = "ja"
    PARTLY = "deels"
    NO = "nee"


class Region(Labeled):
    """Schoolvakantieregio (rijksoverheid.nl)."""

    NORTH = "noord"
    MIDDLE = "midden"
    SOUTH = "zuid"


@dataclass(frozen=True)
class Intake:
    """Aanmelding: wat is opgevallen, in de woorden van de ouders, en zijn de ouders gesproken."""

    case_id: int
    registered_on: date
    noticed: str = ""
    parents_words: str = ""
    parents_spoken: bool = False
    parents_spoken_on: date | None = None
    registered_by: str = ""


@dataclass(frozen=True)
class PartnerRange:
    """Voor welke kinderen een rol aan tafel komt: leeftijd en/of groep (None = geen grens).

    A child is in range when it fits the age range *or* the group range (voorschool: up to 4
    years or groep 1–2); a range without any limit fits every child."""

    age_min: int | None = None
    age_max: int | None = None
    group_min: int | None = None
    group_max: int | None = None

    @property
    def unlimited(self) -> bool:
        return all(v is None for v in (self.age_min, self.age_max, self.group_min, self.group_max))

    def fits(self, age: int, group: int | None) -> bool:
        if self.unlimited:
            return True
        has_age = self.age_min is not None or self.age_max is not None
        has_group = self.group_min is not None or self.group_max is not None
        age_ok = has_age and _within(age, self.age_min, self.age_max)
        group_ok = has_group and group is not None and _within(group, self.group_min, self.group_max)
        return age_ok or group_ok

    @property
    def label(self) -> str:
        parts = []
        if self.age_min is not None or self.age_max is not None:
            parts.append(_span("jaar", self.age_min, self.age_max))
        if self.group_min is not None or self.group_max is not None:
            parts.append(_span("groep", self.group_min, self.group_max, prefix=True))
        return " of ".join(parts) if parts else "alle kinderen"


def default_range(role: str) -> PartnerRange:
    """Sensible defaults by the kind of role: voorschool up to 4 or groep 1–2, leerplicht from 5."""
    lowered = role.lower()
    if "voorschool" in lowered or "peuter" in lowered or lowered.startswith("vve"):
        return PartnerRange(age_max=4, group_min=1, group_max=2)
    if "leerplicht" in lowered:
        return PartnerRange(age_min=5)
    return PartnerRange()


_GROUP = re.compile(r"(?:groep|gr\.?)\s*(\d{1,2})|^\s*(\d{1,2})\s*[a-z]?\s*$", re.IGNORECASE)


def school_group(group_name: str) -> int | None:
    """The number of a group name such as "groep 5", "Gr. 1/2" or "5B"; None for "peuters"."""
    match = _GROUP.search(group_name)
    if not match:
        return None
    return int(match.group(1) or match.group(2))


def _within(value: int, low: int | None, high: int | None) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)


def _span(unit: str, low: int | None, high: int | None, *, prefix: bool = False) -> str:
    def show(n: int) -> str:
        return f"{unit} {n}" if prefix else f"{n} {unit}"
    if low is not None and high is not None:
        return f"{unit} {low}–{high}" if prefix else f"{low}–{high} {unit}"
    if low is not None:
        return f"vanaf {show(low)}"
    return f"tot en met {show(high or 0)}"


@dataclass(frozen=True)
class Goal:
    """Doel in het plan van aanpak, in volgorde van prioriteit."""

    id: int | None
    case_id: int
    position: int
    text: str
    who_does: str = ""
    progress_sign: str = ""
    discussion_id: int | None = None
    created_on: date | None = None


@dataclass(frozen=True)
class GoalEvaluation:
    id: int | None
    goal_id: int
    discussion_id: int
    result: GoalResult
    words: str
    on_date: date


@dataclass(frozen=True)
class Closing:
    """Afsluiting met de ouders."""

    case_id: int
    parents_judgement: Judgement
    when_questions: str
    parents_words: str = ""
    child_words: str = ""
    parents_before: int | None = None
    parents_after: int | None = None
    team_before: int | None = None
    team_after: int | None = None
    recorded_by: str = ""


@dataclass(frozen=True)
class LocationCycle:
    """Werkafspraken van een locatie als getallen die het programma volgt."""

    location_id: int
    region: Region = Region.SOUTH
    agenda_days_before: int = 7
    letter_working_days: int = 2
    intake_norm_days: int = 14
    scale_enabled: bool = True
    consent_months: int = 12
