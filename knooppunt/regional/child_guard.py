"""The last check before publishing: no child's or parent's name, phone, e-mail or note text.

The publication only takes directory columns, so this should never find anything; it is here for
what people type into free text (a contact's note, a location's werkafspraken).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .publication import Rows

_WORD = re.compile(r"\w+")
_EMAIL = re.compile(r"[^\s<>(),;:]+@[^\s<>(),;:]+")
_MAX_NAME_WORDS = 5
_LABELS = {"location": "locatie", "organisation_type": "soort organisatie", "organisation": "organisatie",
           "contact_person": "contactpersoon", "location_partner": "rol"}
_COLUMNS = {"address": "adres", "composition": "samenstelling", "working_agreements": "werkafspraken",
            "email": "e-mail", "function": "functie", "availability": "beschikbaarheid", "note": "notitie",
            "mandate_category": "mandaat", "mandate_description": "mandaatomschrijving", "name": "naam"}


@dataclass(frozen=True)
class Sensitive:
    """What may never be published, taken from the source database."""

    names: frozenset[str]  # children, parents, participants as parent or child: "first last", folded
    exact: frozenset[str]  # phones, e-mail addresses, note and decision texts, folded

    @classmethod
    def of(cls, names: Iterable[str], exact: Iterable[str]) -> Sensitive:
        folded_names = {" ".join(_words(n)) for n in names}
        return cls(frozenset(n for n in folded_names if " " in n),
                   frozenset(e.strip().casefold() for e in exact if len(e.strip()) >= 6))


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def findings(tables: Rows, sensitive: Sensitive) -> list[str]:
    """Dutch descriptions of every cell that holds something about a child (empty: safe)."""
    found = []
    for table, rows in tables.items():
        for row in rows:
            for column, value in row.items():
                if isinstance(value, str) and value and _hits(value, sensitive):
                    label = row.get("name") or row.get("role") or row.get("id")
                    found.append(f"{_LABELS.get(table, table)} ‘{label}’, veld {_COLUMNS.get(column, column)}")
    return found


def _hits(value: str, sensitive: Sensitive) -> bool:
    if value.strip().casefold() in sensitive.exact:
        return True
    words = _words(value)
    for size in range(2, _MAX_NAME_WORDS + 1):
        for start in range(len(words) - size + 1):
            if " ".join(words[start:start + size]) in sensitive.names:
                return True
    return any(e in sensitive.exact for e in _EMAIL.findall(value.casefold()))
