"""vCard 3.0 export of a location's contact persons (phones and Outlook read it), via ``vobject``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import vobject

from ..domain.directory import ContactPerson
from .rows import PartnerRow


def vcards(views: Iterable[PartnerRow], location_name: str) -> str:
    """One card per person (fixed contacts and substitutes), each person once."""
    cards, seen = [], set()
    for view in views:
        for person, what in ((view.contact, "vaste contactpersoon"), (view.substitute, "vervanger")):
            if person is None or person.id in seen:
                continue
            seen.add(person.id)
            cards.append(_card(person, view, what, location_name).serialize())
    return "".join(cards)


def _card(person: ContactPerson, view: PartnerRow, what: str, location_name: str) -> Any:
    card = vobject.vCard()
    card.add("fn").value = person.name
    given, _, family = person.name.rpartition(" ")
    card.add("n").value = vobject.vcard.Name(family=family or person.name, given=given)
    if view.organisation:
        card.add("org").value = [view.organisation.name]
    if person.function:
        card.add("title").value = person.function
    if person.phone:
        tel = card.add("tel")
        tel.value = person.phone
        tel.type_param = "CELL" if person.phone.startswith("06") else "WORK"
    if person.mobile and person.mobile != person.phone:
        cell = card.add("tel")
        cell.value = person.mobile
        cell.type_param = "CELL"
    if person.email:
        email = card.add("email")
        email.value = person.email
        email.type_param = "INTERNET"
    note = f"Knooppunt {location_name}: {what} voor {view.partner.role}."
    if person.availability:
        note += f" Bereikbaar: {person.availability}."
    card.add("note").value = note
    card.add("categories").value = ["Knooppunt", location_name]
    return card
