"""Afkortingen die ouders in een brief kunnen tegenkomen, met uitleg in gewone woorden (B1)."""

from __future__ import annotations

import re
from collections.abc import Iterable

ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("JGZ", "jeugdgezondheidszorg: het consultatiebureau en de jeugdarts en jeugdverpleegkundige op school"),
    ("GGD", "de gemeentelijke gezondheidsdienst"),
    ("SMW", "schoolmaatschappelijk werk: hulp bij zorgen thuis of op school"),
    ("SWV", "samenwerkingsverband: scholen die samen extra hulp in de klas regelen"),
    ("PO", "primair onderwijs: de basisschool"),
    ("VVE", "voor- en vroegschoolse educatie: extra hulp bij leren voor jonge kinderen"),
    ("GGZ", "geestelijke gezondheidszorg: hulp bij psychische problemen"),
    ("CJG", "centrum voor jeugd en gezin: hulp bij opvoeden en opgroeien"),
    ("IB'er", "intern begeleider: de persoon op school die de extra zorg voor leerlingen regelt"),
)


def used_in(texts: Iterable[str]) -> list[tuple[str, str]]:
    """The abbreviations that occur (as whole words) in any of ``texts``, in a fixed order."""
    joined = "\n".join(texts)
    return [(short, meaning) for short, meaning in ABBREVIATIONS
            if re.search(rf"(?<!\w){re.escape(short)}(?!\w)", joined)]
