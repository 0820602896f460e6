"""School years (1 August – 31 July) and their three periods, as monitoring counts them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..errors import ValidationError

# Three periods of four months, the rhythm of most schools' reports; documented in docs/monitoring.md.
_PERIODS = (("p1", "1e periode (aug–nov)", 8), ("p2", "2e periode (dec–mrt)", 12), ("p3", "3e periode (apr–jul)", 4))


@dataclass(frozen=True)
class Period:
    """A stretch of a school year; ``end`` is the last day it includes."""

    school_year: str
    key: str
    label: str
    start: date
    end: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def school_year_of(day: date) -> str:
    first = day.year if day.month >= 8 else day.year - 1
    return f"{first}-{first + 1}"


def parse_school_year(text: str) -> int:
    """'2026-2027' or '2026/2027' (or '2026/27') → 2026; a clear Dutch message otherwise."""
    match = re.fullmatch(r"\s*(\d{4})\s*[-/]\s*(\d{2}|\d{4})\s*", text or "")
    if match:
        first, second = int(match[1]), match[2]
        if int(second) % 100 == (first + 1) % 100:
            return first
    raise ValidationError("year", f"‘{text}’ is geen schooljaar; schrijf het als 2026-2027.")


def periods(school_year: str) -> list[Period]:
    """The whole school year first, then its three periods."""
    first = parse_school_year(school_year)
    name = f"{first}-{first + 1}"
    result = [Period(name, "jaar", f"Schooljaar {name}", date(first, 8, 1), date(first + 1, 7, 31))]
    bounds = [date(first, 8, 1), date(first, 12, 1), date(first + 1, 4, 1), date(first + 1, 8, 1)]
    for (key, label, _month), start, following in zip(_PERIODS, bounds, bounds[1:], strict=False):
        result.append(Period(name, key, label, start, date.fromordinal(following.toordinal() - 1)))
    return result


def period(school_year: str, key: str = "jaar") -> Period:
    for found in periods(school_year):
        if found.key == key:
            return found
    raise ValidationError("period", f"Onbekende periode ‘{key}’: kies jaar, p1, p2 of p3.")
