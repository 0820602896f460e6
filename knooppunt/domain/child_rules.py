"""Checks on a child and a parent before they are saved: plausible dates, reachable parents.

Each check raises ``ValidationError(field, message)`` with a Dutch message for that field.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ..errors import ValidationError
from .children import Child, Guardian, age_on
from .enums import LocationType

# Plausible ages (in whole years, inclusive) of a child at each kind of location.
AGE_RANGES: dict[LocationType, tuple[int, int]] = {
    LocationType.KINDEROPVANG: (0, 13),
    LocationType.VOORSCHOOL: (1, 6),
    LocationType.PO: (3, 14),
    LocationType.SO: (2, 20),
    LocationType.VO: (10, 21),
    LocationType.MBO: (14, 30),
}

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def checked_child(child: Child, location_type: LocationType, today: date) -> Child:
    """The child with trimmed names, or ``ValidationError`` naming the wrong field."""
    first, last = child.first_name.strip(), child.last_name.strip()
    if not first:
        raise ValidationError("first_name", "Vul de voornaam van het kind in.")
    if not last:
        raise ValidationError("last_name", "Vul de achternaam van het kind in.")
    if len(first) > 80 or len(last) > 80:
        raise ValidationError("first_name", "De naam is te lang (hoogstens 80 tekens per deel).")
    born = child.date_of_birth
    if born > today:
        raise ValidationError(
            "date_of_birth", f"De geboortedatum {born:%d-%m-%Y} ligt in de toekomst. Controleer de datum."
        )
    low, high = AGE_RANGES[LocationType(location_type)]
    age = age_on(born, today)
    if not low <= age <= high:
        raise ValidationError(
            "date_of_birth",
            f"Met geboortedatum {born:%d-%m-%Y} is het kind nu {age} jaar. Dat past niet bij "
            f"{LocationType(location_type).label.lower()} ({low} tot en met {high} jaar). Controleer de datum.",
        )
    if child.start_date is not None:
        if child.start_date < born:
            raise ValidationError("start_date", "De startdatum ligt vóór de geboortedatum.")
        if (child.start_date - today).days > 366:
            raise ValidationError("start_date", "De startdatum ligt meer dan een jaar in de toekomst.")
    return replace(child, first_name=first, last_name=last, group_name=child.group_name.strip())


def checked_guardian(guardian: Guardian) -> Guardian:
    """A parent with gezag receives the agreements letter, so needs an address or e-mail."""
    name = guardian.name.strip()
    if not name:
        raise ValidationError("name", "Vul de naam van de ouder/verzorger in.")
    email = guardian.email.strip()
    if email and not _EMAIL.match(email):
        raise ValidationError("email", f"‘{email}’ is geen geldig e-mailadres.")
    address = guardian.address.strip()
    if guardian.has_authority and not (address or email):
        raise ValidationError(
            "address",
            f"{name} heeft gezag en krijgt de afsprakenbrief: vul een adres of een e-mailadres in.",
        )
    return replace(
        guardian,
        name=name,
        email=email,
        address=address,
        phone=guardian.phone.strip(),
        relation=guardian.relation.strip() or "ouder",
        preferred_language=guardian.preferred_language.strip() or "Nederlands",
    )
