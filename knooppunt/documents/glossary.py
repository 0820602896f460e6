"""Afkortingen en functies die ouders in een brief kunnen tegenkomen, met uitleg in gewone woorden (B1).

The explanations are marked with ``N_`` so ``pybabel extract -k N_`` puts them in the catalogs;
the letter translates them when it prints them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def N_(text: str) -> str:
    return text


ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("JGZ", N_("jeugdgezondheidszorg: het consultatiebureau en de jeugdarts en jeugdverpleegkundige op school")),
    ("GGD", N_("de gemeentelijke gezondheidsdienst")),
    ("SMW", N_("schoolmaatschappelijk werk: hulp bij zorgen thuis of op school")),
    ("SWV", N_("samenwerkingsverband: scholen die samen extra hulp in de klas regelen")),
    ("PO", N_("primair onderwijs: de basisschool")),
    ("VVE", N_("voor- en vroegschoolse educatie: extra hulp bij leren voor jonge kinderen")),
    ("GGZ", N_("geestelijke gezondheidszorg: hulp bij psychische problemen")),
    ("CJG", N_("centrum voor jeugd en gezin: hulp bij opvoeden en opgroeien")),
    ("IB'er", N_("intern begeleider: de persoon op school die de extra zorg voor leerlingen regelt")),
)
# Job titles, matched in any case ("Jeugdverpleegkundige" in the directory, lower case in the letter).
JOB_TITLES: tuple[tuple[str, str], ...] = (
    ("intern begeleider", N_("regelt op school de extra zorg voor leerlingen")),
    ("jeugdverpleegkundige", N_("verpleegkundige van de JGZ; kijkt naar gezondheid, groei en opvoeden")),
    ("jeugdarts", N_("arts van de JGZ voor kinderen en jongeren")),
    ("schoolmaatschappelijk werker", N_("helpt kinderen en ouders bij zorgen thuis of op school")),
    ("pedagogisch medewerker", N_("zorgt voor de kinderen op de peuterspeelzaal of de opvang")),
    ("gezinscoach", N_("helpt het gezin thuis, een paar maanden lang")),
    ("wijkverpleegkundige", N_("verpleegkundige in uw wijk; komt ook thuis")),
    ("orthopedagoog", N_("kijkt hoe een kind leert en wat het nodig heeft")),
)


def used_in(texts: Iterable[str]) -> list[tuple[str, str]]:
    """The abbreviations (whole words) and job titles that occur in any of ``texts``, in a fixed order."""
    joined = "\n".join(texts)
    found = [(short, meaning) for short, meaning in ABBREVIATIONS
             if re.search(rf"(?<!\w){re.escape(short)}(?!\w)", joined)]
    found += [(title, meaning) for title, meaning in JOB_TITLES
              if re.search(rf"(?<!\w){re.escape(title)}(?!\w)", joined, re.IGNORECASE)]
    return found
