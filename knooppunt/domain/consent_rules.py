"""Who must consent before a child is discussed (toestemming), on the meeting date.

- every parent with parental authority (gezag) consents;
- a child aged 12 to 15 consents as well;
- from 16 the child consents and the parents are informed (their consent is not required).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from .children import Child, Consent, Guardian, age_on
from .enums import ConsentGiver


@dataclass(frozen=True)
class MissingConsent:
    """One person whose consent is lacking, and for what (Dutch description)."""

    giver: ConsentGiver
    guardian_id: int | None
    person: str
    organisation_ids: tuple[int, ...]
    description: str


def required_givers(child: Child, guardians: Iterable[Guardian], day: date) -> list[tuple[ConsentGiver, Guardian | None]]:
    age = age_on(child.date_of_birth, day)
    givers: list[tuple[ConsentGiver, Guardian | None]] = []
    if age < 16:
        givers += [(ConsentGiver.GUARDIAN, g) for g in guardians if g.has_authority]
    if age >= 12:
        givers.append((ConsentGiver.CHILD, None))
    return givers


def missing_consents(
    child: Child,
    guardians: Iterable[Guardian],
    consents: Iterable[Consent],
    day: date,
    organisation_ids: Iterable[int],
    organisation_names: Mapping[int, str],
    *,
    for_transfer: bool = False,
) -> list[MissingConsent]:
    """What is missing for discussing ``child`` on ``day`` with the given partner organisations.

    With ``for_transfer`` it is the consent to hand the case file over to the next location
    (overdracht, doorgaande lijn) that counts, not the consent for discussion.
    """
    wanted = set(organisation_ids)
    if for_transfer:
        consents = [c for c in consents if c.for_transfer and c.is_active_on(day)]
    else:
        consents = [c for c in consents if c.for_discussion and c.is_active_on(day)]
    missing: list[MissingConsent] = []
    age = age_on(child.date_of_birth, day)
    for giver, guardian in required_givers(child, list(guardians), day):
        person = guardian.name if guardian else child.full_name
        who = f"{person} ({guardian.relation}, met gezag)" if guardian else (
            f"{person} (het kind zelf, {age} jaar op {day:%d-%m-%Y})")
        mine = [c for c in consents if c.giver == giver and (guardian is None or c.guardian_id == guardian.id)]
        if not mine:
            what = "overdracht van het dossier naar de volgende locatie" if for_transfer else (
                "bespreking in het knooppunt")
            missing.append(MissingConsent(giver, guardian.id if guardian else None, person, tuple(sorted(wanted)),
                                          f"{who}: geen toestemming voor {what}"))
            continue
        covered = set().union(*(c.organisation_ids for c in mine))
        lacking = sorted(wanted - covered)
        if lacking:
            names = ", ".join(organisation_names.get(i, f"organisatie {i}") for i in lacking)
            missing.append(MissingConsent(giver, guardian.id if guardian else None, person, tuple(lacking),
                                          f"{who}: geen toestemming voor deelname van {names}"))
    return missing
